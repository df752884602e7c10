"""PDF reports: text in reading order with PDFium (pypdfium2), repaired and cleaned, then read like a typed transcript.

Words hyphenated at a line end are joined, and lines that repeat at the top or
bottom of most pages (running heads, footers, page numbers) are removed; in a
report of two pages or more, so is a line that is word for word the first (or
the last) line of every page.  A
PDF with no text layer (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING

from ..format.schema import MAX_LINE
from .common import ImportedTranscript, ImportFailed, Progress
from .encoding import normalise
from .labels import NO_CHOICES, LabelChoices, LabelPattern
from .pdf_bounds import check_pages, check_streams
from .plain_text import parse_text

if TYPE_CHECKING:
    from pypdfium2 import PdfTextPage

NO_TEXT_LAYER = "this PDF has no text layer; run OCR first"
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-z])")
_GAPS = re.compile(r"[ \t]+")
_JOINED = re.compile(r"(?<=\S) (?=[A-Z\[{*]|[^\W\d_a-z])")  # a space before what could open a label
_EDGE_LINES = 2  # lines at each end of a page looked at for running heads and footers


def parse_pdf(
    data: bytes,
    choices: LabelChoices = NO_CHOICES,
    pattern: LabelPattern | None = None,
    progress: Progress | None = None,
) -> ImportedTranscript:
    """The transcript of a PDF's bytes; a prose report gives a transcript with no turns."""
    check_streams(data)
    pages, metadata = _page_texts(data, progress)
    if not any(page.strip() for page in pages):
        raise ImportFailed(NO_TEXT_LAYER)
    transcript = parse_text(join_pages(pages), choices, pattern, format_name="pdf")
    title = " ".join(normalise(metadata.get("Title", "")).split())
    return ImportedTranscript(
        transcript.text,
        transcript.turns,
        "pdf",
        title=title[:MAX_LINE] or None,
        date=_pdf_date(metadata.get("CreationDate", "")),
        pages=len(pages),
        single_labels=transcript.single_labels,
    )


def _page_texts(data: bytes, progress: Progress | None) -> tuple[list[str], dict[str, str]]:
    """Each page's text, normalised, and the document's information dictionary."""
    # PDFium reads text some ten times faster than a pure-Python parser (see bench_import.py).
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportFailed("this PDF is protected by a password") from None
        raise ImportFailed(f"this PDF cannot be read: {exc}") from None
    try:
        count = len(document)
        check_pages(count)
        pages = []
        for index in range(count):
            page = document[index]
            try:
                text_page = page.get_textpage()
                # PDFium joins a word hyphenated at a line end, marking the join with U+FFFE (or \x02):
                # put the hyphen and the line break back, and let join_pages decide as for any other.
                text = _with_line_breaks(text_page, text_page.get_text_range())
                text = text.replace("\ufffe", "-\n").replace("\x02", "-\n")
                pages.append(normalise(text))
                text_page.close()
            finally:
                page.close()
            if progress is not None:
                progress(index + 1, count)
        metadata = {key: str(value) for key, value in document.get_metadata_dict(skip_empty=True).items()}
    except pdfium.PdfiumError as exc:
        raise ImportFailed(f"this PDF cannot be read: {exc}") from None
    finally:
        document.close()
    return pages, metadata


def _with_line_breaks(text_page: PdfTextPage, text: str) -> str:
    """``text`` with a line break wherever PDFium joined two lines with a space before a capital (or a bracket).

    PDFium sometimes runs the last line of a paragraph and the first of the
    next together ("…climate change. Ruth Kim: I think…"), which would hide a
    speaker's label inside a line.  Each such space is checked against the
    characters' boxes: when the next character sits wholly below the one
    before the space, a new line began there.
    """
    if len(text) != text_page.count_chars():
        return text  # characters outside the BMP: offsets no longer match PDFium's, so leave the text as it is
    chars = list(text)
    for found in _JOINED.finditer(text):
        space = found.start()
        _, before_bottom, _, _ = text_page.get_charbox(space - 1)
        _, _, _, next_top = text_page.get_charbox(space + 1)
        if next_top < before_bottom:
            chars[space] = "\n"
    return "".join(chars)


def _pdf_date(value: str) -> dt.date | None:
    """The date of a PDF date string such as ``D:20260314093000Z``, if it holds a valid one."""
    digits = value.removeprefix("D:")[:8]
    if len(digits) < 8 or not digits.isdigit():
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def join_pages(pages: list[str]) -> str:
    """The pages' text as one, without repeated heads and footers or page numbers, hyphenation repaired."""
    # Gaps between words come out as tabs or runs of spaces; one space reads the same.
    page_lines = [[_GAPS.sub(" ", line).strip() for line in page.split("\n")] for page in pages]
    repeated = _running_lines(page_lines)
    on_every_page = _on_every_page(page_lines)
    kept: list[str] = []
    for lines in page_lines:
        edges = _edge_indexes(lines)
        outer = _outermost_indexes(lines)
        body = [
            line
            for index, line in enumerate(lines)
            if not (index in edges and (_PAGE_NUMBER.match(line) or _shape(line) in repeated))
            and not (index in outer and line in on_every_page)
        ]
        kept.append("\n".join(body).strip("\n"))
    text = "\n".join(page for page in kept if page.strip())
    text = _HYPHEN_BREAK.sub(r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def _edge_indexes(lines: list[str]) -> set[int]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])


def _outermost_indexes(lines: list[str]) -> set[int]:
    """The first and last lines of a page's text, page numbers aside."""
    filled = [index for index, line in enumerate(lines) if line.strip() and not _PAGE_NUMBER.match(line)]
    return {filled[0], filled[-1]} if filled else set()


def _on_every_page(page_lines: list[list[str]]) -> set[str]:
    """Lines that are, word for word, the first line of every page, or the last line of every page (two pages or more).

    This catches the running head of a short report, too few pages for
    :func:`_running_lines`; real text is never first (or last) on every page
    in exactly the same words.
    """
    if len(page_lines) < 2:
        return set()
    found: set[str] = set()
    for pick in (min, max):
        ends = set()
        for lines in page_lines:
            outer = _outermost_indexes(lines)
            if not outer:
                return set()
            ends.add(lines[pick(outer)])
        if len(ends) == 1:
            found |= ends
    return found


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
