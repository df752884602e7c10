"""Fixtures for widget tests: isolated settings, dialogs that answer without showing, a shown window."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.selection import Selection
from desktop_app.ui.settings import AppSettings


@dataclass
class FakeDialogs:
    """Stands in for ui.dialogs.Dialogs: records every call and answers from its attributes."""

    open_answer: str | None = None
    save_answer: str | None = None
    ask_answer: bool = False
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def open_seminar_path(self, parent, start_folder=""):
        self.calls.append(("open_seminar_path", start_folder))
        return self.open_answer

    def save_path(self, parent, title, suggested, file_filter):
        self.calls.append(("save_path", suggested))
        return self.save_answer

    def show_problems(self, parent, error):
        self.calls.append(("show_problems", error))

    def show_error(self, parent, title, message, details=None):
        self.calls.append(("show_error", (title, message, details)))

    def show_info(self, parent, title, message):
        self.calls.append(("show_info", (title, message)))

    def show_about(self, parent, title, message):
        self.calls.append(("show_about", (title, message)))

    def ask(self, parent, title, question):
        self.calls.append(("ask", question))
        return self.ask_answer

    def open_externally(self, path):
        self.calls.append(("open_externally", path))

    def named(self, name: str) -> list[Any]:
        return [payload for kind, payload in self.calls if kind == name]


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path):
    """Default-constructed QSettings write under the test's temporary folder, never the real home."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def settings_file(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file):
    return AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def selection(qtbot):
    return Selection()


@pytest.fixture
def window(qtbot, default_dataset, settings, dialogs):
    """The main window on the default seminar, shown (offscreen), with its chart built."""
    main = MainWindow(default_dataset, settings=settings, dialogs=dialogs, build_chart_now=True)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture(scope="session")
def big_dataset():
    """The synthetic 500-speaker seminar (40 themes, 10,000 positions), generated and loaded once."""
    from desktop_app.model.dataset import load_bytes
    from desktop_app.model.synthetic import generate_text

    return load_bytes(generate_text(500, 40, 10_000, seed=1).encode("utf-8"), "big.seminar.json")
