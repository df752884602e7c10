"""Progress lines on stderr for a long command (an export, an import): silent for a quick one.

Nothing is printed in a command's first second, then a line every half
second or so, each starting ``seminar-lens:``, whether or not stderr is a
terminal (a log of a long run shows where it was).
"""

from __future__ import annotations

import sys
import time

from .. import ERROR_PREFIX

QUIET_FOR_S = 1.0
"""A command quicker than this prints nothing but its result."""
EVERY_S = 0.5
"""Least time between two progress lines."""


class StderrProgress:
    """Progress lines on stderr for a long command: none in its first second, then one every half second or so."""

    def __init__(self, stream=None, clock=time.monotonic):
        self._stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._start = clock()
        self._last = -EVERY_S

    def _say(self, words: str, *, always: bool = False) -> None:
        now = self._clock() - self._start
        if now < QUIET_FOR_S or (not always and now - self._last < EVERY_S):
            return
        self._last = now
        print(f"{ERROR_PREFIX}{words}", file=self._stream, flush=True)

    def building(self, words: str) -> None:
        self._say(f"{words[0].lower()}{words[1:]}\u2026", always=True)

    def laying_out(self, done: int, total: int) -> None:
        self._say(f"laid out {done:,} of {total:,} passages")

    def painted(self, done: int, total: int) -> None:
        self._say(f"wrote page {done:,} of {total:,}", always=done == total)

    def reading(self, name: str, done: int, total: int) -> None:
        """An import's progress through its file: ``reading panel.docx… 40 %``."""
        share = done * 100 // total if total else 0
        self._say(f"reading {name}\u2026 {share} %", always=done == total)
