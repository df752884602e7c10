"""The Themes tab: consensus versus divergence by theme, as Likert-style diverging stacked bars.

pyqtgraph draws it (this module is imported only after the window has
painted, since pyqtgraph and numpy are slow to import).  Geometry comes from
:mod:`.chart_layout`; this module draws it, answers hover and clicks, marks
the selected speaker's positions and highlights the selected theme.  Every
text from the file reaches pyqtgraph either as plain text (axis ticks) or
escaped (legend and axis titles, which pyqtgraph treats as HTML).
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QComboBox, QGraphicsRectItem, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from ..model.analysis import stance_label, verdict_label
from ..model.dataset import Dataset
from ..model.schema import Scale
from ..presentation.chart_layout import (
    BANDS,
    BAR_HEIGHT,
    ChartRow,
    axis_title,
    chart_rows,
    elide,
    legend_groups,
    legend_pieces,
    speaker_marks,
    tick_step,
    x_span,
    y_range,
)
from ..presentation.chart_sorts import SORT_LABELS, SORTS
from ..presentation.colours import INK, MUTED
from ..presentation.focus import Focus, FocusKind
from ..presentation.wording import chart_title, metrics_summary
from .document import SeminarDocument
from .palette import stance_colour
from .selection import Selection


class CountAxis(pg.AxisItem):
    """Bottom axis: number of speakers either side of the centre, shown without sign."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        return [f"{abs(value):g}" for value in values]

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802
        return [(tick_step(minVal, maxVal, size), 0)]


class ScaleLegend(pg.GraphicsWidget):
    """One line above the chart: the bands' colours under the scale's own words, drawn as plain text."""

    HEIGHT = 26

    def __init__(self):
        super().__init__()
        self._scale: Scale | None = None
        self._font = QFont()
        self._text = QColor(INK)
        self._muted = QColor(MUTED)
        self.setMinimumHeight(self.HEIGHT)
        self.setMaximumHeight(self.HEIGHT)

    def set_scale(self, scale: Scale) -> None:
        self._scale = scale
        self.update()

    def set_style(self, font: QFont, text: QColor, muted: QColor) -> None:
        self._font, self._text, self._muted = QFont(font), QColor(text), QColor(muted)
        self.update()

    def labels(self) -> list[str]:
        return [label for _, label in legend_groups(self._scale)] if self._scale is not None else []

    def paint(self, painter: QPainter, *args) -> None:
        if self._scale is None:
            return
        painter.setFont(self._font)
        height = self.size().height()
        middle = height / 2
        for piece in legend_pieces(self._scale, painter.fontMetrics().horizontalAdvance, self.size().width()):
            if piece.band is not None:
                painter.fillRect(QRectF(piece.x, middle - piece.width / 2, piece.width, piece.width), stance_colour(piece.band))
            else:
                painter.setPen(self._muted if piece.muted else self._text)
                painter.drawText(QRectF(piece.x, 0, piece.width, height), Qt.AlignmentFlag.AlignVCenter, piece.text)


