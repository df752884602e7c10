"""Initials on the chart's blocks read at WCAG AA (4.5:1) on every block colour, firm or tentative, light and dark."""

from __future__ import annotations

import pytest

from desktop_app.presentation.block_ink import block_fill_hex, initials_ink
from desktop_app.presentation.chart_layout import BANDS
from desktop_app.presentation.colours import DARK_TEXT, LIGHT_TEXT, PAPER
from desktop_app.presentation.contrast import CAPTION_CONTRAST, contrast_ratio

DARK_BASE = "#1f1f1f"
"""The dark palette's base colour, on which the window's chart is drawn (ui/appearance.py)."""


@pytest.mark.parametrize("background", [PAPER, DARK_BASE], ids=["light", "dark"])
@pytest.mark.parametrize("tentative", [False, True], ids=["firm", "tentative"])
@pytest.mark.parametrize("band", BANDS)
def test_initials_reach_aa_contrast_on_every_block_fill(band, tentative, background):
    """The ink chosen for a block's initials contrasts at least 4.5:1 with the fill it stands on."""
    fill = block_fill_hex(band, tentative, background)
    ink = initials_ink(band, tentative, background)
    assert contrast_ratio(ink, fill) >= CAPTION_CONTRAST, (band, tentative, background, fill, ink)


def test_a_tentative_dark_block_on_paper_takes_dark_ink_and_on_a_dark_base_white():
    """The strong positive stance is dark blue, but faded on paper it is light: dark ink there, white when faded into a dark base."""
    assert initials_ink(2, False, PAPER) == LIGHT_TEXT
    assert initials_ink(2, True, PAPER) == DARK_TEXT
    assert initials_ink(-1, False, DARK_BASE) == DARK_TEXT
    assert initials_ink(-1, True, DARK_BASE) == LIGHT_TEXT


def test_a_tentative_fill_lies_between_the_stance_colour_and_the_background():
    """The fill the ink is picked for is the faded one, not the stance's full colour."""
    assert block_fill_hex(2, False, PAPER) == "#1d5a96"
    assert block_fill_hex(2, True, PAPER) not in ("#1d5a96", PAPER)
