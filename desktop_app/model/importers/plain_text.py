"""Typed transcripts in plain text or Markdown: a turn starts at a line with a speaker label.

The text is kept as written (line endings normalised).  A turn runs from its
label to the last non-blank line before the next speaker's label, so
continuation lines and paragraphs stay with their turn; text before the first
label belongs to no turn.  Which labels count is decided by
:func:`.labels.speaking_labels`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Unpack

from .common import FileDetails, ImportedTranscript, ImportedTurn
from .labels import (
    NO_CHOICES,
    LabelChoices,
    LabelMatch,
    LabelPattern,
    Spellings,
    speaking_labels,
)


@dataclass(frozen=True)
class Line:
    """A line (or a Word paragraph) of the text, with the label found at its start, if any."""

    start: int
    end: int
    label: LabelMatch | None


def parse_text(
    text: str,
    choices: LabelChoices = NO_CHOICES,
    pattern: LabelPattern | None = None,
    encoding: str | None = None,
    format_name: str = "text",
) -> ImportedTranscript:
    """The transcript of a typed text; ``pattern`` finds labels (the standard styles by default)."""
    pattern = pattern or LabelPattern()
    return lines_to_transcript(text, split_lines(text, pattern), choices, format_name, encoding=encoding)


def split_lines(text: str, pattern: LabelPattern) -> list[Line]:
    """Every line of ``text`` with its candidate label."""
    lines = []
    offset = 0
    for raw in text.split("\n"):
        end = offset + len(raw)
        lines.append(Line(offset, end, pattern.match(raw) if raw.strip() else None))
        offset = end + 1
    return lines


def lines_to_transcript(
    text: str, lines: Sequence[Line], choices: LabelChoices, format_name: str, **extra: Unpack[FileDetails]
) -> ImportedTranscript:
    """Turns over ``text`` from its lines: each speaking label opens a turn that runs to the next one."""
    spelling = Spellings()
    lines = [replace(line, label=replace(line.label, label=spelling(line.label.label))) if line.label else line for line in lines]
    speaking, single = speaking_labels((line.label.label for line in lines if line.label), choices)
    turns: list[ImportedTurn] = []
    current: tuple[LabelMatch, int] | None = None
    last_end = 0  # end of the last non-blank line seen

    def close() -> None:
        if current is not None:
            label, start = current
            if last_end > start:
                turns.append(ImportedTurn(label.label, start, last_end, role_hint=label.role))

    for line in lines:
        if line.label is not None and line.label.label in speaking:
            close()
            indent = len(text[line.start:line.end]) - len(text[line.start:line.end].lstrip())
            current = (line.label, line.start + indent)
        if text[line.start:line.end].strip():
            last_end = line.start + len(text[line.start:line.end].rstrip())
    close()
    return ImportedTranscript(text, tuple(turns), format_name, single_labels=tuple(single), **extra)
