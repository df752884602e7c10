"""What replacing the source text does to each position's excerpt, by name: rewritten to new words, or not found.

Both the window's confirmation dialog and ``--replace-source`` list these;
an excerpt found again with its exact words is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dataset import Dataset
from .reanchor import Reanchoring


@dataclass(frozen=True)
class ExcerptChange:
    """One position whose excerpt did not survive the new text as it was."""

    position_id: str
    speaker: str
    """The speaker's name."""
    theme: str
    """The theme's label."""
    old: str
    """The excerpt's words before."""
    new: str | None
    """The words now in its place, or None when it was not found."""

    @property
    def name(self) -> str:
        """``Ana Silva on Water quality``: how the position is named to the user."""
        return f"{self.speaker} on {self.theme}"


def excerpt_changes(dataset: Dataset, outcome: Reanchoring) -> list[ExcerptChange]:
    """Every rewritten or lost excerpt of ``outcome``, in the seminar's order of positions."""
    lost = set(outcome.lost)
    changes = []
    for position in dataset.model.positions:
        rewritten = outcome.rewritten.get(position.id)
        if rewritten is None and position.id not in lost:
            continue
        speaker = dataset.speaker(position.speaker).name if dataset.has_speaker(position.speaker) else position.speaker
        theme = dataset.theme(position.theme).label if dataset.has_theme(position.theme) else position.theme
        changes.append(ExcerptChange(position.id, speaker, theme, position.excerpt, rewritten[0] if rewritten else None))
    return changes
