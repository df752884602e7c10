"""What to do next in a seminar that has no rated position yet, in one line, for the empty chart and detail panel.

A fresh import has speakers and turns but no theme and no position: the
views say which step comes next (a speaker, a theme, then coding a passage)
instead of describing an empty analysis.  A seminar whose positions all await
a stance (an imported project) is told to rate them.
"""

from __future__ import annotations

from ..model.dataset import Dataset

ADD_SPEAKER = "Add a speaker with Edit \u25b8 Add Speaker\u2026, then a theme with Edit \u25b8 Add Theme\u2026."
ADD_THEME = "Add a theme with Edit \u25b8 Add Theme\u2026, then select a passage in the Source tab and press Ctrl+K to code it."
CODE_PASSAGE = "Select a passage in the Source tab and press Ctrl+K to code it."
RATE_AWAITING = "Every position awaits a stance: press Ctrl+J to rate the next one (Q\u2013T stance, Tab summary, Enter)."


def next_step(dataset: Dataset) -> str | None:
    """The one step that comes next while the seminar has no rated position, or None once it has one."""
    if dataset.positions:
        return RATE_AWAITING if len(dataset.awaiting) == len(dataset.positions) else None
    if not dataset.speakers:
        return ADD_SPEAKER
    if not dataset.themes:
        return ADD_THEME
    return CODE_PASSAGE


def missing_for_coding(dataset: Dataset) -> str | None:
    """What coding a passage still needs, said exactly ("Add a theme first"), or None when nothing is missing."""
    missing = [noun for noun, present in (("a speaker", dataset.speakers), ("a theme", dataset.themes)) if not present]
    if not missing:
        return None
    return f"Add {' and '.join(missing)} first"
