"""The timeline CSV (a row per position in the order of the discussion) and the themes CSV's movement columns."""

from __future__ import annotations

import csv

from desktop_app.model.format.loader import load_bytes
from desktop_app.report.csv_export import ENCODING, export_csv
from desktop_app.report.timeline_csv import TIMELINE_COLUMNS
from tests import factories
from tests.factories import HEARING_TURNS, to_bytes


def _dicts(path) -> list[dict[str, str]]:
    with open(path, encoding=ENCODING, newline="") as handle:
        return list(csv.DictReader(handle))


def _hearing(data=None):
    return load_bytes(to_bytes(data or factories.hearing()), "hearing.seminar.json")


def test_a_row_per_position_in_the_order_they_were_said(tmp_path):
    """The hearing's ten positions come one row each, numbered in the order of the turns, whatever the file's order."""
    data = factories.hearing()
    data["positions"].reverse()
    out = export_csv(_hearing(data), tmp_path / "timeline.csv", "timeline")
    rows = _dicts(out)
    said = [position_id for _, _, positions in HEARING_TURNS for _, position_id, *_ in positions]
    assert tuple(rows[0]) == TIMELINE_COLUMNS
    assert [row["position_id"] for row in rows] == said
    assert [row["order"] for row in rows] == [str(n) for n in range(1, len(said) + 1)]
    first_budget = next(row for row in rows if row["position_id"] == "lee-budget-1")
    assert (first_budget["speaker"], first_budget["theme"], first_budget["start_time"], first_budget["stance"], first_budget["kind"]) == (
        "Lee Lund", "Budget", "0:00:30", "1", "assessment",
    )


def test_without_turn_times_the_start_time_is_blank(tmp_path):
    """A transcript without times still orders its rows, with no start time."""
    rows = _dicts(export_csv(_hearing(factories.hearing(times=False)), tmp_path / "t.csv", "timeline"))
    assert len(rows) == 10 and {row["start_time"] for row in rows} == {""}


def test_a_stance_of_minus_one_stays_a_number_and_text_is_made_inert(tmp_path):
    """The app's own stance -1 is written as a number; a summary-like label starting with '=' would be escaped."""
    data = factories.hearing()
    data["themes"][0]["label"] = "=Budget"
    rows = _dicts(export_csv(_hearing(data), tmp_path / "t.csv", "timeline"))
    moss = next(row for row in rows if row["position_id"] == "moss-budget-1")
    assert moss["stance"] == "-1" and moss["theme"] == "'=Budget"


def test_themes_csv_counts_the_speakers_who_moved_toward_each_pole(tmp_path):
    """On the budget Lee moved toward the shortfall pole; nobody moved on staffing (Moss went back to mixed)."""
    rows = {row["theme_id"]: row for row in _dicts(export_csv(_hearing(), tmp_path / "themes.csv", "themes"))}
    assert (rows["budget"]["moved_to_negative"], rows["budget"]["moved_to_positive"]) == ("1", "0")
    assert (rows["staff"]["moved_to_negative"], rows["staff"]["moved_to_positive"]) == ("0", "0")


def test_a_position_awaiting_a_stance_has_a_blank_stance(tmp_path):
    """The timeline CSV keeps the position awaiting a stance, in its place, with the stance cell blank."""
    data = factories.hearing()
    later = next(p for p in data["positions"] if p["id"] == "lee-budget-2")
    later["stance"] = None
    rows = {row["position_id"]: row for row in _dicts(export_csv(_hearing(data), tmp_path / "t.csv", "timeline"))}
    assert rows["lee-budget-2"]["stance"] == "" and rows["lee-budget-2"]["order"] == "5"
