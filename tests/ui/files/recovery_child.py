"""Test-only: the real window, edited until its autosave has written the recovery file, then left running to be killed.

Run by ``tests/ui/files/test_crash_recovery.py`` as ``python -m tests.ui.files.recovery_child SEMINAR.json``
in a fresh interpreter with a private home (so a private state folder) and
the offscreen platform.  It opens the window the way the launcher does
(:func:`desktop_app.gui.open_window`), adds speakers through the same
``push_edit`` the window's commands use until the autosave that follows
every few steps (once the editing pauses) has run, prints ``AUTOSAVED <recovery file>`` and keeps its
event loop running until the test kills it with SIGKILL.  Nothing in the
application knows about this script.
"""

from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QEventLoop

    from desktop_app.gui import open_window
    from desktop_app.model.editing.edits import Insert
    from desktop_app.model.format.schema import Speaker
    from desktop_app.ui.editing.undo_commands import push_edit
    from desktop_app.ui.files import recovery
    from desktop_app.ui.files.saving import AUTOSAVE_AFTER_EDITS

    app, window = open_window(argv[0])
    if not window.is_whole:  # editing and its autosave arrive once the chart is on screen
        waiting = QEventLoop()
        window.when_whole(waiting.quit)
        waiting.exec()
    for number in range(AUTOSAVE_AFTER_EDITS):
        speaker = Speaker(id=f"added-{number}", name=f"Added Speaker {number}", role="panellist", order=100 + number)
        push_edit(window.document, Insert(speaker), f"Add speaker {speaker.name}")
    written = recovery.own_file(window.saving.recovery_folder)
    deadline = time.monotonic() + 30
    while not written.exists() and time.monotonic() < deadline:  # the autosave waits for a pause in the editing
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if not written.exists():
        print("NOT AUTOSAVED", flush=True)
        return 1
    print(f"AUTOSAVED {written}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
