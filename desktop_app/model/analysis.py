"""Where the panel converged and where it split: theme metrics, verdicts and speaker agreement.

Definitions (also in the README).  For a theme, ``s_i`` is the mean stance of
speaker *i* over their positions on it; a speaker with no position on the
theme was silent and does not count (a stance of 0 is "mixed", not silence).

* ``n`` speakers addressed the theme; ``convergent``, ``mixed``,
  ``divergent`` count those with ``s_i > 0``, ``= 0`` and ``< 0``.
* ``balance`` = mean of ``s_i`` (-2 … +2): where the panel places the question.
* ``agreement`` = 1 - mean over pairs of ``|s_i - s_j| / 4`` (0 … 1), none when n < 2.
* ``controversy`` = 2 · min(convergent, divergent) / n (0 … 1).
* ``verdict``: not addressed (n = 0), single voice (n = 1), contested
  (controversy ≥ CONTESTED_AT), consensus on the positive pole (balance ≥
  CONSENSUS_AT), consensus on the negative pole (balance ≤ -CONSENSUS_AT),
  otherwise mixed.

For two speakers, agreement is 1 - mean of ``|s_a - s_b| / 4`` over the
themes both addressed, with the count of those themes; none when they share
no theme.  Everything here is a pure function of the data.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from .schema import STANCE_MAX, STANCE_MIN, Position, Scale

CONTESTED_AT = 0.5
"""Controversy at or above which a theme is called contested."""
CONSENSUS_AT = 0.5
"""Balance at or beyond which (either way) a theme is called a consensus."""
STANCE_RANGE = STANCE_MAX - STANCE_MIN
"""Largest possible gap between two stances (4): the divisor in both agreement formulas."""


def agreement_from_gap(mean_gap: Any) -> Any:  # a float, or a numpy array element-wise
    """Agreement (0 … 1) from the mean ``|s_a - s_b|`` over some pairs of stances: the one agreement formula.

    Used for a theme (over pairs of speakers), for a pair of speakers (over
    their shared themes) and, element-wise on arrays, for the whole matrix.
    """
    return 1 - mean_gap / STANCE_RANGE


class Verdict(StrEnum):
    NOT_ADDRESSED = "not addressed"
    SINGLE_VOICE = "single voice"
    CONTESTED = "contested"
    CONSENSUS_POSITIVE = "consensus: positive"
    CONSENSUS_NEGATIVE = "consensus: negative"
    MIXED = "mixed"


def verdict_label(verdict: Verdict, scale: Scale) -> str:
    """The verdict in the seminar's own words, e.g. ``consensus: convergence``."""
    if verdict is Verdict.CONSENSUS_POSITIVE:
        return f"consensus: {scale.positive}"
    if verdict is Verdict.CONSENSUS_NEGATIVE:
        return f"consensus: {scale.negative}"
    return verdict.value


def stance_label(stance: float, scale: Scale) -> str:
    """A stance, or a mean stance, in words: ``strong convergence``, ``mixed``, ``divergence``…

    A mean is rounded half away from zero, so a speaker at +1 and 0 on a theme
    (mean 0.5) reads as leaning to the positive pole, as the counts treat them.
    """
    rounded = rounded_stance(stance)
    if rounded == 0:
        return scale.neutral
    pole = scale.positive if rounded > 0 else scale.negative
    return f"strong {pole}" if abs(rounded) >= 2 else pole


def rounded_stance(stance: float) -> int:
    """The nearest whole stance, halves rounded away from zero."""
    return int(math.copysign(math.floor(abs(stance) + 0.5), stance))


@dataclass(frozen=True)
class ThemeMetrics:
    """How the panel stood on one theme."""

    theme_id: str
    stances: Mapping[str, float]
    """Mean stance ``s_i`` of each speaker who addressed the theme, keyed by speaker id."""
    convergent: int
    mixed: int
    divergent: int
    balance: float | None
    agreement: float | None
    controversy: float | None
    verdict: Verdict

    @property
    def n(self) -> int:
        return len(self.stances)


@dataclass(frozen=True)
class PairAgreement:
    """How far two speakers agree over the themes both addressed."""

    speaker_a: str
    speaker_b: str
    agreement: float | None
    shared_themes: int


