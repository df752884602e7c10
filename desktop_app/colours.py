"""The application's colours as plain hex strings, shared by widgets, rich text and the PDF.

Stances run orange (negative pole) through grey (neutral) to blue (positive
pole): a pair that stays distinct for the common forms of colour blindness
and keeps its contrast on both light and dark backgrounds.  Speakers take the
nine colours of a colour-blind-safe qualitative scheme, then evenly spread
hues for large panels.
"""

from __future__ import annotations

import colorsys

STANCE_HEX: dict[int, str] = {
    -2: "#b9531c",  # strong negative: burnt orange
    -1: "#f2a261",  # negative: light orange
    0: "#a9a9a9",  # neutral: mid grey
    1: "#6fa8dc",  # positive: light blue
    2: "#1d5a96",  # strong positive: deep blue
}

# Paul Tol's "muted" qualitative scheme: colour-blind safe, and none of it reads as the stance
# scale's saturated orange or blue, so a speaker's colour is never mistaken for a stance.
_SPEAKER_HEX = ["#332288", "#117733", "#cc6677", "#44aa99", "#aa4499", "#999933", "#882255", "#88ccee", "#ddcc77"]
_GOLDEN_ANGLE = 137.508


def stance_hex(stance: int) -> str:
    return STANCE_HEX[max(-2, min(2, stance))]


def stance_text_hex(stance: int) -> str:
    """Black or white, whichever reads better on the stance's colour."""
    return "#ffffff" if abs(stance) >= 2 else "#1b1b1b"


def speaker_hex(rank: int) -> str:
    """A distinct colour for the speaker at ``rank`` in speaking order."""
    if rank < len(_SPEAKER_HEX):
        return _SPEAKER_HEX[rank]
    hue = (rank * _GOLDEN_ANGLE) % 360 / 360
    red, green, blue = colorsys.hsv_to_rgb(hue, 0.55, 0.85)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
