"""The agreement map's cells and its colour scale, painted the same in the window and the brief.

A compared pair's cell is coloured by agreement beyond chance,
(observed − chance) / (1 − chance) for the two speakers' own stance mixes, on
:data:`desktop_app.presentation.colours.BEYOND_CHANCE_SCALE`: palest at
chance or below, darkest at full agreement.  A pair whose chance level is
already full agreement has nothing beyond chance to show and is plain grey;
a pair sharing too few themes to compare is hatched grey.  The legend's keys
(the scale and the hatching) are painted here for both.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter

from ..presentation.colours import beyond_chance_hex, text_on

THIN_GREY = "#9a9a9a"
"""The hatching of a pair with too few shared themes, and the legend keys' frame."""
NO_CHANCE_GREY = "#d8d8d8"
"""A pair whose chance level is already full agreement: nothing beyond chance can be shown."""
SCALE_STEPS = 5
"""Colour stops of the legend's scale, from chance to full agreement."""


def cell_colour(chance_corrected: float | None) -> QColor:
    """A compared pair's colour: agreement beyond chance, with chance and below at the scale's start."""
    if chance_corrected is None:
        return QColor(NO_CHANCE_GREY)
    return QColor(beyond_chance_hex(chance_corrected))


def cell_text_colour(chance_corrected: float | None) -> QColor:
    """Dark or light text, whichever reads better on the pair's colour."""
    return QColor(text_on(cell_colour(chance_corrected).name()))


def thin_brush() -> QBrush:
    """The hatching of a pair sharing too few themes to compare."""
    return QBrush(QColor(THIN_GREY), Qt.BrushStyle.BDiagPattern)


def paint_scale_key(painter: QPainter, rect: QRectF) -> None:
    """The colour scale from chance (left) to full agreement (right), framed."""
    # From the first column of pixels inside the frame to the last (the frame's right edge is one pixel on).
    gradient = QLinearGradient(rect.topLeft(), QPointF(rect.right() - 1, rect.top()))
    for step in range(SCALE_STEPS):
        share = step / (SCALE_STEPS - 1)
        gradient.setColorAt(share, cell_colour(share))
    painter.fillRect(rect, gradient)
    _frame(painter, rect)


def paint_thin_key(painter: QPainter, rect: QRectF) -> None:
    """The hatching of a pair with too few shared themes, framed."""
    painter.fillRect(rect, thin_brush())
    _frame(painter, rect)


def _frame(painter: QPainter, rect: QRectF) -> None:
    painter.save()
    painter.setPen(QColor(THIN_GREY))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.restore()

