"""The Timeline tab: who spoke when, on what, with what stance, and who answered whom.

One row per speaker along a shared axis (turn times where the transcript has
them, else the place in the source text, said so above the rows); each turn a
thin span, each position a mark coloured by its stance with the chart's
palette (hollow when it does not count).  The theme filter follows the
selected theme; hovering a mark shows its summary and excerpt, a click
selects its speaker and brings the position up in the detail panel, as a
click on a passage in the Source tab does.  Under the rows: who moved, and
the pairs who answered each other most.

Geometry and words come from :mod:`desktop_app.presentation.timeline_layout`
and :mod:`desktop_app.presentation.discussion`; the glyphs from
:mod:`desktop_app.painting.timeline_marks`.  Text from the file is escaped
before it reaches a rich-text tooltip or label.
"""

from __future__ import annotations

import bisect
import html

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ...model.dataset import Dataset
from ...painting.chart_glyphs import faded
from ...painting.timeline_marks import paint_mark, paint_span
from ...presentation.colours import stance_hex
from ...presentation.discussion import (
    movement_phrase,
    movement_sentence,
    reply_pair_sentence,
    seminar_movements,
    seminar_reply_pairs,
)
from ...presentation.discussion import who_on as _who_on
from ...presentation.focus import Focus, FocusKind
from ...presentation.names import speaker_short_name
from ...presentation.timeline_layout import Timeline, TimelineMark, axis_title, place_text, ticks, timeline
from ...presentation.turns import clock, position_time
from ...presentation.wording import kind_label, stance_words
from ..appearance import mark_caption
from ..document import SeminarDocument
from ..selection import Selection

ROW_GAP = 10
"""Pixels above and below a row's text."""
NAME_SHARE = 0.3
"""The most of the tab's width the speakers' names may take."""
NAME_MOST = 200
"""The widest the names' column grows, in pixels."""
HIT_DISTANCE = 7.0
"""How near a mark, in pixels, the pointer must be to hover or click it."""
EXCERPT_SHOWN = 280
"""Characters of an excerpt a tooltip shows before it is cut with an ellipsis."""
PAIRS_SHOWN = 3
"""Reply pairs listed under the rows."""
MOVES_SHOWN = 2
"""Movements named under the rows before the rest are only counted."""
ALL_THEMES = ""


class _Geometry:
    """Where things go on the rows and the axis, for one width: names on the left, the axis's extent across the rest."""

    def __init__(self, width: float, name_width: float, extent: tuple[float, float]):
        self.left = name_width + 10
        self.right = max(width - 14, self.left + 20)
        self.low, self.high = extent

    def x(self, value: float) -> float:
        span = max(self.high - self.low, 1e-9)
        return self.left + (value - self.low) / span * (self.right - self.left)