def mean_stances(positions: Iterable[Position]) -> dict[str, dict[str, float]]:
    """``{theme id: {speaker id: s_i}}``: each speaker's mean stance on each theme they addressed."""
    sums: dict[str, dict[str, list[int]]] = {}
    for position in positions:
        by_speaker = sums.setdefault(position.theme, {})
        total = by_speaker.setdefault(position.speaker, [0, 0])
        total[0] += position.stance
        total[1] += 1
    return {
        theme: {speaker: total / count for speaker, (total, count) in by_speaker.items()}
        for theme, by_speaker in sums.items()
    }


def theme_metrics(theme_id: str, stances: Mapping[str, float]) -> ThemeMetrics:
    """The metrics and verdict of a theme from the mean stances of the speakers who addressed it."""
    values = list(stances.values())
    n = len(values)
    convergent = sum(1 for s in values if s > 0)
    divergent = sum(1 for s in values if s < 0)
    mixed = n - convergent - divergent
    balance = sum(values) / n if n else None
    agreement = None
    if n >= 2:
        pairs = n * (n - 1) // 2
        agreement = agreement_from_gap(_sum_of_pair_gaps(values) / pairs)
    controversy = 2 * min(convergent, divergent) / n if n else None
    return ThemeMetrics(
        theme_id=theme_id,
        stances=dict(stances),
        convergent=convergent,
        mixed=mixed,
        divergent=divergent,
        balance=balance,
        agreement=agreement,
        controversy=controversy,
        verdict=_verdict(n, balance, controversy),
    )


def _sum_of_pair_gaps(values: Iterable[float]) -> float:
    """Sum of ``|a - b|`` over every pair of values, in one pass over the distinct values in order.

    A theme with 500 speakers has 124,750 pairs; the mean stances take few
    distinct values, so each is paired with everything below it at once.
    """
    total = 0.0
    below_count = 0
    below_sum = 0.0
    for value, count in sorted(Counter(values).items()):
        total += count * (below_count * value - below_sum)
        below_count += count
        below_sum += count * value
    return total


def _verdict(n: int, balance: float | None, controversy: float | None) -> Verdict:
    if n == 0:
        return Verdict.NOT_ADDRESSED
    if n < 2:
        return Verdict.SINGLE_VOICE
    assert balance is not None and controversy is not None
    if controversy >= CONTESTED_AT:
        return Verdict.CONTESTED
    if balance >= CONSENSUS_AT:
        return Verdict.CONSENSUS_POSITIVE
    if balance <= -CONSENSUS_AT:
        return Verdict.CONSENSUS_NEGATIVE
    return Verdict.MIXED


def pair_agreement(
    speaker_a: str, speaker_b: str, stances_a: Mapping[str, float], stances_b: Mapping[str, float]
) -> PairAgreement:
    """Agreement of two speakers from their mean stances keyed by theme id."""
    shared = stances_a.keys() & stances_b.keys()
    if not shared:
        return PairAgreement(speaker_a, speaker_b, None, 0)
    gap = sum(abs(stances_a[t] - stances_b[t]) for t in shared) / len(shared)
    return PairAgreement(speaker_a, speaker_b, agreement_from_gap(gap), len(shared))


@dataclass(frozen=True, eq=False)
class AgreementMatrix:
    """Agreement between every two speakers at once, in the order of ``speaker_ids``: what a heatmap draws.

    ``agreement[i, j]`` is the pair's agreement as :func:`pair_agreement`
    defines it, NaN where the two share no theme; ``shared_themes[i, j]`` the
    number of themes both addressed.  The diagonal pairs a speaker with
    themselves: 1 over every theme they addressed.  Both arrays are read-only.
    """

    speaker_ids: tuple[str, ...]
    agreement: Any  # numpy.ndarray of float, shape (n, n)
    shared_themes: Any  # numpy.ndarray of int, shape (n, n)

    def index(self, speaker_id: str) -> int:
        """Row (and column) of a speaker."""
        return self._rows[speaker_id]

    def pair(self, speaker_a: str, speaker_b: str) -> PairAgreement:
        """One cell of the matrix as a :class:`PairAgreement`."""
        row, column = self._rows[speaker_a], self._rows[speaker_b]
        shared = int(self.shared_themes[row, column])
        agreement = float(self.agreement[row, column]) if shared else None
        return PairAgreement(speaker_a, speaker_b, agreement, shared)

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {speaker_id: row for row, speaker_id in enumerate(self.speaker_ids)}


