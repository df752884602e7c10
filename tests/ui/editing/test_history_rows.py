"""View ▸ History: a long undo step is shown whole, wrapped within the panel, and its tooltip repeats it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QStyle, QToolTip

from desktop_app.model.editing.edits import Replace
from desktop_app.ui.editing.undo_commands import push_edit

LONG_TEXT = "Give the turn 'Hana Ostrova: the coastal defences were never funded as promised' to Pieter Lund"


def _long_step(window):
    speaker = window.document.dataset.speakers[0]
    push_edit(window.document, Replace(speaker.model_copy(update={"name": "Hana O."})), LONG_TEXT)
    window.editing.history_action.trigger()
    view = window.editing.history
    assert window.editing.history_dock.isVisible()
    index = view.model().index(view.model().rowCount() - 1, 0)  # the newest step, last
    assert index.data() == LONG_TEXT
    return view, index


def test_a_long_history_row_is_wrapped_whole_within_the_panel(imported):
    """The row is no wider than the list and tall enough for all of its text, wrapped at that width."""
    view, index = _long_step(imported)
    rect = view.visualRect(index)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    text_width = rect.width() - 2 * margin
    needed = view.fontMetrics().boundingRect(QRect(0, 0, text_width, 10_000), Qt.TextFlag.TextWordWrap, LONG_TEXT)
    assert rect.right() <= view.viewport().width()
    assert needed.width() <= text_width and rect.height() >= needed.height()
    assert needed.height() > view.fontMetrics().height()  # the text did need more than one line


def test_a_history_row_has_its_whole_text_as_tooltip(imported, qtbot):
    """Hovering a row shows its full text."""
    view, index = _long_step(imported)
    centre = view.visualRect(index).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre)))
    qtbot.waitUntil(lambda: QToolTip.text() == LONG_TEXT)
