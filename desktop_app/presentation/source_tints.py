"""The Source tab's highlight colours on a dark page, worked out by contrast: pure Python.

A speaker's colour laid thinly over a dark page barely changes it (a deep
indigo over near-black stays near-black), so the other speakers' excerpts
vanished while one speaker was emphasised.  On a dark page each speaker's
colour is lightened first, then laid on as strongly as the page's text still
allows at 4.5:1 (the emphasised excerpts), a little less (no one emphasised)
and about half as strongly (the others, dimmed, but still to be seen).
"""

from __future__ import annotations

from .contrast import CAPTION_CONTRAST, contrast_ratio, mix

LIGHTEN = 0.35
"""How far a speaker's colour moves toward white before it tints a dark page."""
PLAIN_SHARE = 0.8
"""A highlight with no one emphasised, as a share of the strongest tint the text allows."""
DIMMED_SHARE = 0.6
"""Another speaker's highlight while one is emphasised, as a share of the strongest tint."""
STRONGEST = 0.9


def strongest_tint(colour: str, page: str, text: str) -> float:
    """How much of ``colour`` may lie over ``page`` with ``text`` on it still at 4.5:1 (0.05 to 0.9)."""
    share = STRONGEST
    while share > 0.05 and contrast_ratio(text, mix(page, colour, share)) < CAPTION_CONTRAST:
        share -= 0.01
    return share


def dark_tints(speaker: str, page: str, text: str) -> tuple[str, str, str]:
    """Opaque (plain, emphasised, dimmed) backgrounds for a speaker's excerpts on a dark ``page`` under ``text``."""
    colour = mix(speaker, "#ffffff", LIGHTEN)
    share = strongest_tint(colour, page, text)
    return mix(page, colour, share * PLAIN_SHARE), mix(page, colour, share), mix(page, colour, share * DIMMED_SHARE)
