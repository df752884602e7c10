"""Coding a passage of the source: who most likely said it, a fresh id, the passage as it stands, and removing a position.

Pure Python: the window's coding editor asks these questions of the dataset.
The speaker suggested for a passage is the one whose transcript turn holds
it; without turns, the speaker whose name last appears before it (a report
names the speaker, then gives the gist); failing that, the speaker of the
nearest coded excerpt before it.
"""

from __future__ import annotations

from .dataset import Dataset
from .edits import (
    Compound,
    Edit,
    EditRefused,
    Remove,
    ReplaceBrief,
    _brief_without,
    unique_id,
)
from .excerpts import Span


def passage(text: str, start: int, end: int) -> Span | None:
    """The selected characters without white space at either end (what a selection drags along); None if nothing is left.

    White space inside the passage is kept as it is in the source.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def suggested_speaker(dataset: Dataset, start: int) -> str | None:
    """The id of the speaker most likely speaking at character ``start`` of the source, or None."""
    turns = dataset.seminar.source.turns
    if turns:
        holding = [turn for turn in turns if turn.start <= start < turn.end]
        if holding:
            return holding[-1].speaker
        before = [turn for turn in turns if turn.end <= start]
        if before:
            return max(before, key=lambda turn: turn.end).speaker
    text = dataset.seminar.source.text[:start]
    best: tuple[int, str] | None = None
    for speaker in dataset.speakers:
        for name in _names(speaker.name):
            at = text.rfind(name)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, speaker.id)
    if best is not None:
        return best[1]
    spans = dataset.spans
    coded = [(span.start, position.speaker) for position in dataset.positions if (span := spans.get(position.id)) is not None and span.start <= start]
    if coded:
        return max(coded)[1]
    return None


def _names(name: str) -> list[str]:
    """How a report may name a speaker: in full, or by surname (the last word, if long enough to be telling)."""
    names = [name]
    parts = name.split()
    if len(parts) > 1 and len(parts[-1]) >= 3:
        names.append(parts[-1])
    return names


def new_position_id(dataset: Dataset, speaker_id: str, theme_id: str) -> str:
    """A fresh id for a position of this speaker on this theme ("rumer-trade", else "rumer-trade-2", ...)."""
    return unique_id(dataset, "position", f"{speaker_id}-{theme_id}")


def remove_position(dataset: Dataset, position_id: str) -> Edit:
    """Deleting a position, and its mention in the brief's judgements with it."""
    if position_id not in {p.id for p in dataset.model.positions}:
        raise EditRefused(f"there is no position with the id {position_id!r}")
    brief = dataset.model.brief
    used = brief is not None and any(position_id in j.positions for j in (*brief.key_judgements, *brief.what_to_watch))
    if not used:
        return Remove("position", position_id)
    assert brief is not None
    return Compound((ReplaceBrief(_brief_without(brief, {position_id})), Remove("position", position_id)))
