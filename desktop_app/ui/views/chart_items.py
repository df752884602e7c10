"""The theme chart's pyqtgraph items: the legend above it, every row's blocks, and the canvas that holds them.

pyqtgraph and numpy are slow to import, so this module is imported (by
:mod:`.theme_chart`) only after the window has painted.  The glyphs are
painted by :mod:`desktop_app.painting.chart_glyphs`, which paints the
brief's chart too; the geometry and words come from
:mod:`desktop_app.presentation.chart_layout`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem

from ...model.format.schema import Scale
from ...painting.chart_glyphs import initials_colour, paint_block, paint_legend_key, paint_notch
from ...presentation.chart_layout import (
    BANDS,
    BAR_HEIGHT,
    LEGEND_LINE,
    LEGEND_SWATCH,
    SEPARATOR,
    Block,
    ChartRow,
    legend_groups,
    legend_lines,
    legend_pieces,
    separated,
    x_span,
    y_range,
)
from ...presentation.colours import INK, MUTED

INITIALS_AIR = 2
"""Least room, in pixels, beside a block's initials: narrow blocks (800 pixels wide) keep them."""
INITIALS_FLOOR = 7.0
"""Smallest point size the (bold) initials shrink to when the blocks are too narrow for them at their own size."""
INITIALS_STEP = 0.25
"""How far, in points, the initials' size goes down at a time on the way to :data:`INITIALS_FLOOR`."""


class ScaleLegend(pg.GraphicsWidget):
    """The lines above the chart: the stance colours under the scale's words, then every glyph the chart uses."""

    def __init__(self):
        super().__init__()
        self._scale: Scale | None = None
        self._speaker_name: str | None = None
        self._font = QFont()
        self._text = QColor(INK)
        self._muted = QColor(MUTED)
        self._background = QColor("white")
        self._fitted: float | None = None  # the width the legend's lines were last fitted to
        self._laid_out: tuple[float, list] | None = None  # (width, pieces): a repaint reuses the last layout
        self.setMinimumHeight(LEGEND_LINE + 6)
        self.setMaximumHeight(LEGEND_LINE + 6)

    def set_scale(self, scale: Scale, speaker_name: str | None) -> None:
        if scale == self._scale and speaker_name == self._speaker_name:
            return
        self._scale = scale
        self._speaker_name = speaker_name
        self._fitted = None
        self._laid_out = None
        self.fit(self.size().width())

    def set_style(self, font: QFont, text: QColor, muted: QColor, background: QColor) -> None:
        self._font, self._text, self._muted, self._background = QFont(font), QColor(text), QColor(muted), QColor(background)
        self._fitted = None
        self._laid_out = None
        self.update()

    def labels(self) -> list[str]:
        return [label for _, label in legend_groups(self._scale)] if self._scale is not None else []

    def pieces(self, width: float):
        if self._scale is None:
            return []
        if self._laid_out is None or self._laid_out[0] != width:
            metrics = QFontMetricsF(self._font)
            self._laid_out = (width, legend_pieces(self._scale, metrics.horizontalAdvance, width, self._speaker_name))
        return self._laid_out[1]

    def texts(self) -> list[str]:
        """Every word the legend shows at its current width."""
        return [piece.text for piece in self.pieces(self.size().width()) if piece.text]

    def fit(self, width: float) -> None:
        """Take as many lines as the legend needs at ``width``."""
        if width == self._fitted:
            return  # same words, same font, same width: the same lines
        self._fitted = width
        lines = legend_lines(self.pieces(max(width, 1.0)))
        height = lines * LEGEND_LINE + 6
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.update()

    def paint(self, painter: QPainter, *args) -> None:
        if self._scale is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self._font)
        for piece in self.pieces(self.size().width()):
            top = 3 + piece.line * LEGEND_LINE
            middle = top + LEGEND_LINE / 2
            swatch = QRectF(piece.x, middle - LEGEND_SWATCH / 2, LEGEND_SWATCH, LEGEND_SWATCH)
            if not paint_legend_key(painter, piece, swatch, self._text, self._background):
                painter.setPen(self._muted if piece.muted else self._text)
                painter.drawText(QRectF(piece.x, top, piece.width, LEGEND_LINE), Qt.AlignmentFlag.AlignVCenter, piece.text)


