"""Find excerpts in a source text, treating every run of white space as one space.

Reports are copied from web pages and PDFs, where line breaks and double
spaces fall differently from one copy to the next; an excerpt still counts as
verbatim when only its white space differs.  The offsets returned are in the
original text, ready for highlighting.

A long report with many excerpts is searched through an index of the text
(see :class:`_AnchorIndex`), built once plain searches have read the text
many times over; either way an excerpt is placed at its first occurrence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

_SPACE_RUN = re.compile(r"\s+")
_LONG_SPACE_RUN = re.compile(r"\s\s+")
# Every character that ``\s`` matches apart from the space itself (a test checks
# this against the regular expression engine).  Replacing each with a space
# keeps offsets, so only runs of two or more move the text.
_OTHER_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

INDEX_MIN_TEXT = 50_000
"""Shortest normalised text worth indexing, in characters."""
INDEX_AFTER_SCANS = 16
"""Plain searches may read the whole text this many times over before the index is built."""


@dataclass(frozen=True)
class Span:
    """Characters ``start`` (inclusive) to ``end`` (exclusive) of the source text."""

    start: int
    end: int


def normalise(text: str) -> str:
    """The text with each run of white space replaced by one space, and no space at either end."""
    # Every white-space character but the space is unprintable, so text that is
    # printable and has no double space only needs its ends trimmed.
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return _SPACE_RUN.sub(" ", text).strip()


def matches_at(source: str, excerpt: str, span: Span) -> bool:
    """Whether ``source``'s characters in ``span`` are the excerpt (runs of white space compare equal)."""
    if not (0 <= span.start < span.end <= len(source)):
        return False
    return normalise(source[span.start : span.end]) == normalise(excerpt)


class ExcerptFinder:
    """Locates excerpts in one source text; build it once, then call :meth:`find` for each excerpt."""

    def __init__(self, source: str):
        self._source = source
        # Breakpoints pair an offset in the normalised text with the offset it came from;
        # one follows every run of two or more white-space characters.
        self._norm_points: list[int] = [0]
        self._orig_points: list[int] = [0]
        pieces: list[str] = []
        last = 0
        removed = 0
        for match in _LONG_SPACE_RUN.finditer(source):
            pieces.append(source[last : match.start()])
            removed += match.end() - match.start() - 1
            last = match.end()
            self._orig_points.append(last)
            self._norm_points.append(last - removed)
        pieces.append(source[last:])
        normalised = " ".join(pieces)
        for character in _OTHER_WHITESPACE:
            if character in normalised:
                normalised = normalised.replace(character, " ")
        self._normalised = normalised
        self._index: _AnchorIndex | None = None
        self._scanned = 0

    def _original_offset(self, norm_offset: int) -> int:
        index = bisect.bisect_right(self._norm_points, norm_offset) - 1
        return self._orig_points[index] + (norm_offset - self._norm_points[index])

    def find(self, excerpt: str) -> Span | None:
        """Where the excerpt first occurs in the source, or None when it does not."""
        needle = normalise(excerpt)
        if not needle:
            return None
        at = self._first_index(needle)
        if at < 0:
            return None
        start = self._original_offset(at)
        # The last character of the needle is never white space, so map it and step past it.
        end = self._original_offset(at + len(needle) - 1) + 1
        return Span(start, end)

    def occurrences(self, excerpt: str, limit: int = 10_000) -> list[Span]:
        """Every place the excerpt occurs in the source, in text order (at most ``limit`` of them)."""
        needle = normalise(excerpt)
        found: list[Span] = []
        if not needle:
            return found
        at = self._normalised.find(needle)
        while at >= 0 and len(found) < limit:
            start = self._original_offset(at)
            found.append(Span(start, self._original_offset(at + len(needle) - 1) + 1))
            at = self._normalised.find(needle, at + 1)
        return found

    def matches_at(self, excerpt: str, span: Span) -> bool:
        """Whether the source's characters in ``span`` are the excerpt (runs of white space compare equal)."""
        return matches_at(self._source, excerpt, span)

    def matching_prefix(self, excerpt: str) -> int:
        """How many characters at the start of the (normalised) excerpt do occur in the source."""
        needle = normalise(excerpt)
        low, high = 0, len(needle)
        while low < high:
            middle = (low + high + 1) // 2
            if self._first_index(needle[:middle]) >= 0:
                low = middle
            else:
                high = middle - 1
        return low

    def _first_index(self, needle: str) -> int:
        """Offset of the first occurrence of a normalised needle in the normalised text, or -1."""
        text = self._normalised
        if self._index is None and len(text) >= INDEX_MIN_TEXT and self._scanned > INDEX_AFTER_SCANS * len(text):
            self._index = _AnchorIndex(text)
        if self._index is not None:
            found = self._index.first(needle)
            if found is not None:
                return found
        at = text.find(needle)
        self._scanned += at + len(needle) if at >= 0 else len(text)
        return at


class _AnchorIndex:
    """Where each ``KEY``-character string that starts at an anchor of the text occurs.

    Anchors are the places where one of a chosen set of characters stands:
    the text's rarest characters, until about one character in ``SPACING`` is
    an anchor.  Because an anchor depends only on the character there, every
    occurrence of a needle has an anchor where the needle has its first one,
    followed by the same string.  So a needle is checked only at the places
    where that string occurs, in text order: the first place that matches is
    the needle's first occurrence, and a string that occurs nowhere rules the
    needle out at once.
    """

    KEY = 32
    SPACING = 20
    SAMPLE_STRIDE = 97
    """Every this many characters of the text are counted to choose the anchor characters."""

    def __init__(self, text: str):
        self._text = text
        self._anchor = re.compile(self._anchor_class(text))
        key = self.KEY
        starts = [match.start() for match in self._anchor.finditer(text)]
        strings = [text[start : start + key] for start in starts]
        # Walking back from the end leaves each string's earliest anchor in ``first``
        # and links every anchor to the next one with the same string.
        first: dict[str, int] = {}
        following = [-1] * len(strings)
        for number in range(len(strings) - 1, -1, -1):
            string = strings[number]
            following[number] = first.get(string, -1)
            first[string] = number
        self._starts = starts
        self._first = first
        self._following = following
        # Past this many places to check for one needle, a plain search of the text is cheaper.
        self._max_checks = max(256, len(text) // 4096)

    @classmethod
    def _anchor_class(cls, text: str) -> str:
        """A character class of the text's rarest characters, together about one in ``SPACING``."""
        sample = text[:: cls.SAMPLE_STRIDE]
        counts = Counter(sample)
        counts.pop(" ", None)
        chosen: list[str] = []
        total = 0
        for character, count in sorted(counts.items(), key=lambda item: (item[1], item[0])):
            chosen.append(re.escape(character))
            total += count
            if total * cls.SPACING >= len(sample):
                break
        return "[" + "".join(chosen) + "]" if chosen else "(?!)"

    def first(self, needle: str) -> int | None:
        """Offset of the needle's first occurrence, -1 when it has none, or None when the index cannot tell."""
        key = self.KEY
        match = self._anchor.search(needle, 0, len(needle) - key + 1)
        if match is None:
            return None  # no anchor far enough from the needle's end: only a plain search can tell
        at = match.start()
        anchor = self._first.get(needle[at : at + key], -1)
        text, starts, following = self._text, self._starts, self._following
        for _ in range(self._max_checks):
            if anchor < 0:
                return -1
            start = starts[anchor] - at
            if start >= 0 and text.startswith(needle, start):
                return start
            anchor = following[anchor]
        return None
