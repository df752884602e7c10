"""Coding in the real main window, offscreen: opening the coding editor on a selection, coding, undo and redo, until the views repaint.

Run by :mod:`tests.benchmarks.bench_coding` as
``python -m tests.benchmarks.coding_child SEMINAR.json COUNT`` in a fresh
interpreter.  The window is shown at 1280 × 800 on the Source tab, where
coding happens.  Each sample selects a passage of the source (a different
one each time), opens the editor as Ctrl+K does (``open`` until the editor
has painted), then fills it as keys would and commits (``code`` until the
Source text, the detail panel and the speaker list have painted).  Then
every coding is undone, then redone, sample by sample.

One line of JSON goes to stdout: seconds for ``open``, ``code``, ``undo``,
``redo`` (and ``*_call``, until the call returned).
"""

from __future__ import annotations

import json
import os
import sys
import time

MAX_WAIT = 5.0


def main(argv: list[str]) -> int:
    path, count = argv[0], int(argv[1])
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QTextCursor

    from tests.benchmarks.opened_window import open_on

    app, window = open_on(path)
    window.resize(1280, 800)
    window.show_tab("source")
    for _ in range(5):
        app.processEvents()
    document, coding = window.document, window.coding
    text = document.dataset.seminar.source.text

    painted: set[QObject] = set()

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add(watched)
            return False

    watch = PaintWatch()
    views = {window.source.text.viewport(), window.detail.body.viewport(), window.speaker_list.list.viewport()}
    for widget in (*views, coding.editor):
        widget.installEventFilter(watch)

    def sample(action, targets) -> tuple[float, float]:
        painted.clear()
        page = window.detail.shown_page
        start = time.perf_counter()
        action()
        returned = time.perf_counter()
        if window.detail.shown_page == page:  # the edit left the page shown as it was: nothing to repaint there
            targets = targets - {window.detail.body.viewport()}
        while not targets <= painted:
            app.processEvents()
            if time.perf_counter() - start > MAX_WAIT:
                raise RuntimeError(f"no repaint within {MAX_WAIT} s")
        return time.perf_counter() - start, returned - start

    results: dict[str, list[float]] = {key: [] for key in ("open", "code", "undo", "redo", "open_call", "code_call", "undo_call", "redo_call")}
    step = max(1, (len(text) - 200) // max(count, 1))
    for number in range(count):
        start = 50 + number * step
        cursor = window.source.text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(start + 60, QTextCursor.MoveMode.KeepAnchor)
        window.source.text.setTextCursor(cursor)
        for _ in range(3):
            app.processEvents()
        total, call = sample(coding.code_selection, {coding.editor})
        results["open"].append(total)
        results["open_call"].append(call)
        editor = coding.editor
        if editor.draft().speaker is None:
            editor.speaker.setCurrentIndex(0)
        editor.choose_theme(1 + number % 9)
        editor.set_stance(number % 5 - 2)
        editor.summary.setText(f"Benchmark summary {number}.")
        total, call = sample(coding.commit, views)
        results["code"].append(total)
        results["code_call"].append(call)
    stack = document.undo_stack
    for verb, action in (("undo", stack.undo), ("redo", stack.redo)):
        for _ in range(count):
            total, call = sample(action, views)
            results[verb].append(total)
            results[f"{verb}_call"].append(call)
    results["positions"] = [float(len(document.dataset.positions))]
    print(json.dumps(results), flush=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
