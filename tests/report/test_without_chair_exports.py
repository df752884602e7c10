"""--without-chair and the brief's choice to leave the chair out: the figures, the CSV's counted_kinds column and the method say so."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.report.csv_export import ENCODING
from tests.factories import coded_panel, to_bytes

ROOT = Path(__file__).resolve().parents[2]
POSITIONS = [("host", "ties", 1, "assessment"), ("ada", "ties", 1, "assessment"), ("bo", "ties", 2, "prediction")]


def _themes_csv(tmp_path: Path, *flags: str) -> dict[str, str]:
    source = tmp_path / "panel.seminar.json"
    source.write_bytes(to_bytes(coded_panel(POSITIONS)))
    out = tmp_path / "themes.csv"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--export-csv", str(out), "--csv-kind", "themes", *flags, str(source)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    with out.open(encoding=ENCODING, newline="") as handle:
        (row,) = csv.DictReader(handle)
    return row


def test_the_command_line_can_leave_the_chair_out(tmp_path):
    """With --without-chair the consensus the chair carried falls to too few voices, and the row says what was counted."""
    counted = _themes_csv(tmp_path)
    assert (counted["n"], counted["verdict"], counted["needs_chair"]) == ("3", "consensus: convergence", "true")
    without = _themes_csv(tmp_path, "--without-chair")
    assert (without["n"], without["verdict"]) == ("2", "too few voices")
    assert without["counted_kinds"] == "assessment;prediction;prescription;without-chair"


def test_without_chair_belongs_to_the_exports():
    """Given without an export, the flag is refused with a message naming what it goes with."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--without-chair"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 2 and "--without-chair with either export" in result.stderr


def test_the_brief_says_the_chair_is_left_out(export_brief):
    """The brief chosen without the chair counts two voices and says in its method that the chair's positions are left out."""
    dataset = load_bytes(to_bytes(coded_panel(POSITIONS)))
    text = export_brief(dataset, ReportOptions(sections=("themes", "method"), without_chair=True)).text
    assert "The chair\u2019s positions (Speaker Host\u2019s) are left out." in text
    assert "too few voices (2 voices:" in text
