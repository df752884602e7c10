"""The safety net: an unexpected exception in the GUI is logged and shown, and the app keeps running.

The log goes to the application's log folder (:func:`desktop_app.app_folders.log_folder`); the
dialog shows a one-line summary with the traceback behind "Show Details".
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from .. import APP_NAME, __version__

LOG_NAME = "errors.log"
MAX_LOG_BYTES = 1_000_000


def log_path() -> Path:
    from ..app_folders import log_folder  # asks platformdirs: only once something has gone wrong

    return log_folder() / LOG_NAME


def write_log(text: str) -> Path | None:
    """Append an entry to the error log (trimmed when it grows large); None if it cannot be written."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
        with path.open("a", encoding="utf-8") as log:
            log.write(text)
    except OSError:
        return None
    return path


class ExceptionHook:
    """Replaces sys.excepthook while the window lives."""

    def __init__(self, parent, dialogs):
        self._parent = parent
        self._dialogs = dialogs
        self._showing = False
        self.previous = sys.excepthook

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        import datetime as dt  # only when something has gone wrong: not part of starting up

        stamp = dt.datetime.now().isoformat(timespec="seconds")
        where = write_log(f"--- {stamp} {APP_NAME} {__version__}\n{details}\n")
        print(details, file=sys.stderr)
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            summary = f"Something went wrong: {kind.__name__}: {value}".strip()
            note = f"\n\nThe details were written to {where}." if where else ""
            self._dialogs.show_error(
                self._parent,
                "Unexpected error",
                f"{summary}\n\nThe seminar you have open is not affected; you can carry on working.{note}",
                details,
            )
        finally:
            self._showing = False


def install_exception_hook(parent, dialogs) -> ExceptionHook:
    hook = ExceptionHook(parent, dialogs)
    sys.excepthook = hook
    return hook
