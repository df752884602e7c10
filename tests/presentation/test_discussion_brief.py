"""The brief's "How the discussion went": present only with turn times or repeated positions, and true to them."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.discussion_brief import discussion_points, has_something_to_say
from tests import factories
from tests.factories import to_bytes


def _load(data):
    return load_bytes(to_bytes(data), "seminar.json")


def test_a_debate_with_one_position_per_speaker_and_theme_and_no_times_has_no_section():
    """The factory debate: nobody spoke twice on a theme and there are no times, so the section is absent."""
    dataset = _load(factories.debate())
    assert not has_something_to_say(dataset)
    assert discussion_points(dataset, dataset.analysis) is None


def test_turn_times_alone_give_who_held_the_floor():
    """The debate as a timed transcript: the section names who spoke longest, and says nothing of movement."""
    dataset = _load(factories.debate_with_turns())
    points = discussion_points(dataset, dataset.analysis)
    assert points is not None
    assert any("held the floor longest" in point for point in points)
    assert not any("Moved" in point or "moved" in point for point in points)


def test_the_hearing_says_who_spoke_longest_what_came_first_and_who_moved():
    """Moss's turns are the longest; the budget came up first and staffing last; Lee moved on the budget toward shortfall."""
    dataset = _load(factories.hearing())
    text = " ".join(discussion_points(dataset, dataset.analysis) or [])
    assert "Moss Mint held the floor longest" in text
    assert "Budget came up first" in text and "Staffing was the last to be raised" in text
    assert "Lund on Budget: sufficiency \u2192 shortfall" in text
    assert "Lund and Mint: 2 replies on Budget" in text


def test_repeated_positions_in_a_report_give_the_section_in_report_order():
    """Without turns but with two positions of Lee's on the budget, the section speaks of the report's order."""
    data = factories.hearing(times=False)
    del data["seminar"]["source"]["turns"]
    dataset = _load(data)
    text = " ".join(discussion_points(dataset, dataset.analysis) or [])
    assert "in the report\u2019s order" in text and "by place in the report" in text
    assert "held the floor" not in text
