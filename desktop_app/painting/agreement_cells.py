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

from ..presentation.colours import beyond_chance_hex
from ..presentation.contrast import FIGURE_INKS, figure_ink

THIN_GREY = "#9a9a9a"
"""The hatching of a pair with too few shared themes, and the legend keys' frame."""
NO_CHANCE_GREY = "#d8d8d8"
"""A pair whose chance level is already full agreement: nothing beyond chance can be shown."""
NO_CHANCE_GREY_DARK = "#3a3a3a"
"""The same in a dark palette, near its background."""
CELL_BLACK = FIGURE_INKS[0]
"""The dark ink of a cell's figures."""
SCALE_STEPS = 5
"""Colour stops of the legend's scale, from chance to full agreement."""


def cell_colour(chance_corrected: float | None, dark: bool = False) -> QColor:
    """A compared pair's colour: agreement beyond chance, with chance and below at the scale's start (``dark``: the dark palette's scale)."""
    if chance_corrected is None:
        return QColor(NO_CHANCE_GREY_DARK if dark else NO_CHANCE_GREY)
    return QColor(beyond_chance_hex(chance_corrected, dark))


def cell_text_colour(chance_corrected: float | None, dark: bool = False) -> QColor:
    """Black or white text, whichever contrasts more with the pair's colour.

    Pure black, not the body text's near-black: on the scale's mid-tones only the
    pair of the extremes is sure to reach 4.5:1 one way or the other.
    """
    return QColor(figure_ink(cell_colour(chance_corrected, dark).name()))


def thin_brush() -> QBrush:
    """The hatching of a pair sharing too few themes to compare."""
    return QBrush(QColor(THIN_GREY), Qt.BrushStyle.BDiagPattern)


def paint_scale_key(painter: QPainter, rect: QRectF, dark: bool = False) -> None:
    """The colour scale from chance (left) to full agreement (right), framed (``dark``: the dark palette's scale)."""
    # From the first column of pixels inside the frame to the last (the frame's right edge is one pixel on).
    gradient = QLinearGradient(rect.topLeft(), QPointF(rect.right() - 1, rect.top()))
    for step in range(SCALE_STEPS):
        share = step / (SCALE_STEPS - 1)
        gradient.setColorAt(share, cell_colour(share, dark))
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

