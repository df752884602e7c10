"""One start-up, in a fresh interpreter: open a window, note when it first paints, print the figures, exit.

Run by :mod:`tests.benchmarks.bench_startup` as
``python -m tests.benchmarks.startup_child KIND PERF_T0 WALL_T0``, where the
parent passes its ``time.perf_counter()`` and ``time.time()`` read just before
it spawned this process, so the figure includes starting Python.  KIND is

``app``        the real application, by the launcher's path (:func:`desktop_app.gui.open_window`);
``pyqtgraph``  a bare QMainWindow showing a pyqtgraph plot of a few bars;
``bare``       a bare QMainWindow with a label, no pyqtgraph: the floor.

All three windows are 1280 × 800 (the application's default size).  One line
of JSON goes to stdout: ``first_paint`` (seconds from the parent's clock to the
first Paint event the main window receives), the peak resident memory then
(``rss_first_paint``, MiB), and, for the application, when the seminar was
first painted in it (``seminar_painted``), when, and with what peak memory,
the chart was built (``ready``, ``rss_ready``), and when, and with what peak
memory, the chart was on screen: the first Paint event of the chart's
graphics view's viewport, which draws its scene (``chart_painted``,
``rss_chart_painted``).  Each time figure ``X`` comes with ``cpu_X``, the CPU
time the process had used by then, which the machine's load moves far less
than the time itself.  Last comes the peak of the whole start
(``rss_peak``), read once every figure is in.  The app paints its frame before
it reads the seminar and the chart after that, so its figures at first paint
alone would flatter it.  It also lists which of the modules the application
means to import only after its first paint had been imported by then: those
of the chart and the PDF (``heavy_modules_at_first_paint``) and those of the
seminar, its views and editing (``seminar_modules_at_first_paint``); and
which of the importers' and exports' modules, imported only when asked for,
had been imported by the time the chart was built (``on_demand_modules_at_ready``).
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter(), time.time()  # before anything else is imported

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

WIDTH, HEIGHT = 1280, 800
HEAVY_MODULES = frozenset({"pyqtgraph", "numpy", "desktop_app.ui.views.theme_chart", "desktop_app.report.pdf"})
"""Modules of the chart and the PDF, which the application leaves until its seminar is shown."""
SEMINAR_MODULES = frozenset({
    "pydantic",
    "desktop_app.model.dataset",
    "desktop_app.ui.files.file_opener",
    "desktop_app.ui.views.speaker_list",
    "desktop_app.ui.views.detail_panel",
    "desktop_app.ui.views.agreement_view",
    "desktop_app.ui.views.source_view",
    "desktop_app.ui.editing.edit_actions",
    "desktop_app.ui.files.saving",
    "desktop_app.ui.files.recovery",
    "desktop_app.ui.editing.coding_actions",
    "desktop_app.ui.views.search_bar",
    "desktop_app.ui.shell.reading_dialog",
    "importlib.resources",
})
"""Modules that read, show and edit the seminar (and what only they need), which the application leaves until its frame has painted."""
ON_DEMAND_MODULES = frozenset({
    "desktop_app.model.importers",
    "desktop_app.ui.files.import_dialog",
    "pypdfium2",
    "pypdf",
    "docx",
    "desktop_app.report",
    "desktop_app.ui.files.export_dialog",
    "desktop_app.model.exchange",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
})
"""Modules of importing a transcript, of exporting and exchange files, and of playing a recording, which the application
imports only when asked to (a seminar without a recording never loads QtMultimedia)."""
MAX_SECONDS = 60.0
"""A child that has not painted by then is stopped, so a broken run cannot hang the benchmark."""


def peak_rss_mib() -> float:
    """The process's peak resident set so far (VmHWM), in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


