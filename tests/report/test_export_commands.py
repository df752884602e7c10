"""``--export-pdf`` and ``--export-csv`` from the command line: headless, atomic, with the contract's exit codes."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.report.csv_export import ENCODING
from tests.factories import coded_panel, debate, to_bytes

from .conftest import read_pdf

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


def without_display() -> dict[str, str]:
    """This environment with no display and no Qt platform chosen: the command must pick offscreen itself."""
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


def test_headless_pdf_export_needs_no_display(tmp_path, default_dataset):
    """With no display and no QT_QPA_PLATFORM, --export-pdf writes the brief, says how many pages, and exits 0."""
    out = tmp_path / "brief.pdf"
    result = run("--export-pdf", str(out), env=without_display())
    assert result.returncode == 0, result.stderr
    brief = read_pdf(out)
    assert result.stdout.strip() == f"wrote {out} ({len(brief.pages)} pages)"
    assert result.stderr == ""
    assert all(speaker.display_name in brief.text for speaker in default_dataset.speakers)


def test_speaker_brief_on_letter_from_a_file(tmp_path):
    """--speaker, --page-size letter and --sections shape a brief of a seminar given as FILE."""
    source = tmp_path / "debate.seminar.json"
    source.write_bytes(to_bytes(debate()))
    out = tmp_path / "obi.pdf"
    result = run(
        "--export-pdf", str(out), "--speaker", "obi", "--page-size", "letter", "--sections", "speakers,forecasts",
        str(source), env=without_display(),
    )
    assert result.returncode == 0, result.stderr
    brief = read_pdf(out)
    assert {round(float(page.mediabox.width)) for page in brief.reader.pages} == {612}
    assert "Expects cleaner air within five years." in brief.text
    assert "Wants the bill delayed" not in brief.text
    assert "At a glance" not in brief.text


def test_unwritable_destination_exits_1_with_a_message(tmp_path):
    """A PDF aimed at a folder that does not exist fails with one clear line, exit 1, no traceback."""
    out = tmp_path / "missing" / "brief.pdf"
    result = run("--export-pdf", str(out), env=without_display())
    assert result.returncode == 1
    assert result.stderr.strip() == f"seminar-lens: cannot write {out}: the folder does not exist."
    assert "Traceback" not in result.stderr
    assert not out.parent.exists()


def test_bad_seminar_file_exits_1_listing_its_problems(tmp_path):
    """Exporting a broken file lists its problems with their locations and writes nothing."""
    data = debate()
    data["positions"][0]["stance"] = 7
    source = tmp_path / "broken.seminar.json"
    source.write_bytes(to_bytes(data))
    for option, name in (("--export-pdf", "x.pdf"), ("--export-csv", "x.csv")):
        result = run(option, str(tmp_path / name), str(source))
        assert result.returncode == 1
        assert f"{source}: positions[0].stance" in result.stderr
        assert not (tmp_path / name).exists()


def test_unknown_speaker_exits_1_naming_the_known_ones(tmp_path, default_dataset):
    """--speaker with an id the seminar lacks is refused, listing the ids it has."""
    result = run("--export-pdf", str(tmp_path / "x.pdf"), "--speaker", "nobody")
    assert result.returncode == 1
    assert "no speaker 'nobody'" in result.stderr
    assert all(speaker.id in result.stderr for speaker in default_dataset.speakers)
    assert not (tmp_path / "x.pdf").exists()


def test_csv_export_positions_and_matrix(tmp_path, default_dataset):
    """--export-csv writes every position; with --csv-kind matrix, a row per speaker."""
    out = tmp_path / "positions.csv"
    result = run("--export-csv", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out} ({len(default_dataset.positions)} positions)"
    with open(out, newline="", encoding=ENCODING) as stream:
        assert len(list(csv.DictReader(stream))) == len(default_dataset.positions)

    matrix = tmp_path / "matrix.csv"
    result = run("--export-csv", str(matrix), "--csv-kind", "matrix")
    assert result.returncode == 0, result.stderr
    with open(matrix, newline="", encoding=ENCODING) as stream:
        rows = list(csv.reader(stream))
    assert len(rows) == 1 + len(default_dataset.speakers)
    assert len(rows[0]) == 2 + len(default_dataset.themes)


def test_csv_export_themes_and_pairs_with_chosen_kinds(tmp_path):
    """--csv-kind themes and pairs write a row per theme and per pair, counting the kinds --counted-kinds names."""
    data = tmp_path / "panel.seminar.json"
    data.write_bytes(to_bytes(coded_panel([("a", "t", 1, "assessment"), ("b", "t", 1, "prediction"), ("c", "t", 1, "history")])))
    themes = tmp_path / "themes.csv"
    result = run("--export-csv", str(themes), "--csv-kind", "themes", "--counted-kinds", "assessment,prediction,history", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {themes} (1 theme)"
    with open(themes, newline="", encoding=ENCODING) as stream:
        (row,) = list(csv.DictReader(stream))
    assert (row["n"], row["verdict"], row["counted_kinds"]) == ("3", "consensus: convergence", "assessment;prediction;history")
    pairs = tmp_path / "pairs.csv"
    result = run("--export-csv", str(pairs), "--csv-kind", "pairs", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {pairs} (1 pair)"


@pytest.mark.parametrize(
    "args",
    [
        ("--csv-kind", "matrix"),
        ("--counted-kinds", "history"),
        ("--export-csv", "x.csv", "--counted-kinds", "forecast"),
        ("--export-pdf", "x.pdf", "--counted-kinds", "history,opinion"),
        ("--page-size", "letter"),
        ("--export-csv", "x.csv", "--speaker", "someone"),
        ("--export-pdf", "x.pdf", "--csv-kind", "matrix"),
        ("--export-pdf", "x.pdf", "--sections", "glance,nonsense"),
        ("--export-pdf", "x.pdf", "--sections", ","),
        ("--export-pdf", "x.pdf", "--page-size", "a3"),
        ("--export-pdf", "x.pdf", "one.json", "two.json"),
        ("--export-pdf", "x.pdf", "--export-csv", "y.csv"),
    ],
)
def test_wrong_usage_exits_2(args, tmp_path):
    """Options without their command, unknown sections or sizes, and two FILEs are usage errors (exit 2)."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.glob("x.*")) == []
