"""SubRip (.srt) subtitles read into a transcript, with the same speaker rules as WebVTT."""

from __future__ import annotations

import re

from .common import ImportedTranscript, ImportFailed
from .cue_text import clock, cue_segment
from .labels import NO_CHOICES, LabelChoices
from .segments import Segment, assemble

_TIME = r"(\d+):([0-5]\d):([0-5]\d)[,.](\d{1,3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?$")
_TRUNCATED = "the file ends in the middle of this cue: is it truncated?"


def parse_srt(text: str, choices: LabelChoices = NO_CHOICES, encoding: str | None = None) -> ImportedTranscript:
    """The transcript of an SRT file's text; ImportFailed naming the line and cue of the first problem."""
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    segments: list[Segment] = []
    index = 0
    cue_number = 0
    previous_end = 0.0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        while index < len(lines) and lines[index].strip():
            index += 1
        block = [line.strip() for line in lines[block_start:index]]
        at_end = index >= len(lines)
        cue_number += 1
        where = f"cue {cue_number} (line {block_start + 1})"
        if not block[0].isdigit():
            if "-->" in block[0]:
                timing_at = 0  # some tools leave the number out
            else:
                raise ImportFailed(f"expected a cue number, found {block[0][:60]!r}", where)
        else:
            timing_at = 1
        if timing_at >= len(block):
            raise ImportFailed(_TRUNCATED if at_end else "the cue has no timing line", where)
        timing = _TIMING.match(block[timing_at])
        where = f"cue {cue_number} (line {block_start + 1 + timing_at})"
        if not timing:
            message = _TRUNCATED if at_end and timing_at == len(block) - 1 else (
                f"cannot read the timing line {block[timing_at][:60]!r}"
            )
            raise ImportFailed(message, where)
        if timing_at + 1 >= len(block) and at_end:
            raise ImportFailed(_TRUNCATED, where)
        start, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
        if end < start:
            raise ImportFailed(f"the cue ends ({clock(end)}) before it starts ({clock(start)})", where)
        if start < previous_end:
            raise ImportFailed(
                f"the cue starts at {clock(start)}, before cue {cue_number - 1} ends ({clock(previous_end)}): cues overlap",
                where,
            )
        previous_end = end
        segments.append(cue_segment("\n".join(block[timing_at + 1:]), start, end))
    return assemble(segments, "srt", choices, encoding=encoding)


def _seconds(parts: tuple[str, ...]) -> float:
    hours, minutes, seconds, fraction = parts
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction.ljust(3, "0")) / 1000
