"""Ordinal statistics of stances: a speaker's median stance, Tastle & Wierman's consensus, and their display.

Stances are ordered categories (-2 … +2), not measurements, so the summaries
here use only their order and the distance between categories.

Median: the middle value, and for an even count the mean of the two middle
values (so a theme's median may fall on a half, e.g. +1.5).  A *speaker's*
stance on a theme must be a whole stance, since it is counted on the scale:
it is that median rounded toward 0 (the neutral stance), so +2 and +1 give
+1, +1 and 0 give 0, and -1 and +1 give 0 — a half-step lean is never counted
as more than the positions support.

Consensus (Tastle & Wierman 2007)::

    Cns(X) = 1 + Σ_i p_i · log2(1 - |X_i - μ_X| / d_X)

over the stance categories X_i with their shares p_i, where μ_X = Σ p_i X_i
is the mean and d_X = X_max - X_min = 4 the width of the scale.  It is 1 when
everyone holds the same stance and 0 when the voices are split evenly between
the two extremes.  Reference: W. J. Tastle and M. J. Wierman, "Consensus and
dissention: A measure of ordinal dispersion", International Journal of
Approximate Reasoning 45(3), 2007, pp. 531-545.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from ..format.schema import STANCE_MAX, STANCE_MIN

STANCE_RANGE = STANCE_MAX - STANCE_MIN
"""Width of the stance scale (4): d_X in the consensus formula and the divisor of pair agreement."""
STANCES = tuple(range(STANCE_MIN, STANCE_MAX + 1))
"""Every stance, from the negative pole to the positive one."""
MEASURE_DECIMALS = 1
"""Decimals shown for a measure: the panels are small, so more would be false precision."""


def median(values: Sequence[float]) -> float:
    """The median; for an even count the mean of the two middle values."""
    if not values:
        raise ValueError("a median needs at least one value")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def median_of_counts(counts: Mapping[int, int]) -> float | None:
    """The median of stance counts ``{stance: count}``, without listing every voice; none when empty."""
    total = sum(counts.values())
    if total == 0:
        return None
    lower_rank, upper_rank = (total - 1) // 2, total // 2
    lower = upper = None
    seen = 0
    for stance in sorted(counts):
        seen += counts[stance]
        if lower is None and seen > lower_rank:
            lower = stance
        if seen > upper_rank:
            upper = stance
            break
    assert lower is not None and upper is not None
    return (lower + upper) / 2


def median_stance(stances: Sequence[int]) -> int:
    """A speaker's stance from their stances on a theme: the median, rounded toward 0 when it falls on a half."""
    # int() drops the fraction, so it rounds toward zero: +1.5 -> +1, -0.5 -> 0.
    return int(median(stances))


def spans_both_poles(stances: Iterable[int]) -> bool:
    """Whether the stances include both a negative and a positive one (the speaker is "divided")."""
    values = list(stances)
    return bool(values) and min(values) < 0 < max(values)


def stance_counts(stances: Iterable[int]) -> dict[int, int]:
    """``{stance: how many}`` for every stance -2 … +2, zeros included."""
    counts = dict.fromkeys(STANCES, 0)
    for stance in stances:
        counts[stance] += 1
    return counts


def consensus(counts: Mapping[int, int]) -> float | None:
    """Tastle & Wierman's consensus (0 … 1) of stance counts ``{stance: count}``; none when nobody counts."""
    total = sum(counts.values())
    if total == 0:
        return None
    mean = sum(stance * count for stance, count in counts.items()) / total
    value = 1.0
    for stance, count in counts.items():
        if count:
            value += count / total * math.log2(1 - abs(stance - mean) / STANCE_RANGE)
    # Rounding can leave -1e-16 at an even split of the extremes, or 1 - 1e-16 at unanimity.
    return min(1.0, max(0.0, value))


def format_measure(value: float | None) -> str:
    """A measure for display, one decimal at most: ``0.4``, ``1``, ``-0.3``; an en dash when there is none."""
    if value is None or math.isnan(value):
        return "\u2013"
    text = f"{value:.{MEASURE_DECIMALS}f}"
    text = text.removesuffix(".0")
    if text == "-0":
        text = "0"
    return text.replace("-", "\u2212")
