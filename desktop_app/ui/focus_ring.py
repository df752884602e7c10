"""A focus ring for a view whose style draws none: a highlight-coloured frame while it has the keyboard.

The ring is a child laid over its view, transparent to the mouse, shown only
while the view has focus, so the view's own painting is left as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

RING_WIDTH = 2.0


class FocusRing(QWidget):
    """Draws a frame around ``view`` while ``view`` has focus."""

    def __init__(self, view: QWidget):
        super().__init__(view)
        self._view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVisible(view.hasFocus())
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._view:
            kind = event.type()
            if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self.setVisible(kind == QEvent.Type.FocusIn)
                if self.isVisible():
                    self.setGeometry(self._view.rect())
                    self.raise_()
            elif kind == QEvent.Type.Resize:
                self.setGeometry(self._view.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setPen(QPen(self._view.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
