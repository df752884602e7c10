"""A version-1 file's chair round-ups, coded as assessments, re-kinded as summaries in one edit.

Format version 1 had no ``summary`` kind, so a chair's "the panel agreed on
…" could only be coded as an assessment, and it counted as one more voice in
that theme's verdict.  When such a file is opened, the chair's assessments
are offered for re-kinding; this module finds them and makes the edit (one
:class:`~.edits.Compound`, so one undo takes it back).
"""

from __future__ import annotations

from ..dataset import Dataset
from ..format.schema import Kind, Position
from .edits import Compound, Replace

VERSION_1 = "seminar-lens/1"
"""The format whose chair assessments may be round-ups in disguise."""


def chair_assessments(dataset: Dataset) -> tuple[Position, ...]:
    """The chair's positions coded as assessments, in a file of format version 1; empty otherwise."""
    chair = dataset.chair
    if dataset.model.format != VERSION_1 or chair is None:
        return ()
    return tuple(position for position in dataset.positions_of(chair.id) if position.kind is Kind.ASSESSMENT)


def as_summaries(dataset: Dataset, positions: tuple[Position, ...]) -> Compound:
    """The edit that makes each of ``positions`` a summary, every other field and its place in the source kept."""
    return Compound(
        tuple(
            Replace(position.model_copy(update={"kind": Kind.SUMMARY}), span=dataset.spans.get(position.id))
            for position in positions
        )
    )
