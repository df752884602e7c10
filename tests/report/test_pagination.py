"""Planning page breaks: units stay whole where they fit, headings stay with what follows them."""

import pytest

from desktop_app.report.pagination import SLACK, plan_breaks

PAGE = 100.0


def test_units_that_fit_need_no_break():
    """Units that add up to less than a page stay on it."""
    assert plan_breaks([30, 30, 30], [False] * 3, PAGE) == []


def test_a_unit_that_would_straddle_starts_the_next_page():
    """The unit that would cross the page's foot moves to the next page, and the plan carries on from there."""
    assert plan_breaks([40, 40, 40, 40, 40], [False] * 5, PAGE) == [2, 4]


def test_a_heading_moves_with_the_unit_after_it():
    """A heading (keep with next) at the foot of a page goes to the next page with its first unit."""
    assert plan_breaks([50, 20, 10, 40], [False, False, True, False], PAGE) == [2]


def test_a_chain_of_headings_moves_together():
    """A section heading and a speaker's heading both follow the speaker's first position."""
    assert plan_breaks([60, 10, 10, 40], [False, True, True, False], PAGE) == [1]


def test_a_unit_taller_than_the_limit_flows_across_pages():
    """A unit too tall to keep whole is not moved, and what follows it is placed after its end."""
    assert plan_breaks([50, 90, 60], [False] * 3, PAGE) == [2]
    assert plan_breaks([10, 150, 30], [False] * 3, PAGE) == []


def test_a_chain_that_already_opens_the_page_is_not_moved():
    """Moving a heading that already tops a page would gain nothing, so its long unit flows on."""
    assert plan_breaks([100, 20, 80], [False, True, False], PAGE) == [1]


def test_slack_and_leads_are_counted():
    """A unit planned at the foot leaves the slack free, and a unit opening a page keeps its lead above it."""
    assert plan_breaks([50, PAGE - 50 - SLACK / 2], [False] * 2, PAGE) == [1]
    assert plan_breaks([80, 30, 70], [False] * 3, PAGE, leads=[0, 20, 0]) == [1, 2]


def test_replanning_after_a_break_starts_on_a_fresh_page():
    """Planning the rest of a brief from a unit known to open a page counts its lead from the top."""
    assert plan_breaks([70, 40], [False] * 2, PAGE, leads=[25, 5], first_opens_page=True) == [1]


def test_page_height_must_leave_room():
    """A page no taller than its slack is refused."""
    with pytest.raises(ValueError):
        plan_breaks([1], [False], SLACK)
