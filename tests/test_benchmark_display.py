"""Where the start-up benchmark's children paint: the caller's choice, the caller's display, a private Xvfb, else offscreen."""

import os
import shutil
import subprocess

import pytest

from tests.benchmarks import display
from tests.benchmarks.display import real_display


def test_the_callers_platform_is_kept(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    with real_display() as chosen:
        assert chosen.platform == "offscreen" and "QT_QPA_PLATFORM" in chosen.description


def test_the_callers_display_is_used_with_xcb(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":77")
    with real_display() as chosen:
        assert (chosen.platform, chosen.display) == ("xcb", ":77")


def test_without_a_display_or_xvfb_the_rows_say_offscreen(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr(display.shutil, "which", lambda name: None)
    with real_display() as chosen:
        assert chosen.platform == "offscreen" and chosen.display is None
        assert "no display" in chosen.description


@pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdpyinfo") is None, reason="needs Xvfb and xdpyinfo")
def test_a_private_xvfb_is_started_for_the_block_and_stopped_after(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    with real_display() as chosen:
        assert chosen.platform == "xcb" and chosen.display is not None
        answered = subprocess.run(["xdpyinfo", "-display", chosen.display], capture_output=True, timeout=30)
        assert answered.returncode == 0
    gone = subprocess.run(["xdpyinfo", "-display", chosen.display], capture_output=True, timeout=30,
                          env={**os.environ, "DISPLAY": chosen.display})
    assert gone.returncode != 0, "the private Xvfb is stopped after the block"
