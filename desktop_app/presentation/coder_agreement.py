"""How the window and the brief speak of a recorded comparison between coders: the reliability line, and coder-dependent verdicts.

A seminar records a comparison (its ``coding.comparison``) once the user has
compared it with other coders' files.  A theme whose verdict differed between
those codings depends on the coder: it is marked wherever "tentative" is.
"""

from __future__ import annotations

from ..model.dataset import Dataset
from ..model.format.coding import Comparison

CODER_MARK = "depends on the coder"
"""The words that mark a verdict the coders did not share."""
CODER_MARK_SHORT = "coder-dependent"
"""The same mark where room is short: a chart row's label."""


def recorded_comparison(dataset: Dataset) -> Comparison | None:
    """The comparison the seminar records, or none."""
    coding = dataset.model.coding
    return None if coding is None else coding.comparison


def coder_dependent(dataset: Dataset) -> frozenset[str]:
    """Ids of the themes whose verdict differed between the coders compared."""
    comparison = recorded_comparison(dataset)
    return frozenset() if comparison is None else frozenset(entry.theme for entry in comparison.differing)


def coders_verdicts(dataset: Dataset, theme_id: str) -> str | None:
    """Each coder's verdict on the theme (``Ana: contested; Ben: mixed``) when it depended on the coder, else none."""
    comparison = recorded_comparison(dataset)
    if comparison is None:
        return None
    for entry in comparison.differing:
        if entry.theme == theme_id:
            return "; ".join(f"{coder}: {verdict}" for coder, verdict in zip(comparison.coders, entry.verdicts, strict=False))
    return None


def alpha_figure(value: float | None) -> str:
    """Alpha as the brief and the window print it: three decimals, ``.815``; an en dash when undefined."""
    if value is None:
        return "\u2013"
    text = f"{value:.3f}"
    return text.replace("0.", ".", 1) if text.startswith("0.") else text.replace("-0.", "\u2212.", 1)


def reliability_line(dataset: Dataset) -> str | None:
    """The brief's line on agreement between coders, or none when no comparison is recorded."""
    comparison = recorded_comparison(dataset)
    if comparison is None:
        return None
    interval = (
        f" (95 % interval {alpha_figure(comparison.ci_low)} to {alpha_figure(comparison.ci_high)})"
        if comparison.ci_low is not None and comparison.ci_high is not None
        else ""
    )
    coders = ", ".join(comparison.coders)
    line = (
        f"Krippendorff\u2019s \u03b1 (ordinal) between {len(comparison.coders)} coders ({coders}): "
        f"{alpha_figure(comparison.alpha_ordinal)}{interval}, over {comparison.units} speaker \u00d7 theme cells."
    )
    if comparison.differing:
        labels = [
            f"{dataset.theme(entry.theme).label if dataset.has_theme(entry.theme) else entry.theme} "
            f"({'; '.join(f'{c}: {v}' for c, v in zip(comparison.coders, entry.verdicts, strict=False))})"
            for entry in comparison.differing
        ]
        line += " Verdicts the coders did not share: " + ", ".join(labels) + "."
    else:
        line += " The coders reached the same verdict on every theme."
    return line
