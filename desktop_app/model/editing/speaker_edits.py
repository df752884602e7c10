"""Speakers after the import: merge two speakers, or give one transcript turn to another speaker.

Each is one compound edit (undone as one step).  Merging moves the absorbed
speaker's positions and turns to the kept one (and the chair, if it was
them), then removes them.  Giving a turn away moves with it the positions of
its old speaker whose excerpts lie in it.  Either way, turns of one speaker
that now follow each other with only white space between become one turn,
from the first one's start time to the last one's end time, as an import
makes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..dataset import Dataset
from ..format.schema import Position, Turn
from .edits import Compound, Edit, EditRefused, Remove, Replace, ReplaceSeminar, ReplaceSource


def merge_speakers(dataset: Dataset, keep: str, absorbed: str) -> tuple[Compound, int]:
    """Merging speaker ``absorbed`` into ``keep``: positions, turns and the chair move to ``keep``; and how many positions moved."""
    if keep == absorbed:
        raise EditRefused("a speaker cannot be merged into themselves")
    for speaker_id in (keep, absorbed):
        if not dataset.has_speaker(speaker_id):
            raise EditRefused(f"there is no speaker with the id {speaker_id!r}")
    moved = [p for p in dataset.model.positions if p.speaker == absorbed]
    edits: list[Edit] = _moved_positions(dataset, moved, keep)
    if dataset.seminar.chair == absorbed:  # before the turns change: the details edit must find the source as it is
        edits.append(ReplaceSeminar(dataset.seminar.model_copy(update={"chair": keep})))
    source = dataset.seminar.source
    turns = tuple(turn.model_copy(update={"speaker": keep}) if turn.speaker == absorbed else turn for turn in source.turns)
    if turns != tuple(source.turns):
        edits.append(ReplaceSource(source.text, dict(dataset.spans), joined_turns(turns, source.text)))
    edits.append(Remove("speaker", absorbed))
    return Compound(tuple(edits)), len(moved)


def give_turn(dataset: Dataset, turn_index: int, speaker: str) -> tuple[Compound, int]:
    """Giving transcript turn ``turn_index`` to ``speaker``, with its old speaker's positions inside it; and how many moved."""
    source = dataset.seminar.source
    if not 0 <= turn_index < len(source.turns):
        raise EditRefused(f"there is no turn {turn_index + 1}")
    if not dataset.has_speaker(speaker):
        raise EditRefused(f"there is no speaker with the id {speaker!r}")
    turn = source.turns[turn_index]
    if turn.speaker == speaker:
        raise EditRefused("the turn is already this speaker's")
    spans = dataset.spans
    moved = [
        p for p in dataset.model.positions
        if p.speaker == turn.speaker and (span := spans.get(p.id)) is not None and turn.start <= span.start and span.end <= turn.end
    ]
    edits: list[Edit] = _moved_positions(dataset, moved, speaker)
    turns = tuple(t.model_copy(update={"speaker": speaker}) if i == turn_index else t for i, t in enumerate(source.turns))
    edits.append(ReplaceSource(source.text, dict(spans), joined_turns(turns, source.text)))
    return Compound(tuple(edits)), len(moved)


def _moved_positions(dataset: Dataset, positions: Iterable[Position], speaker: str) -> list[Edit]:
    spans = dataset.spans
    return [
        Replace(p.model_copy(update={"speaker": speaker}), span=spans.get(p.id), unanchored=p.id not in spans)
        for p in positions
    ]


def joined_turns(turns: Sequence[Turn], text: str) -> tuple[Turn, ...]:
    """Turns with neighbours of one speaker, only white space between them, made one (first start time, last end time)."""
    joined: list[Turn] = []
    for turn in turns:
        previous = joined[-1] if joined else None
        if previous is not None and previous.speaker == turn.speaker and not text[previous.end : turn.start].strip():
            end_time = turn.end_time if turn.end_time is not None else previous.end_time
            joined[-1] = previous.model_copy(update={"end": turn.end, "end_time": end_time})
            continue
        joined.append(turn)
    return tuple(joined)
