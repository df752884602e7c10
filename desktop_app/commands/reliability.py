"""``--reliability``: how far two or more codings of one seminar agree, as a short table and, if asked, a CSV."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model.analysis.reliability.alpha import Level
from ..model.analysis.reliability.comparison import ALL, CELL_UNIT, PASSAGE_UNIT, Comparison, ScopeAlpha, compare, reading
from ..model.analysis.reliability.units import Coding, id_differences
from ..model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from ..model.analysis.verdict import verdict_label
from ..model.dataset import Dataset
from ..model.format.coding import CodingMode
from ..report.errors import ExportFailed
from .export import FORCE_HINT, links_note, load_seminar, refuse_target
from .failure import CommandFailed


def coding_of(dataset: Dataset, path: Path) -> Coding:
    """The comparison's view of one coder's file, named by its coder, else by its file name."""
    model = dataset.model
    name = model.coding.coder if model.coding is not None and model.coding.coder else path.name
    return Coding(
        name, dataset.positions, [speaker.id for speaker in dataset.speakers], [theme.id for theme in dataset.themes]
    )


def load_codings(paths: Sequence[Path]) -> tuple[list[Dataset], list[Coding]]:
    """Each file loaded and seen as a coding; CommandFailed naming the bad file, or the ids the files do not share."""
    datasets = [load_seminar(path) for path in paths]
    codings = [coding_of(dataset, path) for dataset, path in zip(datasets, paths, strict=True)]
    names = [coding.name for coding in codings]
    if len(set(names)) < len(names):  # two files by the same coder, or two files of the same name: tell them apart
        codings = [Coding(str(path), c.positions, c.speaker_ids, c.theme_ids) for c, path in zip(codings, paths, strict=True)]
    problems = id_differences(codings)
    if problems:
        raise CommandFailed("the codings must share speaker and theme ids:\n" + "\n".join(problems))
    return datasets, codings


def is_blind(dataset: Dataset) -> bool:
    """Whether the file is a blind re-rating round."""
    coding = dataset.model.coding
    return coding is not None and coding.mode is CodingMode.BLIND


def _interval(row: ScopeAlpha) -> str:
    if row.interval is None:
        return "\u2013"
    return f"{row.interval[0]:.3f} to {row.interval[1]:.3f}"


def _alpha(row: ScopeAlpha) -> str:
    return "\u2013" if row.alpha is None else f"{row.alpha:.3f}"


def table(comparison: Comparison, dataset: Dataset) -> str:
    """The short table the command prints: alpha overall and per theme, intervals, units, values and verdicts that differ."""
    lines = [f"coders: {', '.join(comparison.coders)}", ""]
    header = f"{'scope':<24} {'level':<9} {'alpha':>6}  {'95 % interval':<15} {'units':>6} {'values':>7}"
    lines.append(header)
    rows = [row for row in comparison.rows if row.scope == ALL]
    rows += [row for row in comparison.rows if row.scope != ALL and row.level is Level.ORDINAL]
    for row in rows:
        scope = "all cells" if row.unit == CELL_UNIT else "all passages"
        if row.scope != ALL:
            scope = row.scope
        lines.append(
            f"{scope[:24]:<24} {row.level.value:<9} {_alpha(row):>6}  {_interval(row):<15} {row.units:>6} {row.pairable_values:>7}"
        )
    overall = comparison.row(ALL, Level.ORDINAL)
    if overall is not None:
        lines += ["", f"alpha ordinal over all speaker \u00d7 theme cells: {reading(overall.alpha)}."]
    scale = dataset.seminar.scale
    if comparison.verdict_differences:
        lines.append("verdicts that differ between the coders:")
        for difference in comparison.verdict_differences:
            said = "; ".join(
                f"{coder}: {verdict_label(verdict, scale)}"
                for coder, verdict in zip(comparison.coders, difference.verdicts, strict=True)
            )
            lines.append(f"  {dataset.theme(difference.theme_id).label} ({difference.theme_id}): {said}")
    else:
        lines.append("every theme has the same verdict in every coding.")
    return "\n".join(lines)


def reliability_command(paths: Sequence[Path], out: Path | None = None, force: bool = False) -> str:
    """Compare the codings in ``paths``; returns the table (and, with ``out``, the line saying the CSV was written)."""
    if out is not None:
        for path in paths:
            refuse_target(out, path, force)
    datasets, codings = load_codings(paths)
    by_passage = any(is_blind(dataset) for dataset in datasets)
    comparison = compare(codings, COUNTED_KINDS_DEFAULT, by_passage=by_passage)
    text = table(comparison, datasets[0])
    if out is None:
        return text
    from ..report.reliability_csv import export_reliability_csv

    note = links_note(out)
    try:
        written = export_reliability_csv(comparison, out, paths, replace_read_only=force)
    except ExportFailed as error:
        raise CommandFailed(str(error) + (FORCE_HINT if "read-only" in str(error) else "")) from None
    rows = len(comparison.rows)
    return f"{text}\nwrote {written} ({rows} rows){note}"


__all__ = ["PASSAGE_UNIT", "reliability_command"]
