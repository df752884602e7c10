"""Creating the QApplication: the platform choice for headless commands, names, icon.

Without a display and without QT_QPA_PLATFORM, Qt aborts the whole process
with a message about xcb; headless commands therefore pick the offscreen
platform themselves, before the application object exists.

Qt's raster engine hands every fill taller than about a hundred lines to a
pool of threads and waits for them.  For fills the size of a widget the
hand-over costs more than the fill: with it, repainting the detail panel
after a page change took 7 to 10 ms on a two-core machine, and 3 to 4 ms
without.  The application sets ``QT_NO_GUI_THREADPOOL``, which turns that
pool off, whenever the environment has not set it already.
"""

from __future__ import annotations

import os
import sys

from . import APP_NAME, ORGANISATION, __version__

SERIAL_FILLS = "QT_NO_GUI_THREADPOOL"
"""Set, Qt paints fills and converts images on the calling thread instead of handing them to a pool."""


def has_display() -> bool:
    if sys.platform != "linux" and not sys.platform.startswith("freebsd"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def use_offscreen_if_headless() -> None:
    """Choose the offscreen platform when there is no display and the user chose nothing."""
    if not os.environ.get("QT_QPA_PLATFORM") and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def make_application(*, headless: bool = False, with_icon: bool = True):
    """The QApplication (created once), named and ready; headless ones never need a display.

    Without ``with_icon`` the caller sets :func:`application_icon` itself: the
    launcher does so once its window has first painted, as reading the icon's
    images is not needed for that paint.
    """
    if headless:
        use_offscreen_if_headless()
    os.environ.setdefault(SERIAL_FILLS, "1")  # read once, when Qt first wants its pool: before any painting
    if not os.environ.get("XDG_RUNTIME_DIR") and sys.platform == "linux":
        # Qt warns without one; a private folder keeps its sockets away from other users.
        import tempfile

        os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="seminar-lens-runtime-")
    from PySide6.QtWidgets import QApplication

    from .pyside_imports import skip_feature_scan

    skip_feature_scan()  # every module imported from here on, pydantic, numpy and pyqtgraph among them
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "seminar-lens"])
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName(APP_NAME)
        app.setOrganizationName(ORGANISATION)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("seminar-lens")
        if with_icon:
            app.setWindowIcon(application_icon())
    return app


def application_icon():
    """The icon at every rendered size, so each place (title bar, task switcher, About) gets a crisp one."""
    from PySide6.QtGui import QIcon

    from .desktop.icons import icon_pngs

    icon = QIcon()
    for path in icon_pngs().values():
        if path.exists():
            icon.addFile(str(path))
    return icon
