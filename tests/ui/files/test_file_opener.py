"""Opening big files from the window: in the background, with a progress dialog, cancellable, and nothing lost."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop_app.model.format.problems import format_path
from desktop_app.ui.files.file_opener import OpenOutcome
from tests.factories import debate, to_bytes
from tests.synthetic.generator import generate_text

WAIT_MS = 60_000
"""Longest a test waits for a background load: generous, a shared machine can be slow."""


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """A synthetic seminar of 500 speakers, 40 themes and 10,000 positions (6 MiB), written once."""
    path = tmp_path_factory.mktemp("big") / "big.seminar.json"
    path.write_text(generate_text(500, 40, 10_000, seed=3), encoding="utf-8")
    return path


@pytest.fixture
def gate(window):
    """Holds the next background load at its last step until the test opens the gate."""
    opened = threading.Event()
    window.opener.preparations = (*window.opener.preparations, lambda dataset: opened.wait(WAIT_MS / 1000))
    window.opener.progress_after_ms = 0
    yield opened
    opened.set()  # never leave a worker waiting, whatever the test did


def cancel_button(dialog) -> QPushButton:
    return dialog.findChild(QPushButton)


def test_a_big_file_loads_in_the_background_and_the_window_shows_it(qtbot, window, dialogs, settings, big_file):
    """Opening a 6 MiB seminar returns at once, then the list, the status bar and the title show the new seminar."""
    with qtbot.waitSignal(window.opener.opened, timeout=WAIT_MS) as opened:
        assert window.open_path(big_file) is OpenOutcome.LOADING
        assert window.opener.busy
    dataset, path = opened.args
    assert window.document.dataset is dataset and path == str(big_file)
    assert window.speaker_list.proxy.rowCount() == 500
    assert window.status_counts.text() == "500 speakers \u00b7 40 themes \u00b7 10,000 positions"
    assert window.windowTitle().startswith(dataset.seminar.title)
    assert settings.last_file == str(big_file.resolve())
    assert "analysis" in dataset.__dict__  # worked out in the worker, not on the GUI thread
    assert not window.opener.busy and window.opener.progress_dialog is None
    assert dialogs.named("show_problems") == []


def test_cancel_in_the_progress_dialog_keeps_the_open_seminar(qtbot, window, dialogs, settings, default_dataset, gate, tmp_path):
    """Clicking Cancel while a file loads stops the load; the seminar open before stays, and nothing is remembered."""
    path = tmp_path / "other.seminar.json"
    path.write_bytes(to_bytes(debate()))
    window.opener.background_from = 0
    title = window.windowTitle()
    assert window.open_path(path) is OpenOutcome.LOADING
    dialog = window.opener.progress_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert "other.seminar.json" in dialog.labelText()
    with qtbot.waitSignal(window.opener.cancelled, timeout=WAIT_MS):
        qtbot.mouseClick(cancel_button(dialog), Qt.MouseButton.LeftButton)
        gate.set()
    assert window.document.dataset is default_dataset
    assert window.windowTitle() == title
    assert window.speaker_list.proxy.rowCount() == len(default_dataset.speakers)
    assert settings.last_file is None and settings.recent_files == []
    assert dialogs.named("show_problems") == []
    assert "Stopped opening other.seminar.json" in window.statusBar().currentMessage()
    assert not window.opener.busy and not dialog.isVisible()


def test_a_second_file_is_turned_down_while_one_loads(qtbot, window, gate, tmp_path):
    """Asking to open another file while one is loading says so and changes nothing; the first still opens."""
    first, second = tmp_path / "first.seminar.json", tmp_path / "second.seminar.json"
    first.write_bytes(to_bytes(debate()))
    second.write_bytes(to_bytes(debate()))
    window.opener.background_from = 0
    assert window.open_path(first) is OpenOutcome.LOADING
    assert window.open_path(second) is OpenOutcome.BUSY
    assert "still opening" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.opener.opened, timeout=WAIT_MS) as opened:
        gate.set()
    assert opened.args[1] == str(first)


def test_a_broken_big_file_lists_its_problems_and_keeps_the_open_seminar(qtbot, window, dialogs, default_dataset, tmp_path):
    """A file that fails its checks in the background is reported, problem by problem, through the problems dialog."""
    data = debate()
    data["positions"][0]["speaker"] = "nobody"
    data["themes"][1]["order"] = "second"
    path = tmp_path / "broken.seminar.json"
    path.write_bytes(to_bytes(data))
    window.opener.background_from = 0
    with qtbot.waitSignal(window.opener.failed, timeout=WAIT_MS):
        assert window.open_path(path) is OpenOutcome.LOADING
    (error,) = dialogs.named("show_problems")
    located = {(format_path(problem.path), problem.line is not None) for problem in error.problems}
    assert ("positions[0].speaker", True) in located and ("themes[1].order", True) in located
    assert window.document.dataset is default_dataset
    assert not window.opener.busy


def test_small_files_still_open_at_once(window, tmp_path):
    """A file under the background size opens before open_path returns, with no progress dialog."""
    path = tmp_path / "small.seminar.json"
    path.write_bytes(to_bytes(debate()))
    assert window.open_path(path) is OpenOutcome.OPENED
    assert window.document.dataset.seminar.title == debate()["seminar"]["title"]
    assert window.opener.progress_dialog is None


def test_an_unexpected_error_in_the_worker_reaches_the_exception_hook(qtbot, window, tmp_path, monkeypatch):
    """A bug in the background load is handed to the GUI thread's exception hook, and the window carries on."""
    seen = []
    monkeypatch.setattr("sys.excepthook", lambda kind, value, tb: seen.append(value))

    def broken(dataset):
        raise RuntimeError("a bug in a view's preparation")

    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate()))
    window.opener.background_from = 0
    window.opener.preparations = (broken,)
    assert window.open_path(path) is OpenOutcome.LOADING
    qtbot.waitUntil(lambda: seen != [], timeout=WAIT_MS)
    assert str(seen[0]) == "a bug in a view's preparation"
    assert not window.opener.busy
