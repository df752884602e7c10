"""The extremes of a panel's pairs: every comparable pair counted once, the lowest and highest kept, whatever the blocks."""

from __future__ import annotations

import pytest

from desktop_app.model.analysis import pairs as module
from desktop_app.model.analysis.extreme_pairs import extreme_pairs
from desktop_app.model.format.loader import load_bytes
from tests.factories import coded_panel, to_bytes

STANCES = {
    "ada": {"t1": 2, "t2": 2, "t3": 1, "t4": 2},
    "bo": {"t1": -2, "t2": -1, "t3": -2, "t4": -2},
    "cy": {"t1": 1, "t2": 2, "t3": 1},
    "di": {"t1": 0, "t2": -1, "t3": 0, "t4": 1},
    "ed": {"t1": 2, "t2": 1, "t3": 2, "t4": 2},
    "fi": {"t1": -1, "t2": 1},  # two themes only: comparable with nobody
}


@pytest.fixture(scope="module")
def analysis():
    positions = [(speaker, theme, stance, "assessment") for speaker, themes in STANCES.items() for theme, stance in themes.items()]
    return load_bytes(to_bytes(coded_panel(positions, speakers=("host",)))).analysis


def _every_comparable_pair(analysis):
    ids = analysis.matrix.speaker_ids
    pairs = []
    for row, first in enumerate(ids):
        for column in range(row + 1, len(ids)):
            pair = analysis.pair(first, ids[column])
            if pair.comparable:
                pairs.append((pair.agreement, row, column, pair.expected_by_chance))
    return pairs


def _extremes(analysis, keep):
    stances = {speaker_id: analysis.speaker_stances(speaker_id) for speaker_id in analysis.speaker_ids}
    return extreme_pairs(analysis.speaker_ids, stances, keep)


def _places(analysis, pairs):
    ids = analysis.matrix.speaker_ids
    return [(ids.index(pair.speaker_a), ids.index(pair.speaker_b)) for pair in pairs]


@pytest.mark.parametrize("block_cells", [1, 12, 1 << 18])
def test_the_extremes_are_those_of_every_comparable_pair_whatever_the_slices(analysis, monkeypatch, block_cells):
    """Streamed one row, two rows or all rows at a time, the count, chance level and extremes match asking pair by pair."""
    monkeypatch.setattr(module, "BLOCK_CELLS", block_cells)  # 6 compared speakers: blocks of 1, 2 and all 6 rows
    pairs = _every_comparable_pair(analysis)
    assert len(pairs) == 10  # five speakers sharing three or more themes; fi shares two at most
    found = _extremes(analysis, keep=3)
    assert found.comparable == len(pairs)
    assert found.chance == pytest.approx(sum(p[3] for p in pairs) / len(pairs))
    lowest = sorted((value, row, column) for value, row, column, _ in pairs)[:3]
    highest = sorted(((value, row, column) for value, row, column, _ in pairs), key=lambda p: (-p[0], p[1], p[2]))[:3]
    assert _places(analysis, found.lowest) == [(row, column) for _, row, column in lowest]
    assert _places(analysis, found.highest) == [(row, column) for _, row, column in highest]
    assert [pair.agreement for pair in found.lowest] == pytest.approx([value for value, _, _ in lowest])
    assert found.lowest[0].agreement < found.highest[0].agreement


def test_a_panel_with_no_comparable_pair_has_no_chance_level_and_no_extremes():
    """Speakers who share fewer than three themes give nothing to rank, and no chance level to quote."""
    positions = [("ada", "t1", 1, "assessment"), ("bo", "t1", -1, "assessment"), ("bo", "t2", 2, "assessment")]
    found = _extremes(load_bytes(to_bytes(coded_panel(positions, speakers=("host",)))).analysis, keep=3)
    assert (found.comparable, found.chance, found.lowest, found.highest) == (0, None, (), ())
