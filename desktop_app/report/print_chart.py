"""The themes chart as it appears in the brief: painted with QPainter from the screen's chart geometry.

The rows, segments, markers, legend groups and axis ticks come from
:mod:`desktop_app.presentation.chart_layout`, the same geometry the Themes tab
draws with pyqtgraph; here they are painted straight onto the PDF's painter
as vector paths and text, in print colours and the brief's font, whatever the
desktop's theme.  No widget is involved, so the chart can be painted in any
thread.  A text object (:class:`ChartObject`) paints it where the document
put its place.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPyTextObject,
    QTextFormat,
)

from ..model.analysis.seminar_analysis import SeminarAnalysis
from ..model.dataset import Dataset
from ..painting.chart_glyphs import faded, initials_colour, paint_block, paint_diamond, paint_legend_key, paint_notch
from ..presentation.chart_layout import (
    BANDS,
    BAR_HEIGHT,
    LEGEND_LINE,
    LEGEND_SWATCH,
    SEPARATOR,
    ChartRow,
    axis_title,
    chart_rows,
    column_widths,
    fitted_note,
    legend_lines,
    legend_pieces,
    note_floor,
    row_note,
    separated,
    speaker_marks,
    x_span,
    y_range,
)
from ..presentation.colours import HIGHLIGHT, INK, PAPER
from ..presentation.names import initials_by_id

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
"""The text object type of the chart in the brief's document."""
CHART_WIDTH = QTextFormat.Property.UserProperty + 1
CHART_HEIGHT = QTextFormat.Property.UserProperty + 2
CHART_ROW = 22
"""Height of one theme's row in the chart, in layout units (pixels at 96 dpi)."""
CHART_FRAME = 92
"""Height of the chart's legend, axis and margins together."""
MAX_SHARE = 0.65
"""Most of a page's height the chart may take; rows squeeze closer beyond that.  With its heading
and note the chart's section then stays within the share of a page that is kept whole."""

LABEL_GAP = 8
"""Space between an axis's labels and the plot, as on screen."""
MARKER_SIZE = 12
MARGINS = (6, 4, 10, 6)
"""Left, top, right, bottom space around the chart, as on screen."""


def chart_height(rows: int, page_height: float) -> int:
    """Height to reserve for a chart of ``rows`` themes on a page of ``page_height``."""
    return int(min(CHART_FRAME + LEGEND_LINE + CHART_ROW * max(rows, 1), page_height * MAX_SHARE))


def light_palette() -> QPalette:
    """Colours on paper, whatever the desktop's theme: for the brief's text."""
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        palette.setColor(group, QPalette.ColorRole.Window, QColor(PAPER))
        palette.setColor(group, QPalette.ColorRole.Base, QColor(PAPER))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(INK))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(INK))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(HIGHLIGHT))
    return palette


def _paint_block(painter: QPainter, rect: QRectF, band: int, tentative: bool) -> None:
    """A block on paper: opaque throughout, since a PDF/A page holds no transparency (see :mod:`desktop_app.painting.chart_glyphs`)."""
    paint_block(painter, rect, band, tentative, QColor(PAPER), see_through=False)


