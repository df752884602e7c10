"""The verdict on a theme from how many voices sit on each pole, with its rules as named constants.

Only the signs of the speakers' stances matter: ``positive`` voices are at +1
or +2, ``negative`` at -1 or -2, ``neutral`` at 0 (mixed: not support for
either pole).  With ``n`` voices in all:

* no voice: not addressed;
* fewer than MIN_VOICES: too few voices (no verdict word; the stances are
  listed instead);
* a strict majority on one pole (more than n/2) and nobody on the other:
  consensus on that pole;
* at least CONTESTED_MIN_EACH_SIDE voices on each pole, the smaller side
  holding at least CONTESTED_MIN_SHARE of all voices: contested;
* otherwise: mixed (no clear lean).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from ..format.schema import Scale

MIN_VOICES = 3
"""Fewest voices on a theme for any verdict word."""
CONTESTED_MIN_EACH_SIDE = 1
"""Fewest voices on each pole for a theme to be contested."""
CONTESTED_MIN_SHARE = 0.2
"""Smallest share of all voices the smaller pole must hold for a contest: one dissenter among 500 is not one."""


class Verdict(StrEnum):
    NOT_ADDRESSED = "not addressed"
    TOO_FEW_VOICES = "too few voices"
    CONTESTED = "contested"
    CONSENSUS_POSITIVE = "consensus: positive"
    CONSENSUS_NEGATIVE = "consensus: negative"
    MIXED = "mixed"

    @property
    def is_stated(self) -> bool:
        """Whether this is a verdict word (consensus, contested, mixed) rather than the lack of one."""
        return self not in (Verdict.NOT_ADDRESSED, Verdict.TOO_FEW_VOICES)


def verdict_from_poles(negative: int, neutral: int, positive: int) -> Verdict:
    """The verdict for ``negative``, ``neutral`` and ``positive`` voices, by the rules above."""
    n = negative + neutral + positive
    if n == 0:
        return Verdict.NOT_ADDRESSED
    if n < MIN_VOICES:
        return Verdict.TOO_FEW_VOICES
    if 2 * positive > n and negative == 0:
        return Verdict.CONSENSUS_POSITIVE
    if 2 * negative > n and positive == 0:
        return Verdict.CONSENSUS_NEGATIVE
    smaller = min(negative, positive)
    if smaller >= CONTESTED_MIN_EACH_SIDE and smaller >= CONTESTED_MIN_SHARE * n:
        return Verdict.CONTESTED
    return Verdict.MIXED


def verdict_from_counts(counts: Mapping[int, int]) -> Verdict:
    """The verdict for stance counts ``{stance: count}``, every stance -2 … +2 present."""
    return verdict_from_poles(counts[-2] + counts[-1], counts[0], counts[1] + counts[2])


def verdict_label(verdict: Verdict, scale: Scale) -> str:
    """The verdict in the seminar's own words, e.g. ``consensus: convergence``."""
    if verdict is Verdict.CONSENSUS_POSITIVE:
        return f"consensus: {scale.positive}"
    if verdict is Verdict.CONSENSUS_NEGATIVE:
        return f"consensus: {scale.negative}"
    return verdict.value