def agreement_matrix(speaker_ids: Sequence[str], stances: Mapping[str, Mapping[str, float]]) -> AgreementMatrix:
    """The agreement of every pair of speakers from their mean stances (``{speaker: {theme: s_i}}``).

    One pass per theme over the speakers who addressed it, in array
    arithmetic: 500 speakers (124,750 pairs) over 40 themes take tens of
    milliseconds where one call of :func:`pair_agreement` per pair takes most
    of a second.
    """
    import numpy as np  # imported here: only the agreement views need it, and it costs start-up time

    speaker_ids = tuple(speaker_ids)
    count = len(speaker_ids)
    rows_by_theme: dict[str, tuple[list[int], list[float]]] = {}
    for row, speaker_id in enumerate(speaker_ids):
        for theme_id, stance in stances.get(speaker_id, {}).items():
            rows, values = rows_by_theme.setdefault(theme_id, ([], []))
            rows.append(row)
            values.append(stance)
    gaps = np.zeros((count, count))
    shared = np.zeros((count, count), dtype=np.int64)
    for rows, values in rows_by_theme.values():
        where = np.ix_(rows, rows)
        column = np.asarray(values)
        gaps[where] += np.abs(column[:, None] - column[None, :])
        shared[where] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        agreement = np.where(shared > 0, agreement_from_gap(gaps / shared), np.nan)
    agreement.setflags(write=False)
    shared.setflags(write=False)
    return AgreementMatrix(speaker_ids, agreement, shared)


class SeminarAnalysis:
    """The analysis of one seminar, computed once from its positions and read by every view.

    Theme metrics are computed up front (one pass over the positions); pair
    agreements on first use, one pair at a time (:meth:`pair`) or all at once
    (:attr:`matrix`), since they grow with the square of the panel.
    """

    def __init__(self, positions: Iterable[Position], theme_ids: Sequence[str], speaker_ids: Sequence[str]):
        by_theme = mean_stances(positions)
        self.theme_ids = tuple(theme_ids)
        self.speaker_ids = tuple(speaker_ids)
        self.themes: dict[str, ThemeMetrics] = {
            theme_id: theme_metrics(theme_id, by_theme.get(theme_id, {})) for theme_id in self.theme_ids
        }
        self._by_speaker: dict[str, dict[str, float]] = {speaker_id: {} for speaker_id in self.speaker_ids}
        for theme_id, stances in by_theme.items():
            for speaker_id, stance in stances.items():
                self._by_speaker.setdefault(speaker_id, {})[theme_id] = stance
        self._pairs: dict[tuple[str, str], PairAgreement] = {}

    def speaker_stances(self, speaker_id: str) -> Mapping[str, float]:
        """``{theme id: s_i}`` for the themes the speaker addressed."""
        return self._by_speaker.get(speaker_id, {})

    def pair(self, speaker_a: str, speaker_b: str) -> PairAgreement:
        key = (speaker_a, speaker_b) if speaker_a <= speaker_b else (speaker_b, speaker_a)
        found = self._pairs.get(key)
        if found is None:
            found = pair_agreement(*key, self.speaker_stances(key[0]), self.speaker_stances(key[1]))
            self._pairs[key] = found
        if found.speaker_a == speaker_a:
            return found
        return PairAgreement(speaker_a, speaker_b, found.agreement, found.shared_themes)

    @cached_property
    def matrix(self) -> AgreementMatrix:
        """Agreement of every pair of speakers, in speaking order, computed on first use and kept."""
        return agreement_matrix(self.speaker_ids, self._by_speaker)

    def themes_with(self, *verdicts: Verdict) -> list[str]:
        """Ids of the themes whose verdict is one of ``verdicts``, in report order."""
        return [theme_id for theme_id in self.theme_ids if self.themes[theme_id].verdict in verdicts]
