"""CSV exports for further work: every position, or the speaker × theme stance matrix.

Written with the csv module (so commas, quotes and line breaks inside a
summary survive), in UTF-8 with a byte-order mark so spreadsheet programs
recognise the encoding, and atomically.  Values are written as they are in
the file: text is never interpreted.  Pure Python.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..atomic import write_text_atomic
from ..model.analysis import stance_label
from ..model.dataset import Dataset
from .errors import refuse_read_only, write_failure

CSV_KINDS = ("positions", "matrix")
ENCODING = "utf-8-sig"

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
                    str(position.stance),
                    stance_label(position.stance, scale),
                    position.kind.value,
                    position.summary,
                    position.excerpt,
                ]
            )
    return rows


def matrix_rows(dataset: Dataset) -> list[list[str]]:
    """Header (speaker id, speaker, one column per theme), then each speaker's mean stance per theme.

    A blank cell means the speaker was silent on the theme (not the same as 0).
    """
    themes = dataset.themes
    rows = [["speaker_id", "speaker", *(theme.label for theme in themes)]]
    for speaker in dataset.speakers:
        stances = dataset.analysis.speaker_stances(speaker.id)
        cells = [_mean(stances[theme.id]) if theme.id in stances else "" for theme in themes]
        rows.append([speaker.id, speaker.display_name, *cells])
    return rows


def _mean(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.2f}".rstrip("0")


def csv_text(dataset: Dataset, kind: str = "positions") -> str:
    if kind not in CSV_KINDS:
        raise ValueError(f"CSV kind must be one of {', '.join(CSV_KINDS)}, not {kind!r}")
    rows = position_rows(dataset) if kind == "positions" else matrix_rows(dataset)
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def export_csv(dataset: Dataset, path: str | Path, kind: str = "positions", *, replace_read_only: bool = False) -> Path:
    """Write the CSV to ``path`` atomically; ExportFailed (nothing left behind) when it cannot be written.

    A read-only file at ``path`` is refused unless ``replace_read_only``.
    """
    path = Path(path)
    refuse_read_only(path, replace_read_only)
    text = csv_text(dataset, kind)
    try:
        write_text_atomic(path, text, encoding=ENCODING, newline="", replace_read_only=replace_read_only)
    except OSError as error:
        raise write_failure(path, error) from None
    return path