@dataclass
class PrintedChart:
    """What the brief's chart shows: the seminar's rows in ``sort`` order and the chosen speaker's marks."""

    dataset: Dataset
    speaker_id: str | None
    font: QFont
    analysis: SeminarAnalysis | None = None
    sort: str = "report"

    def __post_init__(self) -> None:
        self.rows: list[ChartRow] = chart_rows(self.dataset, self.sort, self.analysis)
        self.marks = speaker_marks(self.dataset, self.rows, self.speaker_id)
        speaker = self.dataset.speaker(self.speaker_id) if self.speaker_id and self.dataset.has_speaker(self.speaker_id) else None
        self.speaker_name = speaker.name if speaker is not None else None

    def paint(self, painter: QPainter, target: QRectF) -> None:
        """Paint legend, blocks, columns and marks into ``target`` as vector graphics."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setClipRect(target, Qt.ClipOperation.IntersectClip)
        left, top, right, bottom = MARGINS
        area = target.adjusted(left, top, -right, -bottom)
        metrics = QFontMetricsF(self.font, painter.device())
        pieces = legend_pieces(self.dataset.seminar.scale, metrics.horizontalAdvance, area.width(), self.speaker_name)
        legend_height = legend_lines(pieces) * LEGEND_LINE + 4
        self._paint_legend(painter, pieces, area.topLeft())
        self._paint_plot(painter, area.adjusted(0, legend_height, 0, 0))
        painter.restore()

    # -- legend ------------------------------------------------------------------------------
    def _paint_legend(self, painter: QPainter, pieces, origin: QPointF) -> None:
        painter.setFont(self.font)
        for piece in pieces:
            x = origin.x() + piece.x
            top = origin.y() + piece.line * LEGEND_LINE
            middle = top + LEGEND_LINE / 2
            swatch = QRectF(x, middle - LEGEND_SWATCH / 2, LEGEND_SWATCH, LEGEND_SWATCH)
            if not paint_legend_key(painter, piece, swatch, QColor(INK), QColor(PAPER), see_through=False):
                painter.setPen(faded(INK, 0.72) if piece.muted else QColor(INK))
                painter.drawText(QRectF(x, top, piece.width, LEGEND_LINE), Qt.AlignmentFlag.AlignVCenter, piece.text)

    # -- plot ----------------------------------------------------------------------------------
    def _paint_plot(self, painter: QPainter, box: QRectF) -> None:
        scale = self.dataset.seminar.scale
        rows = self.rows
        small = QFont(self.font)
        small.setPointSizeF(self.font.pointSizeF() * 0.92)
        small.setItalic(True)
        tiny = QFont(self.font)
        tiny.setPointSizeF(self.font.pointSizeF() * 0.85)
        tiny.setBold(True)
        label_metrics = QFontMetricsF(self.font, painter.device())
        small_metrics = QFontMetricsF(small, painter.device())
        tiny_metrics = QFontMetricsF(tiny, painter.device())
        notes = [row_note(row.metrics, scale) for row in rows]
        label_wanted = max((label_metrics.horizontalAdvance(row.label) for row in rows), default=0) + 4
        note_wanted = max((small_metrics.horizontalAdvance(text) for text in notes), default=0) + 4
        least = note_floor(rows, scale, small_metrics.horizontalAdvance) + 4
        left_width, right_width = column_widths(box.width(), label_wanted, note_wanted, least)
        title_height = label_metrics.height() + 8
        plot = QRectF(
            box.left() + left_width,
            box.top(),
            max(1.0, box.width() - left_width - right_width),
            max(1.0, box.height() - title_height),
        )
        span = x_span(rows)
        top_row, bottom_row = y_range(rows)

        def x_at(value: float) -> float:
            return plot.left() + (value + span) / (2 * span) * plot.width()

        def y_at(value: float) -> float:
            return plot.top() + (value - top_row) / (bottom_row - top_row) * plot.height()

        def span_rect(index: int, start: float, end: float) -> QRectF:
            return QRectF(QPointF(x_at(start), y_at(index - BAR_HEIGHT / 2)), QPointF(x_at(end), y_at(index + BAR_HEIGHT / 2)))

        # The centre line first, under the blocks, as on screen.
        painter.setPen(QPen(faded(INK, 0.55), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x_at(0), plot.top()), QPointF(x_at(0), plot.bottom()))

        # Blocks, one per speaker with a gap between neighbours, or one bar per stance when too narrow to part.
        apart = separated(plot.width() / (2 * span))
        gap = SEPARATOR / 2
        tags = initials_by_id(self.dataset.speakers)
        for index, row in enumerate(rows):
            if apart:
                for block in row.blocks:
                    rect = span_rect(index, block.start, block.end).adjusted(gap, 0, -gap, 0)
                    letters = tags[block.speaker_id]
                    fits = tiny_metrics.horizontalAdvance(letters) + 4 <= rect.width() and tiny_metrics.height() <= rect.height() + 2
                    letters_box = None
                    if letters and fits:
                        box_width, box_height = tiny_metrics.horizontalAdvance(letters) + 2, tiny_metrics.ascent() + 2
                        letters_box = QRectF(rect.center().x() - box_width / 2, rect.center().y() - box_height / 2, box_width, box_height)
                    paint_block(painter, rect, block.stance, row.tentative, QColor(PAPER), see_through=False, clear=letters_box)
                    if block.divided:
                        paint_notch(painter, rect, QColor(PAPER))
                    if letters_box is not None:
                        # Drawn as shapes: initials are a picture of the block, not words of the brief.
                        shape = QPainterPath()
                        baseline = rect.center().y() + (tiny_metrics.ascent() - tiny_metrics.descent()) / 2
                        shape.addText(rect.center().x() - tiny_metrics.horizontalAdvance(letters) / 2, baseline, tiny, letters)
                        painter.setPen(Qt.PenStyle.NoPen)
                        painter.setBrush(initials_colour(block.stance, row.tentative, QColor(PAPER)))
                        painter.drawPath(shape)
            else:
                for band in BANDS:
                    segment = row.segments[band]
                    if segment.width:
                        _paint_block(painter, span_rect(index, segment.start, segment.end), band, row.tentative)

        # Frame, theme labels on the left, n and verdict on the right, the sides named below.
        axis_pen = QPen(faded(INK, 0.5), 1)
        painter.setPen(axis_pen)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        painter.drawLine(plot.topRight(), plot.bottomRight())
        align_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        align_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        line = label_metrics.height()
        label_room = max(10.0, left_width - LABEL_GAP - 2)
        note_room = max(10.0, right_width - LABEL_GAP - 2)
        for index, (row, note) in enumerate(zip(rows, notes, strict=True)):
            middle = y_at(index)
            painter.setFont(self.font)
            painter.setPen(QColor(INK))
            label = label_metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_room)
            painter.drawText(QRectF(box.left(), middle - line / 2, left_width - LABEL_GAP, line), align_right, label)
            painter.setFont(small)
            painter.setPen(faded(INK, 0.72))
            note = fitted_note(row.metrics, scale, small_metrics.horizontalAdvance, note_room)
            painter.drawText(QRectF(plot.right() + LABEL_GAP, middle - line / 2, note_room + 2, line), align_left, note)
        painter.setFont(self.font)
        painter.setPen(QColor(INK))
        title = QRectF(plot.left(), plot.bottom() + 2, plot.width(), title_height)
        painter.drawText(title, Qt.AlignmentFlag.AlignCenter, axis_title(scale, label_metrics.horizontalAdvance, plot.width()))

        # The chosen speaker: one hollow diamond on their own block in each row they spoke to.
        for mark in self.marks:
            paint_diamond(painter, QPointF(x_at(mark.x), y_at(mark.y)), MARKER_SIZE, QColor(INK), QColor(PAPER))


class ChartObject(QPyTextObject):
    """Draws the chart where the document placed it, on the page being painted only.

    ``page`` (the document's rectangle for the page being painted) keeps a
    chart whose line merely touches the foot of the page before from being
    drawn over that page's footer.
    """

    def __init__(self, chart: PrintedChart, parent=None):
        super().__init__(parent)
        self.chart = chart
        self.page: QRectF | None = None

    def intrinsicSize(self, doc, position, text_format):  # noqa: N802 (Qt's name)
        return QSizeF(text_format.property(CHART_WIDTH), text_format.property(CHART_HEIGHT))

    def drawObject(self, painter, rect, doc, position, text_format):  # noqa: N802
        if self.page is None or self.page.contains(rect.center()):
            self.chart.paint(painter, rect)
