"""Quotes that never drift: excerpts found again after the source text is edited, or listed as lost."""

from __future__ import annotations

import pytest

from desktop_app.model.editing.edits import apply_edit, replace_source_text
from desktop_app.model.editing.reanchor import reanchor
from desktop_app.model.editing.text_diff import Stretch, TextDiff
from desktop_app.model.format.excerpts import ExcerptFinder
from desktop_app.model.format.loader import dumps
from desktop_app.model.format.schema import Position

OLD = (
    "Alpha said the bill will pass. Beta said the bill will pass. "
    "Gamma disagreed strongly about the costs of the scheme for small firms."
)


def _position(position_id: str, excerpt: str) -> Position:
    return Position(id=position_id, speaker="s", theme="t", stance=0, kind="assessment", summary="s", excerpt=excerpt)


POSITIONS = [
    _position("alpha", "the bill will pass"),
    _position("beta", "the bill will pass"),
    _position("gamma", "disagreed strongly about the costs"),
]


@pytest.fixture
def old_spans():
    finder = ExcerptFinder(OLD)
    first, second = finder.occurrences("the bill will pass")
    return {"alpha": first, "beta": second, "gamma": finder.find("disagreed strongly about the costs")}


def _text_at(text, span):
    return text[span.start : span.end]


def test_an_edit_before_every_excerpt_shifts_them_all(old_spans):
    """Adding a sentence at the top moves every highlight down by its length, each to its own passage."""
    new = "Introduction. " + OLD
    outcome = reanchor(OLD, new, POSITIONS, old_spans)
    assert outcome.lost == () and outcome.review == ()
    assert {pid: span.start - old_spans[pid].start for pid, span in outcome.spans.items()} == {"alpha": 14, "beta": 14, "gamma": 14}


def test_an_edit_after_every_excerpt_moves_nothing(old_spans):
    """Adding a closing sentence leaves every highlight where it was."""
    outcome = reanchor(OLD, OLD + " The end.", POSITIONS, old_spans)
    assert outcome.spans == old_spans


def test_a_typo_fixed_inside_an_excerpt_is_found_by_its_context_and_listed_for_review(old_spans):
    """Correcting 'strongly' to 'very strongly' inside Gamma's excerpt keeps it on that passage with the new words."""
    new = OLD.replace("disagreed strongly", "disagreed very strongly")
    outcome = reanchor(OLD, new, POSITIONS, old_spans)
    excerpt, span = outcome.rewritten["gamma"]
    assert excerpt == "disagreed very strongly about the costs" == _text_at(new, span)
    assert outcome.review == ("gamma",) and outcome.lost == ()


def test_a_repeated_phrase_stays_with_its_own_speaker(old_spans):
    """With 'the bill will pass' said twice, an edit between them keeps each excerpt on its own sentence."""
    new = OLD.replace("Beta said", "Beta, much later, said")
    outcome = reanchor(OLD, new, POSITIONS, old_spans)
    assert outcome.spans["alpha"] == old_spans["alpha"]
    assert new[: outcome.spans["beta"].start].endswith("Beta, much later, said ")


def test_a_deleted_passage_is_lost_never_moved_to_the_other_copy_of_the_phrase(old_spans):
    """Deleting Beta's sentence flags Beta's excerpt as lost rather than pointing it at Alpha's words."""
    new = OLD.replace("Beta said the bill will pass. ", "")
    outcome = reanchor(OLD, new, POSITIONS, old_spans)
    assert outcome.lost == ("beta",)
    assert "beta" not in outcome.spans and "beta" not in outcome.rewritten


def test_a_whole_new_copy_of_the_report_finds_each_excerpt_nearest_its_old_place(old_spans):
    """Pasting a reworked report re-finds unchanged excerpts, nearest to where they were, and lists them for review."""
    new = "Minutes.\n" + OLD.replace("small firms", "small businesses").replace("Alpha", "Alfa")
    outcome = reanchor(OLD, new, POSITIONS, old_spans)
    assert set(outcome.spans) == {"alpha", "beta", "gamma"}
    assert outcome.spans["alpha"].start < outcome.spans["beta"].start


def test_replacing_the_source_is_undoable_and_keeps_lost_positions_unanchored():
    """Replacing the report leaves a lost excerpt unanchored (not deleted); undo brings every highlight back."""
    from desktop_app.model.format.loader import load_bytes
    from tests.factories import debate, to_bytes

    dataset = load_bytes(to_bytes(debate()))
    old_text = dataset.seminar.source.text
    new_text = old_text.replace("the inspectorate is underfunded", "money is short")
    edit, outcome = replace_source_text(dataset, new_text)
    assert outcome.lost == ("obi-enforcement",)
    after, inverse = apply_edit(dataset, edit)
    assert after.unanchored == ("obi-enforcement",)
    assert after.seminar.source.text == new_text
    back, _ = apply_edit(after, inverse)
    assert dumps(back.model) == dumps(dataset.model) and dict(back.spans) == dict(dataset.spans)


def test_the_changed_stretch_is_the_smallest_one():
    """Two texts that differ in one word differ only there, however long the same text around it."""
    same = "word " * 5_000
    assert TextDiff("one two three", "one too three").stretches == (Stretch(4, 6, 4, 6),)
    # One paragraph too long to compare word by word still differs only in the changed letter.
    assert TextDiff(same + "two" + same, same + "too" + same).stretches == (Stretch(25_001, 25_002, 25_001, 25_002),)


def test_rewrapped_lines_inside_an_excerpt_keep_its_words_and_place(old_spans):
    """Breaking Gamma's excerpt over two lines changes only white space: the excerpt is found at once, unchanged, listed for a look."""
    new = OLD.replace("strongly about", "strongly\n   about")
    outcome = reanchor(OLD, new, POSITIONS, old_spans)
    assert _text_at(new, outcome.spans["gamma"]) == "disagreed strongly\n   about the costs"
    assert outcome.rewritten == {} and outcome.lost == ()


def test_transcript_turns_move_with_the_text():
    """A word added in the first turn grows it and shifts the second, so the turns still cover their speakers' words."""
    from desktop_app.model.format.schema import Turn

    old = "ANA: We agree. BEN: We do not."
    turns = [Turn(speaker="ana", start=0, end=15), Turn(speaker="ben", start=15, end=len(old))]
    new = old.replace("We agree.", "We all agree.")
    outcome = reanchor(old, new, [], {}, turns)
    assert [(t.start, t.end) for t in outcome.turns] == [(0, 19), (19, len(new))]
    assert new[outcome.turns[1].start :].startswith("BEN:")
