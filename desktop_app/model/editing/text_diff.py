"""Where two versions of a source text differ, stretch by stretch, and where an old place lies in the new text.

The text common to both ends is set aside first (most edits touch one place
of a long report); the rest is compared line by line, and lines that were
rewritten are compared again word by word.  What comes out is a list of
changed stretches, each an old range that became a new range (an insertion
has an empty old range), with everything between them unchanged.

An old place is mapped to the new text with a side: a turn's *start* lies
after any text inserted exactly there, and its *end* before it, so a new
paragraph between two turns belongs to neither.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

MAX_LINES = 500_000
"""Above this many differing lines on either side, the middle is taken as one changed stretch (a different text)."""
MAX_WORDS = 4_000
"""Above this many words on either side, rewritten lines are not compared word by word."""

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Stretch:
    """``old[old_start:old_end]`` became ``new[new_start:new_end]``."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


class TextDiff:
    """The changed stretches between an old and a new text, in text order, and the mapping of old places."""

    def __init__(self, old: str, new: str):
        self.stretches: tuple[Stretch, ...] = tuple(_stretches(old, new))
        self._old_starts = [stretch.old_start for stretch in self.stretches]
        self._old_ends = [stretch.old_end for stretch in self.stretches]

    def start_of(self, offset: int) -> int:
        """Where something starting at old ``offset`` starts in the new text (after text inserted there)."""
        return self._map(offset, start=True)

    def end_of(self, offset: int) -> int:
        """Where something ending at old ``offset`` ends in the new text (before text inserted there)."""
        return self._map(offset, start=False)

    def _map(self, offset: int, start: bool) -> int:
        # Stretches touching ``offset``: an insertion at it, one starting at it, one ending at it, one holding it.
        touching = self.touching(offset, offset)
        if not touching:
            return offset + self._shift_before(offset)
        if start:
            stretch = touching[-1]  # the last one touching: past an insertion made exactly here
            if stretch.old_start == offset and stretch.old_end > offset:
                return stretch.new_start  # the rewritten words open what starts here
            if stretch.old_end == offset:
                return stretch.new_end
        else:
            stretch = touching[0]
            if stretch.old_end == offset and stretch.old_start < offset:
                return stretch.new_end  # the rewritten words close what ends here
            if stretch.old_start == offset:
                return stretch.new_start
        # Strictly inside a rewritten stretch: as far in, at most its new length.
        return stretch.new_start + min(offset - stretch.old_start, stretch.new_end - stretch.new_start)

    def _shift_before(self, offset: int) -> int:
        """How far text at old ``offset`` (in no stretch) has moved: the length change of every stretch before it."""
        index = bisect.bisect_right(self._old_starts, offset)
        if index == 0:
            return 0
        last = self.stretches[index - 1]
        return last.new_end - last.old_end

    def unchanged(self, start: int, end: int) -> bool:
        """Whether old ``[start, end)`` is untouched: no stretch overlaps it, nor is text inserted strictly inside it."""
        for stretch in self.touching(start, end):
            if stretch.old_start < end and stretch.old_end > start:
                return False
            if stretch.old_start == stretch.old_end and start < stretch.old_start < end:
                return False
        return True

    def shifted(self, start: int, end: int) -> tuple[int, int]:
        """The new place of an untouched old ``[start, end)``."""
        shift = self._shift_before(start)
        return start + shift, end + shift

    def touching(self, start: int, end: int) -> list[Stretch]:
        """The stretches that overlap or touch old ``[start, end]``, found by bisection (they are in order and never overlap)."""
        low = bisect.bisect_left(self._old_ends, start)
        high = bisect.bisect_right(self._old_starts, end)
        return list(self.stretches[low:high])


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters ``old`` and ``new`` share at their start, and then at their end."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit:  # in blocks first: most of a long report is the same
        block = min(prefix + 4096, limit)
        if old[prefix:block] == new[prefix:block]:
            prefix = block
            continue
        while old[prefix] == new[prefix]:
            prefix += 1
        break
    suffix = 0
    most = limit - prefix
    while suffix < most:  # from the end, in blocks too
        size = min(4096, most - suffix)
        if old[len(old) - suffix - size : len(old) - suffix] == new[len(new) - suffix - size : len(new) - suffix]:
            suffix += size
            continue
        while suffix < most and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
            suffix += 1
        break
    return prefix, suffix


def _one_stretch(old: str, new: str) -> list[Stretch]:
    """The whole of ``old`` became ``new``, but for what their ends share: for texts too long to compare piece by piece."""
    prefix, suffix = _common_ends(old, new)
    return [Stretch(prefix, len(old) - suffix, prefix, len(new) - suffix)]


def _stretches(old: str, new: str) -> list[Stretch]:
    prefix, suffix = _common_ends(old, new)
    if prefix == len(old) == len(new):
        return []
    start = old.rfind("\n", 0, prefix) + 1  # back to the start of the line: whole lines are compared
    found = _by_lines(old[start : len(old) - suffix], new[start : len(new) - suffix])
    return [Stretch(s.old_start + start, s.old_end + start, s.new_start + start, s.new_end + start) for s in found]


def _by_lines(old: str, new: str) -> list[Stretch]:
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    if len(old_lines) > MAX_LINES or len(new_lines) > MAX_LINES:
        return _one_stretch(old, new)
    old_at, new_at = _starts(old_lines), _starts(new_lines)
    stretches: list[Stretch] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines).get_opcodes():
        if tag == "equal":
            continue
        o1, o2, n1, n2 = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
        if tag == "replace":
            stretches.extend(
                Stretch(s.old_start + o1, s.old_end + o1, s.new_start + n1, s.new_end + n1) for s in _by_words(old[o1:o2], new[n1:n2])
            )
        else:
            stretches.append(Stretch(o1, o2, n1, n2))
    return stretches


def _by_words(old: str, new: str) -> list[Stretch]:
    old_words, new_words = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(old_words) > MAX_WORDS or len(new_words) > MAX_WORDS:
        return _one_stretch(old, new)
    old_at, new_at = _starts(old_words), _starts(new_words)
    return [
        Stretch(old_at[i1], old_at[i2], new_at[j1], new_at[j2])
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes()
        if tag != "equal"
    ]


def _starts(pieces: list[str]) -> list[int]:
    """The offset where each piece starts, and the total length last."""
    offsets = [0]
    for piece in pieces:
        offsets.append(offsets[-1] + len(piece))
    return offsets
