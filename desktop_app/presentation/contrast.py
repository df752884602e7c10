"""Contrast between two colours (WCAG 2) and a muted text colour that still reads: pure Python.

Captions are quieter than body text, but never below the 4.5:1 contrast that
body-size text needs; the muted colour is found by mixing the text colour
toward the background only as far as that allows.
"""

from __future__ import annotations

import functools

CAPTION_CONTRAST = 4.5
"""The least contrast any caption may have against its background (WCAG AA for normal text)."""
FIGURE_INKS = ("#000000", "#ffffff")
"""The inks of figures printed on a colour scale: of any two, only the extremes are sure to reach 4.5:1 on every fill."""


def _channels(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")[-6:]
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(hex_colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = _channels(hex_colour)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast of two ``#rrggbb`` colours, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def figure_ink(fill: str) -> str:
    """Black or white for a figure on ``fill``, whichever contrasts more.

    One of the two always reaches at least 4.58:1 (the worst fill sits where
    both are equal), so a figure on any colour meets WCAG AA.
    """
    return max(FIGURE_INKS, key=lambda ink: contrast_ratio(ink, fill))


def mix(first: str, second: str, share: float) -> str:
    """``first`` moved ``share`` (0 to 1) of the way toward ``second``."""
    a, b = _channels(first), _channels(second)
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


@functools.lru_cache(maxsize=64)
def muted_text(text: str, background: str, minimum: float = CAPTION_CONTRAST) -> str:
    """A quieter form of ``text`` on ``background`` with at least ``minimum`` contrast.

    When even ``text`` itself falls short (a palette of poor contrast), the
    pole (black or white) that reads better is used instead.
    """
    if contrast_ratio(text, background) < minimum:
        black, white = "#000000", "#ffffff"
        return black if contrast_ratio(black, background) >= contrast_ratio(white, background) else white
    best = text
    for step in range(1, 11):
        candidate = mix(text, background, step * 0.05)
        if contrast_ratio(candidate, background) < minimum + 0.1:
            break
        best = candidate
    return best
