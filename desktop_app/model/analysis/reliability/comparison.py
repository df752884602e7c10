"""Agreement between two or more codings of one seminar: alpha per scope and level, and the verdicts they do not share.

Scopes: ``all`` (every speaker × theme cell) and each theme's cells; for a
blind re-rating also every passage.  Each scope gives alpha at the three
levels, its bootstrap interval (:mod:`.alpha`), the number of pairable units
and of pairable values.  A theme's verdict is worked out for each coding as
the window shows it; a theme whose verdicts differ depends on the coder.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ...format.schema import Kind
from ..seminar_analysis import COUNTED_KINDS_DEFAULT, SeminarAnalysis
from ..verdict import Verdict
from .alpha import DEFAULT_DRAWS, LEVELS, Level, Value, alpha, bootstrap_interval, coincidences
from .units import Coding, cell_table, passage_table, stated

ALL = "all"
"""The scope of every cell."""
CELL_UNIT = "speaker-theme"
PASSAGE_UNIT = "passage"
RELIABLE = 0.80
"""Alpha from which the usual reading calls a coding reliable."""
TENTATIVE = 0.667
"""Alpha from which the usual reading allows tentative conclusions only."""


@dataclass(frozen=True)
class ScopeAlpha:
    """Alpha on one scope at one level, with its interval and what it rests on."""

    scope: str
    """``all`` or a theme id."""
    unit: str
    """``speaker-theme`` or ``passage``."""
    level: Level
    alpha: float | None
    interval: tuple[float, float] | None
    units: int
    """Pairable units: those with values from at least two coders."""
    pairable_values: int


@dataclass(frozen=True)
class VerdictDifference:
    """A theme whose verdict is not the same in every coding."""

    theme_id: str
    verdicts: tuple[Verdict, ...]
    """Each coding's verdict, in the codings' order."""


@dataclass(frozen=True)
class Comparison:
    """Everything the command and the window report about the agreement of the codings."""

    coders: tuple[str, ...]
    rows: tuple[ScopeAlpha, ...]
    verdict_differences: tuple[VerdictDifference, ...]

    def row(self, scope: str, level: Level, unit: str = CELL_UNIT) -> ScopeAlpha | None:
        """The row for ``scope`` at ``level``, none when there is none."""
        return next((row for row in self.rows if (row.scope, row.level, row.unit) == (scope, level, unit)), None)

    @property
    def coder_dependent(self) -> frozenset[str]:
        """Ids of the themes whose verdict depends on the coder."""
        return frozenset(difference.theme_id for difference in self.verdict_differences)


def reading(value: float | None) -> str:
    """What alpha means by the usual reading, in a plain clause."""
    if value is None:
        return "undefined: the values do not vary"
    if value >= RELIABLE:
        return "reliable"
    if value >= TENTATIVE:
        return "good enough for tentative conclusions only"
    return "not reliable"


def _scope_rows(scope: str, unit: str, rows: Sequence[Sequence[Value]], draws: int, seed: int | None) -> list[ScopeAlpha]:
    found = coincidences(rows)
    values = found.pairable_values
    return [
        ScopeAlpha(scope, unit, level, alpha(found, level), bootstrap_interval(found, level, draws, seed), found.units, values)
        for level in LEVELS
    ]


def compare(
    codings: Sequence[Coding],
    counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT,
    *,
    by_passage: bool = False,
    draws: int = DEFAULT_DRAWS,
    seed: int | None = 0,
) -> Comparison:
    """Alpha overall, per theme and (``by_passage``) per passage, and the themes whose verdict differs between codings.

    The codings must share speaker and theme ids (see :func:`.units.id_differences`).
    """
    tables = cell_table(codings, counted_kinds)
    every = [row for _, rows in tables.values() for row in rows]
    results = _scope_rows(ALL, CELL_UNIT, every, draws, seed)
    for theme_id, (_, rows) in tables.items():
        results.extend(_scope_rows(theme_id, CELL_UNIT, rows, draws, seed))
    if by_passage:
        _, rows = passage_table(codings, counted_kinds)
        results.extend(_scope_rows(ALL, PASSAGE_UNIT, rows, draws, seed))
    analyses = [
        SeminarAnalysis(stated(coding.positions), coding.theme_ids, coding.speaker_ids, counted_kinds) for coding in codings
    ]
    differences = []
    for theme_id in codings[0].theme_ids:
        verdicts = tuple(analysis.themes[theme_id].verdict for analysis in analyses)
        if len(set(verdicts)) > 1:
            differences.append(VerdictDifference(theme_id, verdicts))
    return Comparison(tuple(coding.name for coding in codings), tuple(results), tuple(differences))
