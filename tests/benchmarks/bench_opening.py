"""Opening a big seminar through the window: how long it takes, and how long the GUI thread ever stalls.

A main window on the default seminar opens a 100,000-position file (500
speakers, 40 themes, 57 MiB) through its FileOpener, which loads it in a
worker thread.  Meanwhile a timer on the GUI thread ticks every 5 ms; the
longest gap between two ticks is the longest the window could not repaint
or hear a click.  The figures are split at the moment the loaded seminar
reaches the GUI thread: the stall while the worker loads (the loader's
responsibility) and the time the views take to show the new seminar there.
"""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from .harness import Measurement, Settings, benchmark, shown

TICK_MS = 5
SETTLE_MS = 1500
"""How long to keep ticking after the seminar is shown, to catch work the views defer to the event loop."""


def _window(app):
    from PySide6.QtCore import QSettings

    from desktop_app.assets import default_seminar_path
    from desktop_app.model.format.loader import load
    from desktop_app.ui.shell.main_window import MainWindow
    from desktop_app.ui.shell.settings import AppSettings

    folder = tempfile.mkdtemp(prefix="seminar-lens-bench-")
    settings = AppSettings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(load(default_seminar_path()), settings=settings, build_chart_now=True)
    window.resize(1280, 800)  # the size a first start gives it
    window.show()
    app.processEvents()
    return window


def open_and_watch(path: Path) -> dict[str, float]:
    """Open ``path`` in a fresh window and time it; seconds, for one sample."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.qt_app import make_application

    app = make_application(headless=True)
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from desktop_app.ui.files.file_opener import OpenOutcome

    window = _window(app)
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    marks: dict[str, float] = {}
    loop = QEventLoop()

    real_replace_dataset = window.document.replace_dataset

    def replace_dataset(dataset, derived=None) -> None:  # the worker's result has reached the GUI thread
        marks["arrived"] = time.perf_counter()
        real_replace_dataset(dataset, derived)

    window.document.replace_dataset = replace_dataset
    window.opener.background_from = 0  # a quick run's small file goes through the worker too
    def opened(*_args) -> None:
        marks["shown"] = time.perf_counter()
        QTimer.singleShot(SETTLE_MS, loop.quit)

    def failed(error, _path) -> None:
        marks["failed"] = time.perf_counter()
        loop.quit()

    window.opener.opened.connect(opened)
    window.opener.failed.connect(failed)
    timer.start()
    app.processEvents()
    marks["start"] = time.perf_counter()
    ticks.append(marks["start"])
    outcome = window.open_path(path)
    if outcome is not OpenOutcome.LOADING:
        raise RuntimeError(f"the file did not load in the background ({outcome.name})")
    loop.exec()
    timer.stop()
    window.close()
    window.deleteLater()
    # Free this sample's window and seminars now, not during the next sample's timing.
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del window
    gc.collect()
    if "failed" in marks:
        raise RuntimeError("the file could not be opened")
    before = [tick for tick in ticks if tick <= marks["arrived"]] + [marks["arrived"]]
    after = [marks["shown"]] + [tick for tick in ticks if tick >= marks["shown"]]
    return {
        "total": marks["shown"] - marks["start"],
        "worker_stall": longest_gap(before),
        "views": marks["shown"] - marks["arrived"],
        "settle_stall": longest_gap(after),
    }


def longest_gap(times: list[float]) -> float:
    return max((later - earlier for earlier, later in pairwise(times)), default=0.0)


@benchmark("open 100,000 positions in the window", target=3.0, group="opening")
def open_big(settings: Settings) -> Measurement:
    from .bench_loading import seminar_bytes

    speakers = settings.size(500, quick=8)
    positions = settings.size(100_000, quick=2_000)
    data = seminar_bytes(speakers, settings.size(40, quick=5), positions)
    samples: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="seminar-lens-bench-") as folder:
        path = Path(folder) / "big.seminar.json"
        path.write_bytes(data)
        for _ in range(settings.runs):
            samples.append(open_and_watch(path))

    def median(key: str) -> float:
        return statistics.median(sample[key] for sample in samples)

    detail = (
        f"{speakers} speakers, {positions:,} positions, {len(data) / 2**20:.0f} MiB; longest GUI-thread stall "
        f"while the worker loads {shown(median('worker_stall'), 's')} (max {shown(max(s['worker_stall'] for s in samples), 's')}); "
        f"then the views take {shown(median('views'), 's')} on the GUI thread to show it, "
        f"longest stall after that {shown(median('settle_stall'), 's')}"
    )
    return Measurement([sample["total"] for sample in samples], "s", detail)
