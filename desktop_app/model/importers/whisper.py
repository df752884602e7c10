"""WhisperX or whisper JSON (``segments`` with ``start``, ``end``, ``text`` and, after diarisation, ``speaker``)."""

from __future__ import annotations

import json
import math
from typing import Any

from ..format.json_text import JsonProblem
from ..format.json_text import parse as parse_json
from .common import ImportedTranscript, ImportFailed
from .encoding import normalise
from .labels import MAX_LABEL, NO_CHOICES, LabelChoices
from .segments import Segment, assemble


def parse_whisper(text: str, choices: LabelChoices = NO_CHOICES, encoding: str | None = None) -> ImportedTranscript:
    """The transcript of whisper's JSON; words are optional and unused.  ImportFailed names the segment."""
    del choices  # speaker fields are labels already: nothing to confirm
    try:
        # The seminar loader's reader: numbers too long or too large, NaN, deep nesting and the like get located words.
        data = parse_json(text).value
    except JsonProblem as problem:
        first = problem.problems[0]
        raise ImportFailed(first.message, first.location) from None
    raw_segments = data.get("segments") if isinstance(data, dict) else data
    if not isinstance(raw_segments, list):
        raise ImportFailed("expected whisper JSON: an object with a list of \"segments\" (or a list of segments)")
    segments = [_segment(raw, number) for number, raw in enumerate(raw_segments)]
    previous_start = 0.0
    for number, segment in enumerate(segments):
        if segment.start_time is not None:
            if segment.start_time < previous_start:
                raise ImportFailed("the segment starts before the one before it", f"segments[{number}]")
            previous_start = segment.start_time
    return assemble(segments, "whisper", encoding=encoding)


def _segment(raw: Any, number: int) -> Segment:
    where = f"segments[{number}]"
    if not isinstance(raw, dict):
        raise ImportFailed("a segment must be an object with start, end and text", where)
    words = raw.get("text")
    if not isinstance(words, str):
        raise ImportFailed("the segment has no \"text\" string", where)
    start, end = _time(raw, "start", where), _time(raw, "end", where)
    if start is not None and end is not None and end < start:
        raise ImportFailed(f"the segment ends ({end}) before it starts ({start})", where)
    speaker = raw.get("speaker")
    if speaker is not None and not isinstance(speaker, str | int):
        raise ImportFailed("\"speaker\" must be a string", where)
    label = " ".join(normalise(str(speaker)).split())[:MAX_LABEL] if speaker is not None else None
    return Segment(normalise(words), label or None, start, end)


def _time(raw: dict[str, Any], key: str, where: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ImportFailed(f"\"{key}\" must be a number of seconds, not {json.dumps(value)[:40]}", where)
    return float(value)
