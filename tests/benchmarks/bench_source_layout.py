"""Source tab layout: how long the report's text takes to appear, per megabyte, unbroken or in words.

A report with very long runs without a space (a pasted data dump, a URL
list run together) used to take minutes: Qt breaks such a line character by
character.  The Source tab offers an invisible break every 80 characters in
such runs (:class:`desktop_app.ui.views.source_view.QtOffsets`).  Each sample puts
the text, as the view shows it, into a shown 600 × 400 QPlainTextEdit, lays
out and paints its first screen, then its last, and divides the time by the
text's size in megabytes.  The row "as given" lays out the same unbroken text
without the breaks, for the ratio (100 KB only: a megabyte takes minutes).
The row "in the window" does what a user meets: a main window at 1280 × 800 on
a small panel whose report ends in the unbroken run, switched to its Source
tab, which fills, highlights and paints its first screen, then its last.
"""

from __future__ import annotations

import time

from .harness import Measurement, Settings, benchmark

MB = 1_000_000


def _unbroken(size: int) -> str:
    return ("abcdefghij" * (size // 10 + 1))[:size]


def _words(size: int) -> str:
    return ("The panel disagreed about the pace of change, and said so. " * (size // 60 + 1))[:size]


def seconds_per_mb(text: str, with_breaks: bool = True) -> float:
    """Time to lay out and paint ``text`` in a shown plain-text view, first and last screens, per megabyte."""
    from desktop_app.qt_app import make_application

    app = make_application(headless=True)
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QPlainTextEdit

    from desktop_app.ui.views.source_view import QtOffsets

    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.resize(600, 400)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    shown = QtOffsets(text).display_text if with_breaks else text
    view.setPlainText(shown)
    view.viewport().repaint()
    view.moveCursor(QTextCursor.MoveOperation.End)
    view.ensureCursorVisible()
    view.viewport().repaint()
    app.processEvents()
    elapsed = time.perf_counter() - start
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed / (len(text) / MB)


def window_seconds_per_mb(size: int) -> float:
    """Time for the Source tab of a shown main window to show a report ending in ``size`` unbroken characters, per megabyte."""
    from desktop_app.qt_app import make_application

    app = make_application(headless=True)
    from PySide6.QtGui import QTextCursor

    from desktop_app.model.format.loader import load_bytes
    from desktop_app.ui.shell.main_window import MainWindow
    from tests.factories import coded_panel, to_bytes

    data = coded_panel([("ana", "trade", 1, "assessment"), ("ben", "trade", -1, "assessment")], speakers=("chair",))
    data["seminar"]["source"]["text"] += "\n" + _unbroken(size)
    dataset = load_bytes(to_bytes(data), "unbroken.seminar.json")
    window = MainWindow(dataset, build_chart_now=True)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.show_tab("source")
    view = window.source.text
    view.viewport().repaint()
    app.processEvents()
    view.moveCursor(QTextCursor.MoveOperation.End)
    view.ensureCursorVisible()
    view.viewport().repaint()
    app.processEvents()
    elapsed = time.perf_counter() - start
    window.close()
    window.deleteLater()
    app.processEvents()
    return elapsed / (size / MB)


@benchmark("source layout per MB, 1 MB unbroken, in the window's Source tab", target=2.0, group="source")
def in_the_window(settings: Settings) -> Measurement:
    size = settings.size(MB, quick=10_000)
    window_seconds_per_mb(2_000)  # warm up: fonts, and the window's first construction
    samples = [window_seconds_per_mb(size) for _ in range(1 if settings.quick else min(settings.runs, 3))]
    return Measurement(samples, "s", f"{size:,} characters after a short report; the tab shown, first and last screens painted")


def _register(label: str, make, full: int, quick: int, with_breaks: bool = True) -> None:
    @benchmark(f"source layout per MB, {label}", target=2.0, group="source")
    def run(settings: Settings) -> Measurement:
        size = settings.size(full, quick=quick)
        text = make(size)
        seconds_per_mb(make(2_000), with_breaks)  # warm up: the first layout in a process loads the fonts
        samples = [seconds_per_mb(text, with_breaks) for _ in range(1 if settings.quick else min(settings.runs, 3))]
        return Measurement(samples, "s", f"{size:,} characters; seconds per megabyte, first and last screens painted")


_register("100 KB unbroken", _unbroken, 100_000, 5_000)
_register("1 MB unbroken", _unbroken, MB, 10_000)
_register("100 KB in words", _words, 100_000, 5_000)
_register("1 MB in words", _words, MB, 10_000)
_register("100 KB unbroken, as given (no breaks)", _unbroken, 100_000, 5_000, with_breaks=False)
