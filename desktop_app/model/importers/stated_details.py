"""The title and the date a transcript or report states at its top, found conservatively.

A document often opens with its title ("Harbour Futures: a public panel") and
a date ("25 August 2021", "2021-08-25") before anyone speaks.  Those are
better defaults than the file's name and today's date, but a wrong guess is
worse than none, so:

- only typed documents (text, Word, PDF) are read this way: a subtitle or
  speech-recognition file's text is all speech;
- only the head is read: the lines before the first speaker's turn, at most
  :data:`HEAD_LINES` of them with words;
- the title is the head's first line with words, when it reads as a heading:
  short, not a sentence or a label (no closing ``.``, ``,``, ``;`` or ``:``),
  not a date alone;
- the date is taken only when the head names exactly one calendar date.

A title or date the file's own properties give (a PDF's or Word document's
metadata title) keeps its place; a date written in the text wins over a
file's creation date, which is when the file was made, not the event.  Each
found value says where it came from, for the import preview.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .common import ImportedTranscript

HEAD_LINES = 12
"""Lines with words read at the top of a document for its title and date."""
HEAD_CHARS = 4_000
"""Characters read at most for the head, so that a long report without turns is not split whole."""
MAX_TITLE = 120
"""Characters a first line may have to count as a title."""
MAX_TITLE_WORDS = 16

TYPED_FORMATS = ("text", "docx", "pdf")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = [
    re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])"),
    re.compile(rf"(?<![\w]){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<![\w]){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
]


def with_stated_details(transcript: ImportedTranscript) -> ImportedTranscript:
    """``transcript`` with the title and date its head states, where the file's properties gave none."""
    properties = "the PDF's properties" if transcript.format == "pdf" else "the document's properties"
    title, title_from = transcript.title, transcript.title_from or (properties if transcript.title else None)
    date, date_from = transcript.date, (properties if transcript.date else None)
    if transcript.format in TYPED_FORMATS:
        head = _head(transcript)
        unit = "paragraph" if transcript.format == "docx" else "line"
        if title is None and head:
            number, line = head[0]
            title = heading_title(line)
            title_from = f"{unit} {number}" if title else None
        found = stated_date(head)
        if found is not None:
            date, number = found
            date_from = f"{unit} {number}"
    return replace(transcript, title=title, title_from=title_from, date=date, date_from=date_from)


def _head(transcript: ImportedTranscript) -> list[tuple[int, str]]:
    """The numbered lines with words before the first turn, at most HEAD_LINES of them."""
    end = min(transcript.turns[0].start if transcript.turns else len(transcript.text), HEAD_CHARS)
    head: list[tuple[int, str]] = []
    for number, line in enumerate(transcript.text[:end].split("\n"), start=1):
        if line.strip():
            head.append((number, line.strip()))
            if len(head) == HEAD_LINES:
                break
    return head


def heading_title(line: str) -> str | None:
    """``line`` as a title when it reads as a heading (Markdown ``#`` and emphasis marks removed), else None."""
    words = " ".join(line.lstrip("#").strip().strip("*_").split())
    if not 3 <= len(words) <= MAX_TITLE or len(words.split()) > MAX_TITLE_WORDS:
        return None
    if not any(char.isalpha() for char in words) or words[-1] in ".,;:" or not words.isprintable():
        return None
    if _dates_in(words) and not any(char.isalpha() for char in _without_dates(words)):
        return None  # a date alone is the date, not the title
    return words


def stated_date(head: list[tuple[int, str]]) -> tuple[dt.date, int] | None:
    """The one calendar date the head names, with its line number; None when it names none or several."""
    found: dict[dt.date, int] = {}
    for number, line in head:
        for date in _dates_in(line):
            found.setdefault(date, number)
    if len(found) != 1:
        return None
    ((date, number),) = found.items()
    return date, number


def _dates_in(line: str) -> list[dt.date]:
    dates = []
    for pattern in _DATES:
        for match in pattern.finditer(line):
            month = match["month"]
            number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                dates.append(dt.date(int(match["year"]), number, int(match["day"])))
            except ValueError:
                continue  # 31 February is no date
    return dates


def _without_dates(line: str) -> str:
    for pattern in _DATES:
        line = pattern.sub(" ", line)
    return re.sub(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", " ", line, flags=re.IGNORECASE)
