"""Positions awaiting a stance as the window and the brief show them: named, marked as not counted, never quoted."""

from __future__ import annotations

from desktop_app.presentation.awaiting import AWAITING_WORDS, awaiting_sentence
from desktop_app.presentation.detail_html import Ink, overview_html, speaker_html
from desktop_app.presentation.next_step import RATE_AWAITING, next_step
from desktop_app.presentation.quote_choice import best_position
from tests.model.test_awaiting_stance import awaiting_debate


def test_the_speaker_page_names_an_awaiting_position_and_says_it_is_not_counted():
    """Roe's position shows "awaiting a stance" where a stance would be, and why it is left out."""
    page = speaker_html(awaiting_debate("roe-costs"), "roe", Ink())
    assert AWAITING_WORDS in page and "not counted until it has a stance" in page
    rated = speaker_html(awaiting_debate(), "roe", Ink())
    assert AWAITING_WORDS not in rated


def test_the_overview_counts_what_awaits_and_the_next_step_asks_for_rating():
    """Some awaiting: a sentence with the count; all awaiting: the next step is to rate them."""
    some = awaiting_debate("roe-costs")
    assert awaiting_sentence(some) == "1 position awaits a stance and is left out of every figure."
    assert "1 position awaits a stance" in overview_html(some, Ink())
    assert next_step(some) is None
    every = awaiting_debate("roe-costs", "obi-emissions", "obi-enforcement")
    assert next_step(every) == RATE_AWAITING
    assert awaiting_sentence(every).startswith("3 positions await")
    assert awaiting_sentence(awaiting_debate()) is None


def test_an_awaiting_position_is_never_the_one_quoted():
    """The passage chosen to show a speaker's stance is a rated one."""
    dataset = awaiting_debate("roe-costs")
    assert best_position(dataset, "roe", "costs", -2) is None
    assert best_position(awaiting_debate(), "roe", "costs", -2).id == "roe-costs"


def test_at_a_glance_never_calls_an_awaiting_position_context():
    """A theme whose positions all await a stance is said to await one; with nothing rated there is no glance at all."""
    from desktop_app.presentation.glance import panel_sentences

    def text(dataset) -> list[str]:
        return ["".join(part for part, _strong in sentence.parts) for sentence in panel_sentences(dataset)]

    some = text(awaiting_debate("roe-costs"))
    assert "The positions coded on Costs to business all await a stance." in some
    assert not any("Only context" in sentence for sentence in some)
    assert text(awaiting_debate("roe-costs", "obi-emissions", "obi-enforcement")) == []
