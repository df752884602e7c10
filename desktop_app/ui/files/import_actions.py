"""File ▸ New from Transcript or Report…: pick a file, read it, preview and map it, open the new seminar.

:class:`ImportActions` holds the action, which the window shell puts in its
File menu and enables once it shows a seminar (:meth:`ImportActions.attach`).
The file is picked and the preview shown through the
:class:`~desktop_app.ui.dialogs.Dialogs` it is given.  A small text file is read on the
spot; a PDF, or any file from :data:`BACKGROUND_FROM_BYTES` up, in an
:class:`ImportThread` with a progress dialog (PDFs page by page) whose Cancel
stops it.  A file that cannot be read ends in a message naming the problem and
where it is, and the seminar already open stays open.  The confirmed seminar
opens through :func:`open_imported`, the one place an imported seminar enters
the window, as a new unsaved seminar whose first undoable step is the import.
Before a file is picked, unsaved changes to the open seminar are saved or
given up on purpose (or the import stops there).
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..progress import PROGRESS_AFTER_MS, close_progress, progress_dialog, show_share

if TYPE_CHECKING:
    # The importers and the model import pydantic: the window's frame paints before they are needed.
    from ...model.format.schema import SeminarFile
    from ...model.importers.common import ImportedTranscript, ImportFailed
    from ..dialogs import Dialogs, StatusLine
    from ..document import SeminarDocument
    from .saving import Saving

BACKGROUND_FROM_BYTES = 512 * 1024
"""Files of this size or more (and every PDF) are read in a worker thread."""


class ImportStopped(Exception):
    """The user cancelled a background read."""


class ImportThread(QThread):
    """Reads one transcript or report off the GUI thread; its outcome arrives as one signal."""

    progressed = Signal(int, int)  # pages read, pages in all (PDFs)
    read = Signal(object)  # the ImportedTranscript
    failed = Signal(object)  # the ImportFailed
    cancelled = Signal()
    crashed = Signal(object)  # (type, exception, traceback) of an unexpected error

    def __init__(self, path: str, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self._stop = threading.Event()

    def request_cancel(self) -> None:
        """Ask the read to stop at its next page (safe from any thread)."""
        self._stop.set()

    def _page_read(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise ImportStopped
        self.progressed.emit(done, total)

    def run(self) -> None:  # in the worker thread
        from ...model.importers.common import ImportFailed
        from ...model.importers.reading import import_file

        try:
            transcript = import_file(self.path, progress=self._page_read)
            if self._stop.is_set():
                raise ImportStopped
        except ImportStopped:
            self.cancelled.emit()
        except ImportFailed as failure:
            self.failed.emit(failure)
        except Exception:  # noqa: BLE001 (reported on the GUI thread, where the exception hook shows it)
            self.crashed.emit(sys.exc_info())
        else:
            self.read.emit(transcript)


def open_imported(document: SeminarDocument, status: StatusLine, seminar_file: SeminarFile, file_name: str | None = None) -> None:
    """Open a seminar made from an import in the window's ``document``, the import one undoable step.

    Like File ▸ New, the window gets an empty new seminar (no path, so Save
    asks where); the import is then the first step of its undo history, named
    for ``file_name``, so the title shows it modified, autosave covers it,
    Edit ▸ Undo returns to the empty seminar and Redo brings the import back.
    The one way an imported seminar enters the window.  Raises
    :class:`~desktop_app.model.format.problems.DatasetError`, with the window
    unchanged, when the import breaks a rule of the file.  ``status`` is told what came in.
    """
    from ...model.editing.edits import apply_edit
    from ...model.editing.new_seminar import imported_in_one_step
    from ..editing.undo_commands import EditCommand

    name = file_name or seminar_file.seminar.title
    start, filling = imported_in_one_step(seminar_file, placeholder_text(name))
    filled, emptying = apply_edit(start, filling)  # checked before the window changes
    document.replace_dataset(filled)
    document.undo_stack.push(EditCommand(document, filling, emptying, f"Import {name}"))
    source = filled.seminar.source
    people = len(filled.speakers)
    status(
        f"New seminar from an import: {people} speaker{'' if people == 1 else 's'}, "
        f"{len(source.turns):,} turns, {len(source.text):,} characters \u2014 not saved yet",
        10000,
    )


def placeholder_text(file_name: str) -> str:
    """The source text of the empty seminar an import starts from (seen only once the import is undone)."""
    return f"A new seminar from {file_name}. Its text, speakers and turns were undone: Edit \u25b8 Redo brings them back."


class ImportActions(QObject):
    """The File menu's import action, and the import it starts; ``window`` is the parent of its dialogs.

    A background read stops when ``window`` closes.
    """

    opened = Signal(object)  # the SeminarFile opened in the window
    failed = Signal(object, str)  # the ImportFailed, the path
    progressed = Signal(int, int)  # pages read, pages in all, during a background read

    document: SeminarDocument  # from attach() on

    def __init__(self, window: QWidget, dialogs: Dialogs, status: StatusLine):
        super().__init__(window)
        self.host = window
        self.dialogs = dialogs
        self.status = status
        self.saving: Saving | None = None
        self.background_from = BACKGROUND_FROM_BYTES
        self.progress_after_ms = PROGRESS_AFTER_MS
        self.worker: ImportThread | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.action = QAction("New from &Transcript or Report\u2026", window)
        self.action.setShortcut("Ctrl+Shift+I")
        self.action.setStatusTip("Start a new seminar from a subtitle file, a transcript or a report")
        self.action.triggered.connect(self.choose_and_import)
        self.action.setEnabled(False)  # until attach()
        window.installEventFilter(self)  # a background read stops when the window closes

    def attach(self, document: SeminarDocument, saving: Saving) -> None:
        """Import into ``document`` from now on, ``saving`` asking first about unsaved changes; enables the action."""
        self.document = document
        self.saving = saving
        self.action.setEnabled(True)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.host and event.type() == QEvent.Type.Close:
            self.shut_down()
        return False

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def choose_and_import(self) -> None:
        """Ask for a file, then import it."""
        if self.busy or not self._may_replace_seminar():
            return
        current = self.document.dataset.path
        start = str(current.parent) if current else os.path.expanduser("~")
        path = self.dialogs.transcript_path(self.host, start)
        if path:
            self._read(os.fspath(path))

    def import_path(self, path: str | os.PathLike[str]) -> None:
        """After the unsaved-changes prompt, read ``path`` (in the background when big or a PDF), then preview it."""
        if self.busy or not self._may_replace_seminar():
            return
        self._read(os.fspath(path))

    def _may_replace_seminar(self) -> bool:
        """Whether the open seminar may give way: unsaved changes are saved or given up first, or the import stops."""
        saving = self.saving  # attached with the first seminar shown
        return saving is None or saving.may_discard_changes("importing a transcript or report")

    def _read(self, path: str) -> None:
        from ...model.importers.common import ImportFailed
        from ...model.importers.reading import import_file

        if Path(path).suffix.lower() == ".qdpx":
            self.import_project(path)
            return
        if not self._in_background(path):
            try:
                transcript = import_file(path)
            except ImportFailed as failure:
                self._report_failure(failure, path)
                return
            self.preview(path, transcript)
            return
        self._start(path)

    def preview(self, path: str, transcript: ImportedTranscript) -> None:
        """Show the preview; open the seminar the user confirms."""
        from ...model.format.problems import DatasetError
        from ...model.importers.reading import import_file

        def reread(format_name: str, confirmed: tuple[str, ...], pattern: str | None) -> ImportedTranscript:
            return import_file(path, format_name, confirmed=confirmed, pattern=pattern)

        seminar_file = self.dialogs.import_preview(self.host, path, transcript, reread)
        if seminar_file is None:
            return
        try:
            open_imported(self.document, self.status, seminar_file, Path(path).name)
        except DatasetError as error:
            self.dialogs.show_problems(self.host, error)
            return
        self.opened.emit(seminar_file)

    def import_project(self, path: str) -> SeminarFile | None:
        """A REFI-QDA project: its text source and codebook level asked when there is a choice, then opened as new."""
        from ...model.exchange.qdpx_import import import_project, project_depth, project_sources
        from ...model.format.problems import DatasetError
        from ...model.importers.common import ImportFailed

        name = Path(path).name
        try:
            sources, depth = project_sources(Path(path)), project_depth(Path(path))
            source = None
            if len(sources) > 1:
                source = self.dialogs.choose_item(
                    self.host, "Choose the Text Source",
                    f"{name} holds {len(sources)} text sources, and a seminar has one. Import:", sources,
                )
                if source is None:
                    return None
            level = 1
            if depth > 1:
                chosen = self.dialogs.choose_level(
                    self.host, "Choose the Codebook Level",
                    f"The codebook of {name} has {depth} levels. The codes of which level become themes? "
                    "(1 is the top; a deeper code counts for its parent at that level.)",
                    depth,
                )
                if chosen is None:
                    return None
                level = chosen
            imported = import_project(Path(path), source=source, level=level)
            open_imported(self.document, self.status, imported.model, name)
        except ImportFailed as failure:
            self._report_failure(failure, path)
            return None
        except DatasetError as error:
            self.dialogs.show_problems(self.host, error)
            return None
        lines = []
        if imported.awaiting:
            lines.append(
                f"{imported.awaiting:,} position{'s' if imported.awaiting != 1 else ''} await a stance: they are shown but "
                "not counted. Edit \u25b8 Rate Next Awaiting Position (Ctrl+J) opens them one after another."
            )
        if imported.left_out:
            lines.append("Not brought over:\n" + "\n".join(f"\u2022 {item}" for item in imported.left_out))
        if lines:
            self.dialogs.show_info(self.host, f"Imported {name}", "\n\n".join(lines))
        self.opened.emit(imported.model)
        return imported.model

    def _in_background(self, path: str) -> bool:
        if Path(path).suffix.lower() == ".pdf":
            return True
        try:
            return os.stat(path).st_size >= self.background_from
        except OSError:
            return False  # import_file words the problem

    def _report_failure(self, failure: ImportFailed, path: str) -> None:
        self.dialogs.show_error(
            self.host,
            "Import failed",
            f"{Path(path).name} could not be imported. The seminar already open stays open.\n\n"
            f"{failure.line_for(Path(path).name)}",
        )
        self.failed.emit(failure, path)

    # -- a background read -------------------------------------------------------------
    def _start(self, path: str) -> None:
        thread = ImportThread(path, self)
        thread.progressed.connect(self._on_progress)
        thread.read.connect(self._on_read)
        thread.failed.connect(self._on_failed)
        thread.cancelled.connect(self._on_cancelled)
        thread.crashed.connect(self._on_crashed)
        self.worker = thread
        name = Path(path).name
        dialog = progress_dialog(self.host, "Reading a file", f"Reading {name}\u2026", self.progress_after_ms)
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog
        thread.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.request_cancel()

    def shut_down(self) -> None:
        """Stop a background read and wait for it (the window is closing)."""
        if self.worker is not None:
            self.worker.request_cancel()
            self._finish()

    def _on_progress(self, done: int, total: int) -> None:
        if self.worker is None:
            return
        self.progressed.emit(done, total)  # first: a modal dialog's update below lets later signals through
        dialog = self.progress_dialog
        if dialog is not None and not dialog.wasCanceled() and total:
            show_share(dialog, done / total, f"Reading {Path(self.worker.path).name}\u2026\npage {done} of {total}")

    def _finish(self) -> str:
        worker, self.worker = self.worker, None
        path = worker.path if worker is not None else ""
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            close_progress(dialog)
        return path

    def _on_read(self, transcript: ImportedTranscript) -> None:
        if self.worker is None:
            return
        path = self._finish()
        # From the event loop, not inside this signal: the progress dialog is gone before the preview shows.
        QTimer.singleShot(0, lambda: self.preview(path, transcript))

    def _on_failed(self, failure: ImportFailed) -> None:
        if self.worker is None:
            return
        path = self._finish()
        self._report_failure(failure, path)

    def _on_cancelled(self) -> None:
        if self.worker is None:
            return
        path = self._finish()
        self.status(f"Stopped reading {Path(path).name}; nothing was created.", 5000)

    def _on_crashed(self, info: tuple[type[BaseException], BaseException, TracebackType | None]) -> None:
        if self.worker is None:
            return
        self._finish()
        sys.excepthook(*info)

