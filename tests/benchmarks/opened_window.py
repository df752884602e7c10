"""The benchmark children's way into the app: the window the launcher opens on a file, once that file is on screen."""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

OPEN_WAIT = 300.0
"""Seconds a child waits for its file to be open before it gives up."""


def _print_and_exit(kind, value, tb) -> None:
    traceback.print_exception(kind, value, tb)
    sys.stderr.flush()
    os._exit(1)


def open_on(path: str):
    """``(app, window)`` as the launcher opens them on ``path``, waiting until that seminar is the one shown.

    The window reads its seminar once its frame has painted; a big file then opens in the
    background behind the default seminar, and sampling before it is shown would measure the
    default seminar, then have the load replace it in the middle of a series.
    """
    from PySide6.QtCore import QEventLoop

    from desktop_app.gui import open_window

    app, window = open_window(path)
    # The window's own hook shows an error in a modal dialog, which nobody would close here: the
    # child would wait for it until the runner's timeout.  An error ends the child at once instead.
    sys.excepthook = _print_and_exit
    if not window.is_whole:  # the seminar, then its chart, then the other tabs and editing
        waiting = QEventLoop()
        window.when_whole(waiting.quit)
        waiting.exec()
    wanted = Path(path).resolve()
    deadline = time.perf_counter() + OPEN_WAIT
    while window.document.dataset.path is None or window.document.dataset.path.resolve() != wanted:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{path} did not open")
    return app, window
