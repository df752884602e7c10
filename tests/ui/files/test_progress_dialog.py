"""The progress dialog of a background job: moving its bar never runs the job's end from inside itself."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.ui.progress import STEPS, close_progress, progress_dialog, show_share


def test_moving_a_shown_bar_lets_no_event_through(qtbot):
    """Once the dialog is up, a share reported while the job's end is already queued moves the bar and nothing else."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = progress_dialog(parent, "Opening a seminar", "Opening…", after_ms=0)
    show_share(dialog, 0.1)
    qtbot.waitUntil(dialog.isVisible)
    ended = []
    QTimer.singleShot(0, lambda: (ended.append(True), close_progress(dialog)))
    show_share(dialog, 0.5, "Opening…\nhalf way")
    assert ended == []  # the queued end waits for the event loop, not for the bar
    assert dialog.value() == STEPS // 2 and "half way" in dialog.labelText()
    qtbot.waitUntil(lambda: ended == [True])
