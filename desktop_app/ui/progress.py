"""The progress dialog of a long job (opening a big file, exporting a large brief): window-modal, with Cancel.

It appears only if the job is expected to last longer than
:data:`PROGRESS_AFTER_MS`, so quick jobs do not flash a dialog; the job
reports the share done, from 0 to 1, through :func:`show_share`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

PROGRESS_AFTER_MS = 300
"""A job expected to last longer than this shows its progress dialog."""
STEPS = 1000
"""Steps of the progress bar."""


def progress_dialog(parent: QWidget, title: str, label: str, after_ms: int = PROGRESS_AFTER_MS) -> QProgressDialog:
    """A progress dialog over ``parent``, its clock started: it shows if the job outlasts ``after_ms``."""
    dialog = QProgressDialog(label, "Cancel", 0, STEPS, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    dialog.setValue(0)  # starts the clock
    return dialog


def show_share(dialog: QProgressDialog, share: float, label: str | None = None) -> None:
    """Move the bar to ``share`` (0 to 1) of the job.

    Every job behind these dialogs runs on a worker thread while the window's
    event loop runs, so once the dialog is up its bar is moved directly: a
    modal dialog's own setValue() would let events through from inside itself,
    and the job's end, arriving there, put the dialog away under its feet (it
    crashed).  Until it is up, setValue() is what shows it after its delay.
    """
    if label is not None and label != dialog.labelText():
        dialog.setLabelText(label)
    value = max(1, min(STEPS - 1, round(share * STEPS)))
    bar = dialog.findChild(QProgressBar)
    if dialog.isVisible() and bar is not None:
        bar.setValue(value)
    else:
        dialog.setValue(value)


def close_progress(dialog: QProgressDialog) -> None:
    """Put the dialog away for good (without it reporting a cancel)."""
    dialog.reset()  # stops its timer, which would show it again over a dialog opened before it is deleted
    dialog.hide()
    dialog.deleteLater()
