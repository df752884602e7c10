"""The CSV exports read back with the csv module: positions, the speaker × theme matrix, themes and pairs."""

import csv

import pytest

from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Kind
from desktop_app.report.csv_export import ENCODING, PAIR_COLUMNS, POSITION_COLUMNS, THEME_COLUMNS, export_csv
from tests.factories import coded_panel, debate_with_turns, to_bytes

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
        assert row["note"] == position.note


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
    """The matrix lists each speaker's median stance per theme, blank where they were silent."""
    rows = read_rows(export_csv(panel_dataset, tmp_path / "matrix.csv", "matrix"))
    header, body = rows[0], rows[1:]
    assert header == ["speaker_id", "speaker", *(theme.label for theme in panel_dataset.themes)]
    assert [row[0] for row in body] == [speaker.id for speaker in panel_dataset.speakers]
    for row in body:
        stances = panel_dataset.analysis.speaker_stances(row[0])
        for theme, cell in zip(panel_dataset.themes, row[2:], strict=True):
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


def read_dicts(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding=ENCODING) as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def coded_dataset():
    """Three themes: a fragile consensus, two voices only, and one nobody addressed with a counted kind."""
    positions = [
        ("a", "fragile", 1, "assessment"), ("b", "fragile", 1, "prediction"), ("c", "fragile", 2, "prescription"),
        ("a", "pair", 1, "assessment"), ("b", "pair", -1, "assessment"),
        ("c", "past", -2, "history"),
        ("a", "more", 2, "assessment"), ("b", "more", 1, "assessment"), ("c", "more", -1, "assessment"),
    ]
    return load_bytes(to_bytes(coded_panel(positions, speakers=("chair",))))


def test_themes_csv_carries_the_evidence_behind_each_verdict(coded_dataset, tmp_path):
    """One row per theme: n, counts per stance, median, consensus, verdict, robust, what flips it, kinds counted."""
    rows = read_dicts(export_csv(coded_dataset, tmp_path / "themes.csv", "themes"))
    assert tuple(rows[0]) == THEME_COLUMNS
    by_theme = {row["theme_id"]: row for row in rows}
    fragile = by_theme["fragile"]
    assert (fragile["n"], fragile["count_+1"], fragile["count_+2"], fragile["count_0"]) == ("3", "2", "1", "0")
    # mean 4/3: 1 + ⅔·log2(11/12) + ⅓·log2(5/6) = 1 - ⅔·0.12553 - ⅓·0.26303 = 0.82863
    assert (fragile["median"], fragile["consensus"]) == ("1", "0.829")
    assert fragile["verdict"] == "consensus: convergence"
    assert fragile["robust"] == "false"
    assert fragile["flips"] == (
        "too few voices for a verdict if any one of Speaker A or Speaker B is dropped; "
        "too few voices for a verdict if Speaker C is dropped"
    )
    assert (by_theme["pair"]["verdict"], by_theme["pair"]["robust"], by_theme["pair"]["flips"]) == ("too few voices", "", "")
    assert by_theme["past"]["n"] == "0" and by_theme["past"]["verdict"] == "not addressed"
    assert by_theme["pair"]["median"] == "0"
    assert {row["counted_kinds"] for row in rows} == {"assessment;prediction;prescription"}


def test_themes_csv_follows_the_counted_kinds(coded_dataset, tmp_path):
    """Counting history brings the account of the past into its theme, and the rows say so."""
    kinds = {Kind.ASSESSMENT, Kind.HISTORY}
    rows = read_dicts(export_csv(coded_dataset, tmp_path / "themes.csv", "themes", kinds))
    by_theme = {row["theme_id"]: row for row in rows}
    assert by_theme["past"]["n"] == "1" and by_theme["past"]["count_-2"] == "1"
    assert by_theme["fragile"]["n"] == "1"
    assert by_theme["past"]["counted_kinds"] == "assessment;history"


def test_pairs_csv_gives_agreement_against_chance_and_leaves_out_the_chair(coded_dataset, tmp_path):
    """One row per pair of speakers with a counted position: k, agreement, chance level, corrected, comparable."""
    rows = read_dicts(export_csv(coded_dataset, tmp_path / "pairs.csv", "pairs"))
    assert tuple(rows[0]) == PAIR_COLUMNS
    assert [(row["speaker_a_id"], row["speaker_b_id"]) for row in rows] == [("a", "b"), ("a", "c"), ("b", "c")]
    a_b = rows[0]
    # shared: fragile (1, 1), pair (1, -1), more (2, 1): gaps 0, 2, 1, agreement 1 - 1/4 = 0.75.
    # a is +1 on two themes, +2 on one; b is +1 twice and -1 once.
    # E|A-B| = ⅔·(⅔·0 + ⅓·2) + ⅓·(⅔·1 + ⅓·3) = 4/9 + 5/9 = 1, so chance 0.75 and the corrected figure 0.
    assert (a_b["shared_themes"], a_b["agreement"], a_b["expected_by_chance"], a_b["chance_corrected"]) == (
        "3", "0.75", "0.75", "0"
    )
    assert a_b["comparable"] == "true"
    assert rows[1]["shared_themes"] == "2" and rows[1]["comparable"] == "false"
    assert {row["counted_kinds"] for row in rows} == {"assessment;prediction;prescription"}


def test_positions_carry_the_time_of_their_transcript_turn(tmp_path):
    """A position coded in a timed transcript turn has its time in the 'time' column; one outside every turn is blank."""
    path = tmp_path / "positions.csv"
    export_csv(load_bytes(to_bytes(debate_with_turns()), "debate.seminar.json"), path, "positions")
    with open(path, newline="", encoding=ENCODING) as stream:
        rows = {row["position_id"]: row["time"] for row in csv.DictReader(stream)}
    assert rows == {"obi-emissions": "0:01:05", "obi-enforcement": "", "roe-costs": "1:02:03"}


def test_a_position_awaiting_a_stance_has_no_figure_in_the_positions_csv(tmp_path):
    """Its stance cell is empty and its label says it awaits one; the rated rows keep their figures."""
    from desktop_app.presentation.awaiting import AWAITING_WORDS
    from tests.model.test_awaiting_stance import awaiting_debate

    out = export_csv(awaiting_debate("roe-costs"), tmp_path / "positions.csv")
    with open(out, newline="", encoding=ENCODING) as stream:
        rows = {row["position_id"]: row for row in csv.DictReader(stream)}
    assert (rows["roe-costs"]["stance"], rows["roe-costs"]["stance_label"]) == ("", AWAITING_WORDS)
    assert rows["obi-emissions"]["stance"] == "2"
