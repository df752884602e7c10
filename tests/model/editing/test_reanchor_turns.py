"""Turns that keep their words when the source text is replaced: new paragraphs join no other speaker's turn."""

from __future__ import annotations

from desktop_app.model.editing.reanchor import reanchor
from desktop_app.model.editing.text_diff import TextDiff
from desktop_app.model.format.excerpts import ExcerptFinder
from desktop_app.model.format.schema import Position, Turn

OLD = (
    "Minutes of the river hearing.\n\n"
    "ANA: The river is cleaner than ten years ago. Farms still need capital to change.\n\n"
    "BEN: It is dirtier every summer. Fines must double.\n\n"
    "CAL: Monitoring is thin."
)
SAID = {
    "ana": "The river is cleaner than ten years ago. Farms still need capital to change.",
    "ben": "It is dirtier every summer. Fines must double.",
    "cal": "Monitoring is thin.",
}
NEW_PARAGRAPH = "The chair read a statement from the water board, which sent apologies.\n\n"


def _turns(text: str) -> list[Turn]:
    return [Turn(speaker=speaker, start=text.index(words), end=text.index(words) + len(words), start_time=60.0 * n)
            for n, (speaker, words) in enumerate(SAID.items())]


def _said(text: str, turns) -> list[tuple[str, str]]:
    return [(turn.speaker, text[turn.start : turn.end]) for turn in turns]


def test_a_paragraph_inserted_near_the_top_and_a_word_changed_below_keep_every_turn_on_its_words():
    """A new paragraph before Ana's turn and "capital" made "money" in it: Ben and Cal keep exactly their words, Ana hers with the new word."""
    new = OLD.replace("ANA:", NEW_PARAGRAPH + "ANA:").replace("capital", "money")
    outcome = reanchor(OLD, new, [], {}, _turns(OLD))
    assert _said(new, outcome.turns) == [
        ("ana", SAID["ana"].replace("capital", "money")), ("ben", SAID["ben"]), ("cal", SAID["cal"]),
    ]
    assert [turn.start_time for turn in outcome.turns] == [0.0, 60.0, 120.0]


def test_a_paragraph_between_two_turns_belongs_to_neither():
    """A paragraph inserted between Ana's and Ben's turns is in no turn; Ben's turn starts at his first word."""
    new = OLD.replace("BEN:", NEW_PARAGRAPH + "BEN:")
    turns = reanchor(OLD, new, [], {}, _turns(OLD)).turns
    assert _said(new, turns) == list(SAID.items())
    inserted = new.index(NEW_PARAGRAPH)
    assert all(not (turn.start <= inserted < turn.end) for turn in turns)


def test_a_paragraph_inside_a_turn_joins_that_turn():
    """A sentence added in the middle of Ben's turn makes his turn longer, and only his."""
    new = OLD.replace("summer. Fines", "summer.\n\nThe fish have gone. Fines")
    turns = reanchor(OLD, new, [], {}, _turns(OLD)).turns
    assert _said(new, turns) == [
        ("ana", SAID["ana"]), ("ben", "It is dirtier every summer.\n\nThe fish have gone. Fines must double."), ("cal", SAID["cal"]),
    ]


def test_turns_that_start_at_their_label_keep_it_when_a_paragraph_is_inserted_before_them():
    """In an older file whose turns include "BEN:", a paragraph inserted just before the label stays out of both turns."""
    label_turns = [Turn(speaker="ana", start=OLD.index("ANA:"), end=OLD.index("change.") + 7),
                   Turn(speaker="ben", start=OLD.index("BEN:"), end=OLD.index("double.") + 7)]
    new = OLD.replace("BEN:", NEW_PARAGRAPH + "BEN:")
    turns = reanchor(OLD, new, [], {}, label_turns).turns
    assert new[turns[1].start :].startswith("BEN: It is dirtier") and new[: turns[0].end].endswith("capital to change.")


def test_an_excerpt_between_two_edits_stays_where_it_was_without_review():
    """With edits above and below it, Ben's untouched excerpt is simply shifted, not listed for review."""
    excerpt = "Fines must double"
    position = Position(id="p", speaker="ben", theme="t", stance=1, kind="assessment", summary="s", excerpt=excerpt)
    new = OLD.replace("ANA:", NEW_PARAGRAPH + "ANA:").replace("Monitoring is thin", "Monitoring is very thin")
    outcome = reanchor(OLD, new, [position], {"p": ExcerptFinder(OLD).find(excerpt)})
    assert new[outcome.spans["p"].start : outcome.spans["p"].end] == excerpt and outcome.review == ()


def test_the_diff_finds_each_edit_apart():
    """Two edits far apart are two changed stretches, with the text between them unchanged."""
    new = OLD.replace("Minutes", "Notes").replace("thin", "sparse")
    stretches = TextDiff(OLD, new).stretches
    assert [(OLD[s.old_start : s.old_end], new[s.new_start : s.new_end]) for s in stretches] == [("Minutes", "Notes"), ("thin", "sparse")]
