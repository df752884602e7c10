"""A dataset's twin counting other kinds: what the brief reads so that its figures follow the user's Counted Kinds."""

from desktop_app.model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Kind
from tests.factories import to_bytes, transport_panel


def test_counting_the_default_kinds_is_the_dataset_itself():
    """Asking for the default kinds gives back the very same dataset, with its own analysis."""
    dataset = load_bytes(to_bytes(transport_panel()))
    assert dataset.counting(COUNTED_KINDS_DEFAULT) is dataset


def test_counting_other_kinds_gives_a_twin_whose_analysis_counts_them():
    """Counting history too, the twin's analysis is the dataset's for those kinds; lookups and the default analysis stay shared."""
    dataset = load_bytes(to_bytes(transport_panel()))
    default = dataset.analysis
    kinds = {Kind.ASSESSMENT, Kind.HISTORY}
    twin = dataset.counting(kinds)
    assert twin is not dataset and twin.model is dataset.model
    assert twin.analysis is dataset.analysis_for(kinds)
    assert twin.analysis.counted_kinds == frozenset(kinds)
    assert twin.analysis.themes["history"].n == 1 and default.themes["history"].n == 0
    assert dataset.analysis is default  # the dataset itself still counts the default kinds
    assert twin.positions_of("moreau") == dataset.positions_of("moreau")
    assert twin.analysis_for(COUNTED_KINDS_DEFAULT) is default
