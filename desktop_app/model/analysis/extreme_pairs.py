"""The extremes of a large panel's agreement matrix: how many pairs can be compared, their chance level, and the
lowest and highest of them.

What a summarised brief says of the pairs instead of printing the whole
matrix.  The matrix is scanned in slices of :data:`CHUNK_ROWS` rows: a
whole-matrix numpy step on 2,000 speakers (four million cells) holds Python's
interpreter lock for over a hundred milliseconds, a slice for a few, so a
window exporting in the background keeps repainting.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pairs import MIN_SHARED_THEMES, AgreementMatrix

CHUNK_ROWS = 128
"""Rows of the matrix scanned at a time."""

Extreme = tuple[float, int, int]
"""One pair: its agreement, and the row and column of its two speakers in the matrix (row < column)."""


@dataclass(frozen=True)
class ExtremePairs:
    """The comparable pairs of a matrix in brief: their number, their mean chance level, and the extremes."""

    comparable: int
    chance: float | None
    """Mean agreement by chance over the comparable pairs; None when there are none."""
    lowest: list[Extreme]
    """The least agreeing pairs, lowest first (ties in matrix order)."""
    highest: list[Extreme]
    """The most agreeing pairs, highest first (ties in matrix order)."""


def extreme_pairs(matrix: AgreementMatrix, keep: int) -> ExtremePairs:
    """The pairs with at least MIN_SHARED_THEMES shared themes, each counted once, keeping the ``keep`` lowest and highest."""
    import numpy as np  # imported here: only the agreement section needs it, and it costs start-up time

    count = len(matrix.speaker_ids)
    comparable = 0
    chance_sum = 0.0
    lowest: list[Extreme] = []
    highest: list[Extreme] = []
    columns = np.arange(count)
    for start in range(0, count, CHUNK_ROWS):
        stop = min(count, start + CHUNK_ROWS)
        rows = np.arange(start, stop)[:, None]
        usable = (matrix.shared_themes[start:stop] >= MIN_SHARED_THEMES) & (columns[None, :] > rows)
        found_rows, found_columns = np.nonzero(usable)
        if not len(found_rows):
            continue
        values = matrix.agreement[start:stop][found_rows, found_columns]
        comparable += len(values)
        chance_sum += float(matrix.expected[start:stop][found_rows, found_columns].sum())
        for pick, into in ((np.argsort(values, kind="stable")[:keep], lowest), (np.argsort(-values, kind="stable")[:keep], highest)):
            into.extend((float(values[i]), start + int(found_rows[i]), int(found_columns[i])) for i in pick)
        lowest = sorted(lowest)[:keep]
        highest = sorted(highest, key=lambda item: (-item[0], item[1], item[2]))[:keep]
    return ExtremePairs(comparable, chance_sum / comparable if comparable else None, lowest, highest)
