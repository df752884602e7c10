"""Test-only: start the window the way the launcher does, answer the recovery question, and report what it found.

Run by ``tests/test_gui_folders.py`` as ``python -m tests.folders_child`` in a
fresh interpreter whose home and XDG folders the test has filled with files of
earlier folder names.  It opens the window with :func:`desktop_app.gui.open_window`,
answers "recover" to the recovery question (recording it), waits until the
start has looked for recovery files (which it does once the seminar is shown),
and prints one line of JSON.  Nothing in the application knows about this script.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    from PySide6.QtCore import QEventLoop

    from desktop_app.gui import open_window
    from desktop_app.ui.dialogs import Dialogs
    from desktop_app.ui.files.saving import Saving

    asked: list[str] = []
    offered: list[bool] = []

    def ask_recover(self, parent, summary: str) -> bool:
        asked.append(summary)
        return True

    def offer_recovery(self) -> bool:
        recovered = original_offer(self)
        offered.append(recovered)
        return recovered

    original_offer = Saving.offer_recovery
    Dialogs.ask_recover = ask_recover
    Saving.offer_recovery = offer_recovery
    app, window = open_window(None)
    deadline = time.monotonic() + 60  # a safety net only: the start is over once the recovery was offered
    while not offered and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    report = {
        "offered": offered,
        "shown": window.has_seminar,
        "title": window.document.dataset.seminar.title if window.has_seminar else None,
        "asked": asked,
        "chart_sort": window.settings.chart_sort,
        "settings_file": window.settings._store.fileName(),
    }
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
