"""Opening seminar files for the window: small ones at once, big ones in a worker thread with a progress dialog.

:class:`FileOpener` is the one way the window opens a file.  A file below
:data:`BACKGROUND_FROM_BYTES` loads on the spot, in a few tens of milliseconds.
A bigger one loads in a :class:`LoadThread`, which also works out the
analysis and what the views derive from the whole seminar, so the window
only has to show the result.  A window-modal progress dialog
(:mod:`.progress`) appears if the load is expected to last longer than
:data:`~.progress.PROGRESS_AFTER_MS`; its Cancel stops the load at its next
step.  Either way the outcome arrives through the
same signals, and the seminar already open stays untouched unless the new
one loaded in full.

While one file loads, a request to open another is turned down
(:attr:`OpenOutcome.BUSY`): the user asked for the first, and can cancel it.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...model.dataset import Dataset
from ...model.format.loader import cycle_collection_paused, load
from ...model.format.problems import DatasetError
from ...model.format.progress import LOAD_PHASES, LoadCancelled, Monitor, Phase
from ..derived import Derivation, DerivedData
from ..document import SeminarDocument
from ..progress import PROGRESS_AFTER_MS, close_progress, progress_dialog, show_share

BACKGROUND_FROM_BYTES = 1024 * 1024
"""Files of this size or more load in a worker thread; smaller ones take a few tens of milliseconds."""

OPEN_PHASES: tuple[Phase, ...] = (*LOAD_PHASES, Phase("views", "Preparing the views", 15))
"""The loader's phases, then the views' own preparation (weighed as measured on the same file)."""

Preparation = Derivation
"""Works out something a view derives from a whole dataset, kept in the document's derived data; no Qt objects."""


def view_preparations() -> tuple[Preparation, ...]:
    """What the window's views derive from a whole seminar, to work out before the window shows it."""
    from ..views.source_view import excerpt_layout

    return (excerpt_layout,)


class OpenOutcome(Enum):
    """What became of a request to open a file, as the request returns."""

    OPENED = "opened"  # loaded and shown
    FAILED = "failed"  # refused: its problems were reported, the open seminar stays
    LOADING = "loading"  # loading in the background: the outcome follows as a signal
    BUSY = "busy"  # turned down: another file is still loading
    KEPT = "kept"  # not opened: the user kept the unsaved changes of the open seminar


