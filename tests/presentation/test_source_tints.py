"""On a dark page every speaker's excerpts stay visible, dimmed or not, and the page's text on them reads at 4.5:1."""

from __future__ import annotations

import pytest

from desktop_app.presentation.colours import speaker_hex
from desktop_app.presentation.contrast import contrast_ratio
from desktop_app.presentation.source_tints import dark_tints

DARK_PAGE, DARK_TEXT = "#1f1f1f", "#e8e8e8"


@pytest.mark.parametrize("rank", range(14))
def test_dark_tints_are_readable_and_the_dimmed_ones_still_show(rank):
    """For the first 14 speaker colours: text on every tint at 4.5:1 or more, and even a dimmed tint stands 1.5:1 off the page."""
    plain, emphasised, dimmed = dark_tints(speaker_hex(rank), DARK_PAGE, DARK_TEXT)
    for tint in (plain, emphasised, dimmed):
        assert contrast_ratio(DARK_TEXT, tint) >= 4.5, (rank, tint)
    assert contrast_ratio(dimmed, DARK_PAGE) >= 1.5, (rank, dimmed)
    assert contrast_ratio(emphasised, DARK_PAGE) > contrast_ratio(plain, DARK_PAGE) > contrast_ratio(dimmed, DARK_PAGE)
