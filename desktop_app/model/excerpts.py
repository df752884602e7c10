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


@dataclass(frozen=True)
class Span:
    """Characters ``start`` (inclusive) to ``end`` (exclusive) of the source text."""

    start: int
    end: int


def normalise(text: str) -> str:
    """The text with each run of white space replaced by one space, and no space at either end."""
    return _SPACE_RUN.sub(" ", text).strip()


class ExcerptFinder:
    """Locates excerpts in one source text; build it once, then call :meth:`find` for each excerpt."""

    def __init__(self, source: str):
        self._source = source
        pieces: list[str] = []
        # Breakpoints pair an offset in the normalised text with the offset it came from.
        self._norm_points: list[int] = [0]
        self._orig_points: list[int] = [0]
        last = 0
        norm_length = 0
        for match in _SPACE_RUN.finditer(source):
            pieces.append(source[last : match.start()])
            norm_length += match.start() - last
            pieces.append(" ")
            norm_length += 1
            last = match.end()
            self._norm_points.append(norm_length)
            self._orig_points.append(last)
        pieces.append(source[last:])
        self._normalised = "".join(pieces)

    def _original_offset(self, norm_offset: int) -> int:
        index = bisect.bisect_right(self._norm_points, norm_offset) - 1
        return self._orig_points[index] + (norm_offset - self._norm_points[index])

    def find(self, excerpt: str) -> Span | None:
        """Where the excerpt first occurs in the source, or None when it does not."""
        needle = normalise(excerpt)
        if not needle:
            return None
        at = self._normalised.find(needle)
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
            if needle[:middle] in self._normalised:
                low = middle
            else:
                high = middle - 1
        return low
