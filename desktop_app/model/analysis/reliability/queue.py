"""The disagreement queue: the cells where the coders' stances differ, largest difference first.

A cell is listed when its coders' values are not all the same: two stances
that differ (ordered by how far apart the furthest two are), then cells that
only some of the coders coded (a passage coded by one coder only), which have
no difference to order by and come last.  Each entry carries every coder's
counted positions in the cell, so both readings can be shown side by side.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ...format.schema import Kind, Position
from ..seminar_analysis import COUNTED_KINDS_DEFAULT
from .units import Coding, cell_table, stated


@dataclass(frozen=True)
class Disagreement:
    """One cell of the queue: each coder's value (none where they gave none) and their positions there."""

    speaker_id: str
    theme_id: str
    values: tuple[int | None, ...]
    positions: tuple[tuple[Position, ...], ...]
    """Each coder's counted positions in the cell, in the codings' order."""

    @property
    def key(self) -> str:
        """The cell as the file records it: ``speaker/theme``."""
        return f"{self.speaker_id}/{self.theme_id}"

    @property
    def difference(self) -> int | None:
        """How far apart the furthest two stances are; none when only one coder coded the cell."""
        given = [value for value in self.values if value is not None]
        return max(given) - min(given) if len(given) >= 2 else None

    @property
    def one_coder_only(self) -> bool:
        return self.difference is None


def disagreements(codings: Sequence[Coding], counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT) -> list[Disagreement]:
    """Every cell whose coders differ: the largest difference first, then the cells some coders left uncoded."""
    counted = frozenset(counted_kinds)
    by_cell: list[dict[tuple[str, str], list[Position]]] = []
    for coding in codings:
        cells_of: dict[tuple[str, str], list[Position]] = {}
        for position in stated(coding.positions):
            if position.kind in counted:
                cells_of.setdefault((position.speaker, position.theme), []).append(position)
        by_cell.append(cells_of)
    found = []
    for _theme_id, (cells, rows) in cell_table(codings, counted).items():
        for (speaker_id, theme_id), row in zip(cells, rows, strict=True):
            if len(set(row)) <= 1:
                continue
            positions = tuple(tuple(cells_of.get((speaker_id, theme_id), ())) for cells_of in by_cell)
            found.append(Disagreement(speaker_id, theme_id, tuple(None if v is None else int(v) for v in row), positions))
    order = {theme_id: index for index, theme_id in enumerate(codings[0].theme_ids)}
    speakers = {speaker_id: index for index, speaker_id in enumerate(codings[0].speaker_ids)}
    found.sort(key=lambda d: (d.difference is None, -(d.difference or 0), order[d.theme_id], speakers[d.speaker_id]))
    return found
