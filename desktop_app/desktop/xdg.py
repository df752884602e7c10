"""The user's XDG data folder, and the desktop's caches that must learn of new entries.

Caches are refreshed with the desktop's own tools when they are installed:
update-desktop-database (which application opens which file type),
update-mime-database (the file types themselves) and gtk-update-icon-cache.
A missing tool is skipped; a failing one gives a warning, since the files
are in place and most desktops also rescan their folders by themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TOOL_TIMEOUT_SECONDS = 120


def is_xdg_platform() -> bool:
    """Linux and the BSDs lay out desktop entries, icons and file types the XDG way."""
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly"))


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset, empty or relative (as the spec says)."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def refresh_caches(home: Path) -> list[str]:
    """Run the refresh tools on the user's folders; returns a warning per tool that failed."""
    warnings = []
    applications, mime, icon_theme = home / "applications", home / "mime", home / "icons" / "hicolor"
    if applications.is_dir():
        warnings += _run("update-desktop-database", "-q", str(applications))
    if (mime / "packages").is_dir():
        warnings += _run("update-mime-database", str(mime))
    if icon_theme.is_dir():
        # Icon loaders compare the theme folder's time with their cache's: touch it so they rescan.
        os.utime(icon_theme)
        # A user theme folder rarely has a cache, and loaders scan one that has none; update one
        # that exists (it would hide the new icons otherwise) but do not create one.
        if (icon_theme / "icon-theme.cache").exists():
            warnings += _run("gtk-update-icon-cache", "-q", "-f", "-t", str(icon_theme))
    return warnings


def _run(tool: str, *arguments: str) -> list[str]:
    executable = shutil.which(tool)
    if executable is None:
        return []
    try:
        result = subprocess.run(
            [executable, *arguments],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TOOL_TIMEOUT_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"{tool} did not run: {exc}"]
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()
        return [f"{tool} failed (exit code {result.returncode})" + (f": {said[0]}" if said else "")]
    return []
