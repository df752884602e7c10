"""Timed segments (subtitle cues, speech-recognition segments) assembled into a text with turns.

A label marks a change of speaker: a segment without one continues the
current turn, and consecutive segments with the same label merge into one
turn that keeps the first start time and the last end time.  Each turn is a
paragraph; the segments inside it are joined by a space.  Text before the
first label stands alone, outside any turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Unpack

from .common import FileDetails, ImportedTranscript, ImportedTurn
from .labels import NO_CHOICES, LabelChoices, Spellings, speaking_labels
from .name_like import looks_like_a_name


@dataclass(frozen=True)
class Segment:
    """One cue or segment: its words, its label if it has one, and its times."""

    text: str
    label: str | None
    start_time: float | None
    end_time: float | None
    prefixed: str | None = None
    """The words with a ``Name:`` prefix still on, when the label came from one (it may prove not to be a label)."""


def assemble(
    segments: Sequence[Segment],
    format_name: str,
    choices: LabelChoices = NO_CHOICES,
    *,
    subtitles: bool = False,
    **extra: Unpack[FileDetails],
) -> ImportedTranscript:
    """The transcript of ``segments``: a ``Name:`` label counts only if it recurs or is confirmed, and is not rejected.

    In ``subtitles`` (cues) a ``Name:`` that opens a cue and reads as a person's
    name counts even once: Zoom names every cue's speaker that way.
    """
    spelling = Spellings()
    segments = [replace(segment, label=spelling(segment.label)) if segment.label else segment for segment in segments]
    speaking, single = speaking_labels(
        (segment.label for segment in segments if segment.label and segment.prefixed is not None),
        choices,
        once=looks_like_a_name if subtitles else None,
    )
    paragraphs: list[str] = []
    turns: list[ImportedTurn] = []
    offset = 0
    current: _Open | None = None

    def close() -> None:
        nonlocal offset, current
        if current is None or not current.words:
            current = None
            return
        body = " ".join(current.words)
        if paragraphs:
            offset += 2  # the blank line between paragraphs
        paragraphs.append(body)
        if current.label is not None:
            turns.append(ImportedTurn(current.label, offset, offset + len(body), current.start_time, current.end_time))
        offset += len(body)
        current = None

    for segment in segments:
        label, words = segment.label, segment.text
        if label is not None and segment.prefixed is not None and label not in speaking:
            label, words = None, segment.prefixed
        words = " ".join(words.split())
        if label is None and current is not None:
            current.add(words, segment)
            continue
        if current is None or label != current.label:
            close()
            current = _Open(label, segment.start_time)
        current.add(words, segment)
    close()
    text = "\n\n".join(paragraphs)
    return ImportedTranscript(text, tuple(turns), format_name, single_labels=tuple(single), **extra)


class _Open:
    """A turn (or a run of unattributed text) being gathered."""

    def __init__(self, label: str | None, start_time: float | None):
        self.label = label
        self.start_time = start_time
        self.end_time: float | None = None
        self.words: list[str] = []

    def add(self, words: str, segment: Segment) -> None:
        if words:
            self.words.append(words)
        if self.start_time is None:
            self.start_time = segment.start_time
        if segment.end_time is not None:
            self.end_time = segment.end_time

