"""The ``--install-desktop-entry`` and ``--uninstall-desktop-entry`` commands: run them, tell the user."""

from __future__ import annotations

from .. import APP_NAME
from ..desktop import MIME_TYPE, SEMINAR_GLOB, DesktopIntegrationError
from ..desktop.install import install, uninstall
from .failure import EXIT_OK, CommandFailed, print_warning


def install_desktop_entry() -> int:
    """Add the app to this user's menu, with its icon and the seminar file type."""
    try:
        done = install()
    except DesktopIntegrationError as exc:
        raise CommandFailed(str(exc)) from None
    icons = [path for path in done.files if path.suffix in (".png", ".svg")]
    print(f"Installed the {APP_NAME} desktop entry for this user:")
    print(f"  menu entry  {done.desktop_file}")
    print(f"  starts      {done.launcher}")
    print(f"  file type   {MIME_TYPE} ({SEMINAR_GLOB}) in {done.mime_package}")
    print(f"  icons       {len(icons)} files under {done.data_home / 'icons' / 'hicolor'}")
    print("Remove it with: seminar-lens --uninstall-desktop-entry")
    _warn(done.warnings)
    return EXIT_OK


def uninstall_desktop_entry() -> int:
    """Remove exactly what the install recorded."""
    try:
        done = uninstall()
    except DesktopIntegrationError as exc:
        raise CommandFailed(str(exc)) from None
    if done is None:
        print(f"No {APP_NAME} desktop entry is installed for this user; nothing to remove.")
        return EXIT_OK
    folders = f", and {len(done.directories)} folders it had created" if done.directories else ""
    print(f"Removed the {APP_NAME} desktop entry: {len(done.files)} files{folders}.")
    _warn(done.warnings)
    return EXIT_OK


def _warn(warnings) -> None:
    for warning in warnings:
        print_warning(warning)
