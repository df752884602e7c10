"""Selecting speakers and themes in the real main window, offscreen: how long until the views have repainted.

Run by :mod:`tests.benchmarks.bench_selection` as
``python -m tests.benchmarks.selection_child SEMINAR.json COUNT``, in a fresh
interpreter with its own home and settings and the offscreen platform.  The
window is opened the way the launcher opens a file
(:func:`desktop_app.gui.open_window`), shown at 1280 × 800 on the Themes tab,
and left to build its chart.  Then, for each sample, the clock runs from the
call a click in the list (or on the chart) makes, ``Selection.select_speaker``
or ``select_theme``, until each view that shows the selection has received
its Paint event, with Qt's events processed in between as the event loop
would: the list, the detail panel's body and the chart (or, in the third
series, the Source tab's text instead of the chart; in the timeline series, the Timeline tab's rows).  Every theme and every
speaker who took a position can be sampled; COUNT caps each series, taking
them evenly spread through the seminar, or going round them again when
there are fewer.

One line of JSON goes to stdout: a list of seconds for each series
(``speaker``, ``theme``, ``speaker_source``, ``speaker_timeline``, ``theme_timeline``,
``speaker_search``), and the same series timed only
until the selection call returned (``*_call``).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Sequence

MAX_WAIT = 5.0
"""Longest a sample may wait for its repaints before the run is given up as broken."""


SEARCH_WORD = "the"


def spread(items: Sequence[str], count: int) -> list[str]:
    """``count`` of ``items``, evenly spaced from the first; going round again when there are fewer.

    No two in a row are the same, so each one changes the selection.
    """
    if len(items) < 2:
        return list(items)
    if len(items) <= count:
        return [items[index % len(items)] for index in range(count)]
    step = len(items) / count
    return [items[int(index * step)] for index in range(count)]


def main(argv: list[str]) -> int:
    path, count = argv[0], int(argv[1])
    from PySide6.QtCore import QEvent, QObject

    from tests.benchmarks.opened_window import open_on

    app, window = open_on(path)
    window.resize(1280, 800)
    window.show_tab("themes")
    chart = window.ensure_chart()
    for _ in range(5):
        app.processEvents()
    dataset = window.document.dataset
    selection = window.selection

    painted: set[QObject] = set()

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                painted.add(watched)
            return False

    watch = PaintWatch()
    viewports = {
        "list": window.speaker_list.list.viewport(),
        "detail": window.detail.body.viewport(),
        "chart": chart.graphics.viewport(),
        "source": window.source.text.viewport(),
        "timeline": window.timeline.rows,
    }
    for viewport in viewports.values():
        viewport.installEventFilter(watch)

    def sample(select: Callable[[], None], wanted: Sequence[str]) -> tuple[float, float]:
        targets = {viewports[name] for name in wanted}
        painted.clear()
        start = time.perf_counter()
        select()
        returned = time.perf_counter()
        while not targets <= painted:
            app.processEvents()
            if time.perf_counter() - start > MAX_WAIT:
                missing = [name for name in wanted if viewports[name] not in painted]
                raise RuntimeError(f"no repaint of {', '.join(missing)} within {MAX_WAIT} s")
        return time.perf_counter() - start, returned - start

    def series(name: str, ids: Sequence[str], select: Callable[[str], None], wanted: Sequence[str]) -> None:
        # Start each series from the seminar's overview, every view settled.
        selection.clear()
        for _ in range(5):
            app.processEvents()
        for item in ids:
            total, call = sample(lambda item=item: select(item), wanted)
            results[name].append(total)
            results[f"{name}_call"].append(call)

    speakers = spread([s.id for s in dataset.speakers if dataset.positions_of(s.id)], count)
    themes = spread([t.id for t in dataset.themes], count)
    results: dict[str, list[float]] = {key: [] for key in ("speaker", "theme", "speaker_source", "speaker_timeline", "theme_timeline", "speaker_search")}
    results.update({f"{key}_call": [] for key in list(results)})
    series("speaker", speakers, selection.select_speaker, ("list", "detail", "chart"))
    series("theme", themes, selection.select_theme, ("list", "detail", "chart"))
    window.show_tab("source")
    for _ in range(5):
        app.processEvents()
    series("speaker_source", speakers, selection.select_speaker, ("list", "detail", "source"))
    window.show_tab("timeline")
    for _ in range(5):
        app.processEvents()
    series("speaker_timeline", speakers, selection.select_speaker, ("list", "detail", "timeline"))
    series("theme_timeline", themes, selection.select_theme, ("list", "detail", "timeline"))
    # A search for a word nearly everyone said: the list filtered, the report and each detail page marked.
    window.speaker_list.search.setText(SEARCH_WORD)
    window.show_tab("themes")
    for _ in range(5):
        app.processEvents()
    series("speaker_search", speakers, selection.select_speaker, ("list", "detail", "chart"))
    print(json.dumps(results), flush=True)
    os._exit(0)  # the figures are out; tearing the window down is not what is measured


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