class LoadThread(QThread):
    """Loads one file and prepares it for the views, off the GUI thread.

    Its signals are emitted from the worker thread and, the thread object
    living in the GUI thread, delivered there through the event loop.
    """

    progressed = Signal(str, float)  # the phase's label, the share of the whole load done
    loaded = Signal(object, object)  # the Dataset, and the DerivedData prepared for it
    failed = Signal(object)  # the DatasetError
    cancelled = Signal()
    crashed = Signal(object)  # (type, exception, traceback) of an unexpected error

    def __init__(self, path: str, preparations: Sequence[Preparation], parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self._preparations = tuple(preparations)
        self._stop = threading.Event()

    def request_cancel(self) -> None:
        """Ask the load to stop at its next step (safe from any thread)."""
        self._stop.set()

    def run(self) -> None:  # in the worker thread
        monitor = Monitor(self.progressed.emit, self._stop.is_set, OPEN_PHASES)
        try:
            with cycle_collection_paused():
                dataset = load(self.path, monitor=monitor)
                dataset.precompute(monitor)
                monitor.begin("views")
                derived = DerivedData(dataset)
                for done, prepare in enumerate(self._preparations, start=1):
                    derived.get(prepare)
                    monitor.advance(done, len(self._preparations))
            monitor.check()
        except LoadCancelled:
            self.cancelled.emit()
        except DatasetError as error:
            self.failed.emit(error)
        except Exception:  # noqa: BLE001 (reported on the GUI thread, where the exception hook can show it)
            self.crashed.emit(sys.exc_info())
        else:
            self.loaded.emit(dataset, derived)


class FileOpener(QObject):
    """Opens files into ``document`` on behalf of ``window``; see the module's docstring."""

    opened = Signal(object, str)  # the Dataset now open, the path asked for
    failed = Signal(object, str)  # the DatasetError, the path asked for
    cancelled = Signal(str)  # the path whose load the user stopped
    progressed = Signal(str, float)  # as LoadThread.progressed, for a background load

    def __init__(
        self,
        document: SeminarDocument,
        window: QWidget,
        *,
        background_from: int = BACKGROUND_FROM_BYTES,
        preparations: Sequence[Preparation] | None = None,
    ):
        super().__init__(window)
        self.document = document
        self.window = window
        self.background_from = background_from
        self.preparations = tuple(preparations) if preparations is not None else view_preparations()
        self.progress_after_ms = PROGRESS_AFTER_MS
        self.worker: LoadThread | None = None
        self.progress_dialog: QProgressDialog | None = None
        self._file_name = ""

    @property
    def busy(self) -> bool:
        """Whether a file is loading in the background."""
        return self.worker is not None

    def open(self, path: str | os.PathLike[str]) -> OpenOutcome:
        """Open ``path``: at once if it is small, else start loading it in the background."""
        if self.worker is not None:
            return OpenOutcome.BUSY
        path = os.fspath(path)
        if not self._is_big(path):
            try:
                dataset = load(path)
            except DatasetError as error:
                self.failed.emit(error, path)
                return OpenOutcome.FAILED
            self.document.replace_dataset(dataset)
            self.opened.emit(dataset, path)
            return OpenOutcome.OPENED
        self._start(path)
        return OpenOutcome.LOADING

    def cancel(self) -> None:
        """Stop the background load, if one runs; the ``cancelled`` signal follows."""
        if self.worker is not None:
            self.worker.request_cancel()

    def shut_down(self) -> None:
        """Stop any background load and wait for its thread to end (the window is closing)."""
        thread = self.worker
        if thread is not None:
            thread.request_cancel()
            thread.wait()
            self._finish()

    def _is_big(self, path: str) -> bool:
        try:
            return os.stat(path).st_size >= self.background_from
        except OSError:
            return False  # the loader words the problem

    # -- a background load -----------------------------------------------------
    def _start(self, path: str) -> None:
        thread = LoadThread(path, self.preparations, self)
        thread.progressed.connect(self._on_progress)
        thread.loaded.connect(self._on_loaded)
        thread.failed.connect(self._on_failed)
        thread.cancelled.connect(self._on_cancelled)
        thread.crashed.connect(self._on_crashed)
        self.worker = thread
        self._file_name = Path(path).name
        dialog = progress_dialog(self.window, "Opening a seminar", f"Opening {self._file_name}\u2026", self.progress_after_ms)
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog
        thread.start()

    def _on_progress(self, label: str, share: float) -> None:
        if self.worker is None:
            return
        dialog = self.progress_dialog
        if dialog is not None and not dialog.wasCanceled():
            show_share(dialog, share, f"Opening {self._file_name}\u2026\n{label}")
        self.progressed.emit(label, share)

    def _finish(self) -> str:
        """Forget the finished thread and close the dialog; the path that was loading."""
        worker, self.worker = self.worker, None
        path = worker.path if worker is not None else ""
        if worker is not None:
            worker.wait()  # it has emitted its last signal and is ending
            worker.deleteLater()
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            close_progress(dialog)
        return path

    # Each outcome arrives once per load; after shut_down() one may still be queued, and is dropped.
    def _on_loaded(self, dataset: Dataset, derived: DerivedData) -> None:
        if self.worker is None:
            return
        path = self._finish()
        self.document.replace_dataset(dataset, derived)
        self.opened.emit(dataset, path)

    def _on_failed(self, error: DatasetError) -> None:
        if self.worker is None:
            return
        path = self._finish()
        self.failed.emit(error, path)

    def _on_cancelled(self) -> None:
        if self.worker is None:
            return
        path = self._finish()
        self.cancelled.emit(path)

    def _on_crashed(self, info: tuple[type[BaseException], BaseException, TracebackType | None]) -> None:
        if self.worker is None:
            return
        self._finish()
        sys.excepthook(*info)  # the application's hook shows and logs it, here on the GUI thread