class Clock:
    """Seconds since the parent's reading: the shared monotonic clock where it is one, else wall time."""

    def __init__(self, parent_perf: float, parent_wall: float):
        # perf_counter is system-wide on Linux (CLOCK_MONOTONIC); elsewhere it may start per process,
        # which shows as a start before the parent's reading or after our own start.
        own_perf, own_wall = _STARTED
        self._shared = sys.platform == "linux" and parent_perf <= own_perf <= parent_perf + (own_wall - parent_wall) + 5
        self._perf, self._wall = parent_perf, parent_wall

    def elapsed(self) -> float:
        return time.perf_counter() - self._perf if self._shared else time.time() - self._wall


def build_app():
    from desktop_app.gui import open_window

    app, window = open_window(None)
    return app, window


def build_pyqtgraph():
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    plot = pg.PlotWidget()
    plot.addItem(pg.BarGraphItem(x=[1, 2, 3, 4, 5], height=[3, 1, 4, 1, 5], width=0.6, brush="#4477aa"))
    window.setCentralWidget(plot)
    window.resize(WIDTH, HEIGHT)
    window.show()
    return app, window


def build_bare():
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("A bare window"))
    window.resize(WIDTH, HEIGHT)
    window.show()
    return app, window


BUILDERS = {"app": build_app, "pyqtgraph": build_pyqtgraph, "bare": build_bare}


def main(argv: list[str]) -> int:
    kind, parent_perf, parent_wall = argv[0], float(argv[1]), float(argv[2])
    clock = Clock(parent_perf, parent_wall)
    app, window = BUILDERS[kind]()
    from PySide6.QtCore import QEvent, QObject, QTimer

    figures: dict[str, object] = {}
    wanted = {"first_paint", "seminar_painted", "ready", "chart_painted"} if kind == "app" else {"first_paint"}
    seminar_shown = False

    def note(figure: str, **more: object) -> None:
        figures[figure] = clock.elapsed()
        figures[f"cpu_{figure}"] = time.process_time()  # the process's CPU time so far, which load hardly moves
        figures.update(more)
        if wanted <= figures.keys():
            QTimer.singleShot(0, finish)

    def finish() -> None:
        figures["rss_peak"] = peak_rss_mib()  # the whole start's peak, seminar, chart and its paint included
        print(json.dumps(figures), flush=True)
        os._exit(0)  # the figures are out; tearing Qt down is not part of starting up

    def on_seminar_shown() -> None:
        nonlocal seminar_shown
        seminar_shown = True

    class Paints(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            # The window itself, or a widget inside it: an opaque central widget covers the window's own paint.
            if event.type() == QEvent.Type.Paint and watched.isWidgetType() and watched.window() is window:
                if "first_paint" not in figures:
                    note(
                        "first_paint",
                        rss_first_paint=peak_rss_mib(),
                        heavy_modules_at_first_paint=sorted(HEAVY_MODULES & sys.modules.keys()),
                        seminar_modules_at_first_paint=sorted(SEMINAR_MODULES & sys.modules.keys()),
                    )
                if seminar_shown and "seminar_painted" not in figures:
                    note("seminar_painted")
                chart = getattr(window, "chart", None)
                if chart is not None and watched is chart.graphics.viewport() and "chart_painted" not in figures:
                    note("chart_painted", rss_chart_painted=peak_rss_mib())
                if wanted <= figures.keys():
                    app.removeEventFilter(self)
            return False

    # Installed before the event loop runs: the window has been shown, but nothing paints until then.
    watcher = Paints()
    app.installEventFilter(watcher)
    if kind == "app":
        window.seminarShown.connect(on_seminar_shown)
        # The chart counts as ready once built and given a turn of the event loop to lay itself out.
        window.chartReady.connect(lambda: QTimer.singleShot(0, lambda: note(
            "ready", rss_ready=peak_rss_mib(), on_demand_modules_at_ready=sorted(ON_DEMAND_MODULES & sys.modules.keys())
        )))
    QTimer.singleShot(int(MAX_SECONDS * 1000), lambda: os._exit(3))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
