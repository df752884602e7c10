"""Finding a search in any text, folded as :func:`~.wording.fold` folds it, with places in the original text.

Folding changes lengths (``ß`` becomes ``ss``, ``é`` loses its mark), so a
match found in the folded text is mapped back to the characters it came from;
that is what lets the window highlight ``Łukasz`` when the user typed
``lukasz``.  Pure Python.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from ..model.dataset import Dataset
from .wording import fold

_NON_ASCII_RUNS = re.compile(r"[^\x00-\x7f]+")

MAX_REPORT_MATCHES = 5000
"""Occurrences in the report kept for highlighting and stepping; more are counted as "many"."""


def search_terms(query: str) -> list[str]:
    """The folded words of a search (each must occur)."""
    return fold(query).split()


_folded_character = functools.lru_cache(maxsize=4096)(fold)
""":func:`fold` of one character, remembered: a page or a report repeats the same few hundred."""


class FoldedText:
    """A text, folded, with the original offset of every folded character."""

    def __init__(self, text: str):
        self.text = text
        if text.isascii():
            self.folded = text.lower()
            self._origins: list[int] | None = None
            return
        pieces: list[str] = []
        origins: list[int] = []
        done = 0
        # Only the non-ASCII runs need a character-by-character walk; ASCII folds to its own length.
        for run in _NON_ASCII_RUNS.finditer(text):
            if run.start() > done:
                pieces.append(text[done : run.start()].lower())
                origins.extend(range(done, run.start()))
            folded_run = [_folded_character(character) for character in run.group()]
            pieces += folded_run
            if all(len(folded) == 1 for folded in folded_run):  # the usual case: one character each
                origins.extend(range(run.start(), run.end()))
            else:
                for offset, folded in enumerate(folded_run, run.start()):
                    origins.extend([offset] * len(folded))
            done = run.end()
        if done < len(text):
            pieces.append(text[done:].lower())
            origins.extend(range(done, len(text)))
        self.folded = "".join(pieces)
        self._origins = origins

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original characters behind folded ``[start, end)``."""
        if self._origins is None:
            return start, end
        return self._origins[start], self._origins[end - 1] + 1

    def find(self, terms: list[str], limit: int = MAX_REPORT_MATCHES) -> list[tuple[int, int]]:
        """Every occurrence of any of ``terms``, as original (start, end) in text order, at most ``limit``."""
        found: list[tuple[int, int]] = []
        for term in terms:
            if not term:
                continue
            at = self.folded.find(term)
            while at >= 0 and len(found) < limit * len(terms):
                found.append(self.original(at, at + len(term)))
                at = self.folded.find(term, at + len(term))
        found.sort()
        return found[:limit]


def find_in(text: str, query: str) -> list[tuple[int, int]]:
    """Where the words of ``query`` occur in ``text`` (original offsets)."""
    terms = search_terms(query)
    return FoldedText(text).find(terms) if terms else []


@dataclass(frozen=True)
class Hit:
    """One thing a search found: a speaker, a theme, or a place in the report."""

    kind: Literal["speaker", "theme", "source"]
    target: str  # speaker or theme id; empty for the report
    start: int = 0  # in the report's text, for kind "source"
    end: int = 0


def theme_hits(dataset: Dataset, terms: list[str]) -> list[Hit]:
    """Themes whose label or description holds every word."""
    hits = []
    for theme in dataset.themes:
        haystack = fold(f"{theme.label}\n{theme.description or ''}")
        if all(term in haystack for term in terms):
            hits.append(Hit("theme", theme.id))
    return hits


def report_hits(report: FoldedText, terms: list[str]) -> list[Hit]:
    return [Hit("source", "", start, end) for start, end in report.find(terms)]


def hit_count_words(index: int | None, total: int) -> str:
    """``3 of 17``, ``17 matches``, ``No matches``."""
    if total == 0:
        return "No matches"
    if index is None:
        return f"{total} match{'es' if total != 1 else ''}"
    return f"{index + 1} of {total}"
