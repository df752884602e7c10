"""The command line's timeline: a screenshot of the Timeline tab and the timeline CSV."""

from __future__ import annotations

import csv
import subprocess
import sys

from tests.factories import hearing, to_bytes


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120)


def test_screenshot_of_the_timeline_tab_at_the_smallest_size(tmp_path):
    """--tab timeline --size 800x600 writes a PNG of that size, with a selected speaker, and no traceback."""
    from PySide6.QtGui import QImage

    seminar = tmp_path / "hearing.seminar.json"
    seminar.write_bytes(to_bytes(hearing()))
    out = tmp_path / "timeline.png"
    result = run("--screenshot", str(out), "--tab", "timeline", "--size", "800x600", "--select", "lee", str(seminar))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)
    assert "Traceback" not in result.stderr


def test_export_csv_of_the_timeline_has_a_row_per_position_in_order(tmp_path):
    """--csv-kind timeline writes one row per position, numbered in the order of the discussion, and says how many."""
    seminar = tmp_path / "hearing.seminar.json"
    seminar.write_bytes(to_bytes(hearing()))
    out = tmp_path / "timeline.csv"
    result = run("--export-csv", str(out), "--csv-kind", "timeline", str(seminar))
    assert result.returncode == 0, result.stderr
    assert "10 positions" in result.stdout + result.stderr
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["order"] for row in rows] == [str(n) for n in range(1, 11)]
    assert rows[0]["position_id"] == "kim-ask" and rows[-1]["position_id"] == "moss-staff-3"


def test_an_unknown_csv_kind_is_a_usage_error():
    """--csv-kind timelines (a typo) is refused with exit code 2."""
    assert run("--export-csv", "x.csv", "--csv-kind", "timelines").returncode == 2
