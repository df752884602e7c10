"""Several files dropped on the window: open the first that is a seminar, and say which were skipped.

Files whose names cannot be a seminar file (a PNG, a PDF) are skipped at
once; the rest are tried in the order dropped, each through the window's
usual opening (so a file with problems still lists them), until one opens.
The status bar then names the skipped files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...presentation.elide import elide_middle

if TYPE_CHECKING:
    from ..dialogs import StatusLine
    from .file_opener import FileOpener, OpenOutcome

SEMINAR_SUFFIXES = (".json",)


def looks_like_seminar(path: str) -> bool:
    return Path(path).suffix.lower() in SEMINAR_SUFFIXES


def skipped_words(skipped: list[str]) -> str:
    """``Skipped chart.png and notes.pdf.``"""
    names = [elide_middle(Path(path).name, 60) for path in skipped]
    if len(names) > 3:
        names = [*names[:3], f"{len(names) - 3} more"]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Skipped {listed}."


class DroppedFiles(QObject):
    """Works through one drop: each file through ``open_path`` (the window's opening), ``opener`` telling how a background load ended."""

    def __init__(
        self,
        paths: list[str],
        opener: FileOpener,
        open_path: Callable[[str | os.PathLike[str]], OpenOutcome],
        status: StatusLine,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.opener = opener
        self.open_path = open_path
        self.status = status
        self.candidates = [path for path in paths if looks_like_seminar(path)]
        self.skipped = [path for path in paths if not looks_like_seminar(path)]
        self.opened: str | None = None
        self._waiting: str | None = None  # a file loading in the background

    def start(self) -> None:
        opener = self.opener
        opener.opened.connect(self._on_opened)
        opener.failed.connect(self._on_failed)
        opener.cancelled.connect(self._on_cancelled)
        self._try_next()

    def _try_next(self) -> None:
        from .file_opener import OpenOutcome

        while self.candidates:
            path = self.candidates.pop(0)
            outcome = self.open_path(path)
            if outcome is OpenOutcome.OPENED:
                self._done(path)
                return
            if outcome is OpenOutcome.LOADING:
                self._waiting = path  # the opener reports back through its signals
                return
            self.skipped.append(path)  # its problems were listed, or another file is still loading
        self._finish()

    def _done(self, path: str) -> None:
        self.opened = path
        self.skipped.extend(self.candidates)
        self.candidates = []
        self._finish()

    def _on_opened(self, _dataset, path: str) -> None:
        if self._waiting is not None and path == self._waiting:
            self._waiting = None
            self._done(path)

    def _on_failed(self, _error, path: str) -> None:
        if self._waiting is not None and path == self._waiting:
            self._waiting = None
            self.skipped.append(path)
            self._try_next()

    def _on_cancelled(self, path: str) -> None:
        if self._waiting is not None and path == self._waiting:
            self._waiting = None
            self.skipped.extend([path, *self.candidates])
            self.candidates = []
            self._finish()

    def _finish(self) -> None:
        opener = self.opener
        opener.opened.disconnect(self._on_opened)
        opener.failed.disconnect(self._on_failed)
        opener.cancelled.disconnect(self._on_cancelled)
        if self.skipped:
            opened = f"Opened {elide_middle(Path(self.opened).name, 60)}. " if self.opened else "No seminar opened. "
            self.status(opened + skipped_words(self.skipped), 10000)
        self.deleteLater()
