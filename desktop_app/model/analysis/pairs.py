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
pair at once with numpy, as the heatmap needs them; :func:`pairs_by_row` streams
the same figures a speaker at a time, in memory linear in the stances (the
pairs CSV, and the extremes of :mod:`.extreme_pairs` for a large panel's
brief).  All go through
:func:`agreement_from_gap`, :func:`expected_gap` (as a stance-distance table)
and :func:`chance_corrected`, so they give the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
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

    included = compared_speakers(speaker_ids, stances)
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


@dataclass(frozen=True, eq=False)
class PairsAfter:
    """One speaker's pairs with every compared speaker after them in speaking order: one row of the upper triangle.

    ``row`` indexes the compared speakers, and the arrays run over the rows
    ``row + 1`` onwards, with the figures of :class:`AgreementMatrix` (NaN
    where the two share no theme).
    """

    row: int
    shared_themes: Any  # numpy.ndarray of int
    agreement: Any  # numpy.ndarray of float
    expected: Any  # numpy.ndarray of float
    chance_corrected: Any  # numpy.ndarray of float

    def pair(self, speaker_ids: Sequence[str], offset: int) -> PairAgreement:
        """The pair of this row's speaker with the one ``offset`` places after the next, as a :class:`PairAgreement`."""
        shared = int(self.shared_themes[offset])
        first, second = speaker_ids[self.row], speaker_ids[self.row + 1 + offset]
        if not shared:
            return PairAgreement(first, second, None, 0)
        corrected = float(self.chance_corrected[offset])
        return PairAgreement(
            first, second, float(self.agreement[offset]), shared, float(self.expected[offset]), None if math.isnan(corrected) else corrected
        )


def compared_speakers(speaker_ids: Sequence[str], stances: Mapping[str, Mapping[str, int]]) -> tuple[str, ...]:
    """The speakers with at least one stance, in the order given: the rows of every pair table."""
    return tuple(speaker_id for speaker_id in speaker_ids if stances.get(speaker_id))


BLOCK_CELLS = 1 << 18
"""Pairs worked out in one step of :func:`pairs_by_row`: a block of rows against everyone after it, 2 MiB per array."""
CHUNK_CELLS = 1 << 21
"""Most (speaker, theme, stance) indicators :func:`pairs_by_row` spells out at once for the speakers it compares a block with."""


class _Indicators:
    """Each compared speaker's (theme, stance) cells, kept sparse, spelt out as 0/1 rows for a range of speakers on demand.

    Row ``a`` of :meth:`dense` has a 1 in column ``theme · 5 + stance + 2``
    for each theme the speaker addressed, as in :func:`agreement_matrix`.
    """

    def __init__(self, included: Sequence[str], stances: Mapping[str, Mapping[str, int]]):
        import numpy as np

        theme_columns: dict[str, int] = {}
        cells: list[int] = []
        starts = [0]
        for speaker_id in included:
            for theme_id, stance in stances[speaker_id].items():
                column = theme_columns.setdefault(theme_id, len(theme_columns))
                cells.append(column * len(STANCES) + stance - STANCES[0])
            starts.append(len(cells))
        self.themes = len(theme_columns)
        self.width = self.themes * len(STANCES)
        self._cells = np.asarray(cells, dtype=np.intp)
        self._starts = np.asarray(starts, dtype=np.intp)

    def dense(self, first: int, stop: int) -> Any:
        """numpy.ndarray (stop - first, themes, 5) of 0/1: the indicators of speakers ``first`` … ``stop - 1``."""
        import numpy as np

        # float32 holds the sums of these small whole numbers exactly (below 2**24), at half the memory and time.
        block = np.zeros((stop - first, self.themes, len(STANCES)), dtype=np.float32)
        lengths = np.diff(self._starts[first : stop + 1])
        rows = np.repeat(np.arange(stop - first), lengths)
        block.reshape(stop - first, self.width)[rows, self._cells[self._starts[first] : self._starts[stop]]] = 1.0
        return block


def pairs_by_row(speaker_ids: Sequence[str], stances: Mapping[str, Mapping[str, int]]) -> Iterator[PairsAfter]:
    """Every pair of compared speakers, one :class:`PairsAfter` per speaker, in memory linear in the stances.

    The same sums as :func:`agreement_matrix`, by the same matrix products,
    without its n × n arrays: a block of rows (about :data:`BLOCK_CELLS`
    pairs) is multiplied with the indicators of everyone after it, spelt out
    from the sparse cells a chunk of speakers at a time (at most
    :data:`CHUNK_CELLS` indicators, once for all blocks when they fit).  The
    chance levels come from the n × 5 table of stance shares.  A block is
    dropped once the caller has moved past it, and each numpy call in it is
    short, so another thread keeps running meanwhile.
    """
    import numpy as np  # imported here, as for the matrix: numpy costs start-up time

    included = compared_speakers(speaker_ids, stances)
    count = len(included)
    indicators = _Indicators(included, stances)
    distance = np.abs(np.subtract.outer(np.asarray(STANCES), np.asarray(STANCES))).astype(np.float32)
    counts = np.zeros((count, len(STANCES)))
    for row, speaker_id in enumerate(included):
        for stance in stances[speaker_id].values():
            counts[row, stance - STANCES[0]] += 1
    shares = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    # distances[a, j] = E|A - j|: one row of ``shares · D`` per speaker, as distances_from gives it.
    distances = shares @ distance.astype(float)
    chunk = max(1, CHUNK_CELLS // max(indicators.width, 1))

    def spelt(first: int, stop: int) -> tuple[Any, Any]:
        """For speakers first … stop - 1: far[b, (t, v)] = |v - b's stance on t| where b addressed t, and addressed[b, t]."""
        block = indicators.dense(first, stop)
        return (block @ distance).reshape(stop - first, indicators.width), block.sum(axis=2)

    whole = spelt(0, count) if chunk >= count else None
    height = max(1, BLOCK_CELLS // max(count, 1))
    for start in range(0, count, height):
        stop = min(count, start + height)
        # Columns are the speakers after the block's first, start + 1 onwards; row ``start + i`` keeps columns i onwards.
        own = indicators.dense(start, stop)
        flat, addressed = own.reshape(stop - start, indicators.width), own.sum(axis=2)
        gaps: Any = np.zeros((stop - start, count - start - 1), dtype=np.int64)
        shared = np.zeros_like(gaps)
        for first in range(start + 1, count, chunk):
            last = min(count, first + chunk)
            far, their_addressed = (whole[0][first:last], whole[1][first:last]) if whole is not None else spelt(first, last)
            gaps[:, first - start - 1 : last - start - 1] = np.rint(flat @ far.T)
            shared[:, first - start - 1 : last - start - 1] = np.rint(addressed @ their_addressed.T)
        expected_gaps = distances[start:stop] @ shares[start + 1 :].T
        with np.errstate(invalid="ignore", divide="ignore"):
            agreement = np.where(shared > 0, agreement_from_gap(gaps / shared), np.nan)
            expected = np.where(shared > 0, agreement_from_gap(expected_gaps), np.nan)
            corrected = np.where(expected > 1 - _CERTAIN, np.nan, (agreement - expected) / (1 - expected))
        del gaps, expected_gaps
        for index in range(stop - start):
            yield PairsAfter(start + index, shared[index, index:], agreement[index, index:], expected[index, index:], corrected[index, index:])
