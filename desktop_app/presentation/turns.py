"""Transcript turns as the views and exports use them: the turn a position lies in, and when it began.

The lookups themselves (which turn holds a place, who spoke last) are in
:mod:`desktop_app.model.editing.turn_lookup`, shared with the coding suggestion.
Pure Python, no Qt.
"""

from __future__ import annotations

from ..model.dataset import Dataset
from ..model.editing.turn_lookup import turn_at
from ..model.format.schema import Turn


def clock(seconds: float, *, with_hours: bool = False) -> str:
    """``1:02:03`` or ``2:03`` from the start of the recording; with ``with_hours``, always ``0:02:03``."""
    minutes, whole_seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours or with_hours:
        return f"{hours}:{minutes:02d}:{whole_seconds:02d}"
    return f"{minutes}:{whole_seconds:02d}"


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
