"""What every importer produces (an ImportedTranscript of turns over a text) and how it fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypedDict

Progress = Callable[[int, int], None]
"""Told (done, in all) as a long read goes on: a PDF's pages, a Word document's paragraphs."""


class FileDetails(TypedDict, total=False):
    """What a file says about itself, passed through to its ImportedTranscript by the importers that read it."""

    encoding: str | None
    title: str | None
    title_from: str | None
    date: dt.date | None


@dataclass(frozen=True)
class ImportedTurn:
    """One speaker's turn as found in the file: the label the file gives, and a span of the text."""

    label: str
    start: int
    end: int
    start_time: float | None = None
    end_time: float | None = None
    role_hint: str | None = None
    """A role written beside the label, as in ``Name (Chair):``; lower case, as written."""


@dataclass(frozen=True)
class ImportedTranscript:
    """A file's text with line endings normalised, and its turns in text order (none for prose)."""

    text: str
    turns: tuple[ImportedTurn, ...]
    format: str
    """Which parser read it: vtt, srt, whisper, text, docx or pdf."""
    encoding: str | None = None
    """How the bytes were decoded, for text formats."""
    title: str | None = None
    """A title the file itself gives (its properties, or a heading at its top), if any."""
    title_from: str | None = None
    """Where ``title`` was found, for the preview: "the document's properties", "line 1"."""
    date: dt.date | None = None
    """A date the file itself gives (its properties, or a date written at its top), if any."""
    date_from: str | None = None
    """Where ``date`` was found, as ``title_from`` says it."""
    pages: int | None = None
    """Pages read, for a PDF."""
    single_labels: tuple[str, ...] = field(default=())
    """Labels seen only once and so not taken as speakers (the user may confirm them)."""

    def labels(self) -> list[str]:
        """The distinct labels, in order of first appearance."""
        return list(dict.fromkeys(turn.label for turn in self.turns))


class ImportFailed(Exception):
    """The file cannot be imported; ``location`` says where (``line 4``, ``cue 12 (line 40)``) when known."""

    def __init__(self, message: str, location: str | None = None):
        super().__init__(f"{location}: {message}" if location else message)
        self.message = message
        self.location = location

    def line_for(self, source: str) -> str:
        """The ``FILE: LOCATION: MESSAGE`` line shown on the command line."""
        return f"{source}: {self.location or '(file)'}: {self.message}"


FORMATS = ("vtt", "srt", "whisper", "text", "docx", "pdf")
"""The formats an import accepts, as ``--format`` names them."""
