"""The Timeline tab's glyphs: a position's mark and a turn's span, painted with QPainter on any device.

A counted position is a disc in its stance's colour with a thin outline in
the text colour; a position that does not count (a kind left out, or one
awaiting a stance) is a ring on the background: in its stance's colour, or
dotted in the neutral grey while it awaits a stance.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ..presentation.colours import stance_hex

MARK_RADIUS = 5.0
"""Radius of a position's mark, in pixels."""
RING_WIDTH = 2.0
"""Width of a hollow mark's ring."""
SPAN_HEIGHT = 4.0
"""Height of a turn's span, in pixels."""


def paint_mark(
    painter: QPainter, centre: QPointF, stance: int | None, counted: bool, outline: QColor, background: QColor,
    radius: float = MARK_RADIUS,
) -> None:
    """One position's mark at ``centre``: filled when it counts, hollow when it does not."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if counted and stance is not None:
        painter.setPen(QPen(outline, 1.0))
        painter.setBrush(QColor(stance_hex(stance)))
    else:
        pen = QPen(QColor(stance_hex(0 if stance is None else stance)), RING_WIDTH)
        if stance is None:
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(background)
    painter.drawEllipse(centre, radius, radius)
    painter.restore()


def paint_span(painter: QPainter, left: float, right: float, middle: float, colour: QColor) -> None:
    """One turn, a thin bar from ``left`` to ``right`` centred on the row's ``middle``, at least a pixel wide."""
    painter.fillRect(QRectF(left, middle - SPAN_HEIGHT / 2, max(right - left, 1.0), SPAN_HEIGHT), colour)
