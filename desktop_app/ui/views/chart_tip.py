"""The theme chart's tooltip, a small window of its own.

It stays while the pointer rests on a block, a click pins it until Esc or a
click elsewhere, and the keyboard shows it for the block it reaches.  Its
words come from :func:`desktop_app.presentation.chart_tooltip.chart_tooltip`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QWidget

TIP_WIDTH = 420
"""Widest the tooltip grows, in pixels, before it wraps."""


class ChartTip(QLabel):
    """The chart's tooltip: stays while shown, pinned by a click until Esc or a click elsewhere."""

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setMargin(7)
        self.setMaximumWidth(TIP_WIDTH)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setFrameShape(QLabel.Shape.Box)
        self.pinned = False
        self.key: tuple[int, int | None] | None = None
        """(row, block) the tip is about."""

    def show_at(
        self, global_pos: QPoint, text: str, key: tuple[int, int | None], pinned: bool = False, keep_clear: QRect | None = None
    ) -> None:
        """Show ``text`` by ``global_pos``; a pinned tip goes beside ``keep_clear`` (the chart's rows), never over it."""
        self.pinned = pinned
        if pinned:
            text += "<br><span style='font-size:small'><i>Pinned: Esc or a click elsewhere closes it.</i></span>"
        if text != self.text():
            self.setText(text)
        self.key = key
        self.adjustSize()
        spot = global_pos + QPoint(14, 18)
        screen = QGuiApplication.screenAt(global_pos) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            spot.setX(max(area.left(), min(spot.x(), area.right() - self.width())))
            if spot.y() + self.height() > area.bottom():
                spot.setY(max(area.top(), global_pos.y() - self.height() - 8))
            if keep_clear is not None:
                spot = self._beside(keep_clear, global_pos, area)
        self.move(spot)
        self.show()
        self.raise_()

    def _beside(self, keep_clear: QRect, global_pos: QPoint, area: QRect) -> QPoint:
        """Where a pinned tip stays off ``keep_clear`` (the clicked row and those below): to its left or right, else above it."""
        top = max(area.top(), min(global_pos.y() - self.height() // 2, area.bottom() - self.height()))
        if keep_clear.left() - self.width() - 4 >= area.left():
            return QPoint(keep_clear.left() - self.width() - 4, top)
        if keep_clear.right() + self.width() + 4 <= area.right():
            return QPoint(keep_clear.right() + 4, top)
        return QPoint(max(area.left(), min(global_pos.x(), area.right() - self.width())), max(area.top(), keep_clear.top() - self.height() - 4))

    def close_tip(self) -> None:
        self.pinned = False
        self.key = None
        self.hide()

