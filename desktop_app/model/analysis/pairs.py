"""How far two speakers agree, over the themes both addressed, and how far chance alone would take them.

For speakers *a* and *b* with stances ``a_t`` and ``b_t`` on the k themes
both addressed (their median stance on each, counted kinds only):

* ``agreement`` = 1 - mean over the k themes of ``|a_t - b_t| / 4`` (0 … 1);
* ``expected_by_chance`` = 1 - E|A - B| / 4, where A is drawn from *a*'s own
  stances over every theme *a* addressed, and B independently from *b*'s: the
  agreement two speakers with these stance mixes reach by picking at random;
* ``chance_corrected`` = (agreement - expected) / (1 - expected): 0 at
  chance, 1 at full agreement, negative below chance; none when chance alone
  already gives full agreement;
* ``comparable`` when k ≥ MIN_SHARED_THEMES: only such pairs may be called
  closest or furthest.

:func:`pair_agreement` works out one pair and :func:`agreement_matrix` every
pair at once with numpy; both go through :func:`agreement_from_gap`,
:func:`expected_gap` (as a stance-distance table) and :func:`chance_corrected`,
so they give the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .ordinal import STANCE_RANGE, STANCES, stance_counts

MIN_SHARED_THEMES = 3
"""Fewest shared themes for a pair's agreement to be compared with others (named closest or furthest)."""
_CERTAIN = 1e-12
"""How near 1 the chance level may come before chance-corrected agreement is undefined."""


@dataclass(frozen=True)
class PairAgreement:
    """How far two speakers agree over the ``shared_themes`` both addressed, against chance."""

    speaker_a: str
    speaker_b: str
    agreement: float | None
    shared_themes: int
    expected_by_chance: float | None = None
    chance_corrected: float | None = None

    @property
    def comparable(self) -> bool:
        """Whether they share enough themes (MIN_SHARED_THEMES) to be ranked against other pairs."""
        return self.shared_themes >= MIN_SHARED_THEMES


def agreement_from_gap(mean_gap: float) -> float:
    """Agreement from the mean stance gap over shared themes: ``1 - mean_gap / 4``."""
    return 1 - mean_gap / STANCE_RANGE


def stance_shares(stances: Mapping[str, int]) -> list[float]:
    """The share of a speaker's themes at each stance -2 … +2 (all zero when they addressed none)."""
    counts = stance_counts(stances.values())
    total = len(stances)
    return [counts[stance] / total if total else 0.0 for stance in STANCES]


def distances_from(shares: Sequence[float]) -> list[float]:
    """For each stance j (-2 … +2), E|A - j| with A drawn with ``shares``: one row of ``shares · D``."""
    return [sum(p * abs(i - j) for i, p in zip(STANCES, shares, strict=True)) for j in STANCES]


def expected_gap(shares_a: Sequence[float], shares_b: Sequence[float], distances_a: Sequence[float] | None = None) -> float:
    """E|A - B| = shares_a · D · shares_b for A and B drawn independently with the given shares over -2 … +2.

    D is the table of stance distances |i - j|; ``distances_a`` is
    :func:`distances_from` ``(shares_a)`` when the caller keeps it.
    """
    distances_a = distances_from(shares_a) if distances_a is None else distances_a
    return sum(d * q for d, q in zip(distances_a, shares_b, strict=True))


def chance_corrected(observed: float, expected: float) -> float | None:
    """``(observed - expected) / (1 - expected)``; none when chance alone gives full agreement."""
    if expected > 1 - _CERTAIN:
        return None
    return (observed - expected) / (1 - expected)


def pair_agreement(
    speaker_a: str,
    speaker_b: str,
    stances_a: Mapping[str, int],
    stances_b: Mapping[str, int],
    shares_a: Sequence[float] | None = None,
    shares_b: Sequence[float] | None = None,
    distances_a: Sequence[float] | None = None,
) -> PairAgreement:
    """Agreement of two speakers from their stances keyed by theme id (every theme each addressed).

    ``shares_a``, ``shares_b`` (:func:`stance_shares`) and ``distances_a``
    (:func:`distances_from`) may be passed in by a caller that keeps them.
    """
    shared = stances_a.keys() & stances_b.keys()
    if not shared:
        return PairAgreement(speaker_a, speaker_b, None, 0)
    observed = agreement_from_gap(sum(abs(stances_a[t] - stances_b[t]) for t in shared) / len(shared))
    shares_a = stance_shares(stances_a) if shares_a is None else shares_a
    shares_b = stance_shares(stances_b) if shares_b is None else shares_b
    expected = agreement_from_gap(expected_gap(shares_a, shares_b, distances_a))
    return PairAgreement(speaker_a, speaker_b, observed, len(shared), expected, chance_corrected(observed, expected))


