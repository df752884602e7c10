"""Running a benchmark in a fresh interpreter, with a home of its own, and reading back its one line of JSON.

Start-up and memory can only be measured in a new process, and the window
benchmarks must neither read nor change the user's settings: each child gets
an empty home and XDG folders (so QSettings starts empty too), a private
runtime folder, and a Qt platform that works without a display.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CHECKOUT = Path(__file__).resolve().parents[2]
"""The checkout the children import the application from (``python -m`` from here puts it first on the path)."""


def child_platform() -> str:
    """The Qt platform for children: the caller's choice, else the display's, else offscreen."""
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if chosen:
        return chosen
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb" if os.environ.get("DISPLAY") else "offscreen"


def child_environment(
    home: Path, platform: str | None = None, bytecode_cache: Path | None = None, display: str | None = None
) -> dict[str, str]:
    """The caller's environment with a private, empty home and XDG folders, and the Qt platform to use.

    With ``display``, the child paints on that X display (``DISPLAY``).

    With ``bytecode_cache``, Python keeps the compiled bytecode of every module
    in that folder (``PYTHONPYCACHEPREFIX``), even where the caller turned
    writing it off, so that a later child starts from compiled modules as an
    installed copy does rather than compiling the application's own modules
    afresh each time.
    """
    env = dict(os.environ)
    if bytecode_cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode_cache)
    folders = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_RUNTIME_DIR": home / "runtime",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    (home / "runtime").chmod(0o700)
    env["QT_QPA_PLATFORM"] = platform or child_platform()
    if display is not None:
        env["DISPLAY"] = display
    env.pop("PYTHONSTARTUP", None)
    return env


def run_child(
    module: str,
    args: Sequence[str] = (),
    *,
    platform: str | None = None,
    pass_clock: bool = False,
    timeout: float = 600,
    bytecode_cache: Path | None = None,
    display: str | None = None,
) -> dict[str, Any]:
    """Run ``python -m tests.benchmarks.<module> ARGS`` in a fresh home; the JSON object it printed last.

    With ``pass_clock``, this process's ``time.perf_counter()`` and
    ``time.time()``, read just before the child is spawned, follow the
    arguments, so the child can time itself from its own spawning.
    ``bytecode_cache`` and ``display`` are passed to :func:`child_environment`.
    """
    with tempfile.TemporaryDirectory(prefix="seminar-lens-bench-") as scratch:
        env = child_environment(Path(scratch), platform, bytecode_cache, display)
        command = [sys.executable, "-m", f"{__package__}.{module}", *args]
        if pass_clock:
            command += [repr(time.perf_counter()), repr(time.time())]
        done = subprocess.run(command, cwd=CHECKOUT, env=env, capture_output=True, text=True, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{module} {' '.join(args)} did not report (exit {done.returncode}): {done.stderr.strip()[-400:]}")
    return json.loads(lines[-1])
