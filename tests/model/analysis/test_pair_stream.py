"""Pairs streamed a speaker at a time give the figures of the whole matrix, and the brief's extremes of a full scan."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.model.analysis import pairs as pairs_module
from desktop_app.model.analysis.extreme_pairs import extreme_pairs
from desktop_app.model.analysis.pairs import MIN_SHARED_THEMES, agreement_matrix, pairs_by_row
from desktop_app.model.format.loader import load_bytes
from tests.factories import coded_panel, panel, to_bytes
from tests.synthetic.generator import generate_text

SPEAKERS = [f"s{index}" for index in range(9)]
THEMES = [f"t{index}" for index in range(6)]
stance_tables = st.dictionaries(
    st.sampled_from(SPEAKERS), st.dictionaries(st.sampled_from(THEMES), st.integers(-2, 2), max_size=len(THEMES)), max_size=len(SPEAKERS)
)


def assert_rows_match_matrix(speaker_ids, stances) -> None:
    """Each streamed row equals the upper triangle of that row of :func:`agreement_matrix`."""
    matrix = agreement_matrix(speaker_ids, stances)
    rows = list(pairs_by_row(speaker_ids, stances))
    count = len(matrix.speaker_ids)
    assert [row.row for row in rows] == list(range(count))
    for row in rows:
        index = row.row
        assert np.array_equal(row.shared_themes, matrix.shared_themes[index, index + 1 :])
        # The same sums of whole numbers divided alike: the agreement is the very same float.
        assert np.array_equal(row.agreement, matrix.agreement[index, index + 1 :], equal_nan=True)
        assert np.allclose(row.expected, matrix.expected[index, index + 1 :], rtol=0, atol=1e-12, equal_nan=True)
        assert np.allclose(row.chance_corrected, matrix.chance_corrected[index, index + 1 :], rtol=0, atol=1e-9, equal_nan=True)
        for offset in range(count - index - 1):
            streamed, cell = row.pair(matrix.speaker_ids, offset), matrix.pair(matrix.speaker_ids[index], matrix.speaker_ids[index + 1 + offset])
            assert (streamed.speaker_a, streamed.speaker_b, streamed.shared_themes) == (cell.speaker_a, cell.speaker_b, cell.shared_themes)
            assert streamed.agreement == cell.agreement
            assert (streamed.chance_corrected is None) == (cell.chance_corrected is None)


def full_scan(speaker_ids, stances, keep):
    """The extremes as a scan of the whole matrix finds them: every comparable pair ranked by (agreement, row, column)."""
    matrix = agreement_matrix(speaker_ids, stances)
    ids = matrix.speaker_ids
    found = [
        (float(matrix.agreement[row, column]), row, column)
        for row in range(len(ids))
        for column in range(row + 1, len(ids))
        if matrix.shared_themes[row, column] >= MIN_SHARED_THEMES
    ]
    lowest = [(ids[row], ids[column]) for _, row, column in sorted(found)[:keep]]
    highest = [(ids[row], ids[column]) for _, row, column in sorted(found, key=lambda item: (-item[0], item[1], item[2]))[:keep]]
    chance = [float(matrix.expected[row, column]) for _, row, column in found]
    return len(found), (sum(chance) / len(chance) if chance else None), lowest, highest


def assert_extremes_match_full_scan(speaker_ids, stances, keep) -> None:
    streamed = extreme_pairs(speaker_ids, stances, keep)
    comparable, chance, lowest, highest = full_scan(speaker_ids, stances, keep)
    assert streamed.comparable == comparable
    assert [(pair.speaker_a, pair.speaker_b) for pair in streamed.lowest] == lowest
    assert [(pair.speaker_a, pair.speaker_b) for pair in streamed.highest] == highest
    assert all(pair.comparable for pair in streamed.lowest + streamed.highest)
    if chance is None:
        assert streamed.chance is None
    else:
        assert streamed.chance == pytest.approx(chance, abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(stance_tables, st.integers(1, 6))
def test_streamed_pairs_and_extremes_equal_the_matrix_for_any_small_panel(stances, keep):
    """For any stances of up to 9 speakers on 6 themes, rows and extremes match the dense matrix and a full scan."""
    assert_rows_match_matrix(SPEAKERS, stances)
    assert_extremes_match_full_scan(SPEAKERS, stances, keep)


@pytest.mark.parametrize("blocks", [1, 7, 1 << 18])
@pytest.mark.parametrize("chunk", [1, 420, 1 << 21])
def test_blocks_and_chunks_of_any_size_give_the_same_pairs(monkeypatch, blocks, chunk):
    """On a 60-speaker panel, splitting rows into blocks and columns into chunks of any size changes no figure."""
    dataset = load_bytes(generate_text(speakers=60, themes=12, positions=700, seed=5).encode("utf-8"))
    analysis = dataset.analysis
    stances = {speaker_id: analysis.speaker_stances(speaker_id) for speaker_id in analysis.speaker_ids}
    monkeypatch.setattr(pairs_module, "BLOCK_CELLS", blocks)
    monkeypatch.setattr(pairs_module, "CHUNK_CELLS", chunk)
    assert_rows_match_matrix(analysis.speaker_ids, stances)
    assert_extremes_match_full_scan(analysis.speaker_ids, stances, 10)


@pytest.mark.parametrize("make", [panel, lambda: coded_panel([("a", "t1", 1, "assessment"), ("b", "t1", 1, "assessment")])])
def test_factory_panels_stream_what_the_matrix_holds(make):
    """The factory panels (a chair with no position, two speakers sharing no theme) stream the matrix's figures."""
    analysis = load_bytes(to_bytes(make())).analysis
    stances = {speaker_id: analysis.speaker_stances(speaker_id) for speaker_id in analysis.speaker_ids}
    assert_rows_match_matrix(analysis.speaker_ids, stances)
    assert_extremes_match_full_scan(analysis.speaker_ids, stances, 3)
    assert [row.row for row in analysis.pairs_by_row()] == list(range(len(analysis.compared_speakers)))


def test_nobody_to_compare_gives_empty_pairs():
    """With no counted stance at all, the matrix is empty, no row is streamed, and the extremes have no chance level."""
    matrix = agreement_matrix(["chair", "ann"], {"chair": {}, "ann": {}})
    assert matrix.speaker_ids == () and matrix.agreement.shape == (0, 0) and matrix.shared_themes.shape == (0, 0)
    assert list(pairs_by_row(["chair", "ann"], {})) == []
    extremes = extreme_pairs(["chair", "ann"], {}, 10)
    assert (extremes.comparable, extremes.chance, extremes.lowest, extremes.highest) == (0, None, (), ())


def test_one_speaker_has_a_row_with_no_pairs():
    """A lone speaker with a stance gets one row of no pairs; the matrix is their 1 × 1 self-pair."""
    (row,) = pairs_by_row(["ann"], {"ann": {"t1": 1}})
    assert len(row.shared_themes) == 0
    matrix = agreement_matrix(["ann"], {"ann": {"t1": 1}})
    assert matrix.shared_themes.shape == (1, 1) and not math.isnan(matrix.agreement[0, 0])
