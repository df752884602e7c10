"""Pair agreement over shared themes, against chance for the two speakers' own stance mixes."""

import math

import pytest

from desktop_app.model.analysis.pairs import (
    MIN_SHARED_THEMES,
    agreement_matrix,
    expected_gap,
    pair_agreement,
)
from desktop_app.model.analysis.seminar_analysis import SeminarAnalysis
from desktop_app.model.format.schema import Kind, Position


def test_chance_corrected_agreement_worked_by_hand():
    """a = +2, +2, 0 and b = +2, +1, -2 on three themes: agreement 0.75, chance 7/12, corrected 0.4."""
    a = {"t1": 2, "t2": 2, "t3": 0}
    b = {"t1": 2, "t2": 1, "t3": -2}
    # gaps 0, 1, 2: mean 1, agreement 1 - 1/4 = 0.75.
    # a is +2 with share 2/3 and 0 with 1/3; b is +2, +1, -2 with 1/3 each.
    # E|A-B| = 2/3·(0 + 1 + 4)/3 + 1/3·(2 + 1 + 2)/3 = 10/9 + 5/9 = 5/3, so chance = 1 - (5/3)/4 = 7/12.
    # corrected = (3/4 - 7/12) / (1 - 7/12) = (2/12) / (5/12) = 0.4.
    pair = pair_agreement("a", "b", a, b)
    assert pair.shared_themes == 3 and pair.comparable
    assert pair.agreement == pytest.approx(0.75)
    assert pair.expected_by_chance == pytest.approx(7 / 12)
    assert pair.chance_corrected == pytest.approx(0.4)


def test_expected_gap_of_two_uniform_speakers():
    """Two speakers spread evenly over the scale differ by 1.6 steps on average: chance agreement 0.6."""
    uniform = [0.2] * 5
    assert expected_gap(uniform, uniform) == pytest.approx(1.6)


def test_fewer_than_three_shared_themes_are_not_comparable():
    """Two shared themes give a figure but not one to rank; no shared theme gives none."""
    assert MIN_SHARED_THEMES == 3
    two = pair_agreement("a", "b", {"t1": 1, "t2": 1}, {"t1": 1, "t2": 1, "t3": -1})
    assert two.shared_themes == 2 and not two.comparable and two.agreement == 1
    none = pair_agreement("a", "b", {"t1": 1}, {"t2": 1})
    assert none.agreement is None and none.expected_by_chance is None and none.chance_corrected is None
    assert not none.comparable


def test_no_correction_when_chance_alone_gives_full_agreement():
    """Two speakers always at +1 agree by necessity: the chance-corrected figure is left undefined."""
    same = {"t1": 1, "t2": 1, "t3": 1}
    pair = pair_agreement("a", "b", same, same)
    assert pair.agreement == 1 and pair.expected_by_chance == 1
    assert pair.chance_corrected is None


def test_matrix_and_pairs_share_one_formula_and_leave_out_the_silent():
    """Every cell of the matrix equals the pair worked out alone; a chair with only a summary is left out."""
    stances = {
        "chair": {},
        "a": {"t1": 2, "t2": 2, "t3": 0, "t4": -1},
        "b": {"t1": 2, "t2": 1, "t3": -2},
        "c": {"t2": -2, "t4": -1},
        "d": {"t1": 1, "t2": 1, "t3": 1},
        "e": {"t1": 1, "t2": 1, "t3": 1},
    }
    matrix = agreement_matrix(list(stances), stances)
    assert matrix.speaker_ids == ("a", "b", "c", "d", "e")
    assert "chair" not in matrix
    for first in matrix.speaker_ids:
        for second in matrix.speaker_ids:
            alone, cell = pair_agreement(first, second, stances[first], stances[second]), matrix.pair(first, second)
            assert cell.shared_themes == alone.shared_themes
            assert cell.comparable == alone.comparable == bool(matrix.comparable[matrix.index(first), matrix.index(second)])
            for name in ("agreement", "expected_by_chance", "chance_corrected"):
                mine, theirs = getattr(cell, name), getattr(alone, name)
                assert (mine is None) == (theirs is None), name
                if mine is not None:
                    assert mine == pytest.approx(theirs, abs=1e-12), name
    assert matrix.pair("d", "e").chance_corrected is None
    assert math.isnan(matrix.chance_corrected[matrix.index("d"), matrix.index("e")])


def test_seminar_pairs_count_only_the_chosen_kinds():
    """A speaker who only asked questions shares no counted theme with anyone, and is left out of the matrix."""

    def position(number: int, speaker: str, theme: str, stance: int, kind: Kind) -> Position:
        return Position(id=f"p{number}", speaker=speaker, theme=theme, stance=stance, kind=kind, summary="s", excerpt="e")

    positions = [
        position(1, "a", "t1", 1, Kind.ASSESSMENT),
        position(2, "b", "t1", -1, Kind.PREDICTION),
        position(3, "q", "t1", 0, Kind.QUESTION),
    ]
    analysis = SeminarAnalysis(positions, ["t1"], ["a", "b", "q"])
    assert analysis.compared_speakers == ("a", "b")
    assert analysis.matrix.speaker_ids == ("a", "b")
    assert analysis.pair("a", "q").shared_themes == 0
    backward = analysis.pair("b", "a")
    assert (backward.speaker_a, backward.speaker_b, backward.agreement) == ("b", "a", 0.5)