class ThemeChart(QWidget):
    sortChanged = Signal(str)

    def __init__(self, document: SeminarDocument, selection: Selection, sort: str = "report", parent: QWidget | None = None):
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._sort = sort if sort in SORTS else "report"
        self._rows: list[ChartRow] = []

        self.sort_box = QComboBox()
        for key in SORTS:
            self.sort_box.addItem(SORT_LABELS[key], key)
        self.sort_box.setCurrentIndex(SORTS.index(self._sort))
        self.sort_box.currentIndexChanged.connect(lambda i: self.set_sort(self.sort_box.itemData(i)))
        self.sort_box.setAccessibleName("Sort themes by")
        sort_label = QLabel("Sort by")
        sort_label.setBuddy(self.sort_box)
        self.caption = QLabel()
        self.caption.setObjectName("chartQuestion")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        question_font = QFont(self.font())
        question_font.setBold(True)
        self.caption.setFont(question_font)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(sort_label)
        top.addWidget(self.sort_box)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setAccessibleName(chart_title(document.dataset.seminar.scale))
        self.graphics.ci.setContentsMargins(6, 4, 10, 6)
        self.legend = ScaleLegend()
        self.graphics.addItem(self.legend, row=0, col=0)
        self.plot = pg.PlotItem(axisItems={"bottom": CountAxis("bottom")}, enableMenu=False)
        self.graphics.addItem(self.plot, row=1, col=0)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.invertY(True)
        self.plot.showAxis("right")
        self.plot.getAxis("left").setStyle(tickLength=0, tickTextOffset=8)
        self.plot.getAxis("right").setStyle(tickLength=0, tickTextOffset=8)
        self.plot.getViewBox().setDefaultPadding(0)

        self._bars: dict[int, pg.BarGraphItem] = {}
        for band in BANDS:
            bar = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_HEIGHT, brush=stance_colour(band))
            bar.setZValue(2)
            self._bars[band] = bar
            self.plot.addItem(bar)
        self.zero_line = pg.InfiniteLine(0, angle=90, movable=False)
        self.zero_line.setZValue(3)
        self.plot.addItem(self.zero_line)
        self.band = QGraphicsRectItem()
        self.band.setZValue(0)
        self.band.setPen(pg.mkPen(None))
        self.band.hide()
        self.plot.addItem(self.band)
        self.markers = pg.ScatterPlotItem(symbol="d", size=14)
        self.markers.setZValue(5)
        self.plot.addItem(self.markers)

        self.graphics.scene().sigMouseClicked.connect(self._on_scene_click)
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_hover)
        self.graphics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.graphics.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.graphics, 1)

        self._apply_palette()
        self._rebuild()
        selection.changed.connect(self._on_focus)
        document.reset.connect(self._rebuild)
        document.edited.connect(self._rebuild)

    # -- state -----------------------------------------------------------------
    @property
    def sort(self) -> str:
        return self._sort

    def rows(self) -> list[ChartRow]:
        return list(self._rows)

    @property
    def _dataset(self) -> Dataset:
        return self._document.dataset

    def set_sort(self, sort: str) -> None:
        if sort not in SORTS or sort == self._sort:
            return
        self._sort = sort
        self.sort_box.blockSignals(True)
        self.sort_box.setCurrentIndex(SORTS.index(sort))
        self.sort_box.blockSignals(False)
        self._rebuild()
        self.sortChanged.emit(sort)

    # -- drawing -----------------------------------------------------------------
    def _apply_palette(self) -> None:
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.65)
        self.graphics.setBackground(background)
        for name in ("left", "bottom", "right"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(muted))
            axis.setTextPen(pg.mkPen(text if name != "right" else muted))
        font = QFont(self.font())
        self.plot.getAxis("left").setTickFont(font)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.92)
        small.setItalic(True)
        self.plot.getAxis("right").setTickFont(small)
        self.plot.getAxis("bottom").setTickFont(small)
        self.legend.set_style(self.font(), text, muted)
        zero = QColor(text)
        zero.setAlphaF(0.55)
        self.zero_line.setPen(pg.mkPen(zero, width=1, style=Qt.PenStyle.DashLine))
        band = QColor(palette.color(QPalette.ColorRole.Highlight))
        band.setAlphaF(0.16)
        self.band.setBrush(band)
        self.markers.setPen(pg.mkPen(text, width=1.6))
        self.markers.setBrush(pg.mkBrush(background))
        for bar in self._bars.values():
            bar.setOpts(pen=pg.mkPen(background, width=1.5))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
            self._rebuild()
        super().changeEvent(event)

    def _rebuild(self, *_why) -> None:
        dataset = self._dataset
        scale = dataset.seminar.scale
        self._rows = chart_rows(dataset, self._sort)
        rows = self._rows
        for band, bar in self._bars.items():
            x0, y, width = [], [], []
            for index, row in enumerate(rows):
                segment = row.segments[band]
                if segment.width:
                    x0.append(segment.start)
                    y.append(index)
                    width.append(segment.width)
            bar.setOpts(x0=x0, y=y, width=width, height=BAR_HEIGHT)

        self.legend.set_scale(scale)

        left = self.plot.getAxis("left")
        left.setTicks([[(index, elide(row.label)) for index, row in enumerate(rows)], []])
        right = self.plot.getAxis("right")
        right.setTicks([[(index, verdict_label(row.metrics.verdict, scale)) for index, row in enumerate(rows)], []])
        self.plot.setLabel("bottom", html.escape(axis_title(scale)))
        span = x_span(rows)
        self.plot.setXRange(-span, span, padding=0)
        # A few themes keep a readable bar height at the top instead of swelling to fill the chart.
        self.plot.setYRange(*y_range(rows), padding=0)
        self.band_span = span
        self.caption.setText(dataset.seminar.question)
        self.graphics.setAccessibleName(chart_title(dataset.seminar.scale))
        self.caption.setToolTip("Each block is one speaker, placed by their stance on the theme. Click a theme to see every position on it.")
        self._on_focus(self._selection.focus)

    # -- following the selection ---------------------------------------------
    def _on_focus(self, focus: Focus) -> None:
        theme = focus.theme if focus.kind is FocusKind.THEME else None
        index = self.row_index(theme) if theme else None
        if index is None:
            self.band.hide()
        else:
            self.band.setRect(QRectF(-self.band_span, index - 0.5, 2 * self.band_span, 1.0))
            self.band.show()
        self._place_markers(focus.speaker if focus.kind is FocusKind.SPEAKER else None)

    def _place_markers(self, speaker_id: str | None) -> None:
        marks = speaker_marks(self._dataset, self._rows, speaker_id)
        self.markers.setData([{"pos": (mark.x, mark.y), "data": (mark.theme_id, mark.stance)} for mark in marks])

    def marker_positions(self) -> list[tuple[float, float]]:
        """Where the selected speaker's markers are drawn, in chart coordinates (for tests)."""
        return [(point.pos().x(), point.pos().y()) for point in self.markers.points()]

    def row_index(self, theme_id: str | None) -> int | None:
        for index, row in enumerate(self._rows):
            if row.theme_id == theme_id:
                return index
        return None

    # -- hover and click ---------------------------------------------------------
    def chart_point(self, scene_pos: QPointF) -> QPointF:
        return self.plot.getViewBox().mapSceneToView(scene_pos)

    def row_at(self, scene_pos: QPointF) -> int | None:
        if not self.plot.sceneBoundingRect().contains(scene_pos):
            return None
        y = self.chart_point(scene_pos).y()
        index = round(y)
        return index if 0 <= index < len(self._rows) and abs(y - index) <= 0.5 else None

    def tooltip(self, index: int, x: float | None = None) -> str:
        """Rich text for a row: the segment under ``x`` with its speakers, then the theme's metrics."""
        row = self._rows[index]
        scale = self._dataset.seminar.scale
        lines = [f"<b>{html.escape(row.label)}</b>"]
        segment = row.segment_at(x) if x is not None else None
        if segment is not None:
            names = ", ".join(html.escape(self._dataset.speaker(s).display_name) for s in segment.speakers)
            count = len(segment.speakers)
            lines.append(f"{html.escape(stance_label(segment.band, scale))}: {count} speaker{'s' if count != 1 else ''}")
            lines.append(f"<i>{names}</i>")
        lines.append("")
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>&nbsp;&nbsp;<b>{html.escape(value)}</b></td></tr>"
            for name, value in metrics_summary(row.metrics, scale)
        )
        return "<br>".join(lines) + f"<table cellspacing='0' cellpadding='0'>{rows}</table>"

    def _on_scene_hover(self, scene_pos: QPointF) -> None:
        index = self.row_at(scene_pos)
        if index is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.tooltip(index, self.chart_point(scene_pos).x()), self.graphics)

    def _on_scene_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.row_at(event.scenePos())
        if index is not None:
            self._selection.select_theme(self._rows[index].theme_id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.graphics and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key())
            if step is not None and self._rows:
                focus = self._selection.focus
                current = self.row_index(focus.theme) if focus.kind is FocusKind.THEME else None
                target = 0 if current is None else max(0, min(len(self._rows) - 1, current + step))
                self._selection.select_theme(self._rows[target].theme_id)
                return True
        return super().eventFilter(watched, event)
