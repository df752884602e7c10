"""The Timeline tab's geometry: the axis it uses, where each mark goes, which marks are hollow, and the ticks."""

from __future__ import annotations

from desktop_app.model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.timeline_layout import axis_title, spoken_seconds, ticks, timeline
from tests import factories
from tests.factories import to_bytes


def _load(data):
    return load_bytes(to_bytes(data), "seminar.json")


def test_a_timed_transcript_uses_turn_times_and_places_every_position():
    """The hearing's ten positions sit on the time axis, each on its speaker's row, in the order they were said."""
    dataset = _load(factories.hearing())
    line = timeline(dataset, None, COUNTED_KINDS_DEFAULT)
    assert line.axis == "time" and "turn times" in axis_title(line.axis)
    assert len(line.marks) == 10 and line.unplaced == 0
    assert [mark.x for mark in line.marks] == sorted(mark.x for mark in line.marks)
    lee = line.speakers.index("lee")
    assert [mark.position_id for mark in line.marks_by_row[lee]] == ["lee-budget-1", "lee-budget-2"]
    assert 30 <= line.marks_by_row[lee][0].x < 95
    assert len(line.spans) == 8


def test_uncounted_kinds_are_hollow_and_the_filter_keeps_one_theme():
    """The chair's question is drawn hollow; filtered on staffing only the four staffing positions remain."""
    dataset = _load(factories.hearing())
    marks = {mark.position_id: mark for mark in timeline(dataset, None, COUNTED_KINDS_DEFAULT).marks}
    assert not marks["kim-ask"].counted and marks["lee-budget-1"].counted
    staff = timeline(dataset, "staff", COUNTED_KINDS_DEFAULT)
    assert {mark.theme_id for mark in staff.marks} == {"staff"} and len(staff.marks) == 4


def test_a_report_without_turns_uses_the_place_in_the_text_and_says_so():
    """The factory debate has no turns: the axis is the source text, its ticks are shares of it."""
    dataset = _load(factories.debate())
    line = timeline(dataset, None, COUNTED_KINDS_DEFAULT)
    assert line.axis == "text" and "no turn times" in axis_title(line.axis)
    assert line.extent == (0.0, float(len(dataset.seminar.source.text))) and not line.spans
    labels = [label for _, label in ticks(line.axis, line.extent, 6)]
    assert labels[0] == "0%" and labels[-1] == "100%"


def test_time_ticks_read_like_a_clock_and_stay_few():
    """Six and a half minutes with room for five ticks gives whole-minute steps from 0:00."""
    found = ticks("time", (0.0, 388.0), 5)
    assert len(found) <= 5 and found[0] == (0.0, "0:00") and all(label.endswith(":00") for _, label in found)


def test_floor_time_adds_up_each_speakers_turns():
    """Moss's three turns add up to the longest time on the floor."""
    held = spoken_seconds(_load(factories.hearing()))
    assert max(held, key=lambda speaker: held[speaker]) == "moss"
    assert held["nye"] == 38.0


def test_a_position_awaiting_a_stance_is_drawn_but_not_counted():
    """An imported position without a stance keeps its mark on Lee's row, hollow (not counted) and with no stance."""
    data = factories.hearing()
    later = next(p for p in data["positions"] if p["id"] == "lee-budget-2")
    later["stance"] = None
    marks = {mark.position_id: mark for mark in timeline(_load(data), None, COUNTED_KINDS_DEFAULT).marks}
    assert marks["lee-budget-2"].stance is None and not marks["lee-budget-2"].counted
