"""The chair's voice in a verdict: whether a theme's verdict stands only while the chair is counted.

A chair often rounds up what the panel said; when such a round-up is coded
as an assessment it counts as one more voice.  A verdict that would change
if the chair were left out rests on the chair, and says so wherever it is
shown (the window's theme page, the brief's theme table, the themes CSV).
"""

from __future__ import annotations

from .robustness import Flip
from .seminar_analysis import ThemeMetrics


def chair_flip(metrics: ThemeMetrics, chair_id: str | None) -> Flip | None:
    """The change of verdict leaving the chair out would bring, or None when the verdict stands without them."""
    if not chair_id or chair_id not in metrics.stances:
        return None
    return next((flip for flip in metrics.flips if flip.kind == "drop" and chair_id in flip.speakers), None)
