"""WebVTT subtitles (Zoom puts ``Name:`` in cues, Teams uses ``<v Name>`` voice tags) read into a transcript."""

from __future__ import annotations

import re

from .common import ImportedTranscript, ImportFailed
from .cues import CueSyntax, read_cues
from .labels import NO_CHOICES, LabelChoices
from .segments import assemble

_TIME = r"(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})"
WEBVTT = CueSyntax(
    re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?$"), numbered=False, skipped=("NOTE", "STYLE", "REGION")
)


def parse_vtt(text: str, choices: LabelChoices = NO_CHOICES, encoding: str | None = None) -> ImportedTranscript:
    """The transcript of a WebVTT file's text; ImportFailed naming the line (and cue) of the first problem."""
    lines = text.split("\n")
    first = lines[0]
    if not (first.startswith("WEBVTT") and (len(first) == 6 or first[6] in " \t")):
        raise ImportFailed("this is not a WebVTT file: its first line must be WEBVTT", "line 1")
    index = 1
    while index < len(lines) and lines[index].strip():  # the header block
        index += 1
    return assemble(read_cues(lines, index, WEBVTT), "vtt", choices, subtitles=True, encoding=encoding)
