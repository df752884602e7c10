"""Editing in the real main window, offscreen: how long an edit, an undo and a redo take until the views have repainted; and a save.

Run by :mod:`tests.benchmarks.bench_editing` as
``python -m tests.benchmarks.editing_child SEMINAR.json COUNT`` in a fresh
interpreter with its own home and the offscreen platform.  The window is
opened the way the launcher opens a file, shown at 1280 × 800 on the Themes
tab with its chart built, and a speaker with positions is selected, so the
detail panel shows the positions being edited.  Each edit changes the stance
of one of that speaker's positions (a different one, or another value, each
time; only positions alone on their theme for that speaker, so that each edit
changes a block of the chart) through ``push_edit``; each sample runs from the call until the detail
panel and the chart have received their Paint event, Qt's events processed
in between.  Then every edit is undone, then redone, sample by sample.
Last, ``COUNT`` saves of the seminar to a scratch file beside it.

One line of JSON goes to stdout: seconds for ``edit``, ``undo``, ``redo``
(and ``*_call``, until the call returned) and ``save``.
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

    from desktop_app.model.editing.edits import Replace
    from desktop_app.ui.editing.undo_commands import push_edit
    from tests.benchmarks.opened_window import open_on

    app, window = open_on(path)
    window.resize(1280, 800)
    window.show_tab("themes")
    chart = window.ensure_chart()
    document = window.document
    dataset = document.dataset
    speaker = max(dataset.speakers, key=lambda s: len(dataset.positions_of(s.id))).id
    window.selection.select_speaker(speaker)
    for _ in range(5):
        app.processEvents()

    painted: set[QObject] = set()

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add(watched)
            return False

    watch = PaintWatch()
    targets = {window.detail.body.viewport(), chart.graphics.viewport()}
    for viewport in targets:
        viewport.installEventFilter(watch)

    def sample(action, position_id: str) -> tuple[float, float]:
        window.detail.body.scrollToAnchor(position_id)
        for _ in range(3):
            app.processEvents()
        wanted = targets
        painted.clear()
        page = window.detail.shown_page
        start = time.perf_counter()
        action()
        returned = time.perf_counter()
        if window.detail.shown_page == page:  # the edit left the page shown as it was: nothing to repaint there
            wanted = wanted - {window.detail.body.viewport()}
        while not wanted <= painted:
            app.processEvents()
            if time.perf_counter() - start > MAX_WAIT:
                raise RuntimeError(f"no repaint within {MAX_WAIT} s")
        return time.perf_counter() - start, returned - start

    results: dict[str, list[float]] = {key: [] for key in ("edit", "undo", "redo", "edit_call", "undo_call", "redo_call", "save")}
    # Positions that are the speaker's only one on their theme: each new stance is then the speaker's stance
    # there, and the chart has a block to redraw (a view whose picture an edit leaves as it was is not redrawn).
    themes = [p.theme for p in dataset.positions_of(speaker)]
    positions = [p.id for p in dataset.positions_of(speaker) if themes.count(p.theme) == 1] or [
        p.id for p in dataset.positions_of(speaker)
    ]
    edited = [positions[number % len(positions)] for number in range(count)]
    for position_id in edited:
        position = document.dataset.position(position_id)
        stance = position.stance + 1 if position.stance < 2 else -2
        edit = Replace(position.model_copy(update={"stance": stance}))
        total, call = sample(lambda edit=edit: push_edit(document, edit, "Change stance"), position_id)
        results["edit"].append(total)
        results["edit_call"].append(call)
    stack = document.undo_stack
    for verb, step, order in (("undo", stack.undo, edited[::-1]), ("redo", stack.redo, edited)):
        for position_id in order:
            total, call = sample(step, position_id)
            results[verb].append(total)
            results[f"{verb}_call"].append(call)

    saving = window.saving
    for _ in range(count if len(dataset.positions) < 1000 else 1):  # the save target is the default seminar's
        start = time.perf_counter()
        saving.save()
        results["save"].append(time.perf_counter() - start)
    print(json.dumps(results), flush=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
