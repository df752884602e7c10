"""Coding a passage of the source: who most likely said it, a fresh id, the passage as it stands, and removing a position.

Pure Python: the window's coding editor asks these questions of the dataset.
The speaker suggested for a passage is the one whose transcript turn holds
it, or of the nearest turn before it (:mod:`.turn_lookup`, the lookup the
views use too); without turns, the speaker whose name last appears before it (a report
names the speaker, then gives the gist); failing that, the speaker of the
nearest coded excerpt before it.
"""

from __future__ import annotations

import bisect
import functools
import re

from ..dataset import Dataset
from ..format.excerpts import Span
from .edits import (
    Compound,
    Edit,
    EditRefused,
    Remove,
    ReplaceBrief,
    _brief_without,
    unique_id,
)
from .turn_lookup import speaker_before

_OPENING_LABEL = re.compile(r"[ \t]*(?:\[(?P<bracket>[^\]\n]{1,60})\]:?|(?P<name>[^\W\d_][^\n:]{0,59}):)[ \t]+")
"""A ``Name:`` or ``[Name]`` at a turn's start, as files imported before the label was left out of the turn still have."""


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
    speaking = speaker_before(dataset.seminar.source.turns, start)
    if speaking is not None:
        return speaking
    named = _last_named(dataset, start)
    if named is not None:
        return named
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


@functools.lru_cache(maxsize=8)
def _name_pattern(speakers: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str], int]:
    """One pattern finding any speaker's name (longest names first), which speaker each name is, and the longest name's length."""
    owner: dict[str, str] = {}
    for speaker_id, name in speakers:
        for form in _names(name):
            owner.setdefault(form, speaker_id)
    forms = sorted(owner, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(form) for form in forms)) if forms else re.compile(r"(?!x)x")
    return pattern, owner, max((len(form) for form in forms), default=0)


def _last_named(dataset: Dataset, start: int, window: int = 4_000) -> str | None:
    """The speaker whose name ends last before ``start``, reading back a few thousand characters at a time."""
    pattern, owner, longest = _name_pattern(tuple((s.id, s.name) for s in dataset.speakers))
    text = dataset.seminar.source.text
    end = start
    while end > 0:
        begin = max(0, end - window)
        last = None
        for match in pattern.finditer(text, begin, min(start, end + longest)):
            last = match
        if last is not None:
            return owner[last.group()]
        end = begin
    return None


def turn_index_at(dataset: Dataset, offset: int) -> int | None:
    """The index of the transcript turn at ``offset``, ending there, or opening later on its line (the caret on its label)."""
    turns = dataset.seminar.source.turns
    at = bisect.bisect_right(turns, offset, key=lambda turn: turn.start) - 1
    if at >= 0 and (offset < turns[at].end or (offset == turns[at].end and offset > turns[at].start)):
        return at
    following = at + 1
    if following < len(turns) and "\n" not in dataset.seminar.source.text[offset : turns[following].start]:
        return following
    return None


def turn_words(dataset: Dataset, offset: int) -> tuple[Span, str] | None:
    """The words of the transcript turn at ``offset`` (see :func:`turn_index_at`) and its speaker's id; None between turns.

    A turn opened by its speaker's own ``Name:`` label (an older import) is
    taken without it, so the excerpt is what was said.
    """
    index = turn_index_at(dataset, offset)
    if index is None:
        return None
    turn = dataset.seminar.source.turns[index]
    text = dataset.seminar.source.text
    start = turn.start
    label = _OPENING_LABEL.match(text, start, turn.end)
    if label is not None and dataset.has_speaker(turn.speaker):
        said = " ".join((label.group("bracket") or label.group("name")).split()).casefold()
        if said == dataset.speaker(turn.speaker).name.casefold():
            start = label.end()
    span = passage(text, start, turn.end)
    return (span, turn.speaker) if span is not None else None


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
