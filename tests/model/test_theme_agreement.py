"""The fast form of theme agreement gives what the definition gives."""

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.model.analysis import STANCE_RANGE, theme_metrics

# Mean stances as they arise: a speaker's positions on a theme averaged (1 to 4 of them).
MEAN_STANCES = st.lists(st.integers(-2, 2), min_size=1, max_size=4).map(lambda xs: sum(xs) / len(xs))


@given(st.lists(MEAN_STANCES, min_size=2, max_size=60))
def test_theme_agreement_is_the_mean_gap_over_every_pair(stances):
    """However many speakers and however their means fall, agreement is 1 - mean |s_i - s_j| / 4 over all pairs."""
    metrics = theme_metrics("t", {f"s{i}": s for i, s in enumerate(stances)})
    gaps = [abs(a - b) for a, b in combinations(stances, 2)]
    assert metrics.agreement == pytest.approx(1 - sum(gaps) / len(gaps) / STANCE_RANGE, abs=1e-12)


def test_a_panel_that_agrees_completely_has_agreement_exactly_one():
    """Thirty speakers all at +1/3 on a theme agree exactly, with no rounding left over."""
    assert theme_metrics("t", {f"s{i}": 1 / 3 for i in range(30)}).agreement == 1
