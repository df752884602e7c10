"""The installed menu entry really starts the window: its Exec line run on a virtual X display."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desktop.entry_format import exec_arguments, read_entry
from tests.factories import debate, to_bytes


@pytest.fixture
def x_display():
    """A private Xvfb display, stopped after the test."""
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1366x900x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    number = server.stdout.readline().strip()
    assert number.isdigit(), "Xvfb did not report its display number"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.slow
def test_double_clicking_a_seminar_file_opens_it_in_a_window(tmp_path, x_display):
    """After --install-desktop-entry, the entry's Exec line opens a .seminar.json file in a real window."""
    installed = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--install-desktop-entry"], capture_output=True, text=True, timeout=120
    )
    assert installed.returncode == 0, installed.stderr
    entry = os.path.join(os.environ["XDG_DATA_HOME"], "applications", "seminar-lens.desktop")
    keys = read_entry(Path(entry).read_text(encoding="utf-8"))
    document = tmp_path / "clean-air.seminar.json"
    document.write_bytes(to_bytes(debate()))
    argv = [str(document) if argument == "%f" else argument for argument in exec_arguments(keys["Exec"])]

    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = x_display
    app = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "Clean Air Bill"],
            env=env, capture_output=True, text=True, timeout=90,
        )
        assert found.returncode == 0 and found.stdout.strip(), "no window titled after the opened seminar appeared"
        title = subprocess.run(
            ["xdotool", "getwindowname", found.stdout.split()[0]], env=env, capture_output=True, text=True, timeout=30
        ).stdout.strip()
        assert title == "Second reading: the Clean Air Bill \u2014 Seminar Lens"
        assert app.poll() is None, "the app exited instead of staying open"
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
