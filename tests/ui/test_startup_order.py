"""Starting the window: it paints before the chart is built, and the launcher's path shows it without blocking."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject

from desktop_app.gui import open_window
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.theme_chart import ThemeChart


class FirstPaintRecorder(QObject):
    """Notes whether the window had its chart when its first Paint event arrived."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.chart_at_first_paint: object = "not painted"

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.chart_at_first_paint == "not painted":
            self.chart_at_first_paint = self.window.chart
        return False


def test_the_window_paints_first_and_builds_its_chart_right_after(qtbot, default_dataset, settings, dialogs):
    """A shown window appears with the chart's placeholder, then puts the chart in its place by itself."""
    window = MainWindow(default_dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    recorder = FirstPaintRecorder(window)
    window.installEventFilter(recorder)
    assert window.chart is None
    with qtbot.waitSignal(window.chartReady, timeout=10_000):
        window.show()
    assert recorder.chart_at_first_paint is None
    assert isinstance(window.chart, ThemeChart)
    assert window.tabs.widget(0) is window.chart and window.current_tab() == "themes"


def test_a_window_never_shown_builds_no_chart(qtbot, default_dataset, settings, dialogs):
    """A window that is built but not shown leaves pyqtgraph's chart unbuilt until it is asked for."""
    window = MainWindow(default_dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    qtbot.wait(10)
    assert window.chart is None
    assert isinstance(window.ensure_chart(), ThemeChart)


def test_open_window_shows_the_default_seminar_and_leaves_the_event_loop_to_the_caller(qtbot, monkeypatch):
    """The launcher's start-up path returns the application and the shown window on the default seminar."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_window installs its own; put it back afterwards
    app, window = open_window(None)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.document.dataset.seminar.title in window.windowTitle()
    assert app is not None and app.instance() is app
    qtbot.waitUntil(lambda: window.chart is not None, timeout=10_000)


def test_a_file_opened_from_the_macos_finder_opens_in_the_window(qtbot, tmp_path, default_dataset, settings, dialogs):
    """A FileOpen event (how macOS hands over a double-clicked file) opens that file in the window."""
    from PySide6.QtGui import QFileOpenEvent

    from desktop_app.gui import FileOpenForwarder
    from tests.factories import debate, to_bytes

    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate()))
    window = MainWindow(default_dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    forwarder = FileOpenForwarder(window)
    assert forwarder.eventFilter(window, QFileOpenEvent(str(path))) is True
    assert window.document.dataset.path == path
