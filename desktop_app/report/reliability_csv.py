"""The reliability CSV: one row per scope, unit and level of a comparison of codings, written atomically."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..atomic import atomic_writer
from ..model.analysis.reliability.comparison import ALL, Comparison, reading
from .csv_export import ENCODING, FIGURE_DECIMALS, Figure, inert
from .errors import refuse_read_only, refuse_unsafe, write_failure

RELIABILITY_COLUMNS = (
    "scope", "level", "alpha", "ci_low", "ci_high", "units", "unit", "pairable_values", "coders", "verdict_differs", "reading",
)


def _figure(value: float | None) -> str:
    if value is None:
        return ""
    text = f"{value:.{FIGURE_DECIMALS}f}"
    return Figure("0.000" if text == "-0.000" else text)


def reliability_rows(comparison: Comparison) -> Iterator[list[str]]:
    """The header, then a row per scope (``all``, then each theme), unit and level; every cell made inert."""
    yield list(RELIABILITY_COLUMNS)
    dependent = comparison.coder_dependent
    coders = ";".join(comparison.coders)
    for row in comparison.rows:
        low, high = row.interval if row.interval is not None else (None, None)
        differs = "" if row.scope == ALL else ("yes" if row.scope in dependent else "no")
        cells = [
            row.scope, row.level.value, _figure(row.alpha), _figure(low), _figure(high), Figure(str(row.units)), row.unit,
            Figure(str(row.pairable_values)), coders, differs, reading(row.alpha),
        ]
        yield [inert(cell) for cell in cells]


def export_reliability_csv(
    comparison: Comparison, path: Path, protected: Iterable[Path], *, replace_read_only: bool = False
) -> Path:
    """Write the reliability CSV to ``path``; ExportFailed (nothing left behind) when it cannot, or must not, be written."""
    kept = tuple(protected)
    refuse_unsafe(path, kept)
    refuse_read_only(path, replace_read_only)
    try:
        with atomic_writer(path, "w", encoding=ENCODING, newline="", replace_read_only=replace_read_only, protected=kept) as stream:
            csv.writer(stream).writerows(reliability_rows(comparison))
    except OSError as error:
        raise write_failure(path, error) from None
    return path
