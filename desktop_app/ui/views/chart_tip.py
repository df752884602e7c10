"""The theme chart's tooltip, a small window of its own.

It stays while the pointer rests on a block, a click pins it until Esc or a
click elsewhere, and the keyboard shows it for the block it reaches.  Its
words come from :func:`desktop_app.presentation.chart_tooltip.chart_tooltip`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
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

    def show_at(self, global_pos: QPoint, text: str, key: tuple[int, int | None], pinned: bool = False) -> None:
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
        self.move(spot)
        self.show()
        self.raise_()

    def close_tip(self) -> None:
        self.pinned = False
        self.key = None
        self.hide()

