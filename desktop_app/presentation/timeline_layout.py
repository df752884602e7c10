"""The Timeline tab's geometry and words: one row per speaker along the course of the discussion.

The axis is time, in seconds from the start of the recording, when the
transcript's turns have times; otherwise it is the place in the source text
(characters from its start, shown as a share of the text), and it says so.
Each speaker's turns are spans on their row; each position is a mark at the
place where its excerpt starts.  A mark is *filled* in its stance's colour
when it counts, and *hollow* when it does not: a kind the analysis leaves out,
or a position still awaiting a stance (drawn in the neutral grey).
Pure Python, no Qt: the widget maps these numbers to pixels.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..model.analysis.discussion_order import has_turn_times
from ..model.dataset import Dataset
from ..model.format.schema import Kind, Position, Turn
from .discussion import dataset_moments
from .turns import clock

AxisKind = Literal["time", "text"]

TIME_STEPS = (10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200)
"""Distances between time ticks, in seconds: the smallest that keeps the ticks apart is used."""
SHARE_STEPS = (0.05, 0.1, 0.2, 0.25, 0.5)
"""Distances between ticks on the source text's axis, as shares of the text."""


class TimelineMark(NamedTuple):
    """One position on the timeline: its row, its place on the axis, its stance, and whether it counts (a named tuple: one per position)."""

    position_id: str
    speaker_id: str
    theme_id: str
    row: int
    x: float
    stance: int | None
    counted: bool


@dataclass(frozen=True)
class TimelineSpan:
    """One turn on its speaker's row, from ``start`` to ``end`` on the axis."""

    row: int
    start: float
    end: float


@dataclass(frozen=True)
class Timeline:
    """Everything the Timeline tab draws for one seminar and one theme filter (None: every theme)."""

    axis: AxisKind
    extent: tuple[float, float]
    speakers: tuple[str, ...]
    """Speaker ids, one row each, in speaking order."""
    marks: tuple[TimelineMark, ...]
    """In the order of the discussion."""
    spans: tuple[TimelineSpan, ...]
    marks_by_row: tuple[tuple[TimelineMark, ...], ...]
    spans_by_row: tuple[tuple[TimelineSpan, ...], ...]
    unplaced: int
    """Positions the axis cannot place (outside any timed turn, or no longer found in the text)."""

    @property
    def row_of(self) -> dict[str, int]:
        return {speaker: row for row, speaker in enumerate(self.speakers)}


def axis_title(axis: AxisKind) -> str:
    """What the axis measures, said plainly."""
    if axis == "time":
        return "Time from the start of the recording (turn times)"
    return "Report order: place in the source text (no turn times)"


def _turn_end_time(turns: Sequence[Turn], index: int) -> float | None:
    turn = turns[index]
    if turn.end_time is not None:
        return float(turn.end_time)
    following = turns[index + 1].start_time if index + 1 < len(turns) else None
    return float(following) if following is not None else None


def timeline(dataset: Dataset, theme_id: str | None, counted_kinds: Collection[Kind], left_out: Collection[str] = ()) -> Timeline:
    """The timeline of ``dataset`` showing positions on ``theme_id`` (every theme when None)."""
    turns = dataset.seminar.source.turns
    axis: AxisKind = "time" if has_turn_times(turns) else "text"
    speakers = tuple(speaker.id for speaker in dataset.speakers)
    row_of = {speaker: row for row, speaker in enumerate(speakers)}
    spans: list[TimelineSpan] = []
    for index, turn in enumerate(turns):
        row = row_of.get(turn.speaker)
        if row is None:
            continue
        if axis == "time":
            if turn.start_time is None:
                continue
            end = _turn_end_time(turns, index)
            spans.append(TimelineSpan(row, float(turn.start_time), end if end is not None else float(turn.start_time)))
        else:
            spans.append(TimelineSpan(row, float(turn.start), float(turn.end)))
    chosen: Sequence[Position] = dataset.positions if theme_id is None else dataset.positions_on(theme_id)
    placed = dataset_moments(dataset, chosen)
    marks: list[TimelineMark] = []
    unplaced = 0
    for position in chosen:
        moment = placed.get(position.id)
        row = row_of.get(position.speaker)
        if moment is None or row is None:
            unplaced += 1
            continue
        x = float(moment.offset) if axis == "text" else moment.time
        if x is None:
            unplaced += 1
            continue
        stance: int | None = position.stance
        counted = stance is not None and position.kind in counted_kinds and position.speaker not in left_out
        marks.append(TimelineMark(position.id, position.speaker, position.theme, row, float(x), stance, counted))
    marks.sort(key=lambda mark: mark.x)
    if axis == "time":
        ends = [span.end for span in spans] + [mark.x for mark in marks]
        extent = (0.0, max([*ends, 1.0]))
    else:
        extent = (0.0, float(max(len(dataset.seminar.source.text), 1)))
    by_row: list[list[TimelineMark]] = [[] for _ in speakers]
    for mark in marks:
        by_row[mark.row].append(mark)
    spans_by_row: list[list[TimelineSpan]] = [[] for _ in speakers]
    for span in spans:
        spans_by_row[span.row].append(span)
    return Timeline(
        axis, extent, speakers, tuple(marks), tuple(spans),
        tuple(tuple(row) for row in by_row), tuple(tuple(row) for row in spans_by_row), unplaced,
    )


def ticks(axis: AxisKind, extent: tuple[float, float], most: int) -> list[tuple[float, str]]:
    """At most ``most`` (at least 2) evenly spaced ticks along the axis, with their labels."""
    low, high = extent
    width = max(high - low, 1e-9)
    most = max(most, 2)
    if axis == "time":
        step = next((s for s in TIME_STEPS if width / s <= most - 1), TIME_STEPS[-1] * math.ceil(width / TIME_STEPS[-1] / (most - 1)))
        with_hours = high >= 3600
        return [(float(t), clock(t, with_hours=with_hours)) for t in range(0, int(high) + 1, int(step)) if t >= low]
    share = next((s for s in SHARE_STEPS if 1 / s <= most - 1), 0.5)
    count = round(1 / share)
    return [(low + width * k * share, f"{round(k * share * 100)}%") for k in range(count + 1)]


def place_text(dataset: Dataset, axis: AxisKind, x: float) -> str:
    """Where ``x`` lies, in words for a tooltip: ``at 12:30`` or ``at 40% of the text``."""
    if axis == "time":
        return f"at {clock(x)}"
    length = max(len(dataset.seminar.source.text), 1)
    return f"at {round(100 * x / length)}% of the text"


def spoken_seconds(dataset: Dataset) -> dict[str, float]:
    """Seconds each speaker held the floor over the timed turns (turns without an end run to the next turn's start)."""
    turns = dataset.seminar.source.turns
    held: dict[str, float] = {}
    for index, turn in enumerate(turns):
        if turn.start_time is None:
            continue
        end = _turn_end_time(turns, index)
        if end is None:
            continue
        held[turn.speaker] = held.get(turn.speaker, 0.0) + max(end - float(turn.start_time), 0.0)
    return held


def spoken_characters(dataset: Dataset) -> dict[str, int]:
    """Characters of the source each speaker's turns hold (for a transcript without times)."""
    held: dict[str, int] = {}
    for turn in dataset.seminar.source.turns:
        held[turn.speaker] = held.get(turn.speaker, 0) + max(turn.end - turn.start, 0)
    return held


__all__ = [
    "AxisKind", "Timeline", "TimelineMark", "TimelineSpan", "axis_title", "place_text",
    "spoken_characters", "spoken_seconds", "ticks", "timeline",
]
