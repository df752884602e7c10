"""What the window, the brief and the CSV say about the chair: a verdict that needs the chair's voice, and who the map leaves out."""

from __future__ import annotations

from ..model.analysis.chair_voice import chair_flip
from ..model.analysis.seminar_analysis import SeminarAnalysis, ThemeMetrics
from ..model.analysis.verdict import verdict_label
from ..model.dataset import Dataset
from .wording import leader_label


def needs_chair_words(dataset: Dataset, metrics: ThemeMetrics) -> str | None:
    """``Needs the chair's voice: without Hana Host (chair) it would be too few voices.``; None when it stands without them."""
    chair = dataset.chair
    flip = chair_flip(metrics, chair.id if chair else None)
    if chair is None or flip is None:
        return None
    role = leader_label(chair).lower()
    return (
        f"Needs the {role}\u2019s voice: without {chair.display_name} ({role}) it would be "
        f"{verdict_label(flip.new_verdict, dataset.seminar.scale)}."
    )


def left_out_words(dataset: Dataset, analysis: SeminarAnalysis) -> str:
    """Who the agreement map leaves out and why, true whether or not the chair has counted positions."""
    chair = dataset.chair
    compared = set(analysis.compared_speakers)
    if chair is None:
        return "Anyone with no counted position is left out."
    role = leader_label(chair).lower()
    if chair.id in compared:
        return (
            f"The {role}, {chair.display_name}, is compared like any speaker, having counted positions;"
            " anyone with no counted position is left out."
        )
    return f"The {role}, {chair.display_name}, has no counted position and is left out, as is anyone else without one."


def chair_left_out_words(dataset: Dataset, analysis: SeminarAnalysis) -> str:
    """`` The chair's positions (Hana Host's) are left out.`` when the user chose so; else nothing."""
    chair = dataset.chair
    if chair is None or chair.id not in analysis.left_out:
        return ""
    return f" The {leader_label(chair).lower()}\u2019s positions ({chair.display_name}\u2019s) are left out."
