"""Krippendorff's alpha from the coincidence matrix, for nominal, ordinal and interval data.

The data are a units × coders table of values, ``None`` where a coder gave no
value.  A unit with fewer than two values is not pairable and takes no part.
Each pairable unit u with m_u values adds, for every ordered pair of values
(c, k) from two different coders, 1 / (m_u - 1) to the coincidence o_ck.  With
n_c = Σ_k o_ck the values' marginals and n = Σ_c n_c the number of pairable
values::

    alpha = 1 - (n - 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck

where δ² is the squared difference of the level: nominal 0 for equal values
and 1 otherwise; interval (c - k)²; ordinal (Σ_{g=c..k} n_g - (n_c + n_k)/2)²,
the distance in ranks that the observed values themselves define.  Alpha is 1
for perfect agreement, 0 for agreement at chance, and undefined (``None``) when
the data show no variation at all.  Reference: K. Krippendorff, "Computing
Krippendorff's Alpha-Reliability", 2011.

The interval (:func:`bootstrap_interval`) is a percentile bootstrap over
units: the pairable units are drawn with replacement, as many as there are,
alpha is worked out on each draw, and the interval runs between the 2.5th and
97.5th percentiles of the draws.  Units with the same pattern of values add
the same coincidences, so a draw is a multinomial count of the patterns, which
keeps a thousand draws over twenty thousand units fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

Value = float | None
"""A coder's value on a unit, or none when the coder gave none."""


class Level(StrEnum):
    """The level of measurement, which says how far apart two different values are."""

    NOMINAL = "nominal"
    ORDINAL = "ordinal"
    INTERVAL = "interval"


LEVELS = tuple(Level)
DEFAULT_DRAWS = 1_000
"""Bootstrap draws unless told otherwise."""
CONFIDENCE = 0.95
"""Coverage of the bootstrap interval."""


@dataclass(frozen=True)
class Coincidences:
    """The coincidence matrix of a reliability table: its values in order, their coincidences, and per-unit patterns."""

    values: tuple[float, ...]
    """The distinct values seen in pairable units, ascending: the rows and columns of the matrix."""
    patterns: np.ndarray
    """One row per distinct pattern of values in a unit: that unit's coincidences, flattened (values × values)."""
    weights: np.ndarray
    """How many pairable units show each pattern."""

    @property
    def units(self) -> int:
        """Number of pairable units (at least two values)."""
        return int(self.weights.sum())

    @property
    def matrix(self) -> np.ndarray:
        """The coincidence matrix o_ck."""
        import numpy as np

        size = len(self.values)
        return (self.weights @ self.patterns).reshape(size, size) if size else np.zeros((0, 0))

    @property
    def pairable_values(self) -> int:
        """n: the number of values in pairable units."""
        return round(float(self.matrix.sum()))


def coincidences(table: Sequence[Sequence[Value]]) -> Coincidences:
    """The coincidences of ``table`` (one row per unit, one column per coder; none where a value is missing)."""
    import numpy as np

    units = [[value for value in row if value is not None] for row in table]
    units = [unit for unit in units if len(unit) >= 2]
    values = tuple(sorted({value for unit in units for value in unit}))
    index = {value: position for position, value in enumerate(values)}
    size = len(values)
    seen: dict[tuple[int, ...], int] = {}
    for unit in units:
        counts = [0] * size
        for value in unit:
            counts[index[value]] += 1
        key = tuple(counts)
        seen[key] = seen.get(key, 0) + 1
    patterns = np.zeros((len(seen), size * size))
    for row, pattern in enumerate(seen):
        per_value = np.array(pattern, dtype=float)
        # Ordered pairs of different coders: m_c · m_k off the diagonal, m_c · (m_c - 1) on it.
        pairs = np.outer(per_value, per_value) - np.diag(per_value)
        patterns[row] = (pairs / (per_value.sum() - 1)).ravel()
    return Coincidences(values, patterns, np.array(list(seen.values()), dtype=float))


def _distances(level: Level, values: np.ndarray, marginals: np.ndarray) -> np.ndarray:
    """δ² for every pair of values; ``marginals`` may hold one row per bootstrap draw (then one matrix per draw)."""
    import numpy as np

    if level is Level.NOMINAL:
        size = len(values)
        return np.ones((size, size)) - np.eye(size)
    if level is Level.INTERVAL:
        squares: np.ndarray = np.subtract.outer(values, values) ** 2
        return squares
    cumulative = np.cumsum(marginals, axis=-1)
    # Σ_{g=c..k} n_g - (n_c + n_k)/2, written so that it holds for c > k too (then it is the negative).
    between = cumulative[..., None, :] - cumulative[..., :, None] + (marginals[..., :, None] - marginals[..., None, :]) / 2
    ranks: np.ndarray = between**2
    return ranks


def _alpha_of(observed: np.ndarray, level: Level, values: np.ndarray) -> np.ndarray:
    """Alpha of one coincidence matrix, or of a stack of them (draws × values × values); NaN where undefined."""
    import numpy as np

    marginals = observed.sum(axis=-1)
    total = marginals.sum(axis=-1)
    delta = _distances(level, values, marginals)
    disagreement = (observed * delta).sum(axis=(-2, -1))
    expected = (marginals[..., :, None] * marginals[..., None, :] * delta).sum(axis=(-2, -1))
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = 1 - (total - 1) * disagreement / expected
    return np.where(expected > 0, alpha, np.nan)


def alpha(data: Coincidences | Sequence[Sequence[Value]], level: Level = Level.NOMINAL) -> float | None:
    """Krippendorff's alpha of a reliability table (or its coincidences); none when the values do not vary."""
    import numpy as np

    found = data if isinstance(data, Coincidences) else coincidences(data)
    if not found.values:
        return None
    value = float(_alpha_of(found.matrix, level, np.array(found.values)))
    return None if np.isnan(value) else value


def bootstrap_interval(
    data: Coincidences | Sequence[Sequence[Value]],
    level: Level = Level.NOMINAL,
    draws: int = DEFAULT_DRAWS,
    seed: int | None = 0,
) -> tuple[float, float] | None:
    """The 95 % percentile bootstrap interval of alpha over units; none when alpha is undefined or no draw defines it."""
    import numpy as np

    found = data if isinstance(data, Coincidences) else coincidences(data)
    if not found.values or found.units == 0 or draws <= 0:
        return None
    generator = np.random.default_rng(seed)
    shares = found.weights / found.weights.sum()
    size = len(found.values)
    values = np.array(found.values)
    results = []
    for start in range(0, draws, 250):  # a few hundred draws at a time keeps memory flat
        counts = generator.multinomial(found.units, shares, size=min(250, draws - start)).astype(float)
        observed = (counts @ found.patterns).reshape(-1, size, size)
        results.append(_alpha_of(observed, level, values))
    every = np.concatenate(results)
    every = every[~np.isnan(every)]
    if not every.size:
        return None
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(every, [tail, 100 - tail])
    return float(low), float(high)
