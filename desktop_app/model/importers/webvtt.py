"""WebVTT subtitles (Zoom puts ``Name:`` in cues, Teams uses ``<v Name>`` voice tags) read into a transcript."""

from __future__ import annotations

import re

from .common import ImportedTranscript, ImportFailed
from .cue_text import clock, cue_segment
from .labels import NO_CHOICES, LabelChoices
from .segments import Segment, assemble

_TIME = r"(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?$")


def parse_vtt(text: str, choices: LabelChoices = NO_CHOICES, encoding: str | None = None) -> ImportedTranscript:
    """The transcript of a WebVTT file's text; ImportFailed naming the line (and cue) of the first problem."""
    lines = text.split("\n")
    first = lines[0]
    if not (first.startswith("WEBVTT") and (len(first) == 6 or first[6] in " \t")):
        raise ImportFailed("this is not a WebVTT file: its first line must be WEBVTT", "line 1")
    segments: list[Segment] = []
    index = 1
    while index < len(lines) and lines[index].strip():  # the header block
        index += 1
    cue_number = 0
    previous_end = 0.0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        while index < len(lines) and lines[index].strip():
            index += 1
        block = lines[block_start:index]
        if block[0].startswith(("NOTE", "STYLE", "REGION")) and "-->" not in block[0]:
            continue
        cue_number += 1
        timing_at = 0 if "-->" in block[0] else 1
        where = f"cue {cue_number} (line {block_start + 1 + timing_at})"
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            raise ImportFailed("the cue has no timing line (start --> end)", f"cue {cue_number} (line {block_start + 1})")
        timing = _TIMING.match(block[timing_at].strip())
        if not timing:
            raise ImportFailed(f"cannot read the timing line {block[timing_at].strip()[:60]!r}", where)
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
    return assemble(segments, "vtt", choices, encoding=encoding)


def _seconds(parts: tuple[str | None, ...]) -> float:
    hours, minutes, seconds, millis = parts
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0) + int(millis or 0) / 1000
