"""Krippendorff's alpha against his published examples, and the properties any alpha must have."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.model.analysis.reliability.alpha import LEVELS, Level, alpha, bootstrap_interval, coincidences

N = None
KRIPPENDORFF_2011 = [  # units × observers A-D, from "Computing Krippendorff's Alpha-Reliability" (2011), section C
    [1, 1, N, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [N, 5, 5, 5], [N, N, 1, 1], [N, 3, N, N],
]
BINARY_CODER_A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
BINARY_CODER_B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]


def test_the_published_four_observer_example_gives_its_three_values():
    """Four observers on twelve units with missing values give .743 nominal, .815 ordinal and .849 interval."""
    assert round(alpha(KRIPPENDORFF_2011, Level.NOMINAL), 3) == 0.743
    assert round(alpha(KRIPPENDORFF_2011, Level.ORDINAL), 3) == 0.815
    assert round(alpha(KRIPPENDORFF_2011, Level.INTERVAL), 3) == 0.849


def test_the_published_example_counts_its_pairable_units_and_values():
    """The unit coded by one observer only is left out: 11 units and 40 pairable values remain."""
    found = coincidences(KRIPPENDORFF_2011)
    assert found.units == 11
    assert found.pairable_values == 40


def test_the_two_coder_binary_example_gives_095():
    """Two coders on ten binary units give alpha .095."""
    assert round(alpha(list(zip(BINARY_CODER_A, BINARY_CODER_B, strict=True))), 3) == 0.095


def test_identical_coders_agree_perfectly_at_every_level():
    """Two coders who gave the same varied values have alpha 1."""
    table = [[value, value] for value in (1, 2, 3, 5, 2, 1)]
    for level in LEVELS:
        assert alpha(table, level) == 1


def test_no_variation_leaves_alpha_undefined():
    """When everybody gave the same value everywhere, alpha says nothing and is none."""
    assert alpha([[2, 2], [2, 2, 2]], Level.ORDINAL) is None
    assert alpha([[1, None], [None, 2]]) is None


def test_the_interval_is_seedable_and_holds_alpha():
    """The same seed gives the same interval, which brackets the published alpha."""
    first = bootstrap_interval(KRIPPENDORFF_2011, Level.ORDINAL, seed=7)
    again = bootstrap_interval(KRIPPENDORFF_2011, Level.ORDINAL, seed=7)
    other = bootstrap_interval(KRIPPENDORFF_2011, Level.ORDINAL, seed=8)
    assert first == again
    assert first != other
    assert first is not None and first[0] < 0.815 < first[1] <= 1


def test_the_interval_of_perfect_agreement_is_one():
    """Coders who always agree get the interval 1 to 1 (any draw with variation agrees perfectly)."""
    assert bootstrap_interval([[v, v] for v in (1, 2, 3, 4, 1, 2)], Level.INTERVAL) == (1.0, 1.0)


tables = st.lists(
    st.lists(st.one_of(st.none(), st.integers(-2, 2)), min_size=3, max_size=3), min_size=2, max_size=12
)


@settings(max_examples=60, deadline=None)
@given(tables, st.randoms(use_true_random=False))
def test_alpha_does_not_depend_on_the_order_of_coders_or_units(table, shuffler: random.Random):
    """Reordering the units, or the coders within every unit, leaves alpha as it was."""
    units = list(table)
    shuffler.shuffle(units)
    order = [0, 1, 2]
    shuffler.shuffle(order)
    reordered = [[unit[column] for column in order] for unit in units]
    for level in LEVELS:
        before, after = alpha(table, level), alpha(reordered, level)
        assert (before is None) == (after is None)
        if before is not None and after is not None:
            assert abs(before - after) < 1e-9


@settings(max_examples=40, deadline=None)
@given(tables)
def test_alpha_never_exceeds_one(table):
    """However the coders answered, alpha is at most 1."""
    for level in LEVELS:
        value = alpha(table, level)
        assert value is None or value <= 1 + 1e-9
