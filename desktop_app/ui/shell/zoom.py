"""View ▸ Zoom In / Zoom Out / Actual Size (Ctrl+plus, Ctrl+minus, Ctrl+0): the text size of the whole window.

The zoom is a whole number of steps from the system's font size, kept within
bounds and remembered in the settings.  It is applied as the application's
font, which every view inherits; views that derive a font of their own (a
heading, the source's reading size) derive it again on a font change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

ZOOM_STEPS = range(-4, 9)
"""From 4 steps smaller to 8 steps larger than the system's font."""
STEP_FACTOR = 1.1
_BASE_FONT = "seminarLensBaseFont"


def zoom_factor(step: int) -> float:
    return STEP_FACTOR**step


class TextZoom(QObject):
    changed = Signal(int)  # the step now applied

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        app = QApplication.instance()
        assert app is not None, "text zoom needs the application"
        base = app.property(_BASE_FONT)
        if not isinstance(base, QFont):
            # Kept on the application: a second window must not take an already zoomed font as its base.
            base = QFont(QApplication.font())
            app.setProperty(_BASE_FONT, base)
        self._base = QFont(base)
        self.step = 0

    def set_step(self, step: int) -> None:
        step = max(ZOOM_STEPS.start, min(ZOOM_STEPS.stop - 1, step))
        font = QFont(self._base)
        size = self._base.pointSizeF()
        if size > 0:
            font.setPointSizeF(round(size * zoom_factor(step), 1))
        if step != self.step or QApplication.font() != font:
            self.step = step
            QApplication.setFont(font)
            self.changed.emit(step)

    def zoom_in(self) -> None:
        self.set_step(self.step + 1)

    def zoom_out(self) -> None:
        self.set_step(self.step - 1)

    def reset(self) -> None:
        self.set_step(0)

    def point_size(self) -> float:
        return QApplication.font().pointSizeF()
