"""CSV exports for further work: every position, the speaker × theme stance matrix, the themes, the pairs, or the timeline.

``themes`` and ``pairs`` carry the evidence behind the verdicts and the
agreement figures, and a ``counted_kinds`` column on every row says which
kinds of position were counted (``assessment;prediction;prescription`` by
default), so a row keeps its meaning when pasted elsewhere.

Written with the csv module (so commas, quotes and line breaks inside a
summary survive), in UTF-8 with a byte-order mark so spreadsheet programs
recognise the encoding, and atomically.  Values are written as they are in
the file, but for one thing: a text cell that a spreadsheet would take for a
formula (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) gets a leading apostrophe (:func:`inert`, after OWASP's advice on CSV
injection).  The numbers the application works out itself (stances,
counts, figures) are marked :class:`Figure` and written as they are, so a
stance of ``-2`` stays a number.  Pure Python.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from ..atomic import atomic_writer
from ..model.analysis.chair_voice import chair_flip
from ..model.analysis.ordinal import STANCES
from ..model.analysis.pairs import MIN_SHARED_THEMES
from ..model.analysis.seminar_analysis import (
    COUNTED_KINDS_DEFAULT,
    SeminarAnalysis,
    ThemeMetrics,
    describe_flips,
    stance_label,
    verdict_label,
)
from ..model.dataset import Dataset
from ..model.format.schema import Kind
from ..presentation.awaiting import AWAITING_WORDS
from ..presentation.coder_agreement import coder_dependent, recorded_comparison
from ..presentation.discussion import moved_toward_counts, seminar_movements
from ..presentation.turns import clock, position_time
from .errors import refuse_read_only, refuse_unsafe, write_failure
from .timeline_csv import timeline_rows

CSV_KINDS = ("positions", "matrix", "themes", "pairs", "timeline")
ENCODING = "utf-8-sig"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula, at the start of a cell."""


class Figure(str):
    """A number the application wrote itself (a stance, a count, a figure): written as it is, never escaped."""


def inert(cell: str) -> str:
    """``cell`` as a spreadsheet should show it: text that would start a formula gets a leading ``'``; a Figure stays."""
    if isinstance(cell, Figure) or not cell.startswith(FORMULA_STARTS):
        return cell
    return f"'{cell}"

POSITION_COLUMNS = (
    "position_id",
    "speaker_id",
    "speaker",
    "theme_id",
    "theme",
    "stance",
    "stance_label",
    "kind",
    "summary",
    "excerpt",
    "note",
    "time",
)


def position_rows(dataset: Dataset) -> list[list[str]]:
    """Header, then one row per position: speakers in speaking order, their positions in theme order."""
    scale = dataset.seminar.scale
    rows = [list(POSITION_COLUMNS)]
    for speaker in dataset.speakers:
        for position in dataset.positions_of(speaker.id):
            theme = dataset.theme(position.theme)
            rows.append(
                [
                    position.id,
                    speaker.id,
                    speaker.display_name,
                    theme.id,
                    theme.label,
                    "" if position.stance is None else Figure(position.stance),
                    AWAITING_WORDS if position.stance is None else stance_label(position.stance, scale),
                    position.kind.value,
                    position.summary,
                    position.excerpt,
                    position.note,
                    _turn_time(dataset, position.id),
                ]
            )
    return rows


def _turn_time(dataset: Dataset, position_id: str) -> str:
    """``0:12:30``, when the transcript turn holding the excerpt began; blank without turn times."""
    seconds = position_time(dataset, position_id)
    return "" if seconds is None else clock(seconds, with_hours=True)


