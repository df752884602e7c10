"""Positions awaiting a stance: what they are called and the sentence that says they are left out.

A position imported from another tool, or made by a blind coding round, has
its passage, speaker and theme but no stance yet.  It is shown everywhere a
position is shown, and counted nowhere, and every place that gives figures
says so in the same words.
"""

from __future__ import annotations

from ..model.dataset import Dataset

AWAITING_WORDS = "awaiting a stance"
"""How a position without a stance yet is named wherever it is shown."""


def awaiting_sentence(dataset: Dataset) -> str | None:
    """``"3 positions await a stance and are left out of every figure."``, or None when all are rated."""
    count = len(dataset.awaiting)
    if not count:
        return None
    if count == 1:
        return "1 position awaits a stance and is left out of every figure."
    return f"{count:,} positions await a stance and are left out of every figure."
