"""Synthetic seminars: the same seed gives the same file, and every file loads with what was asked."""

import hashlib
import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from desktop_app.model.analysis.seminar_analysis import Verdict
from desktop_app.model.format.excerpts import normalise
from desktop_app.model.format.loader import load, load_bytes
from desktop_app.model.format.schema import Role
from tests.synthetic.generator import generate, generate_text, main


@pytest.fixture(scope="module")
def panel_text() -> str:
    """A 60-speaker panel: big enough for every kind of verdict, small enough to be quick."""
    return generate_text(speakers=60, themes=40, positions=1_500, seed=7)


def test_same_seed_gives_identical_bytes(panel_text):
    """Generating the same seminar twice gives the same file, byte for byte."""
    assert generate_text(speakers=60, themes=40, positions=1_500, seed=7) == panel_text


def test_same_seed_gives_identical_bytes_in_another_interpreter(panel_text):
    """A fresh interpreter with a different string-hash seed writes the same file, so nothing hangs on hash order."""
    script = (
        "import hashlib\n"
        "from tests.synthetic.generator import generate_text\n"
        "text = generate_text(speakers=60, themes=40, positions=1_500, seed=7)\n"
        "print(hashlib.sha256(text.encode('utf-8')).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.strip() == hashlib.sha256(panel_text.encode("utf-8")).hexdigest()


def test_different_seed_gives_a_different_seminar(panel_text):
    """Another seed changes names, stances and text."""
    other = generate_text(speakers=60, themes=40, positions=1_500, seed=8)
    assert other != panel_text
    names = {s["name"] for s in json.loads(other)["speakers"]}
    assert names != {s["name"] for s in json.loads(panel_text)["speakers"]}


@pytest.mark.parametrize(
    ("speakers", "themes", "positions"),
    [(1, 0, 0), (1, 1, 3), (2, 1, 1), (3, 2, 10), (50, 40, 1_000), (120, 40, 3_000)],
)
def test_generated_file_loads_with_the_counts_asked_for(speakers, themes, positions):
    """Whatever the size, the file loads without a problem and holds exactly the counts requested."""
    dataset = load_bytes(generate_text(speakers, themes, positions, seed=3).encode("utf-8"), "synthetic")
    assert (len(dataset.speakers), len(dataset.themes), len(dataset.positions)) == (speakers, themes, positions)
    assert dataset.chair is not None and dataset.chair.role is Role.CHAIR


def test_every_excerpt_is_found_verbatim_in_the_source(panel_text):
    """Each excerpt is a passage of the generated report, character for character, at its recorded span."""
    dataset = load_bytes(panel_text.encode("utf-8"), "synthetic")
    text = dataset.seminar.source.text
    assert len(dataset.spans) == len(dataset.positions)
    for position in dataset.positions:
        assert position.excerpt in text
        span = dataset.spans[position.id]
        assert text[span.start : span.end] == position.excerpt


def test_stances_spread_so_themes_get_varied_verdicts(panel_text):
    """The themes of a generated panel fall under consensus either way, contested and mixed, and all stances occur."""
    dataset = load_bytes(panel_text.encode("utf-8"), "synthetic")
    verdicts = Counter(metrics.verdict for metrics in dataset.analysis.themes.values())
    assert {Verdict.CONSENSUS_POSITIVE, Verdict.CONSENSUS_NEGATIVE, Verdict.CONTESTED, Verdict.MIXED} <= set(verdicts)
    assert {position.stance for position in dataset.positions} == {-2, -1, 0, 1, 2}


def test_names_and_labels_are_varied_and_roles_include_a_chair(panel_text):
    """Speakers have distinct, plausible names; themes distinct labels; the first speaker chairs."""
    dataset = load_bytes(panel_text.encode("utf-8"), "synthetic")
    names = [speaker.name for speaker in dataset.speakers]
    assert len(set(names)) == len(names)
    assert all(len(name.split()) >= 2 and not any(ch.isdigit() for ch in name) for name in names)
    assert len({speaker.name.split()[-1] for speaker in dataset.speakers}) > 20
    assert len({theme.label for theme in dataset.themes}) == len(dataset.themes)
    assert dataset.speakers[0].role is Role.CHAIR and dataset.seminar.chair == dataset.speakers[0].id
    assert {Role.OPENING, Role.CLOSING, Role.PANELLIST} <= {speaker.role for speaker in dataset.speakers}


def test_a_panel_larger_than_the_pool_of_names_keeps_names_unique():
    """Thousands of speakers still get distinct names and ids."""
    model = generate(speakers=6_000, themes=3, positions=0, seed=1)
    assert len({speaker.name for speaker in model.speakers}) == 6_000
    assert len({speaker.id for speaker in model.speakers}) == 6_000


def test_impossible_sizes_are_refused_clearly():
    """No speakers at all, or positions without a theme, are refused with a reason."""
    with pytest.raises(ValueError, match="at least one speaker"):
        generate(speakers=0)
    with pytest.raises(ValueError, match="at least one theme"):
        generate(speakers=3, themes=0, positions=5)


def test_command_writes_a_file_that_loads(tmp_path, capsys):
    """The command line writes a seminar file that opens with the sizes given."""
    out = tmp_path / "big.seminar.json"
    assert main(["--speakers", "20", "--themes", "5", "--positions", "200", "--seed", "4", str(out)]) == 0
    dataset = load(out)
    assert (len(dataset.speakers), len(dataset.themes), len(dataset.positions)) == (20, 5, 200)
    assert out.read_text(encoding="utf-8") == generate_text(20, 5, 200, seed=4)
    assert "200 positions" in capsys.readouterr().out


def test_command_refuses_bad_sizes_as_usage_errors(tmp_path, capsys):
    """Asking for no speakers is a usage error (exit 2) with a message, not a traceback."""
    with pytest.raises(SystemExit) as stopped:
        main(["--speakers", "0", str(tmp_path / "x.json")])
    assert stopped.value.code == 2
    assert "at least one speaker" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_excerpts_are_normalised_identically_to_the_source_passage(panel_text):
    """Excerpts carry no stray white space, so they read the same in the source view and the detail panel."""
    data = json.loads(panel_text)
    assert all(normalise(p["excerpt"]) == p["excerpt"] for p in data["positions"])
