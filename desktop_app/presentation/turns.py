"""Transcript turns as the views and exports use them: which turn holds a place in the text, who spoke last, when.

A seminar imported from a transcript carries ``source.turns``: spans of the
source text in text order that never overlap (the loader checks both), so
every lookup here is a binary search.  Pure Python, no Qt.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model.dataset import Dataset
from ..model.schema import Turn


def clock(seconds: float, *, with_hours: bool = False) -> str:
    """``1:02:03`` or ``2:03`` from the start of the recording; with ``with_hours``, always ``0:02:03``."""
    minutes, whole_seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours or with_hours:
        return f"{hours}:{minutes:02d}:{whole_seconds:02d}"
    return f"{minutes}:{whole_seconds:02d}"


def _last_starting_at_or_before(turns: Sequence[Turn], offset: int) -> int:
    """Index of the last turn starting at or before ``offset`` (-1 when none does)."""
    return bisect.bisect_right(turns, offset, key=lambda turn: turn.start) - 1


def turn_at(turns: Sequence[Turn], offset: int) -> Turn | None:
    """The turn whose span holds the character at ``offset``, or None between turns."""
    index = _last_starting_at_or_before(turns, offset)
    if index < 0:
        return None
    turn = turns[index]
    return turn if offset < turn.end else None


def speaker_before(turns: Sequence[Turn], offset: int) -> str | None:
    """The speaker of the turn holding ``offset``, else of the nearest turn before it; None before the first turn.

    What the coding editor suggests as the speaker of a passage selected there.
    """
    index = _last_starting_at_or_before(turns, offset)
    return turns[index].speaker if index >= 0 else None


def position_turn(dataset: Dataset, position_id: str) -> Turn | None:
    """The turn in which a position's excerpt begins, if the source has turns and the excerpt lies in one."""
    turns = dataset.seminar.source.turns
    span = dataset.spans.get(position_id)
    if not turns or span is None:
        return None
    return turn_at(turns, span.start)


def position_time(dataset: Dataset, position_id: str) -> float | None:
    """When the turn holding a position's excerpt began, in seconds, if the transcript gives times."""
    turn = position_turn(dataset, position_id)
    return turn.start_time if turn is not None else None
