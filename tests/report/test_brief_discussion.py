"""The brief's "How the discussion went": in the PDF of a timed hearing, absent from a debate with nothing to say."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.brief_options import SECTION_TITLES, ReportOptions
from tests import factories
from tests.factories import to_bytes

from .conftest import normalised


def test_a_timed_hearings_brief_says_how_the_discussion_went(export_brief):
    """The hearing's brief names who held the floor and who moved, in the seminar's words."""
    brief = export_brief(load_bytes(to_bytes(factories.hearing()), "hearing.seminar.json"))
    assert SECTION_TITLES["discussion"] in brief.text
    assert normalised("Moss Mint held the floor longest") in brief.text
    assert normalised("Lund on Budget: sufficiency \u2192 shortfall") in brief.text


def test_a_debate_without_times_or_repeated_positions_has_no_such_section(export_brief):
    """The factory debate's brief has no "How the discussion went"."""
    brief = export_brief(load_bytes(to_bytes(factories.debate()), "debate.seminar.json"))
    assert SECTION_TITLES["discussion"] not in brief.text


def test_leaving_the_section_out_of_the_chosen_sections_leaves_it_out(export_brief):
    """A brief of the hearing without the discussion section among its sections has none."""
    options = ReportOptions(sections=("themes", "method"))
    brief = export_brief(load_bytes(to_bytes(factories.hearing()), "hearing.seminar.json"), options)
    assert SECTION_TITLES["discussion"] not in brief.text
