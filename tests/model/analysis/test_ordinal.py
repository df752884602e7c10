"""Ordinal statistics: medians, Tastle & Wierman's consensus, and how figures are shown."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.model.analysis.ordinal import (
    consensus,
    format_measure,
    median,
    median_of_counts,
    median_stance,
    spans_both_poles,
    stance_counts,
)


def shares(*counts: int) -> dict[int, int]:
    """Counts for stances -2, -1, 0, +1, +2 in that order."""
    return dict(zip((-2, -1, 0, 1, 2), counts, strict=True))


def test_everyone_on_one_stance_is_full_consensus():
    """Tastle & Wierman: a 5-point scale with every answer on one value has consensus 1."""
    assert consensus(shares(0, 0, 7, 0, 0)) == 1
    assert consensus(shares(0, 0, 0, 0, 3)) == 1


def test_an_even_split_between_the_extremes_is_no_consensus():
    """Tastle & Wierman: half at each extreme gives 0 (mean 0, each |X - μ|/4 = 1/2, log2 = -1)."""
    assert consensus(shares(5, 0, 0, 0, 5)) == 0


def test_uniform_answers_worked_by_hand():
    """A fifth on each stance: 1 + (2·log2(1/2) + 2·log2(3/4)) / 5 = 0.43399 (Tastle & Wierman's uniform case, ≈ 0.43)."""
    # mean 0; |X - μ|/4 = 1/2, 1/4, 0, 1/4, 1/2; log2: -1, -0.41504, 0, -0.41504, -1; sum -2.83007; /5 = -0.56601
    assert consensus(shares(1, 1, 1, 1, 1)) == pytest.approx(0.43399, abs=1e-5)


def test_neighbouring_stances_worked_by_hand():
    """Half at 0 and half at +1: mean 0.5, each 1/8 away, so 1 + log2(7/8) = 0.80735."""
    assert consensus(shares(0, 0, 4, 4, 0)) == pytest.approx(1 + math.log2(7 / 8), abs=1e-12)
    assert consensus(shares(0, 0, 4, 4, 0)) == pytest.approx(0.80735, abs=1e-5)


def test_a_lopsided_split_worked_by_hand():
    """Three at +2 and one at -2: mean +1; gaps/4 are 1/4 and 3/4, so 1 + ¾·log2(¾) + ¼·log2(¼) = 0.18872."""
    assert consensus(shares(1, 0, 0, 0, 3)) == pytest.approx(1 + 0.75 * math.log2(0.75) + 0.25 * math.log2(0.25), abs=1e-12)
    assert consensus(shares(1, 0, 0, 0, 3)) == pytest.approx(0.18872, abs=1e-5)


def test_nobody_has_no_consensus():
    """With no voices there is no consensus to state."""
    assert consensus(shares(0, 0, 0, 0, 0)) is None


@given(st.lists(st.integers(0, 50), min_size=5, max_size=5).filter(any))
def test_consensus_stays_between_zero_and_one(counts):
    """However the voices fall, consensus is between 0 and 1."""
    value = consensus(shares(*counts))
    assert value is not None and 0 <= value <= 1


def test_medians():
    """The middle value; for an even count the middle two's mean; a speaker's stance rounds that toward 0."""
    assert median([2, -1, 0]) == 0
    assert median([2, 1]) == 1.5
    assert median_stance([2, 1]) == 1
    assert median_stance([-2, -1]) == -1
    assert median_stance([1, 0]) == 0
    assert median_stance([-1, 0]) == 0
    assert median_stance([-1, 1]) == 0
    with pytest.raises(ValueError):
        median([])


@given(st.lists(st.integers(-2, 2), min_size=1, max_size=40))
def test_median_from_counts_is_the_median(stances):
    """Working the median out from the counts per stance gives the median of the list."""
    assert median_of_counts(stance_counts(stances)) == median(stances)


def test_divided_means_both_poles():
    """+1 and -1 span both poles; 0 and +2 do not."""
    assert spans_both_poles([1, -1])
    assert spans_both_poles([-2, 0, 1])
    assert not spans_both_poles([0, 2])
    assert not spans_both_poles([])


def test_figures_show_one_decimal_at_most():
    """0.4339 shows as 0.4, 1.0 as 1, -0.25 with a true minus, nothing as an en dash."""
    assert format_measure(0.43399) == "0.4"
    assert format_measure(1.0) == "1"
    assert format_measure(-0.26) == "\u22120.3"
    assert format_measure(-0.01) == "0"
    assert format_measure(None) == "\u2013"
    assert format_measure(float("nan")) == "\u2013"
