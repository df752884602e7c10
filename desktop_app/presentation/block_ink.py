"""The ink of a chart block's initials, picked by contrast on the block's actual fill: pure Python.

A firm block is its stance's colour; a tentative block is that colour faded
into the background (:data:`TENTATIVE_FILL`), light on paper and dark in the
dark palette.  The hatching is kept off the initials (the painter leaves
their box clear), so the faded fill is all the initials stand on, and the
ink, dark or white, is whichever contrasts more with it.
"""

from __future__ import annotations

from .colours import DARK_TEXT, LIGHT_TEXT, stance_hex
from .contrast import contrast_ratio, mix

TENTATIVE_FILL = 0.42
"""Strength of a tentative row's block colour under its hatching (its opacity on screen)."""
INKS = (DARK_TEXT, LIGHT_TEXT)


def block_fill_hex(band: int, tentative: bool, background: str) -> str:
    """The colour a block shows under its initials: its stance's, faded into ``background`` when tentative."""
    colour = stance_hex(band)
    return mix(background, colour, TENTATIVE_FILL) if tentative else colour


def initials_ink(band: int, tentative: bool, background: str) -> str:
    """Dark or white ink for a block's initials, whichever contrasts more with the block's fill."""
    fill = block_fill_hex(band, tentative, background)
    return max(INKS, key=lambda ink: contrast_ratio(ink, fill))
