"""A compact strip of stance cells: one per theme for a speaker, or one per speaker for a theme.

A filled cell is a stance, coloured on the scale (grey for mixed); a hollow,
dashed cell is silence, which is not the same as mixed.  Hover names the
cell, clicking selects what it stands for.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...model.analysis.seminar_analysis import rounded_stance
from ..palette import stance_colour, stance_text_colour

_CELL = 26
_GAP = 4
_MIN_CELL = 8


@dataclass(frozen=True)
class StripCell:
    key: str
    label: str
    stance: float | None  # None: silent
    words: str  # e.g. "+1 convergence" or "silent"


class StanceStrip(QWidget):
    cellClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._cells: list[StripCell] = []
        self._highlight: str | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_cells(self, cells: list[StripCell], highlight: str | None = None) -> None:
        self._cells = cells
        self._highlight = highlight
        self.setAccessibleDescription("; ".join(f"{c.label}: {c.words}" for c in cells))
        self.updateGeometry()
        self.update()

    def cells(self) -> list[StripCell]:
        return list(self._cells)

    def sizeHint(self) -> QSize:
        return QSize(max(1, len(self._cells)) * (_CELL + _GAP), _CELL + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, _CELL + 4)

    def _cell_size(self) -> float:
        if not self._cells:
            return _CELL
        fit = (self.width() - 2) / len(self._cells) - _GAP
        return max(_MIN_CELL, min(_CELL, fit))

    def cell_rect(self, index: int) -> QRectF:
        size = self._cell_size()
        return QRectF(1 + index * (size + _GAP), 2, size, min(size, _CELL))

    def cell_at(self, x: float, y: float) -> int | None:
        for index in range(len(self._cells)):
            if self.cell_rect(index).adjusted(-_GAP / 2, -2, _GAP / 2, 2).contains(QPointF(x, y)):
                return index
        return None

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = self.palette().color(QPalette.ColorRole.Mid)
        text_font = self.font()
        text_font.setPointSizeF(max(6.5, text_font.pointSizeF() * 0.78))
        text_font.setBold(True)
        painter.setFont(text_font)
        # A theme of a large panel has more cells than fit; those past the right edge are never seen.
        size = self._cell_size()
        shown = min(len(self._cells), int((self.width() - 1) // (size + _GAP)) + 1)
        for index, cell in enumerate(self._cells[:shown]):
            rect = self.cell_rect(index)
            if cell.stance is None:
                pen = QPen(outline, 1, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            else:
                whole = rounded_stance(cell.stance)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(stance_colour(whole))
                painter.drawRoundedRect(rect, 4, 4)
                if rect.width() >= 18:
                    painter.setPen(stance_text_colour(whole))
                    sign = "+" if whole > 0 else ("\u2212" if whole < 0 else "0")
                    mark = sign if whole in (-1, 0, 1) else sign * 2
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, mark)
            if cell.key == self._highlight:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
                painter.drawRoundedRect(rect.adjusted(-2, -1.5, 2, 1.5), 5, 5)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.cell_at(event.pos().x(), event.pos().y())
            if index is None:
                QToolTip.hideText()
            else:
                cell = self._cells[index]
                QToolTip.showText(
                    event.globalPos(), f"<b>{html.escape(cell.label)}</b><br>{html.escape(cell.words)}", self
                )
            return True
        return super().event(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.cell_at(event.position().x(), event.position().y())
            if index is not None:
                self.cellClicked.emit(self._cells[index].key)
                return
        super().mouseReleaseEvent(event)

