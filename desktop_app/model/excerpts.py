"""Find excerpts in a source text, treating every run of white space as one space.

Reports are copied from web pages and PDFs, where line breaks and double
spaces fall differently from one copy to the next; an excerpt still counts as
verbatim when only its white space differs.  The offsets returned are in the
original text, ready for highlighting.
"""

from __future__ import annotations

import bisect
import re
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
        return self._normalised.find(needle)
