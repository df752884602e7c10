"""The words and the speaker of one subtitle cue: voice tags, a ``Name:`` prefix, styling tags removed."""

from __future__ import annotations

import html
import re

from .labels import MAX_LABEL
from .segments import Segment

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*)>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}")  # styling, cue timestamps, SRT's {\an8}
_PREFIX = re.compile(rf"^(?:-\s*)?([^\W\d_][\w.'’\- ]{{0,{MAX_LABEL - 1}}}?):[ \t]+")


def cue_segment(payload: str, start_time: float, end_time: float) -> Segment:
    """A segment for a cue's payload: a ``<v Name>`` tag names the speaker, else a ``Name:`` prefix may."""
    voice = _VOICE.search(payload)
    words = html.unescape(_TAG.sub("", payload))
    words = " ".join(words.split())
    if voice and voice.group(1).strip():
        label = " ".join(voice.group(1).split())[:MAX_LABEL]
        return Segment(words, label, start_time, end_time)
    prefix = _PREFIX.match(words)
    if prefix:
        label = " ".join(prefix.group(1).split())
        return Segment(words[prefix.end():], label, start_time, end_time, prefixed=words)
    return Segment(words, None, start_time, end_time)


def clock(seconds: float) -> str:
    """``01:02:03.450``: a time as subtitle files write it, for messages."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"
