"""The detail panel states movement for a speaker and for a theme, and replies for a pair; nothing with one position."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation import detail_html
from tests import factories
from tests.factories import to_bytes


def _hearing():
    return load_bytes(to_bytes(factories.hearing()), "hearing.seminar.json")


def test_a_speaker_who_moved_reads_moved_toward_the_pole_in_the_seminars_words():
    """Lee's page says Lee moved toward shortfall on the budget, from sufficiency first."""
    html = detail_html.speaker_html(_hearing(), "lee", detail_html.Ink())
    assert "Over the discussion" in html
    assert "Budget: moved toward shortfall, from sufficiency first to shortfall last (2 positions)" in html


def test_a_speaker_with_one_position_gets_no_movement_section():
    """Nye spoke once: the page has no word on movement."""
    html = detail_html.speaker_html(_hearing(), "nye", detail_html.Ink())
    assert "Over the discussion" not in html and "moved" not in html and "held" not in html


def test_a_themes_page_lists_who_held_and_who_moved():
    """Staffing: Moss held mixed from first to last, over three positions, though +2 came between."""
    html = detail_html.theme_html(_hearing(), "staff", detail_html.Ink())
    assert "Mint: held mixed from first to last (3 positions)" in html


def test_a_pairs_page_says_who_answered_whom():
    """Lee and Moss answered each other once each way on the budget; Kim and Nye never did."""
    dataset = _hearing()
    assert "Lund and Mint: 2 replies on Budget (Lund answered Mint once, Mint answered Lund once)" in detail_html.pair_html(dataset, "lee", "moss", detail_html.Ink())
    assert "neither took up a theme" in detail_html.pair_html(dataset, "kim", "nye", detail_html.Ink())
