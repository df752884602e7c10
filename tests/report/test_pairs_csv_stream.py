"""The pairs CSV, written row by row from the streamed pairs, says what the matrix it used to be built from said."""

from __future__ import annotations

import csv
import tracemalloc

import pytest

from desktop_app.model.analysis import pairs
from desktop_app.model.format.loader import load_bytes
from desktop_app.report import csv_export
from desktop_app.report.csv_export import ENCODING, PAIR_COLUMNS, export_csv, pair_rows
from tests.factories import coded_panel, panel, to_bytes
from tests.synthetic.generator import generate_text


def rows_from_the_matrix(dataset) -> list[list[str]]:
    """The pairs CSV's rows as they were made before streaming: from every cell of the dense agreement matrix."""
    analysis = dataset.analysis
    matrix = analysis.matrix
    ids = matrix.speaker_ids
    rows = [list(PAIR_COLUMNS)]
    for row, first in enumerate(ids):
        for column in range(row + 1, len(ids)):
            pair = matrix.pair(first, ids[column])
            rows.append(
                [
                    first,
                    dataset.speaker(first).display_name,
                    ids[column],
                    dataset.speaker(ids[column]).display_name,
                    str(pair.shared_themes),
                    csv_export._figure(pair.agreement),
                    csv_export._figure(pair.expected_by_chance),
                    csv_export._figure(pair.chance_corrected),
                    str(pair.comparable).lower(),
                    analysis.counted_kinds_text,
                ]
            )
    return rows


@pytest.mark.parametrize(
    "make",
    [
        panel,
        lambda: coded_panel([("a", "t", 1, "assessment"), ("b", "t", -1, "assessment"), ("b", "u", 2, "prediction")]),
        lambda: generate_text(speakers=60, themes=12, positions=700, seed=5),
    ],
    ids=["panel", "three-pair", "synthetic-60"],
)
def test_streamed_pairs_csv_equals_the_matrix_rows(make, tmp_path):
    """Every row of the written pairs CSV equals the row the whole matrix gave, figure for figure."""
    made = make()
    dataset = load_bytes(made.encode("utf-8") if isinstance(made, str) else to_bytes(made))
    expected = rows_from_the_matrix(dataset)
    assert list(pair_rows(dataset)) == expected
    path = export_csv(dataset, tmp_path / "pairs.csv", "pairs")
    with open(path, newline="", encoding=ENCODING) as stream:
        assert list(csv.reader(stream)) == expected


def test_pairs_csv_memory_stays_below_the_matrix(tmp_path, monkeypatch):
    """Writing the pairs of 400 speakers, a few rows a step, holds less than one n × n array of floats (the matrix held four)."""
    monkeypatch.setattr(pairs, "BLOCK_CELLS", 1 << 12)  # the 2 MiB step of the app would cover all 400 rows at once
    dataset = load_bytes(generate_text(speakers=400, themes=20, positions=4_000, seed=3).encode("utf-8"))
    dataset.analysis  # noqa: B018 (worked out before measuring, as in the open window)
    count = len(dataset.analysis.compared_speakers)
    tracemalloc.start()
    try:
        export_csv(dataset, tmp_path / "pairs.csv", "pairs")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "matrix" not in dataset.analysis.__dict__
    assert peak < count * count * 8
