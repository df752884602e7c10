"""SubRip (.srt) subtitles read into a transcript, with the same speaker rules as WebVTT."""

from __future__ import annotations

import re

from .common import ImportedTranscript
from .cues import CueSyntax, read_cues
from .labels import NO_CHOICES, LabelChoices
from .segments import assemble

_TIME = r"(\d+):([0-5]\d):([0-5]\d)[,.](\d{1,3})"
SRT = CueSyntax(re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t].*)?$"), numbered=True)


def parse_srt(text: str, choices: LabelChoices = NO_CHOICES, encoding: str | None = None) -> ImportedTranscript:
    """The transcript of an SRT file's text; ImportFailed naming the line and cue of the first problem."""
    return assemble(read_cues(text.split("\n"), 0, SRT), "srt", choices, subtitles=True, encoding=encoding)
