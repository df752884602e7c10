"""PDF reports: text in reading order with pypdf, repaired and cleaned, then read like a typed transcript.

Words hyphenated at a line end are joined, and lines that repeat at the top or
bottom of most pages (running heads, footers, page numbers) are removed.  A
PDF with no text layer (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable

from .common import ImportedTranscript, ImportFailed
from .encoding import normalise
from .labels import LabelPattern
from .plain_text import parse_text

Progress = Callable[[int, int], None]
"""Called with (pages done, pages in all) as pages are read."""

NO_TEXT_LAYER = "this PDF has no text layer; run OCR first"
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-z])")
_GAPS = re.compile(r"[ \t]+")
_EDGE_LINES = 2  # lines at each end of a page looked at for running heads and footers


def parse_pdf(
    data: bytes,
    confirmed: Iterable[str] = (),
    pattern: LabelPattern | None = None,
    progress: Progress | None = None,
) -> ImportedTranscript:
    """The transcript of a PDF's bytes; a prose report gives a transcript with no turns."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailed("this PDF is protected by a password")
        count = len(reader.pages)
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            pages.append(normalise(page.extract_text() or ""))
            if progress is not None:
                progress(number, count)
        title = (reader.metadata.title if reader.metadata else None) or None
        created = reader.metadata.creation_date if reader.metadata else None
    except ImportFailed:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise ImportFailed(f"this PDF cannot be read: {exc}") from None
    if not any(page.strip() for page in pages):
        raise ImportFailed(NO_TEXT_LAYER)
    text = join_pages(pages)
    transcript = parse_text(text, confirmed, pattern, format_name="pdf")
    title = " ".join(str(title).split()) if title else None
    return ImportedTranscript(
        transcript.text,
        transcript.turns,
        "pdf",
        title=title or None,
        date=created.date() if created else None,
        pages=count,
        single_labels=transcript.single_labels,
    )


def join_pages(pages: list[str]) -> str:
    """The pages' text as one, without repeated heads and footers or page numbers, hyphenation repaired."""
    # Gaps between words come out as tabs or runs of spaces; one space reads the same.
    page_lines = [[_GAPS.sub(" ", line).strip() for line in page.split("\n")] for page in pages]
    repeated = _running_lines(page_lines)
    kept: list[str] = []
    for lines in page_lines:
        edges = _edge_indexes(lines)
        body = [
            line
            for index, line in enumerate(lines)
            if not (index in edges and (_PAGE_NUMBER.match(line) or _shape(line) in repeated))
        ]
        kept.append("\n".join(body).strip("\n"))
    text = "\n".join(page for page in kept if page.strip())
    text = _HYPHEN_BREAK.sub(r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def _edge_indexes(lines: list[str]) -> set[int]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])


def _shape(line: str) -> str:
    """A line with its digits blanked, so "Report 2026 – page 3" and "… page 4" compare equal."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    """Shapes of lines found at the top or bottom of at least half the pages (three pages or more)."""
    if len(page_lines) < 3:
        return set()
    seen: Counter[str] = Counter()
    for lines in page_lines:
        seen.update({_shape(lines[index]) for index in _edge_indexes(lines)})
    return {shape for shape, count in seen.items() if shape and count >= max(3, len(page_lines) // 2)}
