"""Find the installed ``seminar-lens`` launcher that a desktop entry should start.

The launcher is the console/gui script pip wrote for this installation: in
the scripts folder of the running interpreter (a virtual environment's
``bin``, or the system's), or of the user scheme after ``pip install --user``.
A standalone bundle is its own launcher.  The PATH is not searched: it could
name another installation than the one being integrated.
"""

from __future__ import annotations

import contextlib
import os
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path

from . import DesktopIntegrationError

LAUNCHER_NAME = "seminar-lens.exe" if os.name == "nt" else "seminar-lens"


def find_launcher(folders: Iterable[Path] | None = None) -> Path:
    """The absolute path of this installation's launcher, or DesktopIntegrationError."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the executable itself
        return Path(sys.executable).absolute()
    searched = list(folders) if folders is not None else launcher_folders()
    for folder in searched:
        candidate = Path(folder).absolute() / LAUNCHER_NAME
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    places = ", ".join(str(folder) for folder in searched) or "nowhere"
    raise DesktopIntegrationError(
        f"found no {LAUNCHER_NAME} launcher for this installation (looked in {places}); "
        "install the app with pip first (pip install .), then run its seminar-lens --install-desktop-entry"
    )


def launcher_folders() -> list[Path]:
    """Where pip puts scripts for the running interpreter, most specific first, without repeats."""
    folders = [Path(sysconfig.get_path("scripts")), Path(sys.executable).parent]
    with contextlib.suppress(KeyError, ValueError):  # an interpreter built without a user scheme
        folders.append(Path(sysconfig.get_path("scripts", sysconfig.get_preferred_scheme("user"))))
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique
