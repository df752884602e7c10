"""The CSV exports read back with the csv module: every position, or the speaker × theme matrix."""

import csv

import pytest

from desktop_app.report.csv_export import ENCODING, POSITION_COLUMNS, export_csv

from .conftest import MARKUP_NAME, MARKUP_THEME


def read_rows(path) -> list[list[str]]:
    with open(path, newline="", encoding=ENCODING) as stream:
        return list(csv.reader(stream))


def test_positions_round_trip(panel_dataset, tmp_path):
    """Every position comes back with its speaker, theme, stance, kind, summary and excerpt exactly."""
    out = export_csv(panel_dataset, tmp_path / "positions.csv")
    with open(out, newline="", encoding=ENCODING) as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0].keys()) == POSITION_COLUMNS
    assert len(rows) == len(panel_dataset.positions)
    by_id = {row["position_id"]: row for row in rows}
    for position in panel_dataset.positions:
        row = by_id[position.id]
        assert row["speaker_id"] == position.speaker
        assert row["speaker"] == panel_dataset.speaker(position.speaker).display_name
        assert row["theme_id"] == position.theme
        assert row["theme"] == panel_dataset.theme(position.theme).label
        assert int(row["stance"]) == position.stance
        assert row["kind"] == position.kind.value
        assert row["summary"] == position.summary
        assert row["excerpt"] == position.excerpt


def test_positions_come_in_speaking_order(panel_dataset, tmp_path):
    """Rows follow the speaking order, so the file reads like the seminar."""
    rows = read_rows(export_csv(panel_dataset, tmp_path / "p.csv"))[1:]
    ranks = [panel_dataset.speaker_rank(row[1]) for row in rows]
    assert ranks == sorted(ranks)


def test_markup_commas_quotes_and_line_breaks_survive(markup_dataset, tmp_path):
    """Names with markup and summaries with commas, quotes and new lines are written literally and read back whole."""
    rows = read_rows(export_csv(markup_dataset, tmp_path / "markup.csv"))
    names = {row[2] for row in rows[1:]}
    themes = {row[4] for row in rows[1:]}
    assert MARKUP_NAME in names
    assert MARKUP_THEME in themes
    summaries = {row[8] for row in rows[1:]}
    assert 'Says "delay", then <br> costs, rising; a summary with, commas\nand a new line.' in summaries


def test_matrix_has_a_row_per_speaker_and_a_column_per_theme(panel_dataset, tmp_path):
    """The matrix lists each speaker's mean stance per theme, blank where they were silent."""
    rows = read_rows(export_csv(panel_dataset, tmp_path / "matrix.csv", "matrix"))
    header, body = rows[0], rows[1:]
    assert header == ["speaker_id", "speaker", *(theme.label for theme in panel_dataset.themes)]
    assert [row[0] for row in body] == [speaker.id for speaker in panel_dataset.speakers]
    for row in body:
        stances = panel_dataset.analysis.speaker_stances(row[0])
        for theme, cell in zip(panel_dataset.themes, row[2:]):
            if theme.id in stances:
                assert float(cell) == pytest.approx(stances[theme.id], abs=0.005)
            else:
                assert cell == ""
    chair = body[0]
    assert chair[0] == "host" and set(chair[2:]) == {""}


def test_csv_starts_with_a_byte_order_mark(panel_dataset, tmp_path):
    """Spreadsheet programs recognise the file as UTF-8 by its byte-order mark."""
    out = export_csv(panel_dataset, tmp_path / "p.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfposition_id,")


def test_unknown_kind_is_refused(panel_dataset, tmp_path):
    """Asking for a CSV kind that does not exist is an error, and nothing is written."""
    with pytest.raises(ValueError):
        export_csv(panel_dataset, tmp_path / "x.csv", "pie-chart")
    assert not (tmp_path / "x.csv").exists()
