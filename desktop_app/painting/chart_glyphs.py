"""The theme chart's glyphs (blocks, hatching, notches, diamonds, legend keys), painted the same in the window and the brief.

Both charts place their glyphs from :mod:`desktop_app.presentation.chart_layout`
and paint them here, in device units.  A tentative row's blocks are faded
and hatched.  The window fades them with transparency, so the selected
theme's band shows through; a PDF/A page may not hold transparency (its
writer drops the alpha, which once hid the brief's hatching under opaque
blocks), so on paper the fade is mixed into the background instead:
``see_through=False``.  On a plain background both look the same.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF, QRegion

from ..presentation.block_ink import TENTATIVE_FILL, initials_ink
from ..presentation.chart_layout import LegendPiece
from ..presentation.colours import stance_hex

__all__ = ["TENTATIVE_FILL", "faded", "initials_colour", "mixed", "paint_block", "paint_diamond", "paint_legend_key", "paint_notch"]
HATCH_STEP = 5.0
"""Distance between the hatching's lines."""
HATCH_WIDTH = 1.2
"""Width of the hatching's lines."""
EDGE_WIDTH = 1.0
"""Width of a tentative block's outline."""
DIAMOND_PEN = 1.6
"""Width of a speaker mark's outline."""


def faded(colour: QColor | str, alpha: float) -> QColor:
    """``colour`` with opacity ``alpha``."""
    colour = QColor(colour)
    colour.setAlphaF(alpha)
    return colour


def mixed(colour: QColor | str, background: QColor | str, share: float) -> QColor:
    """The opaque colour that ``colour`` at opacity ``share`` makes over ``background``."""
    top, under = QColor(colour), QColor(background)
    return QColor.fromRgbF(
        top.redF() * share + under.redF() * (1 - share),
        top.greenF() * share + under.greenF() * (1 - share),
        top.blueF() * share + under.blueF() * (1 - share),
    )


def initials_colour(band: int, tentative: bool, background: QColor) -> QColor:
    """The ink of a block's initials, by contrast on the block's fill (see :mod:`desktop_app.presentation.block_ink`)."""
    return QColor(initials_ink(band, tentative, QColor(background).name()))


def paint_block(
    painter: QPainter,
    rect: QRectF,
    band: int,
    tentative: bool,
    background: QColor,
    *,
    see_through: bool = True,
    clear: QRectF | None = None,
) -> None:
    """One block (or a stance's bar): solid, or faded, hatched and outlined when its row's verdict is tentative.

    ``clear`` is where the block's initials go: the hatching leaves it, so the initials stand on the faded fill alone.
    """
    colour = QColor(stance_hex(band))
    if not tentative:
        painter.fillRect(rect, colour)
        return
    painter.fillRect(rect, faded(colour, TENTATIVE_FILL) if see_through else mixed(colour, background, TENTATIVE_FILL))
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    if clear is not None and not clear.isEmpty():
        outside = QRegion(rect.toAlignedRect()).subtracted(QRegion(clear.toAlignedRect()))
        painter.setClipRegion(outside, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(colour, HATCH_WIDTH))
    height = rect.height()
    x = rect.left() - height
    while x < rect.right():
        painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + height, rect.top()))
        x += HATCH_STEP
    painter.restore()
    painter.setPen(QPen(colour, EDGE_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))


def paint_notch(painter: QPainter, rect: QRectF, background: QColor) -> None:
    """The divided speaker's mark: a notch cut into the top of their block, in the background's colour.

    A third of the block wide on each side of its centre (at least 3.5 pixels), and deep, so it reads at a glance.
    """
    half = max(3.5, min(7.0, rect.width() / 3))
    centre = rect.center().x()
    notch = QPolygonF([QPointF(centre - half, rect.top() - 0.5), QPointF(centre + half, rect.top() - 0.5), QPointF(centre, rect.top() + min(half * 1.4, rect.height() * 0.45))])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawPolygon(notch)


def paint_diamond(painter: QPainter, centre: QPointF, size: float, ink: QColor, fill: QColor) -> None:
    """The selected speaker's mark: a diamond ``size`` across, outlined in ``ink``."""
    half = size / 2
    painter.setPen(QPen(ink, DIAMOND_PEN))
    painter.setBrush(fill)
    painter.drawPolygon(
        QPolygonF([QPointF(centre.x(), centre.y() - half), QPointF(centre.x() + half, centre.y()),
                   QPointF(centre.x(), centre.y() + half), QPointF(centre.x() - half, centre.y())])
    )


def paint_legend_key(
    painter: QPainter, piece: LegendPiece, swatch: QRectF, ink: QColor, background: QColor, *, see_through: bool = True
) -> bool:
    """Paint the key of a legend piece (a stance's colour or a glyph) in ``swatch``; False for a piece of words."""
    if piece.band is not None:
        painter.fillRect(swatch, QColor(stance_hex(piece.band)))
    elif piece.glyph == "block":
        # Outlines in the ink, not filled: the grey of the neutral stance ("mixed") is a colour of its own.
        painter.setPen(QPen(ink, EDGE_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(swatch.adjusted(0.5, 0.5, -6.5, -0.5))
        painter.drawRect(swatch.adjusted(7.5, 0.5, -0.5, -0.5))
    elif piece.glyph == "divided":
        paint_block(painter, swatch, 1, False, background)
        paint_notch(painter, swatch, background)
    elif piece.glyph == "tentative":
        paint_block(painter, swatch, 1, True, background, see_through=see_through)
    elif piece.glyph == "mark":
        paint_diamond(painter, swatch.center(), swatch.height(), ink, background)
    else:
        return False
    return True
