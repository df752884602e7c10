"""Word documents (.docx): one line per paragraph; a bold run or a ``Name:`` at a paragraph's start is the label."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..format.schema import MAX_LINE
from .common import ImportedTranscript, ImportFailed, Progress
from .encoding import normalise
from .labels import MAX_LABEL, NO_CHOICES, LabelChoices, LabelMatch, LabelPattern
from .plain_text import Line, lines_to_transcript
from .word_package import check_package

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

_PROGRESS_EVERY = 1_000  # paragraphs


def parse_docx(
    data: bytes,
    choices: LabelChoices = NO_CHOICES,
    pattern: LabelPattern | None = None,
    progress: Progress | None = None,
) -> ImportedTranscript:
    """The transcript of a .docx file's bytes; ImportFailed when it is not a Word document or passes a bound.

    ``progress`` is told (paragraphs read, paragraphs in all) as the paragraphs are read.
    """
    check_package(data)
    try:
        import docx  # python-docx, imported only when a Word file is read

        document = docx.Document(io.BytesIO(data))
        found = document.paragraphs
        paragraphs = []
        for number, paragraph in enumerate(found, start=1):
            paragraphs.append(_paragraph(paragraph))
            if progress is not None and (number % _PROGRESS_EVERY == 0 or number == len(found)):
                progress(number, len(found))
        properties = document.core_properties
        title = properties.title or _title_paragraph(found)
        title_from = ("the document's properties" if properties.title else "its Title paragraph") if title else None
        created = properties.created
    except ImportFailed:
        raise
    except Exception as exc:  # noqa: BLE001 (python-docx raises many kinds on a damaged package)
        raise ImportFailed(f"this Word document cannot be read: {type(exc).__name__}: {exc}") from None
    pattern = pattern or LabelPattern()
    lines: list[Line] = []
    pieces: list[str] = []
    offset = 0
    for words, bold in paragraphs:
        label = _bold_label(words, bold) or (pattern.match(words) if words.strip() else None)
        lines.append(Line(offset, offset + len(words), label))
        pieces.append(words)
        offset += len(words) + 1
    text = "\n".join(pieces)
    date = created.date() if isinstance(created, dt.datetime) else None
    title = " ".join(normalise(title).split())[:MAX_LINE] if title else None
    return lines_to_transcript(text, lines, choices, "docx", title=title or None, title_from=title_from, date=date)


_TITLE_LOOKED_AT = 12
"""Paragraphs at the top of a document searched for one in Word's Title style."""


def _title_paragraph(paragraphs: Sequence[Paragraph]) -> str | None:
    """The text of the first paragraph in the Title style near the top, if any (its style id, not its looked-up name)."""
    for paragraph in paragraphs[:_TITLE_LOOKED_AT]:
        if paragraph._p.style == "Title" and paragraph.text.strip():  # the id alone, without a style lookup
            return paragraph.text
    return None


def _paragraph(paragraph: Paragraph) -> tuple[str, int]:
    """A paragraph's text on one line, and the length of the bold run(s) it starts with."""
    bold = 0
    leading = True
    parts = []
    for run in paragraph.runs:
        words = normalise(run.text).replace("\n", " ")
        if leading and (run.bold or (not words.strip() and bold)):
            bold += len(words)
        elif words:
            leading = False
        parts.append(words)
    text = "".join(parts) if paragraph.runs else normalise(paragraph.text).replace("\n", " ")
    return text, min(bold, len(text))


def _bold_label(words: str, bold: int) -> LabelMatch | None:
    """The bold opening of a paragraph as a label, unless the whole paragraph is bold (a heading)."""
    if not bold or not words[bold:].strip():
        return None
    label = " ".join(words[:bold].replace("*", " ").split()).rstrip(":").strip()
    if not label or len(label) > MAX_LABEL or not any(char.isalpha() for char in label):
        return None
    role = None
    if label.endswith(")") and "(" in label:
        label, _, role = label[:-1].partition("(")
        label, role = label.strip(), role.strip().lower()
    content = bold + len(words[bold:]) - len(words[bold:].lstrip(" :"))
    return LabelMatch(label, role, content)