class RowsItem(pg.GraphicsObject):
    """Every row's blocks, drawn in device pixels so that gaps, initials and hatching keep their size at any zoom."""

    def __init__(self, has_focus: Callable[[], bool], ring_colour: Callable[[], QColor]):
        super().__init__()
        # Painted once into a pixmap and copied from there: the selected speaker's marks, the theme's
        # band or a tooltip moving over the blocks cost a copy, not every block and its hatching again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # paint() learns what is exposed
        self._has_focus = has_focus
        self._ring_colour = ring_colour
        self._rows: list[ChartRow] = []
        self._initials: dict[str, str] = {}
        self._background = QColor("white")
        self._font = QFont()
        self._fitted_font: tuple[float, QFont] | None = None  # (block width, the initials' font that fits it)
        self._device = QTransform()
        self.pixels_per_speaker = 0.0
        """Width of one block in pixels at the last paint."""
        self.painted_initials: dict[tuple[int, str], tuple[str, float, QRectF]] = {}
        """What the last paints wrote on each block, by (row, speaker id): the text, its width and the block's rect."""
        self.cursor: tuple[int, int] | None = None
        """(row, block) the keyboard has reached, ringed while the chart has focus."""

    def set_rows(self, rows: list[ChartRow], initials: dict[str, str]) -> None:
        """Show ``rows``, each block marked with its speaker's ``initials`` (by id); only rows that differ are painted again."""
        old_rows, old_initials = self._rows, self._initials
        whole = initials != old_initials or len(rows) != len(old_rows) or _bounds(rows) != self.boundingRect()
        if whole:
            self.prepareGeometryChange()
        self._rows = rows
        self._initials = initials
        if whole:
            self._fitted_font = None
            self.painted_initials.clear()
            self.update()
            return
        for index, (new, old) in enumerate(zip(rows, old_rows, strict=True)):
            if new != old:
                self.update(self.row_rect(index))

    def row_rect(self, index: int) -> QRectF:
        """Row ``index``'s strip across the chart, in chart units."""
        span = x_span(self._rows)
        return QRectF(-span, index - 0.5, 2 * span, 1.0)

    def set_style(self, background: QColor, font: QFont) -> None:
        self._background = QColor(background)
        self._font = QFont(font)
        self._fitted_font = None
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return _bounds(self._rows)

    def block_rect(self, index: int, start: float, end: float) -> QRectF:
        """A span of a row in device pixels (valid while painting)."""
        rect = self._device.mapRect(QRectF(QPointF(start, index - BAR_HEIGHT / 2), QPointF(end, index + BAR_HEIGHT / 2)))
        return rect.normalized()

    def paint(self, painter: QPainter, option=None, *args) -> None:
        if not self._rows:
            return
        exposed = option.exposedRect if option is not None else QRectF()
        first, last = 0, len(self._rows) - 1
        if not exposed.isEmpty():  # only the rows Qt asks for: the rest are clipped away anyway
            first = max(first, math.floor(exposed.top()) - 1)
            last = min(last, math.ceil(exposed.bottom()) + 1)
        # The painter's transform maps the chart's units to pixels; blocks are drawn in pixels from here on.
        self._device = painter.transform()
        self.pixels_per_speaker = abs(self._device.m11())
        apart = separated(self.pixels_per_speaker)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        gap = SEPARATOR / 2
        font = self.initials_font(self.pixels_per_speaker - 2 * gap) if apart else self._font  # bars carry no initials
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for index in range(first, last + 1):
            row = self._rows[index]
            if apart:
                for block in row.blocks:
                    rect = self.block_rect(index, block.start, block.end).adjusted(gap, 0, -gap, 0)
                    text = self._initials_fitting(rect, block, metrics)
                    self.painted_initials[(index, block.speaker_id)] = (text, metrics.horizontalAdvance(text), rect)
                    box = self._initials_box(rect, text, metrics) if text else None
                    paint_block(painter, rect, block.stance, row.tentative, self._background, clear=box)
                    if block.divided:
                        paint_notch(painter, rect, self._background)
                    if text:
                        painter.setPen(self.ink_for(block.stance, row.tentative))
                        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            else:
                for band in BANDS:
                    segment = row.segments[band]
                    if segment.width:
                        paint_block(painter, self.block_rect(index, segment.start, segment.end), band, row.tentative, self._background)
        if self.cursor is not None and self._has_focus():
            row_index, block_index = self.cursor
            if 0 <= row_index < len(self._rows) and 0 <= block_index < len(self._rows[row_index].blocks):
                block = self._rows[row_index].blocks[block_index]
                ring = self.block_rect(row_index, block.start, block.end).adjusted(-2, -2, 2, 2)
                painter.setPen(QPen(self._ring_colour(), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(ring)
        painter.restore()

    def initials_font(self, block_width: float) -> QFont:
        """The initials' font for blocks ``block_width`` pixels wide: their own size, or smaller down to a floor.

        One size for the whole chart, the largest at which the widest initials
        fit a block; below :data:`INITIALS_FLOOR` they are not shrunk further
        (a block they still do not fit shows none, its name being in the tooltip).
        """
        if self._fitted_font is not None and self._fitted_font[0] == block_width:
            return self._fitted_font[1]
        texts = set(self._initials.values())
        own = self._font.pointSizeF()
        sizes = [own - step * INITIALS_STEP for step in range(int((own - INITIALS_FLOOR) / INITIALS_STEP) + 1)]
        font = QFont(self._font)
        for size in [*sizes, INITIALS_FLOOR] if own > INITIALS_FLOOR else [own]:
            font.setPointSizeF(size)
            metrics = QFontMetricsF(font)
            if all(metrics.horizontalAdvance(text) + INITIALS_AIR <= block_width for text in texts):
                break
        self._fitted_font = (block_width, font)
        return font

    def _initials_fitting(self, rect: QRectF, block: Block, metrics: QFontMetricsF) -> str:
        """The block's initials, or nothing when they do not fit in it."""
        text = self._initials.get(block.speaker_id, "")
        if not text or metrics.horizontalAdvance(text) + INITIALS_AIR > rect.width() or metrics.height() > rect.height() + 2:
            return ""
        return text

    @staticmethod
    def _initials_box(rect: QRectF, text: str, metrics: QFontMetricsF) -> QRectF:
        """The box the initials take, centred in ``rect``, with a pixel of air: the hatching keeps out of it."""
        width, height = metrics.horizontalAdvance(text) + 2, metrics.ascent() + 2
        return QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)

    def ink_for(self, band: int, tentative: bool) -> QColor:
        """The initials' ink on a block of ``band``, firm or tentative, on this chart's background."""
        return initials_colour(band, tentative, self._background)


def _bounds(rows: list[ChartRow]) -> QRectF:
    """Where rows are drawn, in chart units."""
    span = x_span(rows)
    top, bottom = y_range(rows)
    return QRectF(-span, top, 2 * span, bottom - top)


class ChartView(pg.GraphicsLayoutWidget):
    """The chart's canvas, with a focus ring around it while it has the keyboard."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The view takes the keyboard (a click on the viewport gives it focus); its unnamed viewport
        # is no Tab stop of its own.
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt's name)
        super().drawForeground(painter, rect)
        if self.hasFocus():
            painter.save()
            painter.resetTransform()
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(1.5, 1.5, -1.5, -1.5))
            painter.restore()

