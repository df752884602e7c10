"""A stance in the seminar's own words: ``strong convergence``, ``mixed``, ``divergence``…"""

from __future__ import annotations

import math

from ..format.schema import Scale


def stance_label(stance: float, scale: Scale) -> str:
    """A stance, or a mean stance, in words, from the poles of the seminar's scale.

    A mean is rounded half away from zero, so a value of 0.5 reads as leaning
    to the positive pole.
    """
    rounded = rounded_stance(stance)
    if rounded == 0:
        return scale.neutral
    pole = scale.positive if rounded > 0 else scale.negative
    return f"strong {pole}" if abs(rounded) >= 2 else pole


def rounded_stance(stance: float) -> int:
    """The nearest whole stance, halves rounded away from zero."""
    return int(math.copysign(math.floor(abs(stance) + 0.5), stance))
