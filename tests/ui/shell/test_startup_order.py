"""Starting the window: its frame paints before the seminar is read, the chart comes last, and nothing blocks."""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray, QEvent, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app.gui import open_window
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.views.theme_chart import ThemeChart
from tests.ui.event_loop import settle


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


def test_rounds_codebooks_playback_and_the_awaiting_queue_arrive_once_the_chart_is_built(qtbot, default_dataset, settings, dialogs):
    """They wait for the chart, so the seminar and the chart show sooner; then their menus are there, in order."""
    window = MainWindow(default_dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    assert not hasattr(window, "playback") and not hasattr(window, "compare_codings")
    with qtbot.waitSignal(window.chartReady, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: hasattr(window, "awaiting"), timeout=5000)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Analysis", "&Playback", "&Help"]
    assert window.awaiting.action in window.edit_menu.actions()


def test_a_window_never_shown_builds_no_chart(qtbot, default_dataset, settings, dialogs):
    """A window that is built but not shown leaves pyqtgraph's chart unbuilt until it is asked for."""
    window = MainWindow(default_dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    settle(qtbot)
    assert window.chart is None
    assert isinstance(window.ensure_chart(), ThemeChart)


def test_open_window_shows_the_default_seminar_and_leaves_the_event_loop_to_the_caller(qtbot, monkeypatch):
    """The launcher's start-up path returns the application and the shown window, which then opens the default seminar."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # open_window installs its own; put it back afterwards
    QApplication.instance().setWindowIcon(QIcon())  # so that the icon seen below is the one the launcher sets
    app, window = open_window(None)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert app is not None and app.instance() is app
    with qtbot.waitSignal(window.seminarShown, timeout=10_000):
        pass
    assert window.document.dataset.seminar.title in window.windowTitle()
    assert window.open_action.isEnabled()
    qtbot.waitUntil(lambda: window.chart is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not app.windowIcon().isNull(), timeout=5000)  # the icon follows the chart


def test_the_frame_paints_first_with_a_note_and_the_seminar_follows(qtbot, settings, dialogs, default_dataset):
    """A window started without its seminar paints a frame saying it is opening, then shows the seminar it is given."""
    window = MainWindow(settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    painted_before_seminar: list[bool] = []
    window.after_first_paint(lambda: painted_before_seminar.append(not window.has_seminar))
    window.show()
    qtbot.waitUntil(lambda: painted_before_seminar == [True], timeout=10_000)
    assert window.opening_note.isVisible() and "Opening" in window.opening_note.text()
    assert not window.open_action.isEnabled() and not window.exports.pdf_action.isEnabled()
    with qtbot.waitSignal(window.chartReady, timeout=10_000):
        window.show_seminar(default_dataset)
    assert window.has_seminar and window.open_action.isEnabled()
    assert default_dataset.seminar.title in window.windowTitle()
    assert window.splitter.isVisible() and isinstance(window.chart, ThemeChart)


def test_a_window_closed_while_opening_keeps_its_size_and_its_layout(qtbot, settings, dialogs):
    """Closing the window before its seminar has been read saves its size and leaves the remembered layout alone."""
    settings.splitter_state = QByteArray(b"kept")
    window = MainWindow(settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    assert settings.geometry is not None and bytes(settings.splitter_state) == b"kept"


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


def test_a_broken_default_seminar_is_reported_once_the_window_is_up(qtbot, monkeypatch, tmp_path):
    """If the shipped seminar cannot be read, the launcher is handed its problems instead of a half-built window."""
    from desktop_app import gui

    broken = tmp_path / "default.seminar.json"
    broken.write_text("{", encoding="utf-8")
    monkeypatch.setattr(gui, "default_seminar_path", lambda: broken)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    reported: list = []
    _app, window = open_window(None, on_broken_installation=reported.append)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: reported != [], timeout=10_000)
    assert not window.has_seminar
    assert any("default.seminar.json" in line for line in reported[0].lines())


def test_a_default_seminar_changed_since_it_shipped_is_checked_in_full(qtbot, monkeypatch, tmp_path):
    """A default seminar whose bytes are not those shipped is checked field by field: a value out of range is reported."""
    from desktop_app import gui
    from tests.factories import debate, to_bytes

    data = debate()
    data["positions"][0]["stance"] = 7  # of the right type, but out of range: only a full check sees it
    broken = tmp_path / "default.seminar.json"
    broken.write_bytes(to_bytes(data))
    monkeypatch.setattr(gui, "default_seminar_path", lambda: broken)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    reported: list = []
    _app, window = open_window(None, on_broken_installation=reported.append)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: reported != [], timeout=10_000)
    assert not window.has_seminar
    assert any("positions[0].stance" in line for line in reported[0].lines())


def test_the_default_seminar_is_checked_in_full_once_its_chart_is_built(qtbot, monkeypatch):
    """Started on the shipped seminar taken as it stands, the window checks it in full once the chart is built."""
    from desktop_app import gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    checked: list[bool] = []
    monkeypatch.setattr(gui, "check_shipped_seminar", lambda *_: checked.append(window.chart is not None))
    _app, window = open_window(None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: checked != [], timeout=10_000)
    assert checked == [True]


def test_the_cycle_collector_is_paused_from_launch_until_the_chart_is_built(qtbot, monkeypatch):
    """Starting, Python's cycle collector waits: off from the launch until the chart is built, then on again."""
    import gc

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert gc.isenabled()
    try:
        _app, window = open_window(None)
        qtbot.addWidget(window)
        seen = [gc.isenabled()]
        window.chartReady.connect(lambda: seen.append(gc.isenabled()))
        qtbot.waitUntil(gc.isenabled, timeout=10_000)
        assert seen == [False, False]
        assert window.chart is not None
    finally:
        gc.enable()


def test_a_missing_last_file_is_explained_in_the_banner_once_the_seminar_shows(qtbot, settings, dialogs, tmp_path):
    """Starting on a last file that has gone shows the default seminar with a banner naming the file."""
    from desktop_app.assets import default_seminar_path
    from desktop_app.gui import open_start_seminar

    gone = tmp_path / "gone.seminar.json"
    settings.last_file = str(gone)
    window = MainWindow(settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    open_start_seminar(window, None, settings)
    assert window.document.dataset.path == default_seminar_path()
    assert window.banner.isVisible() and str(gone) in window.banner.message.text()
    assert settings.last_file is None


def test_a_seminar_that_fails_to_show_lets_the_collector_run_again(qtbot, settings, dialogs, default_dataset, monkeypatch):
    """Should showing the start seminar raise, the collector paused for the start is turned on again."""
    import gc

    import pytest

    from desktop_app.gui import open_start_seminar

    window = MainWindow(settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)

    def broken(dataset):
        raise RuntimeError("a view could not be built")

    monkeypatch.setattr(window, "show_seminar", broken)
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            open_start_seminar(window, None, settings, when_chart_built=gc.enable)
        assert gc.isenabled()
    finally:
        gc.enable()


def _shown_then_given(qtbot, settings, dialogs, dataset) -> MainWindow:
    """A window shown empty and painted, then handed ``dataset``: the launcher's order."""
    window = MainWindow(settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    painted: list[bool] = []
    window.after_first_paint(lambda: painted.append(True))
    window.show()
    qtbot.waitUntil(lambda: painted == [True], timeout=10_000)
    window.show_seminar(dataset)
    return window


def test_on_the_themes_tab_the_other_tabs_and_editing_follow_the_chart(qtbot, settings, dialogs, default_dataset):
    """Started on the Themes tab, the window builds the other tabs, editing and search once its chart has painted."""
    from desktop_app.ui.views.source_view import SourceView

    window = _shown_then_given(qtbot, settings, dialogs, default_dataset)
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    assert not window.is_whole and window.chart is None
    assert not hasattr(window, "source") and not hasattr(window, "saving")
    assert titles == ["Themes", "Agreement", "Source", "Timeline"]  # the four titles are there from the start
    with qtbot.waitSignal(window.chartReady, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: window.is_whole, timeout=10_000)
    assert isinstance(window.tabs.widget(2), SourceView) and window.tabs.widget(2) is window.source
    assert [window.tabs.tabText(index) for index in range(window.tabs.count())] == titles
    assert window.current_tab() == "themes" and window.tabs.widget(0) is window.chart
    assert window.editing.undo_action in window.edit_menu.actions()
    assert window.imports.action.isEnabled()


def test_a_tab_chosen_before_the_rest_is_built_is_built_at_once(qtbot, settings, dialogs, default_dataset):
    """Choosing the Source tab (Ctrl+3) before the rest has arrived builds it there and then, and shows it."""
    from desktop_app.ui.views.source_view import SourceView

    window = _shown_then_given(qtbot, settings, dialogs, default_dataset)
    assert not window.is_whole
    window.tab_actions["source"].trigger()
    assert window.is_whole and window.current_tab() == "source"
    assert window.tabs.currentWidget() is window.source and isinstance(window.source, SourceView)
    assert window.tab_actions["source"].isChecked()


def test_a_window_reopened_on_another_tab_builds_it_with_the_seminar(qtbot, settings, dialogs, default_dataset):
    """Remembered on the Timeline tab, the window shows that tab's view with the seminar, not a stand-in."""
    settings.tab = "timeline"
    window = _shown_then_given(qtbot, settings, dialogs, default_dataset)
    assert window.is_whole and window.current_tab() == "timeline"
    assert window.tabs.currentWidget() is window.timeline


def test_closing_or_opening_a_file_before_the_rest_is_built(qtbot, settings, dialogs, default_dataset, tmp_path):
    """Nothing can be edited yet, so closing asks nothing; opening a file builds the rest first, then opens it."""
    from desktop_app.assets import default_seminar_path

    copy = tmp_path / "copy.seminar.json"
    copy.write_bytes(default_seminar_path().read_bytes())
    window = _shown_then_given(qtbot, settings, dialogs, default_dataset)
    assert not window.is_whole
    window.open_path(copy)
    assert window.is_whole
    qtbot.waitUntil(lambda: window.document.dataset.path == copy, timeout=10_000)
    asked_before = list(dialogs.calls)
    later = _shown_then_given(qtbot, settings, dialogs, default_dataset)
    assert not later.is_whole
    assert later.close() and not later.is_whole
    assert dialogs.calls == asked_before, "closing a window that cannot have been edited asks nothing"