def matrix_rows(dataset: Dataset, analysis: SeminarAnalysis | None = None) -> list[list[str]]:
    """Header (speaker id, speaker, one column per theme), then each speaker's stance per theme.

    The stance is the median of the speaker's counted positions on the theme.
    A blank cell means the speaker was silent on the theme (not the same as 0).
    """
    analysis = analysis or dataset.analysis
    themes = dataset.themes
    rows = [["speaker_id", "speaker", *(theme.label for theme in themes)]]
    for speaker in dataset.speakers:
        stances = analysis.speaker_stances(speaker.id)
        cells = [Figure(stances[theme.id]) if theme.id in stances else "" for theme in themes]
        rows.append([speaker.id, speaker.display_name, *cells])
    return rows


THEME_COLUMNS = (
    "theme_id",
    "theme",
    "n",
    *(f"count_{stance:+d}" if stance else "count_0" for stance in STANCES),
    "median",
    "consensus",
    "verdict",
    "robust",
    "flips",
    "needs_chair",
    "counted_kinds",
    "coder_dependent",
    "moved_to_negative",
    "moved_to_positive",
)


def _needs_chair(metrics: ThemeMetrics, chair_id: str | None) -> str:
    """``true`` when the verdict would change without the chair (the new verdict is in ``flips``), ``false`` otherwise, blank without a verdict word."""
    if metrics.robust is None:
        return ""
    return "true" if chair_flip(metrics, chair_id) else "false"


def theme_rows(dataset: Dataset, analysis: SeminarAnalysis | None = None) -> list[list[str]]:
    """Header, then one row per theme in report order: voices, counts per stance, median, consensus, verdict, flips.

    ``moved_to_negative`` and ``moved_to_positive`` count the speakers whose last counted position on
    the theme lies a step or more toward that pole from their first (:mod:`desktop_app.model.analysis.movement`).
    ``robust`` and ``needs_chair`` are blank where there is no verdict word (too few voices, or
    none); ``needs_chair`` is true when leaving the chair out would change the verdict; ``flips`` lists, separated by "; ", each change of one voice that
    would change the verdict.
    """
    analysis = analysis or dataset.analysis
    scale = dataset.seminar.scale
    kinds = analysis.counted_kinds_text

    def name_of(speaker_id: str) -> str:
        return dataset.speaker(speaker_id).display_name

    chair_id = dataset.chair.id if dataset.chair else None
    comparison = recorded_comparison(dataset)
    dependent = coder_dependent(dataset)
    movement = seminar_movements(dataset, analysis)
    rows = [list(THEME_COLUMNS)]
    for theme in dataset.themes:
        metrics = analysis.themes[theme.id]
        robust = "" if metrics.robust is None else str(metrics.robust).lower()
        rows.append(
            [
                theme.id,
                theme.label,
                Figure(metrics.n),
                *(Figure(metrics.counts[stance]) for stance in STANCES),
                _figure(metrics.median),
                _figure(metrics.consensus),
                verdict_label(metrics.verdict, scale),
                robust,
                "; ".join(describe_flips(metrics.flips, name_of, scale)),
                _needs_chair(metrics, chair_id),
                kinds,
                "" if comparison is None else str(theme.id in dependent).lower(),
                *(Figure(count) for count in moved_toward_counts(movement, theme.id)),
            ]
        )
    return rows


PAIR_COLUMNS = (
    "speaker_a_id",
    "speaker_a",
    "speaker_b_id",
    "speaker_b",
    "shared_themes",
    "agreement",
    "expected_by_chance",
    "chance_corrected",
    "comparable",
    "counted_kinds",
)


