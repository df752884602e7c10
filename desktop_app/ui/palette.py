"""Qt colours for the widgets, built from the shared hex values in :mod:`desktop_app.presentation.colours`."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from ..presentation.colours import speaker_hex, stance_hex, stance_text_hex


def stance_colour(stance: int) -> QColor:
    return QColor(stance_hex(stance))


def stance_text_colour(stance: int) -> QColor:
    return QColor(stance_text_hex(stance))


def speaker_colour(rank: int) -> QColor:
    return QColor(speaker_hex(rank))


def highlight_colour(base: QColor, dark: bool) -> QColor:
    """A background tint of ``base`` that leaves text readable on the current palette."""
    colour = QColor(base)
    colour.setAlphaF(0.45 if dark else 0.3)
    return colour


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
