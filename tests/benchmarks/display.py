"""A real X display for the start-up children: the caller's own, else a private Xvfb, else none (offscreen).

Start-up is what a user waits for on their desktop, and Qt's xcb platform
does work there that the offscreen one skips (connecting to the server, its
extensions and input method, mapping the window and waiting for it to be
exposed), so the start-up rows run on xcb whenever they can.  Without a
display, a private Xvfb is started (it picks a free display number itself,
``-displayfd``), with openbox as its window manager when that is installed,
and stopped again when the rows are done.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass

STARTUP_SECONDS = 10.0
"""How long Xvfb may take to say which display it opened."""


@dataclass(frozen=True)
class Display:
    """Where the children paint: the Qt platform, the X display if any, and a few words saying which."""

    platform: str
    display: str | None
    description: str


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """A fresh Xvfb at 1280 × 800 on a display number of its own choosing, and that display; None if it fails."""
    read_end, write_end = os.pipe()
    try:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    os.close(write_end)
    number = b""
    deadline = time.monotonic() + STARTUP_SECONDS
    with os.fdopen(read_end, "rb") as reader:
        os.set_blocking(reader.fileno(), False)
        while not number.endswith(b"\n") and time.monotonic() < deadline and server.poll() is None:
            with contextlib.suppress(BlockingIOError):
                number += os.read(reader.fileno(), 16)
            time.sleep(0.02)
    if not number.strip().isdigit():
        _stop(server)
        return None
    return server, f":{number.strip().decode()}"


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def real_display() -> Iterator[Display]:
    """The display the start-up children should use, for the duration of the block.

    The caller's ``QT_QPA_PLATFORM`` wins; else the caller's ``DISPLAY``; else
    a private Xvfb (with openbox if installed); else offscreen, which the
    description says.
    """
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if chosen:
        yield Display(chosen, os.environ.get("DISPLAY"), f"{chosen} (chosen by QT_QPA_PLATFORM)")
        return
    if os.environ.get("DISPLAY"):
        yield Display("xcb", os.environ["DISPLAY"], f"xcb on the caller's display {os.environ['DISPLAY']}")
        return
    started = _start_xvfb() if shutil.which("Xvfb") else None
    if started is None:
        yield Display("offscreen", None, "offscreen: no display, and Xvfb could not be started")
        return
    server, display = started
    manager = None
    if shutil.which("openbox"):
        manager = subprocess.Popen(
            ["openbox"], env={**os.environ, "DISPLAY": display}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    try:
        yield Display("xcb", display, f"xcb on a private Xvfb {display}{' with openbox' if manager else ''}")
    finally:
        if manager is not None:
            _stop(manager)
        _stop(server)
