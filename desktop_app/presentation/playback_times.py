"""When to play from: a turn's start, a passage's estimated start, and the turn being spoken at a moment.

A transcript gives when each turn began (and often ended), not when each word
was said, so a passage's start is estimated: the turn's start plus the share
of the turn's characters that come before the passage, times the turn's
length (to its end time, else to the next turn's start).  The views say that
it is an estimate.  Pure Python, no Qt.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model.dataset import Dataset
from ..model.format.schema import Turn
from .turns import position_turn


def turn_end_time(turns: Sequence[Turn], index: int) -> float | None:
    """When turn ``index`` ended: its own end time, else the next timed turn's start, else unknown."""
    turn = turns[index]
    if turn.end_time is not None:
        return turn.end_time
    for later in turns[index + 1:]:
        if later.start_time is not None:
            return later.start_time
    return None


def passage_start(dataset: Dataset, position_id: str) -> float | None:
    """The estimated time a position's passage begins (see the module's docstring), or None without turn times."""
    turn = position_turn(dataset, position_id)
    span = dataset.spans.get(position_id)
    if turn is None or span is None or turn.start_time is None:
        return None
    turns = dataset.seminar.source.turns
    end = turn_end_time(turns, turns.index(turn))
    characters = max(1, turn.end - turn.start)
    share = min(1.0, max(0.0, (span.start - turn.start) / characters))
    if end is None or end <= turn.start_time:
        return turn.start_time
    return turn.start_time + share * (end - turn.start_time)


def spoken_turn(turns: Sequence[Turn], seconds: float) -> int | None:
    """The index of the turn being spoken at ``seconds`` of the transcript: the last to start by then, if it has not ended."""
    timed = [(turn.start_time, index) for index, turn in enumerate(turns) if turn.start_time is not None]
    if not timed:
        return None
    at = bisect.bisect_right([start for start, _ in timed], seconds) - 1
    if at < 0:
        return None
    index = timed[at][1]
    end = turn_end_time(turns, index)
    return index if end is None or seconds < end else None
