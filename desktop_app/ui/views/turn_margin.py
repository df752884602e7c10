"""The Source tab's text with a margin naming each transcript turn's speaker and time.

:class:`TurnText` is the read-only text view of the Source tab.  When the
seminar's source has turns, a margin left of the text shows, beside the line
where each turn begins, the speaker's name and the turn's start time, and a
stripe in the speaker's colour down the turn's lines.  The margin is painted
beside the text, never inserted into it, so every offset in the text stays
exactly where the excerpts' offsets put it.  Without turns, there is no margin.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

MARGIN_WIDTH = (96, 200)
"""Narrowest and widest margin, in pixels; names longer than the widest are elided."""
STRIPE = 4
"""Width of the speaker's colour stripe, in pixels."""


class MarginTurn(NamedTuple):
    """A turn as the margin shows it: where it lies in the Qt document, whose it is, when it began."""

    start: int
    end: int
    name: str
    time_text: str
    colour: QColor

    @property
    def label(self) -> str:
        """``Name · 12:30``, or the name alone when the turn has no time."""
        return f"{self.name} \u00b7 {self.time_text}" if self.time_text else self.name


class _Margin(QWidget):
    def __init__(self, text: TurnText):
        super().__init__(text)
        self._text = text

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and self._text.turn_index_at_y(round(event.position().y())) is not None:
            self._text.turnClicked.emit(self._text.turn_index_at_y(round(event.position().y())))
            event.accept()
            return
        super().mousePressEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self._text.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        self._text.paint_margin(self, event)


class TurnText(QPlainTextEdit):
    """A read-only text view with an optional turn margin; see the module's docstring."""

    turnClicked = Signal(int)  # the index of the turn whose margin label was clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._spoken: int | None = None  # the turn the recording is at, marked in the margin
        self._turns: list[MarginTurn] = []
        self._starts: list[int] = []
        self._width = 0
        self.margin = _Margin(self)
        self.margin.hide()
        self.updateRequest.connect(self._on_update_request)

    def set_turns(self, turns: list[MarginTurn]) -> None:
        """Show these turns (in text order) in the margin; none hides it."""
        self._turns = list(turns)
        self._starts = [turn.start for turn in self._turns]
        self._width = self._measure() if self._turns else 0
        self.setViewportMargins(self._width, 0, 0, 0)
        self.margin.setVisible(bool(self._turns))
        self._place_margin()
        self.margin.update()

    def set_spoken(self, index: int | None) -> None:
        """Mark turn ``index`` in the margin as the one being spoken (None: no mark)."""
        if index != self._spoken:
            self._spoken = index
            self.margin.update()

    @property
    def spoken(self) -> int | None:
        return self._spoken

    def turn_index_at_y(self, y: int) -> int | None:
        """The index of the turn whose text is at height ``y`` of the view, if any."""
        if not self._turns:
            return None
        position = self.cursorForPosition(QPoint(4, y)).position()
        index = bisect.bisect_right(self._starts, position) - 1
        return index if index >= 0 and position < self._turns[index].end + 1 else None

    def turn_start_position(self, index: int) -> int:
        """Where turn ``index`` begins in the Qt document."""
        return self._turns[index].start

    def turn_start_block_top(self, index: int) -> int:
        """Where turn ``index`` begins, in the view's coordinates (for scrolling it into view)."""
        block = self.document().findBlock(self._turns[index].start)
        return round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())

    def margin_labels(self) -> list[str]:
        """What the margin shows beside each turn, in text order (``Name · 12:30``)."""
        return [turn.label for turn in self._turns]

    def margin_width(self) -> int:
        return self._width

    def turn_at(self, document_position: int) -> MarginTurn | None:
        """The turn holding this place in the Qt document, if any."""
        index = bisect.bisect_right(self._starts, document_position) - 1
        if index >= 0 and document_position < self._turns[index].end:
            return self._turns[index]
        return None

    def _name_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        font.setBold(True)
        return font

    def _measure(self) -> int:
        metrics = QFontMetrics(self._name_font())
        widest = max(metrics.horizontalAdvance(turn.name) for turn in self._turns[:2000])
        low, high = MARGIN_WIDTH
        return max(low, min(high, widest + 2 * STRIPE + 14))

    def _place_margin(self) -> None:
        area = self.contentsRect()
        self.margin.setGeometry(QRect(area.left(), area.top(), self._width, area.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_margin()

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if not self._turns:
            return
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def paint_margin(self, widget: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(widget)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        name_font = self._name_font()
        time_font = QFont(name_font)
        time_font.setBold(False)
        name_metrics = QFontMetrics(name_font)
        line = name_metrics.height()
        text_width = self._width - STRIPE - 12
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        ink = palette.color(QPalette.ColorRole.Text)
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        top = round(self.blockBoundingGeometry(block).translated(offset).top())
        bottom_edge = event.rect().bottom()
        while block.isValid() and top <= bottom_edge:
            height = round(self.blockBoundingRect(block).height())
            first, past = block.position(), block.position() + block.length()
            if block.isVisible():
                covering = bisect.bisect_right(self._starts, past - 1) - 1
                if covering >= 0 and self._turns[covering].end > first and block.text().strip():
                    painter.fillRect(self._width - STRIPE - 2, top, STRIPE, height, self._turns[covering].colour)
                starting = bisect.bisect_left(self._starts, first)
                if starting < len(self._turns) and self._starts[starting] < past:
                    turn = self._turns[starting]
                    marked = starting == self._spoken
                    if marked:  # the recording is here: the label sits on the highlight colour
                        painter.fillRect(0, top, self._width - STRIPE - 3, 2 * line, palette.color(QPalette.ColorRole.Highlight))
                    on_mark = palette.color(QPalette.ColorRole.HighlightedText)
                    room_below = height >= 2 * line or not block.next().text().strip()
                    painter.setFont(name_font)
                    painter.setPen(on_mark if marked else ink)
                    shown = turn.name if (room_below or not turn.time_text) else turn.label
                    painter.drawText(
                        QRect(6, top, text_width, line),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                        name_metrics.elidedText(shown, Qt.TextElideMode.ElideRight, text_width),
                    )
                    if turn.time_text and room_below:
                        painter.setFont(time_font)
                        painter.setPen(on_mark if marked else muted)
                        painter.drawText(
                            QRect(6, top + line, text_width, line),
                            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                            turn.time_text,
                        )
            block = block.next()
            top += height
        painter.end()
