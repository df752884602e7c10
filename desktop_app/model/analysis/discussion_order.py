"""Where each position lies in the course of the discussion: its place in the source text, its turn, its time.

A position's *moment* is read from where its excerpt starts: the character
offset in ``source.text``, the transcript turn holding that offset (when the
source has turns), and a time in seconds when that turn has times.  Within a
turn with a start and an end time, the time is spread over the turn by the
share of its characters read so far, so marks of one long turn do not pile up;
a turn with only a start time gives that time to every position in it.

Two positions are *at different times* when they lie in different turns, or,
where the source has no turns (a report), at different places in the text.
Pure Python, no Qt.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from ..format.excerpts import Span
from ..format.schema import Position, Turn


class Moment(NamedTuple):
    """Where one position's excerpt starts: its character offset, the index of its turn, its time in seconds.

    A named tuple, not a dataclass: a large seminar makes one per position, on every edit the timeline shows.
    """

    offset: int
    turn: int | None = None
    time: float | None = None

    def same_time_as(self, other: Moment) -> bool:
        """Whether two positions were taken at the same time: in the same turn, or at the same place of a text without turns."""
        if self.turn is not None and other.turn is not None:
            return self.turn == other.turn
        return self.offset == other.offset


def has_turn_times(turns: Sequence[Turn]) -> bool:
    """Whether the transcript gives times for its turns (any turn with a start time)."""
    return any(turn.start_time is not None for turn in turns)


def turn_index_at(turns: Sequence[Turn], offset: int) -> int | None:
    """Index of the turn whose span holds ``offset``, or None between turns (turns are in text order, never overlapping)."""
    index = bisect.bisect_right(turns, offset, key=lambda turn: turn.start) - 1
    if index < 0 or offset >= turns[index].end:
        return None
    return index


def turn_time_at(turn: Turn, offset: int) -> float | None:
    """The time of ``offset`` inside ``turn``: spread between its start and end times, else its start time, else None."""
    if turn.start_time is None:
        return None
    if turn.end_time is None or turn.end_time <= turn.start_time or turn.end <= turn.start:
        return turn.start_time
    share = (offset - turn.start) / (turn.end - turn.start)
    return turn.start_time + share * (turn.end_time - turn.start_time)


def moments(positions: Iterable[Position], spans: Mapping[str, Span], turns: Sequence[Turn]) -> dict[str, Moment]:
    """The moment of every position whose excerpt is found in the source text, by position id."""
    found: dict[str, Moment] = {}
    for position in positions:
        span = spans.get(position.id)
        if span is None:
            continue
        index = turn_index_at(turns, span.start) if turns else None
        time = turn_time_at(turns[index], span.start) if index is not None else None
        found[position.id] = Moment(span.start, index, time)
    return found
