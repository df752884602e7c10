"""Qt colours for the widgets, built from the shared hex values in :mod:`desktop_app.presentation.colours`."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from ..presentation.colours import (
    agreement_hex,
    beyond_chance_hex,
    speaker_hex,
    stance_hex,
    stance_text_hex,
    text_on,
)


def stance_colour(stance: int) -> QColor:
    return QColor(stance_hex(stance))


def stance_text_colour(stance: int) -> QColor:
    return QColor(stance_text_hex(stance))


def speaker_colour(rank: int) -> QColor:
    return QColor(speaker_hex(rank))


def agreement_colour(value: float) -> QColor:
    """The Agreement tab's colour for an agreement between 0 and 1."""
    return QColor(agreement_hex(value))


def beyond_chance_colour(corrected: float) -> QColor:
    """The Agreement tab's colour for chance-corrected agreement: palest at chance or below, darkest at full."""
    return QColor(beyond_chance_hex(corrected))


def text_colour_on(background: QColor) -> QColor:
    """Dark or light text, whichever reads better on ``background``."""
    return QColor(text_on(background.name()))


def highlight_colour(base: QColor, dark: bool) -> QColor:
    """A background tint of ``base`` that leaves text readable on the current palette."""
    colour = QColor(base)
    colour.setAlphaF(0.45 if dark else 0.3)
    return colour


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