def pair_rows(dataset: Dataset, analysis: SeminarAnalysis | None = None) -> Iterator[list[str]]:
    """Header, then one row per pair of speakers with a counted position, in speaking order, made as they are read.

    Blank figures where the two share no theme; ``comparable`` is false below
    the shared themes needed to rank a pair against others.  The pairs are
    streamed a speaker at a time (:meth:`SeminarAnalysis.pairs_by_row`): the
    output grows with the square of the panel, its memory need not.
    """
    analysis = analysis or dataset.analysis
    kinds = analysis.counted_kinds_text
    ids = analysis.compared_speakers
    names = [dataset.speaker(speaker_id).display_name for speaker_id in ids]
    yield list(PAIR_COLUMNS)
    # Millions of rows: each row's figures are read out of numpy once, not pair by pair.
    for pairs in analysis.pairs_by_row():
        row = pairs.row
        first, first_name = ids[row], names[row]
        shared_themes = pairs.shared_themes.tolist()
        agreement, expected, corrected = pairs.agreement.tolist(), pairs.expected.tolist(), pairs.chance_corrected.tolist()
        for offset, shared in enumerate(shared_themes):
            later = row + 1 + offset
            if shared:
                figures = [_figure(agreement[offset]), _figure(expected[offset]), _figure(_defined(corrected[offset]))]
            else:
                figures = ["", "", ""]
            yield [
                first,
                first_name,
                ids[later],
                names[later],
                Figure(str(shared)),
                *figures,
                "true" if shared >= MIN_SHARED_THEMES else "false",
                kinds,
            ]


def _defined(value: float) -> float | None:
    """None for NaN: how a streamed row marks a figure that is not defined."""
    return None if math.isnan(value) else value


FIGURE_DECIMALS = 3
"""Decimals of a figure in a CSV: enough to compute with; the window and the brief show one."""


def _figure(value: float | None) -> str:
    """A figure for a spreadsheet: plain ASCII, at most FIGURE_DECIMALS decimals, blank when there is none."""
    if value is None:
        return ""
    text = f"{value:.{FIGURE_DECIMALS}f}".rstrip("0").rstrip(".")
    return Figure("0" if text == "-0" else text)


def _timeline_rows(dataset: Dataset, analysis: SeminarAnalysis | None = None) -> Iterator[list[str]]:
    return timeline_rows(dataset, analysis, Figure)


_ROWS = {"positions": None, "matrix": matrix_rows, "themes": theme_rows, "pairs": pair_rows, "timeline": _timeline_rows}


def csv_text(
    dataset: Dataset, kind: str = "positions", counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT, without_chair: bool = False
) -> str:
    """The CSV of one kind as text; ``counted_kinds`` (and ``without_chair``) choose the positions the analysis counts."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(_rows(dataset, kind, counted_kinds, without_chair))
    return buffer.getvalue()


def _rows(dataset: Dataset, kind: str, counted_kinds: Collection[Kind], without_chair: bool = False) -> Iterable[list[str]]:
    """The rows of one kind of CSV, each cell made inert as it is read: a pairs CSV is never held whole."""
    if kind not in CSV_KINDS:
        raise ValueError(f"CSV kind must be one of {', '.join(CSV_KINDS)}, not {kind!r}")
    make = _ROWS[kind]
    rows = position_rows(dataset) if make is None else make(dataset, dataset.analysis_for(counted_kinds, without_chair))
    return ([inert(cell) for cell in row] for row in rows)


def export_csv(
    dataset: Dataset,
    path: str | Path,
    kind: str = "positions",
    counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT,
    *,
    replace_read_only: bool = False,
    without_chair: bool = False,
) -> Path:
    """Write the CSV to ``path`` atomically; ExportFailed (nothing left behind) when it cannot be written.

    A read-only file at ``path`` is refused unless ``replace_read_only``; the
    seminar's own file (under any name) and anything that is not a regular
    file are always refused.
    """
    path = Path(path)
    refuse_unsafe(path, (dataset.path,))
    refuse_read_only(path, replace_read_only)
    rows = _rows(dataset, kind, counted_kinds, without_chair)
    try:
        # Row by row into the temporary file: a pairs CSV of thousands of speakers is never held whole in memory.
        with atomic_writer(
            path, "w", encoding=ENCODING, newline="", replace_read_only=replace_read_only, protected=(dataset.path,)
        ) as stream:
            csv.writer(stream).writerows(rows)
    except OSError as error:
        raise write_failure(path, error) from None
    return path
