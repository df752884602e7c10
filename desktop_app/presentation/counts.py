"""A count with its noun (``1 theme``, ``12 themes``): light enough for the window's first frame."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """``1 theme``, ``10,000 positions``: a count and its noun, singular for one (nouns that take an s)."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"
