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
    QBrush,
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

from ..model.analysis import verdict_label
from ..model.dataset import Dataset
from ..presentation.chart_layout import (
    BANDS,
    BAR_HEIGHT,
    ChartRow,
    axis_title,
    chart_rows,
    elide,
    legend_pieces,
    speaker_marks,
    tick_step,
    x_span,
    y_range,
)
from ..presentation.colours import HIGHLIGHT, INK, PAPER, stance_hex

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

LEGEND_HEIGHT = 26
LABEL_GAP = 8
"""Space between an axis's labels and the plot, as on screen."""
MARKER_SIZE = 14
MARGINS = (6, 4, 10, 6)
"""Left, top, right, bottom space around the chart, as on screen."""


def chart_height(rows: int, page_height: float) -> int:
    """Height to reserve for a chart of ``rows`` themes on a page of ``page_height``."""
    return int(min(CHART_FRAME + CHART_ROW * max(rows, 1), page_height * MAX_SHARE))


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


def _faded(colour: str, alpha: float) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(alpha)
    return faded


@dataclass
class PrintedChart:
    """What the brief's chart shows: the seminar's rows in report order and the chosen speaker's markers."""

    dataset: Dataset
    speaker_id: str | None
    font: QFont
    sort: str = "report"  # the order of the rows, as the window's chart sorts them

    def __post_init__(self) -> None:
        self.rows: list[ChartRow] = chart_rows(self.dataset, self.sort)
        self.marks = speaker_marks(self.dataset, self.rows, self.speaker_id)

    def paint(self, painter: QPainter, target: QRectF) -> None:
        """Paint legend, bars, axes and markers into ``target`` as vector graphics."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setClipRect(target, Qt.ClipOperation.IntersectClip)
        left, top, right, bottom = MARGINS
        area = target.adjusted(left, top, -right, -bottom)
        self._paint_legend(painter, QRectF(area.left(), area.top(), area.width(), LEGEND_HEIGHT))
        self._paint_plot(painter, area.adjusted(0, LEGEND_HEIGHT, 0, 0))
        painter.restore()

    # -- legend ------------------------------------------------------------------------------
    def _paint_legend(self, painter: QPainter, box: QRectF) -> None:
        painter.setFont(self.font)
        metrics = QFontMetricsF(self.font, painter.device())
        middle = box.center().y()
        for piece in legend_pieces(self.dataset.seminar.scale, metrics.horizontalAdvance, box.width()):
            x = box.left() + piece.x
            if piece.band is not None:
                painter.fillRect(QRectF(x, middle - piece.width / 2, piece.width, piece.width), QColor(stance_hex(piece.band)))
            else:
                painter.setPen(_faded(INK, 0.65) if piece.muted else QColor(INK))
                painter.drawText(QRectF(x, box.top(), piece.width, box.height()), Qt.AlignmentFlag.AlignVCenter, piece.text)

    # -- plot ----------------------------------------------------------------------------------
    def _paint_plot(self, painter: QPainter, box: QRectF) -> None:
        scale = self.dataset.seminar.scale
        rows = self.rows
        small = QFont(self.font)
        small.setPointSizeF(self.font.pointSizeF() * 0.92)
        small.setItalic(True)
        label_metrics = QFontMetricsF(self.font, painter.device())
        small_metrics = QFontMetricsF(small, painter.device())
        labels = [elide(row.label) for row in rows]
        verdicts = [verdict_label(row.metrics.verdict, scale) for row in rows]
        left_width = max((label_metrics.horizontalAdvance(text) for text in labels), default=0) + LABEL_GAP + 2
        right_width = max((small_metrics.horizontalAdvance(text) for text in verdicts), default=0) + LABEL_GAP + 2
        tick_height = small_metrics.height() + 4
        title_height = label_metrics.height() + 10
        plot = QRectF(
            box.left() + left_width,
            box.top(),
            max(1.0, box.width() - left_width - right_width),
            max(1.0, box.height() - tick_height - title_height),
        )
        span = x_span(rows)
        top_row, bottom_row = y_range(rows)

        def x_at(value: float) -> float:
            return plot.left() + (value + span) / (2 * span) * plot.width()

        def y_at(value: float) -> float:
            return plot.top() + (value - top_row) / (bottom_row - top_row) * plot.height()

        # Bars, each segment outlined in paper colour so that neighbouring blocks stay apart.
        painter.setPen(QPen(QColor(PAPER), 1.5))
        for band in BANDS:
            painter.setBrush(QBrush(QColor(stance_hex(band))))
            for index, row in enumerate(rows):
                segment = row.segments[band]
                if segment.width:
                    painter.drawRect(
                        QRectF(
                            QPointF(x_at(segment.start), y_at(index - BAR_HEIGHT / 2)),
                            QPointF(x_at(segment.end), y_at(index + BAR_HEIGHT / 2)),
                        )
                    )
        painter.setPen(QPen(_faded(INK, 0.55), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x_at(0), plot.top()), QPointF(x_at(0), plot.bottom()))

        # Axes: lines, theme labels on the left, verdicts on the right, speaker counts below.
        axis_pen = QPen(_faded(INK, 0.65), 1)
        painter.setPen(axis_pen)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        painter.drawLine(plot.topRight(), plot.bottomRight())
        align_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        align_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        line = label_metrics.height()
        for index, (label, verdict) in enumerate(zip(labels, verdicts)):
            middle = y_at(index)
            painter.setFont(self.font)
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(box.left(), middle - line / 2, left_width - LABEL_GAP, line), align_right, label)
            painter.setFont(small)
            painter.setPen(_faded(INK, 0.65))
            painter.drawText(QRectF(plot.right() + LABEL_GAP, middle - line / 2, right_width, line), align_left, verdict)
        painter.setFont(small)
        painter.setPen(QColor(INK))
        step = tick_step(-span, span, plot.width())
        count = int(span // step)
        for tick in range(-count * step, count * step + 1, step):
            x = x_at(tick)
            painter.setPen(axis_pen)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(x - 30, plot.bottom() + 4, 60, small_metrics.height()), Qt.AlignmentFlag.AlignHCenter, f"{abs(tick):g}")
        painter.setFont(self.font)
        title = QRectF(plot.left(), plot.bottom() + tick_height, plot.width(), title_height)
        painter.drawText(title, Qt.AlignmentFlag.AlignCenter, axis_title(scale))

        # The chosen speaker's positions: hollow diamonds on the segments of their stances.
        painter.setPen(QPen(QColor(INK), 1.6))
        painter.setBrush(QBrush(QColor(PAPER)))
        half = MARKER_SIZE / 2
        for mark in self.marks:
            centre = QPointF(x_at(mark.x), y_at(mark.y))
            diamond = QPainterPath()
            diamond.moveTo(centre.x(), centre.y() - half)
            diamond.lineTo(centre.x() + half, centre.y())
            diamond.lineTo(centre.x(), centre.y() + half)
            diamond.lineTo(centre.x() - half, centre.y())
            diamond.closeSubpath()
            painter.drawPath(diamond)


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
