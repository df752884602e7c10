"""``seminar-lens --replace-source NEW.txt --out OUT FILE``: a seminar re-anchored onto a revised text, for scripts."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.model.format.loader import load

from .factories import DEBATE_SOURCE, debate_with_turns, to_bytes

INSERTED = "The clerk read the order of business.\n\n"


@pytest.fixture
def seminar(tmp_path):
    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate_with_turns()))
    return path


def _new_text(tmp_path, text: str):
    path = tmp_path / "revised.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_revised_text_is_written_re_anchored_with_one_line_per_changed_excerpt(tmp_path, seminar, capsys):
    """An inserted paragraph and "small firms" made "small businesses": OUT holds the new text, Roe's new words, turns intact; one changed line."""
    revised = _new_text(tmp_path, DEBATE_SOURCE.replace("Mr Ben Roe", INSERTED + "Mr Ben Roe").replace("small firms", "small businesses"))
    out = tmp_path / "out.seminar.json"
    status = main(["--replace-source", str(revised), "--out", str(out), str(seminar)])
    printed = capsys.readouterr()
    assert status == 0, printed.err
    lines = printed.out.splitlines()
    assert lines[0] == ('changed roe-costs: "the costs fall on small firms, and that the bill must be delayed" -> '
                        '"the costs fall on small businesses, and that the bill must be delayed"')
    assert lines[1] == f"wrote {out}: 3 excerpts found (1 changed), 3 turns" and len(lines) == 2
    dataset = load(out)
    text = dataset.seminar.source.text
    assert INSERTED in text and dataset.position("roe-costs").excerpt.endswith("small businesses, and that the bill must be delayed")
    roe = dataset.seminar.source.turns[2]
    assert text[roe.start : roe.end].startswith("Mr Ben Roe argued") and roe.start_time == 3723.0


def test_an_excerpt_no_longer_found_is_listed_and_nothing_is_written(tmp_path, seminar, capsys):
    """With Obi's "the inspectorate is underfunded" gone, the command names that position on stderr, exits 1 and writes no OUT."""
    revised = _new_text(tmp_path, DEBATE_SOURCE.replace("the inspectorate is underfunded", "money is short"))
    out = tmp_path / "out.seminar.json"
    assert main(["--replace-source", str(revised), "--out", str(out), str(seminar)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"seminar-lens: {seminar}: position obi-enforcement (Ada Obi on Enforcement): excerpt not found in {revised}: "
                      '"the inspectorate is underfunded"')
    assert err[-1] == "seminar-lens: nothing written: 1 excerpt was not found in the new text"
    assert not out.exists()


def test_an_unchanged_excerpt_set_prints_only_the_summary(tmp_path, seminar, capsys):
    """A revision that only adds a closing line changes no excerpt: one summary line, exit 0."""
    revised = _new_text(tmp_path, DEBATE_SOURCE + "\n\nThe debate was adjourned.")
    out = tmp_path / "out.seminar.json"
    assert main(["--replace-source", str(revised), "--out", str(out), str(seminar)]) == 0
    assert capsys.readouterr().out == f"wrote {out}: 3 excerpts found (0 changed), 3 turns\n"


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--replace-source", "x.txt", "a.json"], "--replace-source needs --out"),
        (["--replace-source", "x.txt", "--out", "o.json"], "needs exactly one FILE"),
        (["--replace-source", "x.txt", "--out", "o.json", "a.json", "--title", "T"], "takes only FILE, --out and --force"),
        (["--replace-source", "", "--out", "o.json", "a.json"], "--replace-source needs the name of a file"),
    ],
)
def test_wrong_usage_is_exit_2_with_a_message(arguments, said, capsys):
    """Without --out or FILE, or with an option of another command, the usage is refused."""
    with pytest.raises(SystemExit) as exit_info:
        main(arguments)
    assert exit_info.value.code == 2 and said in capsys.readouterr().err


def test_out_must_not_be_the_seminar_and_an_unreadable_text_is_named(tmp_path, seminar, capsys):
    """--out naming FILE itself is refused, and a missing NEW.txt is named with the reason; FILE stays as it was."""
    before = seminar.read_bytes()
    assert main(["--replace-source", str(tmp_path / "missing.txt"), "--out", str(seminar), str(seminar)]) == 1
    assert capsys.readouterr().err.startswith("seminar-lens: --out: ")
    assert main(["--replace-source", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o.json"), str(seminar)]) == 1
    assert capsys.readouterr().err == f"seminar-lens: {tmp_path / 'missing.txt'}: (file): no such file\n"
    assert seminar.read_bytes() == before
