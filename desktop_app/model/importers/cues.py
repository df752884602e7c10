"""Subtitle cues (WebVTT and SRT alike): the file's lines cut into cues, each cue's timing checked, its words read.

A cue is a block of lines: an optional identifier (SRT's cue number), a timing
line ``start --> end``, then its words.  Blocks are separated by blank lines,
and also, for files written without them, wherever a second timing line
appears in a block: the cue number just above it, if any, goes with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .common import ImportFailed
from .cue_text import clock, cue_segment
from .segments import Segment

TRUNCATED = "the file ends in the middle of this cue: is it truncated?"


@dataclass(frozen=True)
class CueSyntax:
    """What differs between the two subtitle formats."""

    timing: re.Pattern[str]
    """A timing line; its eight groups are the start's and the end's hours, minutes, seconds and fraction."""
    numbered: bool
    """SRT: a cue opens with its number (some tools leave it out), and a cue cut short means a truncated file."""
    skipped: tuple[str, ...] = ()
    """Openings of blocks that are not cues (WebVTT's NOTE, STYLE and REGION)."""


def read_cues(lines: list[str], first: int, syntax: CueSyntax) -> list[Segment]:
    """The segments of the cues in ``lines[first:]``; ImportFailed naming the cue and line of the first problem."""
    segments: list[Segment] = []
    cue_number = 0
    previous_end = 0.0
    for block_start, block, at_end in _blocks(lines, first, syntax.timing.match):
        if block[0].startswith(syntax.skipped) and "-->" not in block[0]:
            continue
        cue_number += 1
        timing_at = 0 if "-->" in block[0] else 1
        where = f"cue {cue_number} (line {block_start + 1})"
        if syntax.numbered and timing_at and not block[0].isdigit():
            raise ImportFailed(f"expected a cue number, found {block[0][:60]!r}", where)
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            truncated = syntax.numbered and at_end and timing_at >= len(block)
            raise ImportFailed(TRUNCATED if truncated else "the cue has no timing line (start --> end)", where)
        where = f"cue {cue_number} (line {block_start + 1 + timing_at})"
        timing = syntax.timing.match(block[timing_at])
        cut_short = syntax.numbered and at_end and timing_at == len(block) - 1
        if not timing:
            raise ImportFailed(TRUNCATED if cut_short else f"cannot read the timing line {block[timing_at][:60]!r}", where)
        if cut_short:
            raise ImportFailed(TRUNCATED, where)
        groups = timing.groups()
        start, end = _seconds(groups[:4]), _seconds(groups[4:])
        if end < start:
            raise ImportFailed(f"the cue ends ({clock(end)}) before it starts ({clock(start)})", where)
        if start < previous_end:
            raise ImportFailed(
                f"the cue starts at {clock(start)}, before cue {cue_number - 1} ends ({clock(previous_end)}): cues overlap",
                where,
            )
        previous_end = end
        segments.append(cue_segment("\n".join(block[timing_at + 1:]), start, end))
    return segments


def _blocks(lines: list[str], first: int, is_timing: Callable[[str], object]) -> Iterator[tuple[int, list[str], bool]]:
    """Each block as (index of its first line, its lines stripped, whether it ends the file)."""
    last = len(lines)
    while last > first and not lines[last - 1].strip():
        last -= 1
    block: list[str] = []
    block_start = first
    timing_at: int | None = None  # where in the block its timing line is
    for index in range(first, last):
        line = lines[index].strip()
        if not line:
            if block:
                yield block_start, block, False
            block, timing_at = [], None
            continue
        timing = bool(is_timing(line))
        if timing and timing_at is not None:
            # A cue written straight after the one before, with no blank line: its number (if any) opens it.
            carried = [block.pop()] if len(block) - 1 > timing_at and block[-1].isdigit() else []
            yield block_start, block, False
            block, block_start, timing_at = carried, index - len(carried), None
        if not block:
            block_start = index
        if timing and timing_at is None:
            timing_at = len(block)
        block.append(line)
    if block:
        yield block_start, block, True


def _seconds(parts: tuple[str | None, ...]) -> float:
    hours, minutes, seconds, fraction = parts
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0) + int((fraction or "0").ljust(3, "0")) / 1000