@dataclass(frozen=True, eq=False)
class AgreementMatrix:
    """Agreement between every two speakers at once, in the order of ``speaker_ids``: what a heatmap draws.

    ``speaker_ids`` holds only speakers with at least one counted position
    (a chair who only chaired is left out).  ``agreement[i, j]``,
    ``expected[i, j]`` and ``chance_corrected[i, j]`` are the pair's figures
    as :func:`pair_agreement` defines them, NaN where there is none;
    ``shared_themes[i, j]`` the number of themes both addressed and
    ``comparable[i, j]`` whether that reaches MIN_SHARED_THEMES.  The diagonal
    pairs a speaker with themselves.  Every array is read-only.
    """

    speaker_ids: tuple[str, ...]
    agreement: Any  # numpy.ndarray of float, shape (n, n)
    shared_themes: Any  # numpy.ndarray of int, shape (n, n)
    expected: Any  # numpy.ndarray of float, shape (n, n)
    chance_corrected: Any  # numpy.ndarray of float, shape (n, n)

    @property
    def comparable(self) -> Any:
        """numpy.ndarray of bool: which pairs share at least MIN_SHARED_THEMES themes."""
        return self.shared_themes >= MIN_SHARED_THEMES

    def __contains__(self, speaker_id: object) -> bool:
        return speaker_id in self._rows

    def index(self, speaker_id: str) -> int:
        """Row (and column) of a speaker; KeyError for a speaker left out."""
        return self._rows[speaker_id]

    def pair(self, speaker_a: str, speaker_b: str) -> PairAgreement:
        """One cell of the matrix as a :class:`PairAgreement`."""
        row, column = self._rows[speaker_a], self._rows[speaker_b]
        shared = int(self.shared_themes[row, column])
        if not shared:
            return PairAgreement(speaker_a, speaker_b, None, 0)
        corrected = float(self.chance_corrected[row, column])
        return PairAgreement(
            speaker_a,
            speaker_b,
            float(self.agreement[row, column]),
            shared,
            float(self.expected[row, column]),
            None if math.isnan(corrected) else corrected,
        )

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {speaker_id: row for row, speaker_id in enumerate(self.speaker_ids)}


def agreement_matrix(speaker_ids: Sequence[str], stances: Mapping[str, Mapping[str, int]]) -> AgreementMatrix:
    """Every pair's agreement from the speakers' stances (``{speaker: {theme: stance}}``).

    Speakers with no stance are left out.  Each speaker is a row of
    indicators, one per (theme, stance), so the sum of stance gaps over the
    shared themes of every pair is one matrix product (and the shared-theme
    counts another); the chance levels are one product of stance-share
    tables.  500 speakers (124,750 pairs) over 40 themes take milliseconds.
    All sums are of small whole numbers, so they are exact.
    """
    import numpy as np  # imported here: only the agreement views need it, and it costs start-up time

    included = tuple(speaker_id for speaker_id in speaker_ids if stances.get(speaker_id))
    count = len(included)
    theme_columns: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, speaker_id in enumerate(included):
        for theme_id, stance in stances[speaker_id].items():
            column = theme_columns.setdefault(theme_id, len(theme_columns))
            rows.append(row)
            columns.append(column * len(STANCES) + stance - STANCES[0])
    # The width is spelt out: ``reshape(count, -1)`` cannot tell it when there is nobody to compare (count 0).
    width = len(theme_columns) * len(STANCES)
    indicators = np.zeros((count, len(theme_columns), len(STANCES)))
    indicators.reshape(count, width)[rows, columns] = 1.0
    distance = np.abs(np.subtract.outer(np.asarray(STANCES), np.asarray(STANCES))).astype(float)
    # far[b, t, v] = |v - stance of b on t| where b addressed t, else 0.
    far = indicators @ distance
    flat = indicators.reshape(count, width)
    gaps = flat @ far.reshape(count, width).T
    addressed = indicators.sum(axis=2)
    shared = np.rint(addressed @ addressed.T).astype(np.int64)
    shares = indicators.sum(axis=1)
    totals = shares.sum(axis=1, keepdims=True)
    shares = np.divide(shares, totals, out=np.zeros_like(shares), where=totals > 0)
    expected_gaps = shares @ distance @ shares.T
    with np.errstate(invalid="ignore", divide="ignore"):
        agreement = np.where(shared > 0, agreement_from_gap(gaps / shared), np.nan)
        expected = np.where(shared > 0, agreement_from_gap(expected_gaps), np.nan)
        corrected = np.where(expected > 1 - _CERTAIN, np.nan, (agreement - expected) / (1 - expected))
    for array in (agreement, shared, expected, corrected):
        array.setflags(write=False)
    return AgreementMatrix(included, agreement, shared, expected, corrected)
