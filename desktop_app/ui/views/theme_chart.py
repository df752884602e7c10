"""The Themes tab: every speaker's stance, theme by theme, as Likert-style rows of one block per speaker.

pyqtgraph holds it (this module is imported only after the window has
painted, since pyqtgraph and numpy are slow to import).  Geometry and words
come from :mod:`desktop_app.presentation.chart_layout`, which the brief's
chart paints too; the items that draw them are in :mod:`.chart_items`, and
this widget answers hover, clicks and keys, marks the selected speaker on
their own blocks and highlights the selected theme.  Text from the file
reaches pyqtgraph as plain text (axis ticks) or escaped (the axis title and
tooltips, which are rich text).

The chart's tooltip is its own small window (:class:`.chart_tip.ChartTip`),
with the words of :func:`desktop_app.presentation.chart_tooltip.chart_tooltip`.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...painting.chart_glyphs import faded
from ...presentation.chart_layout import (
    BAR_HEIGHT,
    LABEL_GAP,
    ChartRow,
    axis_title,
    chart_name,
    chart_rows,
    column_widths,
    fitted_note,
    note_floor,
    row_note,
    speaker_marks,
    x_span,
    y_range,
)
from ...presentation.chart_sorts import SORT_LABELS, SORTS
from ...presentation.chart_tooltip import chart_tooltip
from ...presentation.focus import Focus, FocusKind
from ...presentation.names import initials_by_id
from ...presentation.next_step import next_step
from ..document import SeminarDocument
from ..selection import Selection
from .chart_items import ChartView, RowsItem, ScaleLegend
from .chart_tip import ChartTip

NARROW = 560
"""Below this many pixels of chart, each row's n and verdict move under its label instead of a column of their own."""

NARROW_LABELS_MOST = 0.54
"""Most of a narrow chart's width its labels' column takes, to give every note its whole verdict word."""
PLOT_SHARE_LEAST = 0.35
"""The share of a narrow chart's width the plot keeps when a note asks for a wider labels' column."""

NARROW_TEXT = 0.92
"""Size of a narrow chart's labels and notes, relative to the window's font: the plot keeps room for every block's initials."""

NARROW_RIGHT = 4.0
"""Width, in pixels, of a narrow chart's right-hand column, which holds no text (the notes are under the labels)."""

_UNSET = object()


