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
    """Dark or white text, whichever reads better on the stance's colour."""
    return text_on(stance_hex(stance))


def speaker_hex(rank: int) -> str:
    """A distinct colour for the speaker at ``rank`` in speaking order."""
    if rank < len(_SPEAKER_HEX):
        return _SPEAKER_HEX[rank]
    hue = (rank * _GOLDEN_ANGLE) % 360 / 360
    red, green, blue = colorsys.hsv_to_rgb(hue, 0.55, 0.85)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


INK = "#1b1b1b"
"""Body text on paper, and the chart's text in light colours."""
MUTED = "#5f6368"
"""Secondary text: notes, footers, the chart's legend note."""
PAPER = "#ffffff"
HIGHLIGHT = "#1d5a96"
"""Selection colour on paper (the strong positive stance's blue)."""
DARK_TEXT = INK
"""Text on a light fill."""
LIGHT_TEXT = "#ffffff"
"""Text on a dark fill."""


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """``"#rrggbb"`` as three channels 0 … 255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def rgb_to_hex(red: float, green: float, blue: float) -> str:
    """Three channels 0 … 255 (rounded) as ``"#rrggbb"``."""
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(channel))) for channel in (red, green, blue)))


BEYOND_CHANCE_SCALE = ("#f4f2f8", "#dadaeb", "#9e9ac8", "#6a51a3", "#3f007d")
"""Agreement beyond chance, from chance (nearly white: nothing to see) to full (dark purple).

One hue of rising darkness (ColorBrewer's Purples), so it reads without
colour vision and stays apart from the stance colours; darker means more,
as on the stance chart.
"""


BEYOND_CHANCE_DARK_SCALE = ("#262330", "#3b3354", "#5a4a8c", "#8d78cc", "#c9b8f5")
"""The same scale for a dark palette: from near the dark background at chance to bright lavender at full.

On a dark page the weakest cells must not be the brightest thing on screen, so
the scale runs toward the background there: more agreement stands out more.
"""


def beyond_chance_hex(corrected: float, dark: bool = False) -> str:
    """Colour for chance-corrected agreement: faintest at chance or below, strongest at full agreement.

    Faintest is palest on a light page and closest to the background on a dark one (``dark``).
    """
    scale = BEYOND_CHANCE_DARK_SCALE if dark else BEYOND_CHANCE_SCALE
    value = max(0.0, min(1.0, corrected))
    place = value * (len(scale) - 1)
    low = int(place)
    high = min(low + 1, len(scale) - 1)
    start, end = hex_to_rgb(scale[low]), hex_to_rgb(scale[high])
    return rgb_to_hex(*(a + (b - a) * (place - low) for a, b in zip(start, end, strict=True)))


def text_on(background: str) -> str:
    """Dark or light text, whichever reads better on ``background`` (``"#rrggbb"``), by relative luminance."""
    red, green, blue = (channel / 255 for channel in hex_to_rgb(background))
    return DARK_TEXT if 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.5 else LIGHT_TEXT
