"""Merging speakers and giving turns away: positions, turns and the chair follow, and neighbouring turns join."""

from __future__ import annotations

import pytest

from desktop_app.model.editing.edits import EditRefused, apply_edit
from desktop_app.model.editing.speaker_edits import give_turn, joined_turns, merge_speakers
from desktop_app.model.format.loader import dumps, load_bytes
from desktop_app.model.format.schema import Turn
from tests.factories import debate_with_turns, to_bytes


@pytest.fixture
def debate():
    return load_bytes(to_bytes(debate_with_turns()), "debate.seminar.json")


def test_merging_the_chair_makes_the_kept_speaker_chair_and_undoes_exactly(debate):
    """The Speaker (the chair) merged into Ada Obi: Obi chairs, the opening turn joins hers (a blank line between), and undo restores the file."""
    edit, moved = merge_speakers(debate, "obi", "speaker")
    after, inverse = apply_edit(debate, edit)
    assert moved == 0 and after.seminar.chair == "obi"
    assert [(t.speaker, t.start, t.start_time) for t in after.seminar.source.turns] == [("obi", 0, 0.0), ("roe", 168, 3723.0)]
    back, _ = apply_edit(after, inverse)
    assert dumps(back.model) == dumps(debate.model)


def test_giving_a_turn_to_the_speaker_before_joins_the_two_turns_with_their_times(debate):
    """Roe's turn given to Obi, whose turn ends just before it: one turn from Obi's start time to Roe's end."""
    edit, moved = give_turn(debate, 2, "obi")
    after, _ = apply_edit(debate, edit)
    turns = after.seminar.source.turns
    assert moved == 1 and [(t.speaker, t.start_time) for t in turns] == [("speaker", 0.0), ("obi", 65.4)]
    assert turns[1].end == debate.seminar.source.turns[2].end


def test_joined_turns_keep_the_last_end_time():
    """Two turns of one speaker with only a space between become one, with the later end time."""
    turns = [Turn(speaker="a", start=0, end=3, start_time=1.0, end_time=2.0), Turn(speaker="a", start=4, end=7, start_time=3.0, end_time=4.0)]
    assert joined_turns(turns, "abc def") == (Turn(speaker="a", start=0, end=7, start_time=1.0, end_time=4.0),)


@pytest.mark.parametrize(("call", "said"), [
    (lambda d: merge_speakers(d, "obi", "obi"), "into themselves"),
    (lambda d: merge_speakers(d, "obi", "nobody"), "no speaker"),
    (lambda d: give_turn(d, 9, "obi"), "no turn 10"),
    (lambda d: give_turn(d, 1, "obi"), "already"),
])
def test_impossible_requests_are_refused_in_words(debate, call, said):
    """Merging a speaker into themselves, an unknown speaker, a turn that does not exist or is already theirs: refused, saying why."""
    with pytest.raises(EditRefused, match=said):
        call(debate)