class ThemeChart(QWidget):
    sortChanged = Signal(str)

    def __init__(self, document: SeminarDocument, selection: Selection, sort: str = "report", parent: QWidget | None = None):
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._sort = sort if sort in SORTS else "report"
        self._rows: list[ChartRow] = []
        self._speaker_order: list[str] = []  # the speakers the rows were made for, in order
        self._narrow = False
        self._stale = False  # the seminar or the selection changed while another tab was shown
        self._applied: dict[str, object] = {}  # what was last handed to pyqtgraph, by setter: unchanged values are not set again

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
        # A long question wraps; it never asks for more width than the tab has.
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        question_font = QFont(self.font())
        question_font.setBold(True)
        self.caption.setFont(question_font)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(sort_label)
        top.addWidget(self.sort_box)

        self.graphics = ChartView()
        self.graphics.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.graphics.ci.setContentsMargins(6, 4, 10, 6)
        self.legend = ScaleLegend()
        self.graphics.addItem(self.legend, row=0, col=0)
        self.plot = pg.PlotItem(enableMenu=False)
        self.graphics.addItem(self.plot, row=1, col=0)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.invertY(True)
        self.plot.showAxis("right")
        for name in ("left", "right"):
            self.plot.getAxis(name).setStyle(tickLength=0, tickTextOffset=LABEL_GAP, autoExpandTextSpace=False)
        bottom = self.plot.getAxis("bottom")
        bottom.setStyle(tickLength=0, showValues=False)
        bottom.setTicks([[], []])
        self.plot.getViewBox().setDefaultPadding(0)

        self.rows_item = RowsItem(self.graphics.hasFocus, lambda: self.palette().color(QPalette.ColorRole.Highlight))
        self.rows_item.setZValue(2)
        self.plot.addItem(self.rows_item)
        self.zero_line = pg.InfiniteLine(0, angle=90, movable=False)
        self.zero_line.setZValue(1)  # under the blocks: it shows between them, never through their initials
        self.plot.addItem(self.zero_line)
        self.band = QGraphicsRectItem()
        self.band.setZValue(0)
        self.band.setPen(pg.mkPen(None))
        self.band.hide()
        self.plot.addItem(self.band)
        self.markers = pg.ScatterPlotItem(symbol="d", size=12)
        self.markers.setZValue(5)
        self.plot.addItem(self.markers)

        self.tip = ChartTip(self)
        self.graphics.scene().sigMouseClicked.connect(self._on_scene_click)
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_hover)
        self.graphics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.graphics.installEventFilter(self)
        self.graphics.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        self.empty_note = QLabel()  # a seminar with no position yet: what to do next, in one line
        self.empty_note.setObjectName("chartNextStep")
        self.empty_note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()
        layout.addWidget(self.empty_note)
        layout.addWidget(self.graphics, 1)

        self._apply_palette()
        self._rebuild()
        selection.changed.connect(self._on_focus)
        document.reset.connect(self._rebuild)
        document.edited.connect(self._rebuild)
        document.countedKindsChanged.connect(self._rebuild)

    # -- state -----------------------------------------------------------------
    @property
    def sort(self) -> str:
        return self._sort

    def rows(self) -> list[ChartRow]:
        self._ensure_current()
        return list(self._rows)

    @property
    def is_stale(self) -> bool:
        """Whether the chart waits to be shown to draw what changed while another tab was on top."""
        return self._stale

    def _hidden_in_window(self) -> bool:
        """Another tab is shown in a window that is on screen: drawing now would be for nobody."""
        return not self.isVisible() and self.window().isVisible()

    def _ensure_current(self) -> None:
        if self._stale:
            self._rebuild()

    def _apply(self, key: str, value: object, setter) -> None:
        """Call ``setter()`` unless ``value`` is what it set last time under ``key``."""
        if self._applied.get(key, _UNSET) != value:
            setter()
            self._applied[key] = value

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
        muted = faded(text, 0.72)
        self.graphics.setBackground(background)
        for name in ("left", "bottom", "right"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(faded(text, 0.5)))
            axis.setTextPen(pg.mkPen(text))
        self._label_font = QFont(self.font())
        self._narrow_font = QFont(self.font())
        self._narrow_font.setPointSizeF(self.font().pointSizeF() * NARROW_TEXT)
        self.plot.getAxis("left").setTickFont(self._narrow_font if self._narrow else self._label_font)
        self._note_font = QFont(self.font())
        self._note_font.setPointSizeF(self.font().pointSizeF() * 0.92)
        self._note_font.setItalic(True)
        self.plot.getAxis("right").setTickFont(self._note_font)
        self.legend.set_style(self.font(), text, muted, background)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        small.setBold(True)
        self.rows_item.set_style(background, small)
        zero = faded(text, 0.55)
        self.zero_line.setPen(pg.mkPen(zero, width=1, style=Qt.PenStyle.DashLine))
        band = QColor(palette.color(QPalette.ColorRole.Highlight))
        band.setAlphaF(0.16)
        self.band.setBrush(band)
        self.markers.setPen(pg.mkPen(text, width=1.6))
        self.markers.setBrush(pg.mkBrush(background))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and hasattr(self, "rows_item"):
            self._apply_palette()
            self._applied.clear()  # the same texts and ranges draw differently now
            self.rows_item.update()
            self._rebuild()
        super().changeEvent(event)

    def _rebuild(self, *_why) -> None:
        """Draw the document's seminar; while another tab is shown, only note that it is to be drawn when shown."""
        if self._hidden_in_window():
            self._stale = True
            self.tip.close_tip()
            return
        self._stale = False
        dataset = self._dataset
        scale = dataset.seminar.scale
        speaker_order = [speaker.id for speaker in dataset.speakers]
        # Rows of unchanged themes are kept while the speakers' order (each row's block order) stays.
        earlier = {row.theme_id: row for row in self._rows} if speaker_order == self._speaker_order else None
        self._rows = chart_rows(dataset, self._sort, self._document.derived.analysis, earlier)
        self._speaker_order = speaker_order
        rows = self._rows
        self.rows_item.set_rows(rows, initials_by_id(dataset.speakers))
        span = x_span(rows)
        top, bottom = y_range(rows)
        self._apply("x", span, lambda: self.plot.setXRange(-span, span, padding=0))
        # A few themes keep a readable bar height at the top instead of swelling to fill the chart.
        self._apply("y", (top, bottom), lambda: self.plot.setYRange(top, bottom, padding=0))
        self.band_span = span
        question = dataset.seminar.question

        def show_question() -> None:
            self.caption.setText(question)
            self.caption.setToolTip(question)

        self._apply("question", question, show_question)
        step = next_step(dataset)
        self.empty_note.setText(step or "")
        self.empty_note.setVisible(step is not None)
        name = chart_name(scale)
        self._apply("name", name, lambda: self.graphics.setAccessibleName(name))
        self._apply(
            "description", True,
            lambda: self.graphics.setAccessibleDescription(
                "One block per speaker on each theme. Up and Down move between themes, Left and Right between speakers."
            ),
        )
        self.tip.close_tip()
        self._fit_columns()
        self._on_focus(self._selection.focus)

    def _fit_columns(self) -> None:
        """Size the label and note columns for the chart's width, and elide their texts to fit."""
        # The view's own width: its viewport follows only after the resize has been handled.
        width = float(max(self.graphics.width() - 2 * self.graphics.frameWidth(), 1))
        dataset = self._dataset
        scale = dataset.seminar.scale
        labels = [row.label for row in self._rows]
        notes = [row_note(row.metrics, scale) for row in self._rows]
        note_metrics = QFontMetricsF(self._note_font)
        self._narrow = width < NARROW
        left_axis, right_axis = self.plot.getAxis("left"), self.plot.getAxis("right")
        font = self._narrow_font if self._narrow else self._label_font
        label_metrics = QFontMetricsF(font)
        self._apply("left font", font.toString(), lambda: left_axis.setTickFont(font))
        if self._narrow:
            # The note goes under its label, a little smaller, and the labels' column takes the room the notes' column had.
            wanted = max([label_metrics.horizontalAdvance(text) for text in labels + notes] + [0])
            least = note_floor(self._rows, scale, label_metrics.horizontalAdvance)
            left_width = max(min(wanted + LABEL_GAP + 4, width * 0.46), min(least + LABEL_GAP + 4, width * NARROW_LABELS_MOST))
            right_width = NARROW_RIGHT
            text_room = left_width - LABEL_GAP - 4
            ticks = [
                (index, self._elided(label_metrics, label, text_room) + "\n" + fitted_note(row.metrics, scale, label_metrics.horizontalAdvance, text_room))
                for index, (label, row) in enumerate(zip(labels, self._rows, strict=True))
            ]
            right_ticks: list = []
            # A note is never cut inside its verdict, so it may need more than the room given, and
            # the axis leaves out any text it cannot hold whole: widen the column to it while the
            # plot keeps its share, else put the note on two lines under its label.
            needed = _widest_line(label_metrics, ticks) + LABEL_GAP + 4
            most = width * (1 - PLOT_SHARE_LEAST) - right_width - 20
            if needed > left_width:
                left_width = max(left_width, min(needed, most))
                text_room = left_width - LABEL_GAP - 4
                if needed > left_width:
                    ticks = [
                        (index, self._elided(label_metrics, label, text_room) + "\n"
                         + fitted_note(row.metrics, scale, label_metrics.horizontalAdvance, text_room, lines=2))
                        for index, (label, row) in enumerate(zip(labels, self._rows, strict=True))
                    ]
                    left_width = max(left_width, _widest_line(label_metrics, ticks) + LABEL_GAP + 4)
        else:
            left_wanted = max([label_metrics.horizontalAdvance(text) for text in labels] + [0])
            note_wanted = max([note_metrics.horizontalAdvance(text) for text in notes] + [0])
            least = note_floor(self._rows, scale, note_metrics.horizontalAdvance, lines=2)
            left_width, right_width = column_widths(width, left_wanted + 4, note_wanted + 4, least + 4)
            ticks = [(index, self._elided(label_metrics, label, left_width - LABEL_GAP - 4)) for index, label in enumerate(labels)]
            room = right_width - LABEL_GAP - 4
            right_ticks = [
                (index, fitted_note(row.metrics, scale, note_metrics.horizontalAdvance, room, lines=2))
                for index, row in enumerate(self._rows)
            ]
            right_width = max(right_width, _widest_line(note_metrics, right_ticks) + LABEL_GAP + 4)
        title_metrics = QFontMetricsF(self.font())
        plot_room = max(width - left_width - right_width - 20, 40.0)
        # The title is centred under the plot and may reach as far into the columns beside it on each side.
        title_room = plot_room + 2 * min(left_width, right_width)
        title = "<br>".join(html.escape(line) for line in axis_title(scale, title_metrics.horizontalAdvance, title_room, lines=2).split("\n"))
        # Each setter re-lays out or repaints its axis: an edit that changes one row's note sets only that column.
        self._apply("title", title, lambda: self.plot.setLabel("bottom", title))
        self._apply("left width", int(left_width), lambda: left_axis.setWidth(int(left_width)))
        self._apply("right width", int(right_width), lambda: right_axis.setWidth(int(right_width)))
        self._apply("left ticks", ticks, lambda: left_axis.setTicks([ticks, []]))
        self._apply("right ticks", right_ticks, lambda: right_axis.setTicks([right_ticks, []]))
        self.legend.set_scale(scale, self._selected_name())
        self.legend.fit(width - 16)

    @staticmethod
    def _elided(metrics: QFontMetricsF, text: str, width: float) -> str:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 10.0))

    def _selected_name(self) -> str | None:
        focus = self._selection.focus
        if focus.kind is FocusKind.SPEAKER and focus.speaker and self._dataset.has_speaker(focus.speaker):
            return self._dataset.speaker(focus.speaker).name
        return None

    def block_pixels(self) -> float:
        """Width of one speaker's block, in pixels, at the chart's current size."""
        return self.plot_width() / (2 * x_span(self._rows))

    def plot_width(self) -> float:
        """Width of the plot area (the blocks' room) in pixels."""
        return self.plot.getViewBox().sceneBoundingRect().width()

    def label_texts(self) -> list[str]:
        """The theme labels as the left column shows them (elided to fit)."""
        self._ensure_current()
        return [text for _, text in self.plot.getAxis("left")._tickLevels[0]] if self.plot.getAxis("left")._tickLevels else []

    def note_texts(self) -> list[str]:
        """Each row's n and verdict as shown, in a column of their own or under the label when the chart is narrow."""
        self._ensure_current()
        if self._narrow:
            return [text.split("\n", 1)[1] for text in self.label_texts()]
        levels = self.plot.getAxis("right")._tickLevels
        return [text for _, text in levels[0]] if levels else []

    # -- following the selection ---------------------------------------------
    def _on_focus(self, focus: Focus) -> None:
        if self._stale or self._hidden_in_window():
            self._stale = True  # drawn with everything else when the tab is shown
            return
        theme = focus.theme if focus.kind is FocusKind.THEME else None
        index = self.row_index(theme) if theme else None
        if index is None:
            self.band.hide()
        else:
            band = QRectF(-self.band_span, index - 0.5, 2 * self.band_span, 1.0)
            if band != self.band.rect():
                self.band.setRect(band)
            self.band.show()
        speaker = focus.speaker if focus.kind is FocusKind.SPEAKER else None
        self._place_markers(speaker)
        name = self._selected_name()
        if name != self.legend._speaker_name:
            self.legend.set_scale(self._dataset.seminar.scale, name)

    def _place_markers(self, speaker_id: str | None) -> None:
        marks = speaker_marks(self._dataset, self._rows, speaker_id)
        spots = [{"pos": (mark.x, mark.y), "data": (mark.theme_id, mark.stance)} for mark in marks]
        self._apply("marks", spots, lambda: self.markers.setData(spots))

    def marker_positions(self) -> list[tuple[float, float]]:
        """Where the selected speaker's markers are drawn, in chart coordinates (for tests)."""
        self._ensure_current()
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

    def block_index(self, index: int, x: float | None) -> int | None:
        if x is None:
            return None
        block = self._rows[index].block_at(x)
        return None if block is None else self._rows[index].blocks.index(block)

    def tooltip(self, index: int, x: float | None = None, block: int | None = None) -> str:
        """Rich text for a row: the speaker under ``x`` (or block number ``block``) and their stance group, then the theme's evidence."""
        if block is None:
            block = self.block_index(index, x)
        return chart_tooltip(self._rows[index], self._dataset, block)

    def _global_of_scene(self, scene_pos: QPointF) -> QPoint:
        return self.graphics.viewport().mapToGlobal(self.graphics.mapFromScene(scene_pos))

    def _show_tip(self, index: int, block: int | None, scene_pos: QPointF, pinned: bool = False) -> None:
        # Pinned, the tip stays up while the user reads on: it goes beside the rows, not over those below.
        keep_clear = self.rows_global_rect(index) if pinned else None
        self.tip.show_at(self._global_of_scene(scene_pos), self.tooltip(index, block=block), (index, block), pinned, keep_clear)

    def rows_global_rect(self, first: int = 0) -> QRect:
        """Row ``first`` and every row below it, with their labels and notes, in screen coordinates."""
        scene = self.plot.sceneBoundingRect()
        top = self.plot.getViewBox().mapViewToScene(QPointF(0, first - 0.5)).y()
        scene.setTop(max(scene.top(), top))
        view = self.graphics.mapFromScene(scene).boundingRect()
        return QRect(self.graphics.viewport().mapToGlobal(view.topLeft()), view.size())

    def _on_scene_hover(self, scene_pos: QPointF) -> None:
        if self.tip.pinned:
            return
        index = self.row_at(scene_pos)
        if index is None:
            self.tip.close_tip()
            return
        block = self.block_index(index, self.chart_point(scene_pos).x())
        if self.tip.isVisible() and self.tip.key == (index, block):
            return
        self._show_tip(index, block, scene_pos)

    def _on_scene_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.row_at(event.scenePos())
        if index is None:
            self.tip.close_tip()
            return
        block = self.block_index(index, self.chart_point(event.scenePos()).x())
        self._selection.select_theme(self._rows[index].theme_id)
        self._show_tip(index, block, event.scenePos(), pinned=True)

    def _block_scene_pos(self, index: int, block: int | None) -> QPointF:
        row = self._rows[index]
        x = row.blocks[block].centre if block is not None else 0.0
        return self.plot.getViewBox().mapViewToScene(QPointF(x, index + BAR_HEIGHT / 2))

    def _move_cursor(self, rows_by: int, blocks_by: int) -> None:
        focus = self._selection.focus
        current = self.row_index(focus.theme) if focus.kind is FocusKind.THEME else None
        if rows_by or current is None:
            target = 0 if current is None else max(0, min(len(self._rows) - 1, current + rows_by))
            if target != current:
                self._selection.select_theme(self._rows[target].theme_id)
            current = target
        blocks = self._rows[current].blocks
        old = self.rows_item.cursor
        block = old[1] if old is not None and old[0] == current else None
        if not blocks:
            block = None
        elif blocks_by:
            block = (0 if blocks_by > 0 else len(blocks) - 1) if block is None else max(0, min(len(blocks) - 1, block + blocks_by))
        elif block is not None:
            block = min(block, len(blocks) - 1)
        elif old is not None and blocks:
            block = min(old[1], len(blocks) - 1)
        self.rows_item.cursor = (current, block) if block is not None else None
        self.rows_item.update()
        self._show_tip(current, block, self._block_scene_pos(current, block))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        kind = event.type()
        if watched is self.graphics and kind == QEvent.Type.KeyPress and self._rows:
            moves = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1)}
            move = moves.get(event.key())
            if move is not None:
                self._move_cursor(*move)
                return True
            if event.key() == Qt.Key.Key_Escape and self.tip.isVisible():
                self.tip.close_tip()
                return True
        elif watched is self.graphics and kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.graphics.viewport().update()
            self.rows_item.update()
            if kind == QEvent.Type.FocusOut and not self.tip.pinned:
                self.tip.close_tip()
        elif watched is self.graphics.viewport() and kind == QEvent.Type.Leave and not self.tip.pinned:
            self.tip.close_tip()
        elif watched is self.graphics and kind == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.tip.close_tip()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        self._ensure_current()  # what changed while another tab was shown, drawn before the first paint
        super().showEvent(event)


def _widest_line(metrics: QFontMetricsF, ticks: list[tuple[int, str]]) -> float:
    """The width of the widest line among the ticks' texts."""
    return max((metrics.horizontalAdvance(line) for _, text in ticks for line in text.split("\n")), default=0.0)
