"""Settling a disagreement between coders in the open seminar, each choice one edit (one undo step).

*Keep a stance* (one coder's, or a new one): every counted position of the
open seminar in that cell takes the stance, so its median is that stance.  When
the open seminar has no counted position there (a passage the other coder
alone coded), the other coder's positions are copied in, under fresh ids, with
the stance chosen.  Either way the cell is recorded as discussed, in the
same step.  *Mark discussed* records the cell in the coding block's
comparison, changing no stance.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..analysis.reliability.queue import Disagreement
from ..analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from ..dataset import Dataset
from ..format.coding import Coding, Comparison
from ..format.schema import Kind, Position
from .edits import Compound, Edit, Insert, Replace, ReplaceCoding, unique_id


def set_cell_stance(
    dataset: Dataset,
    disagreement: Disagreement,
    stance: int,
    counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT,
) -> Edit:
    """The edit that gives the cell ``stance`` in ``dataset`` (which is the first coding of the comparison).

    The cell is recorded as discussed in the same step, so keeping the open
    seminar's own stance is a decision that shows in the queue, not a no-op.
    """
    settled = mark_discussed(dataset, disagreement)
    counted = frozenset(counted_kinds)
    own = [
        p for p in dataset.positions_of(disagreement.speaker_id)
        if p.theme == disagreement.theme_id and p.kind in counted and p.stance is not None
    ]
    if own:
        changed = tuple(Replace(p.model_copy(update={"stance": stance})) for p in own if p.stance != stance)
        return Compound((*changed, settled))
    others = next((positions for positions in disagreement.positions[1:] if positions), ())
    inserts: list[Edit] = []
    taken: set[str] = set()
    for position in others:
        wanted = position.id
        new_id = unique_id(dataset, "position", wanted)
        while new_id in taken:
            new_id = unique_id(dataset, "position", f"{wanted}-{len(taken) + 2}")
        taken.add(new_id)
        inserts.append(Insert(_copied(position, new_id, stance)))
    return Compound((*inserts, settled))


def _copied(position: Position, new_id: str, stance: int) -> Position:
    return position.model_copy(update={"id": new_id, "stance": stance})


def mark_discussed(dataset: Dataset, disagreement: Disagreement) -> Edit:
    """The edit that records the cell as discussed in the coding block's comparison."""
    coding = dataset.model.coding or Coding()
    comparison = coding.comparison or Comparison(coders=[])
    if disagreement.key in comparison.discussed:
        return Compound(())
    updated = comparison.model_copy(update={"discussed": [*comparison.discussed, disagreement.key]})
    return ReplaceCoding(coding.model_copy(update={"comparison": updated}))


def record_comparison(dataset: Dataset, comparison: Comparison) -> Edit:
    """The edit that records ``comparison`` (keeping the cells already marked discussed)."""
    coding = dataset.model.coding or Coding()
    kept = coding.comparison.discussed if coding.comparison is not None else []
    return ReplaceCoding(coding.model_copy(update={"comparison": comparison.model_copy(update={"discussed": list(kept)})}))


def discussed(dataset: Dataset) -> Sequence[str]:
    """The cells the open seminar records as discussed."""
    coding = dataset.model.coding
    return () if coding is None or coding.comparison is None else coding.comparison.discussed
