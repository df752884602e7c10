"""Fixtures for widget tests: isolated settings, dialogs that answer without showing, a shown window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.ui.selection import Selection
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings import AppSettings
from tests.fakes import FakeDialogs


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
def open_window(qtbot, settings, dialogs):
    """Opens the main window on a dataset, shown (offscreen) at 1280x800, with its chart built."""

    def opened(dataset) -> MainWindow:
        main = MainWindow(dataset, settings=settings, dialogs=dialogs, build_chart_now=True)
        qtbot.addWidget(main)
        main.resize(1280, 800)
        main.show()
        qtbot.waitExposed(main)
        return main

    return opened


@pytest.fixture
def window(open_window, default_dataset):
    """The main window on the default seminar."""
    return open_window(default_dataset)


@pytest.fixture(scope="session")
def big_dataset():
    """The synthetic 500-speaker seminar (40 themes, 10,000 positions), generated and loaded once."""
    from desktop_app.model.format.loader import load_bytes
    from tests.synthetic.generator import generate_text

    return load_bytes(generate_text(500, 40, 10_000, seed=1).encode("utf-8"), "big.seminar.json")
