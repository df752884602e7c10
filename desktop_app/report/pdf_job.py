"""A PDF brief written on a worker thread, so the window stays responsive however long the brief.

The whole brief, its chart, its layout and its writing to disk, runs in the
job's thread (:class:`PdfExportJob`); the chart is painted from plain
geometry (:func:`~desktop_app.report.pdf.prepare_chart`), so the worker
records it unless one is handed over.  The job keeps only the
latest word on its progress (what it is doing and the share done), which the
GUI thread reads when it likes (:meth:`PdfExportJob.progress`): nothing queues
up however fast the pages go.  :meth:`PdfExportJob.cancel` may be called from
any thread; the brief checks it between passages and between pages, a few
milliseconds apart.
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from PySide6.QtCore import QThread

from ..model.dataset import Dataset
from ..presentation.brief_options import ReportOptions
from .errors import ExportCancelled, ExportFailed
from .pdf import ChartArt, ExportedPdf, export_pdf, prepare_chart

# Shares of the progress bar: building and laying out the brief, then painting its pages, then the file.
LAID_OUT_AT = 0.6
PAINTED_AT = 0.98
_STEP_SHARES = {
    "Writing the brief": 0.0,
    "Cutting the brief into passages": 0.03,
    "Laying out the brief": 0.05,
    "Breaking the pages": LAID_OUT_AT,
}


class PdfExportJob(QThread):
    """Writes one brief to ``path`` on its own thread; ``finished`` is emitted when it is done, whatever the outcome.

    Afterwards exactly one of ``exported`` (an ExportedPdf), ``failure`` (an
    ExportFailed), ``was_cancelled`` or ``crash`` (any other exception, to be
    raised again by the caller) says how it ended.
    """

    def __init__(
        self,
        dataset: Dataset,
        path: Path,
        options: ReportOptions,
        chart: ChartArt | None = None,
        *,
        replace_read_only: bool = False,
        parent=None,
    ):
        super().__init__(parent)
        self._dataset = dataset
        self._path = path
        self._options = options
        self._chart = chart
        self._replace_read_only = replace_read_only
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._progress: tuple[str, float] = ("Writing the brief\u2026", 0.0)
        self.exported: ExportedPdf | None = None
        self.failure: ExportFailed | None = None
        self.was_cancelled = False
        self.crash: BaseException | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next check; nothing is written then."""
        self._stop.set()

    def progress(self) -> tuple[str, float]:
        """What the job is doing, and the share of it done (0 to 1)."""
        with self._lock:
            return self._progress

    def _tell(self, words: str, share: float) -> None:
        with self._lock:
            self._progress = (words, share)

    def run(self) -> None:  # the worker thread
        # What was alive before the export (the seminar, the window) is set aside from the collector while it
        # runs: a full collection over a 2,000-speaker seminar holds the interpreter lock for over 100 ms, and
        # the window cannot repaint meanwhile.  The brief's own garbage is still collected.
        gc.freeze()
        try:
            self._build()
        finally:
            gc.unfreeze()
        if self.exported is not None:
            pages = self.exported.pages
            self._tell(f"Writing page {pages} of {pages}", 1.0)

    def _build(self) -> None:
        try:
            if self._chart is None:
                # Painted with QPainter from plain geometry, so the worker records it: the GUI thread never waits on it.
                self._tell("Drawing the chart\u2026", 0.0)
                self._chart = prepare_chart(self._dataset, self._options)
            self.exported = export_pdf(
                self._dataset,
                self._path,
                self._options,
                chart=self._chart,
                building=lambda words: self._tell(f"{words}\u2026", _STEP_SHARES.get(words, self.progress()[1])),
                laying_out=self._laid_out,
                progress=self._painted,
                cancelled=self._stop.is_set,
                replace_read_only=self._replace_read_only,
            )
        except ExportCancelled:
            self.was_cancelled = True
        except ExportFailed as error:
            self.failure = error
        except BaseException as error:  # noqa: BLE001 (handed to the GUI thread, which raises it again)
            self.crash = error

    def _laid_out(self, done: int, total: int) -> None:
        start = _STEP_SHARES["Laying out the brief"]
        self._tell(f"Laying out the brief: {done:,} of {total:,} passages", start + (LAID_OUT_AT - start) * done / total)

    def _painted(self, done: int, total: int) -> None:
        self._tell(f"Writing page {done} of {total}", LAID_OUT_AT + (PAINTED_AT - LAID_OUT_AT) * done / total)
