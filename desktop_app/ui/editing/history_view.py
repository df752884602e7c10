"""The History panel's list (View ▸ History): every row shows its whole text, wrapped, and its tooltip repeats it.

An undo step's text can be long ("Give 'Ana Silva: the river is cleaner…' to
Ben Okafor"); a plain QUndoView cuts it at the dock's edge.  Here each row is
as tall as its text needs at the list's current width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QHelpEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QUndoView,
    QWidget,
)

HISTORY_MIN_WIDTH = 260
"""Wide enough for a short step on one line; longer ones wrap."""


class _WrappingDelegate(QStyledItemDelegate):
    """Rows sized to their wrapped text at the view's width, with the full text as tooltip."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        wrapped = QStyleOptionViewItem(option)
        width = max(self._view.viewport().width() - 2 * self._view.spacing(), 1)
        wrapped.rect.setWidth(width)
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        hint = super().sizeHint(wrapped, index)
        return QSize(min(hint.width(), width), hint.height())

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            QToolTip.showText(event.globalPos(), history_row_text(index), view)
            return True
        return super().helpEvent(event, view, option, index)


def history_row_text(index: QModelIndex | QPersistentModelIndex) -> str:
    """The whole text of a History row, as its tooltip shows it."""
    return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def history_view(stack: QUndoStack, parent: QWidget | None = None) -> QUndoView:
    """A QUndoView on ``stack`` whose rows wrap rather than cut their text."""
    view = QUndoView(stack, parent)
    view.setEmptyLabel("Opened")
    view.setObjectName("history")
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # rows are laid out again, and re-wrapped, when the dock is resized
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setItemDelegate(_WrappingDelegate(view))
    view.setMinimumWidth(HISTORY_MIN_WIDTH)
    return view