class _Rows(QWidget):
    """The speakers' rows: names, turns and marks; hover, click and Up/Down."""

    def __init__(self, view: TimelineView):
        super().__init__()
        self._view = view
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Timeline of the discussion")
        self.setAccessibleDescription("One row per speaker. Up and Down move between speakers; a click on a mark shows its position.")

    def row_height(self) -> int:
        return self.fontMetrics().height() + ROW_GAP

    def sizeHint(self) -> QSize:  # noqa: N802
        line = self._view.line
        return QSize(300, self.row_height() * (len(line.speakers) if line else 0) + 4)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        view, line = self._view, self._view.line
        painter = QPainter(self)
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        painter.fillRect(event.rect(), background)
        if line is None:
            return
        geometry = view.geometry_for(self.width())
        height = self.row_height()
        first = max(event.rect().top() // height, 0)
        last = min(event.rect().bottom() // height + 1, len(line.speakers))
        selected = view.selected_rows()
        band = QColor(palette.color(QPalette.ColorRole.Highlight))
        band.setAlphaF(0.18)
        grid = faded(text, 0.12)
        span_colour = faded(text, 0.35)
        metrics = QFontMetricsF(self.font())
        for row in range(first, last):
            top = row * height
            middle = top + height / 2
            if row in selected:
                painter.fillRect(QRectF(0, top, self.width(), height), band)
            painter.fillRect(QRectF(geometry.left, middle, geometry.right - geometry.left, 1), grid)
            painter.setPen(text)
            room = geometry.left - 14
            name = view.row_names[row]
            if metrics.horizontalAdvance(name) > room:
                name = view.short_names[row]
            name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRectF(6, top, geometry.left - 12, height), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            for span in line.spans_by_row[row]:
                paint_span(painter, geometry.x(span.start), geometry.x(span.end), middle, span_colour)
            for mark in line.marks_by_row[row]:
                paint_mark(painter, QPointF(geometry.x(mark.x), middle), mark.stance, mark.counted, text, background)
        painter.end()

    def mark_at(self, point: QPoint) -> TimelineMark | None:
        line = self._view.line
        if line is None:
            return None
        row = point.y() // self.row_height()
        if not 0 <= row < len(line.speakers):
            return None
        geometry = self._view.geometry_for(self.width())
        marks = line.marks_by_row[row]
        xs = self._view.row_xs(row, geometry)
        index = bisect.bisect_left(xs, point.x() - HIT_DISTANCE)
        best: TimelineMark | None = None
        nearest = HIT_DISTANCE
        while index < len(xs) and xs[index] <= point.x() + HIT_DISTANCE:
            distance = abs(xs[index] - point.x())
            if distance <= nearest:
                best, nearest = marks[index], distance
            index += 1
        return best

    def row_at(self, point: QPoint) -> int | None:
        line = self._view.line
        row = point.y() // self.row_height()
        return row if line is not None and 0 <= row < len(line.speakers) else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position().toPoint()
        mark = self.mark_at(point)
        if mark is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self._view.tooltip(mark), self)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            point = event.position().toPoint()
            mark = self.mark_at(point)
            if mark is not None:
                self._view.select_mark(mark)
            else:
                row = self.row_at(point)
                if row is not None and self._view.line is not None:
                    self._view.select_row(row)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is not None and self._view.line is not None and self._view.line.speakers:
            self._view.move_row(step)
            return
        super().keyPressEvent(event)


class _Axis(QWidget):
    """The shared axis above the rows: its ticks, aligned with the rows' plot."""

    def __init__(self, view: TimelineView):
        super().__init__()
        self._view = view
        self.setFixedHeight(self.fontMetrics().height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        line = self._view.line
        if line is None:
            return
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.Text)
        width = self._view.rows.width()
        geometry = self._view.geometry_for(width)
        metrics = QFontMetricsF(self.font())
        widest = "0:00:00" if line.axis == "time" and line.extent[1] >= 3600 else ("00:00" if line.axis == "time" else "100%")
        most = max(int((geometry.right - geometry.left) / (metrics.horizontalAdvance(widest) + 20)) + 1, 3)
        painter.setPen(faded(text, 0.8))
        for value, label in ticks(line.axis, line.extent, most):
            x = geometry.x(value)
            advance = metrics.horizontalAdvance(label)
            left = min(max(x - advance / 2, geometry.left - advance / 2), width - advance - 2)
            painter.drawText(QPointF(left, metrics.ascent() + 2), label)
            painter.drawLine(QPointF(x, self.height() - 4), QPointF(x, self.height()))
        painter.end()


class TimelineView(QWidget):
    """The Timeline tab on a document, following the selection."""

    def __init__(self, document: SeminarDocument, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self.line: Timeline | None = None
        self.row_names: list[str] = []
        self.short_names: list[str] = []
        self._row_index: dict[str, int] = {}
        self._kept: dict[str, Timeline] = {}
        self._kept_for: object = None
        self._xs: dict[int, list[float]] = {}
        self._xs_for: tuple[float, float] | None = None
        self._name_width = 120.0
        self._stale = True

        self.caption = QLabel()
        self.caption.setObjectName("timelineAxis")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        mark_caption(self.caption)
        self.theme_box = QComboBox()
        self.theme_box.setAccessibleName("Theme shown on the timeline")
        self.theme_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.theme_box.setMinimumContentsLength(12)
        self.theme_box.currentIndexChanged.connect(self._on_theme_chosen)
        theme_label = QLabel("Theme")
        theme_label.setBuddy(self.theme_box)
        top = QHBoxLayout()
        top.addWidget(theme_label)
        top.addWidget(self.theme_box, 1)
        top.addStretch(1)
        self.legend = QLabel()
        self.legend.setObjectName("timelineLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.rows = _Rows(self)
        self.axis = _Axis(self)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.rows)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer = QLabel()
        self.footer.setObjectName("timelineFooter")
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setWordWrap(True)
        self.footer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.axis)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.footer)

        selection.changed.connect(self._on_focus)
        document.reset.connect(self._on_data)
        document.edited.connect(self._on_data)
        document.countedKindsChanged.connect(self._on_data)
        # Drawn when first shown: a window opening on another tab does not lay out every position here first.

    # -- state ----------------------------------------------------------------
    @property
    def _dataset(self) -> Dataset:
        return self._document.dataset

    @property
    def theme_filter(self) -> str | None:
        """The theme shown (None: every theme)."""
        value = self.theme_box.currentData()
        return value or None

    def _hidden_in_window(self) -> bool:
        return not self.isVisible() and self.window().isVisible()

    def _on_data(self, *_why) -> None:
        self._kept.clear()
        self._stale = True
        if not self._hidden_in_window():
            self._rebuild()

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self._rebuild()
        super().showEvent(event)

    def _timeline_for(self, theme_id: str | None) -> Timeline:
        derived = self._document.derived
        if self._kept_for is not derived:
            self._kept.clear()
            self._kept_for = derived
        key = theme_id or ALL_THEMES
        found = self._kept.get(key)
        if found is None:
            analysis = derived.analysis
            found = timeline(self._dataset, theme_id, analysis.counted_kinds, analysis.left_out)
            self._kept[key] = found
        return found

    # -- drawing ----------------------------------------------------------------
    def _rebuild(self) -> None:
        self._stale = False
        dataset = self._dataset
        focus = self._selection.focus
        wanted = focus.theme if focus.kind is FocusKind.THEME else self.theme_filter
        self.theme_box.blockSignals(True)
        self.theme_box.clear()
        self.theme_box.addItem("All themes", ALL_THEMES)
        for theme in dataset.themes:
            self.theme_box.addItem(theme.label, theme.id)
        index = self.theme_box.findData(wanted) if wanted and dataset.has_theme(wanted) else 0
        self.theme_box.setCurrentIndex(max(index, 0))
        self.theme_box.blockSignals(False)
        self.row_names = [speaker.display_name for speaker in dataset.speakers]
        self.short_names = [speaker_short_name(speaker) for speaker in dataset.speakers]
        self._row_index = {speaker.id: row for row, speaker in enumerate(dataset.speakers)}
        metrics = QFontMetricsF(self.font())
        self._name_width = max((metrics.horizontalAdvance(name) for name in self.row_names), default=60.0) + 4
        self._show_legend()
        self._show_theme()
        self._show_footer()

    def _show_theme(self) -> None:
        self.line = self._timeline_for(self.theme_filter)
        self._xs.clear()
        self._xs_for = None
        title = axis_title(self.line.axis)
        if self.line.unplaced:
            title += f" \u00b7 {self.line.unplaced} outside the timed turns, not shown"
        self.caption.setText(title)
        self.rows.updateGeometry()
        self.rows.adjustSize()
        self.rows.update()
        self.axis.update()

    def _show_legend(self) -> None:
        scale = self._dataset.seminar.scale
        keys = [
            f'<span style="color:{stance_hex(stance)}">\u25cf</span>\u00a0{html.escape(stance_words(stance, scale)).replace(" ", "&nbsp;")}'
            for stance in (-2, -1, 0, 1, 2)
        ]
        keys.append("\u25cb\u00a0not&nbsp;counted (context, or awaiting a stance)")
        self.legend.setText("&nbsp;&nbsp; ".join(keys))

    def _show_footer(self) -> None:
        """Who moved and who answered whom, in two or three short lines; the whole list in the tooltip."""
        dataset = self._dataset
        analysis = self._document.derived.analysis
        found = seminar_movements(dataset, analysis)
        moved = [m for m in found if m.moved]
        lines: list[str] = []
        full: list[str] = []
        if found:
            named = [movement_phrase(dataset, m) for m in moved]
            shown = "; ".join(named[:MOVES_SHOWN]) + ("; …" if len(named) > MOVES_SHOWN else "")
            lines.append(f"Moved: {len(moved)}, held: {len(found) - len(moved)}" + (f" — {shown}" if shown else ""))
            full += [movement_sentence(dataset, m, name=_who_on(dataset, m)) for m in found]
        else:
            lines.append("Moved: nobody took two counted positions on a theme at different times.")
        if not dataset.seminar.source.turns:
            lines.append("Who answered whom needs a transcript with speakers’ turns; this source has none.")
        else:
            pairs = seminar_reply_pairs(dataset, analysis)
            if pairs:
                lines.append("Answered each other most: " + "; ".join(reply_pair_sentence(dataset, pair) for pair in pairs[:PAIRS_SHOWN]))
                full += [reply_pair_sentence(dataset, pair) for pair in pairs]
            else:
                lines.append("Who answered whom: no turn took up a theme of the turn just before it.")
        self.footer.setText("\n".join(lines))
        self.footer.setToolTip("<p>" + "<br>".join(html.escape(line) for line in full) + "</p>" if full else "")

    def geometry_for(self, width: float) -> _Geometry:
        name_width = min(self._name_width, width * NAME_SHARE, NAME_MOST)
        extent = self.line.extent if self.line is not None else (0.0, 1.0)
        return _Geometry(width, name_width, extent)

    def row_xs(self, row: int, geometry: _Geometry) -> list[float]:
        """The pixel places of a row's marks at ``geometry``, worked out once per width."""
        key = (geometry.left, geometry.right)
        if self._xs_for != key:
            self._xs.clear()
            self._xs_for = key
        found = self._xs.get(row)
        if found is None and self.line is not None:
            found = [geometry.x(mark.x) for mark in self.line.marks_by_row[row]]
            self._xs[row] = found
        return found or []

    def selected_rows(self) -> set[int]:
        focus = self._selection.focus
        ids = [focus.speaker, focus.other_speaker] if focus.kind in (FocusKind.SPEAKER, FocusKind.PAIR) else []
        return {self._row_index[s] for s in ids if s in self._row_index}

    def tooltip(self, mark: TimelineMark) -> str:
        """Rich text for a mark: who, on what, with what stance, when; the summary and the excerpt, all escaped."""
        dataset = self._dataset
        position = dataset.position(mark.position_id)
        speaker = dataset.speaker(mark.speaker_id)
        theme = dataset.theme(mark.theme_id)
        stance: int | None = position.stance
        if stance is None:
            stance_text = "awaiting a stance (not counted)"
        else:
            stance_text = stance_words(stance, dataset.seminar.scale) + ("" if mark.counted else " (context, not counted)")
        excerpt = position.excerpt if len(position.excerpt) <= EXCERPT_SHOWN else position.excerpt[:EXCERPT_SHOWN].rstrip() + "\u2026"
        turn_start = position_time(dataset, mark.position_id)
        if self.line is not None and self.line.axis == "time" and turn_start is not None:
            where = f"in the turn from {clock(turn_start)}"
        else:
            where = place_text(dataset, "text", mark.x)
        summary = f"{html.escape(position.summary)}<br>" if position.summary else ""
        return (
            f"<p style='white-space:pre-wrap'><b>{html.escape(speaker.display_name)}</b> \u00b7 {html.escape(theme.label)}<br>"
            f"{html.escape(stance_text)} \u00b7 {html.escape(kind_label(position.kind))} \u00b7 {html.escape(where)}</p>"
            f"<p>{summary}<i>\u201c{html.escape(excerpt)}\u201d</i></p>"
        )

    # -- selecting ----------------------------------------------------------------
    def select_mark(self, mark: TimelineMark) -> None:
        """Select a mark's position as a click on its passage in the Source tab does: its speaker, then the position in the detail panel."""
        self._selection.select_speaker(mark.speaker_id)
        self._selection.navigate(mark.position_id, "detail")

    def select_row(self, row: int) -> None:
        if self.line is not None:
            self._selection.select_speaker(self.line.speakers[row])

    def move_row(self, step: int) -> None:
        if self.line is None:
            return
        rows = sorted(self.selected_rows())
        row = (rows[0] + step) if rows else 0
        self.select_row(max(0, min(len(self.line.speakers) - 1, row)))

    def _on_theme_chosen(self, _index: int) -> None:
        self._show_theme()

    def _on_focus(self, focus: Focus) -> None:
        if self._stale or self._hidden_in_window():
            self._stale = True
            return
        if focus.kind is FocusKind.THEME and focus.theme != self.theme_filter:
            index = self.theme_box.findData(focus.theme)
            if index >= 0:
                self.theme_box.setCurrentIndex(index)  # redraws the rows for that theme
        rows = self.selected_rows()
        if rows:
            height = self.rows.row_height()
            row = min(rows)
            self.scroller.ensureVisible(0, row * height + height // 2, 0, height)
        self.rows.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.axis.update()
