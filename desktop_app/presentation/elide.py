"""Shortening over-long words (mostly paths) in messages, in the middle, so both ends stay readable: pure Python.

A message with a path of thousands of characters would otherwise fill the
window; the full text goes into a tooltip or a dialog's details instead.
"""

from __future__ import annotations

import re

LONGEST_WORD = 160
"""Longest run without a space a message shows whole; longer ones keep their start and end."""
_LONG_RUN = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def elide_middle(word: str, limit: int = LONGEST_WORD) -> str:
    """``/home/ana/…/seminar.json``: the start and end of ``word`` around an ellipsis, at most ``limit`` long."""
    if len(word) <= limit:
        return word
    tail = (limit - 1) * 3 // 5  # the end of a path (the file's name) matters more than its start
    head = limit - 1 - tail
    return f"{word[:head]}\u2026{word[-tail:]}"


def elide_long_words(text: str, limit: int = LONGEST_WORD) -> str:
    """``text`` with every run of more than ``limit`` non-space characters elided in its middle."""
    return _LONG_RUN.sub(lambda match: elide_middle(match.group(), limit), text)


def needs_eliding(text: str, limit: int = LONGEST_WORD) -> bool:
    return _LONG_RUN.search(text) is not None if len(text) > limit else False
