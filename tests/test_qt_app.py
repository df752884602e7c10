"""Creating the application: fills painted on the window's own thread, unless the environment chose already."""

from __future__ import annotations

import os

from desktop_app.qt_app import SERIAL_FILLS, make_application


def test_starting_the_application_keeps_fills_on_the_painting_thread(qapp, monkeypatch):
    """With nothing set, starting the application tells Qt to paint without its thread pool; a value already set is kept."""
    monkeypatch.delenv(SERIAL_FILLS, raising=False)
    make_application()
    assert os.environ[SERIAL_FILLS] == "1"
    monkeypatch.setenv(SERIAL_FILLS, "yes")
    make_application()
    assert os.environ[SERIAL_FILLS] == "yes"
