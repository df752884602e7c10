"""File ▸ Export PDF… (Ctrl+E) and File ▸ Export CSV: the window's side of the exports.

Asks for the options and the destination through the
:class:`~desktop_app.ui.dialogs.Dialogs` it is given, writes the file with the same
builders the command line uses, reports a failure in a dialog, and offers to
open a finished PDF.  A PDF export shows its progress (:mod:`.progress`)
when it lasts, and its Cancel stops it with nothing written and any file of
that name left as it was.  The report modules are imported on first use, so
the window starts without them; the document comes with :meth:`ExportActions.attach`
once the window shows a seminar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QProgressDialog, QStyle, QWidget

from ...presentation.focus import FocusKind
from ..icons import themed_icon
from ..progress import PROGRESS_AFTER_MS, close_progress, progress_dialog, show_share

if TYPE_CHECKING:
    from ..dialogs import Dialogs, StatusLine
    from ..document import SeminarDocument
    from ..selection import Selection

PROGRESS_TICK_MS = 40
"""How often the progress dialog reads the export job's progress."""
PDF_FILTER = "PDF documents (*.pdf)"
CSV_FILTER = "CSV files (*.csv)"
QDPX_FILTER = "REFI-QDA projects (*.qdpx)"
QDC_FILTER = "REFI-QDA codebooks (*.qdc)"
GRAPHML_FILTER = "GraphML networks (*.graphml)"
CSV_TITLES = {
    "positions": "Export Positions as CSV",
    "matrix": "Export Stance Matrix as CSV",
    "themes": "Export Theme Verdicts as CSV",
    "pairs": "Export Speaker Pairs as CSV",
    "timeline": "Export Timeline as CSV",
}
CSV_SUFFIXES = {"positions": ".csv", "matrix": "-stances.csv", "themes": "-themes.csv", "pairs": "-pairs.csv", "timeline": "-timeline.csv"}


class FolderMemory(Protocol):
    """The folder a file was last chosen in, remembered between runs (the window's settings)."""

    @property
    def last_folder(self) -> str | None: ...

    @last_folder.setter
    def last_folder(self, value: str) -> None: ...


class ExportActions(QObject):
    """The export actions, with ``window`` the parent of their dialogs, and the exports they carry out.

    ``selection`` says whose brief to suggest; ``chart_sort`` gives the order of the
    chart on screen, which the brief's chart follows.
    """

    pdfProgressed = Signal(str, float)  # what the PDF export is doing, and the share of it done (0 to 1)
    document: SeminarDocument  # from attach() on: the actions are enabled only once the window shows a seminar

    def __init__(
        self,
        window: QWidget,
        dialogs: Dialogs,
        status: StatusLine,
        selection: Selection,
        folders: FolderMemory,
        chart_sort: Callable[[], str],
    ):
        super().__init__(window)
        self.host = window
        self.dialogs = dialogs
        self.status = status
        self.selection = selection
        self.folders = folders
        self._chart_sort = chart_sort
        self.last_options = None  # the PDF options chosen last in this session
        self.progress_after_ms = PROGRESS_AFTER_MS
        self.progress_dialog: QProgressDialog | None = None  # while a PDF export runs
        self._last_report: tuple[str, float] | None = None
        self.pdf_action = QAction("Export &PDF\u2026", window)
        self.pdf_action.setShortcut(QKeySequence("Ctrl+E"))
        self.pdf_action.setStatusTip("Export a PDF brief of the seminar")
        self.pdf_action.setToolTip("Export a PDF brief of the seminar (Ctrl+E)")
        self.pdf_action.setIcon(themed_icon("document-export", QStyle.StandardPixmap.SP_DialogSaveButton, window))
        self.pdf_action.triggered.connect(self.export_pdf)

        self.csv_menu = QMenu("Export &CSV", window)
        self.csv_positions_action = self.csv_menu.addAction("&Positions\u2026")
        self.csv_positions_action.setStatusTip("Every position, one row each, as CSV")
        self.csv_positions_action.triggered.connect(lambda: self.export_csv("positions"))
        self.csv_matrix_action = self.csv_menu.addAction("Speaker \u00d7 Theme &Stance Matrix\u2026")
        self.csv_matrix_action.setStatusTip("Each speaker's median stance on each theme, as CSV")
        self.csv_matrix_action.triggered.connect(lambda: self.export_csv("matrix"))
        self.csv_themes_action = self.csv_menu.addAction("&Themes and Verdicts\u2026")
        self.csv_themes_action.setStatusTip("One row per theme: voices, counts, median, consensus, verdict and what flips it")
        self.csv_themes_action.triggered.connect(lambda: self.export_csv("themes"))
        self.csv_pairs_action = self.csv_menu.addAction("Speaker P&airs\u2026")
        self.csv_pairs_action.setStatusTip("One row per pair of speakers: shared themes, agreement and chance level")
        self.csv_pairs_action.triggered.connect(lambda: self.export_csv("pairs"))
        self.csv_timeline_action = self.csv_menu.addAction("Time&line\u2026")
        self.csv_timeline_action.setStatusTip("Every position in the order of the discussion, with its turn's start time")
        self.csv_timeline_action.triggered.connect(lambda: self.export_csv("timeline"))
        self.qdpx_action = QAction("Export REFI-QDA Pro&ject\u2026", window)
        self.qdpx_action.setStatusTip("The seminar as a REFI-QDA project (.qdpx) for QualCoder, MAXQDA, ATLAS.ti or NVivo")
        self.qdpx_action.triggered.connect(lambda _=False: self.export_qdpx())
        self.qdc_action = QAction("Export REFI-QDA Code&book\u2026", window)
        self.qdc_action.setStatusTip("The themes with their definitions and anchors as a REFI-QDA codebook (.qdc)")
        self.qdc_action.triggered.connect(lambda _=False: self.export_qdc())
        self.graphml_action = QAction("Export Net&work (GraphML)\u2026", window)
        self.graphml_action.setStatusTip("Speakers and themes as a network (.graphml) for Gephi, visone, networkx or R")
        self.graphml_action.triggered.connect(lambda _=False: self.export_graphml())

    def attach(self, document: SeminarDocument) -> None:
        """Export ``document`` from now on (the window shows it)."""
        self.document = document

    def _selected_speaker(self) -> str | None:
        focus = self.selection.focus
        if focus.kind in (FocusKind.SPEAKER, FocusKind.PAIR) and focus.speaker:
            return focus.speaker
        return None

    def _destination(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        """Ask where to save, starting in the folder used last; remember the folder chosen."""
        settings = self.folders
        folder = settings.last_folder
        if folder and Path(folder).is_dir():
            suggested = Path(folder) / suggested.name
        chosen = self.dialogs.save_path(self.host, title, str(suggested), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        settings.last_folder = str(path.parent)
        return path if path.suffix else path.with_suffix(suggested.suffix)

    def export_pdf(self) -> Path | None:
        """Options, destination, the brief, then the offer to open it; the path written, or None."""
        from ...report.naming import suggested_path

        dataset = self.document.dataset
        dialogs = self.dialogs
        options = dialogs.export_options(self.host, dataset, self._selected_speaker(), self.last_options)
        if options is None:
            return None
        # The brief counts the kinds the window counts (View ▸ Counted Kinds).
        options = replace(options, counted_kinds=self.document.counted_kinds, without_chair=self.document.without_chair)
        self.last_options = options
        # The brief's chart follows the window's: the rows in the order the user is looking at.
        options = replace(options, chart_sort=self._chart_sort())
        path = self._destination("Export PDF", suggested_path(dataset, ".pdf", options.speaker), PDF_FILTER)
        if path is None:
            return None
        if not self._may_replace(path):
            return None
        from ...report.fonts import missing_glyphs_warning
        from ...report.pdf_job import PdfExportJob

        # Checked here, in the window's thread, where fonts may be asked about; the job paints with the same fonts.
        boxes = missing_glyphs_warning(dataset)

        dialog = progress_dialog(self.host, "Exporting PDF", f"Exporting {path.name}\u2026", self.progress_after_ms)
        self.progress_dialog = dialog
        self._last_report = None
        try:
            # The whole brief, its chart included, is built in the job's thread: the window only shows progress.
            job = PdfExportJob(dataset, path, options, replace_read_only=True, parent=self)
            self._run(job, dialog)
        finally:
            self.progress_dialog = None
            close_progress(dialog)
        job.deleteLater()
        if job.crash is not None:
            raise job.crash
        if job.was_cancelled:
            self.status(f"PDF export cancelled: {path.name} was not written.", 8000)
            return None
        exported = job.exported
        if exported is None:
            dialogs.show_error(self.host, "Export failed", f"The PDF was not exported: {job.failure}")
            return None
        noun = "page" if exported.pages == 1 else "pages"
        ready = f"{path.name} is ready ({exported.pages} {noun})."
        if boxes:
            self.status(f"Exported {path.name} ({exported.pages} {noun}). {boxes}", 15000)
            ready += f"\n\n{boxes}\n\n"
        else:
            self.status(f"Exported {path.name} ({exported.pages} {noun})", 8000)
            ready += " "
        wants_it_open = dialogs.ask(self.host, "PDF exported", f"{ready}Open it now?")
        if wants_it_open and not dialogs.open_externally(str(path)):
            dialogs.show_error(
                self.host,
                "Could not open the PDF",
                f"No application opened {path.name}: none may be set up for PDF files. "
                f"The PDF is saved in {path.parent}.",
            )
        return path

    def _may_replace(self, path: Path) -> bool:
        """True unless ``path`` must not be written (the open seminar's own file, a device) or is read-only and kept."""
        from ...atomic import is_read_only, real_target
        from ...write_targets import UnsafeTarget, check_target

        try:
            check_target(path, (self.document.dataset.path,))
        except UnsafeTarget as error:
            self.dialogs.show_error(self.host, "Export refused", f"Nothing was exported: {error}")
            return False
        if not is_read_only(real_target(path)):
            return True
        question = f"{path.name} is read-only. Replace it anyway?"
        if self.dialogs.ask(self.host, "The file is read-only", question):
            return True
        self.status(f"Not exported: {path.name} is read-only and was left as it was.", 8000)
        return False

    def _run(self, job, dialog: QProgressDialog) -> None:
        """Run ``job`` in its thread while this one keeps the window alive, showing its progress and hearing Cancel."""
        loop = QEventLoop()
        job.finished.connect(loop.quit)
        dialog.canceled.connect(job.cancel)
        ticker = QTimer()
        ticker.setInterval(PROGRESS_TICK_MS)
        ticker.timeout.connect(lambda: self._report(dialog, *job.progress()))
        # Delete now what waits to be deleted (a closed dialog, say): deleted inside the loop below, such a
        # widget would wait for Python's lock while holding Qt's connection lock, which the job's thread,
        # holding Python's lock, may need for its text layout; both would wait for ever.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        job.start()
        ticker.start()
        if not job.isFinished():
            loop.exec()
        ticker.stop()
        job.wait()
        if job.exported is not None:
            self._report(dialog, *job.progress())

    def _report(self, dialog: QProgressDialog, words: str, share: float) -> None:
        if dialog.wasCanceled() or (words, share) == self._last_report:
            return
        self._last_report = (words, share)
        self.pdfProgressed.emit(words, share)
        show_share(dialog, share, words)

    def export_qdpx(self) -> Path | None:
        """Destination, then the REFI-QDA project; the path written, or None."""
        from ...report.exchange_files import export_qdpx

        return self._export_exchange("Export REFI-QDA Project", ".qdpx", QDPX_FILTER, lambda d, p: export_qdpx(d, p, replace_read_only=True))

    def export_qdc(self) -> Path | None:
        """Destination, then the themes as a REFI-QDA codebook; the path written, or None."""
        from ...report.exchange_files import export_qdc

        return self._export_exchange("Export REFI-QDA Codebook", ".qdc", QDC_FILTER, lambda d, p: export_qdc(d, p, replace_read_only=True))

    def export_graphml(self) -> Path | None:
        """Destination, then the network of what the window counts; the path written, or None."""
        from ...report.exchange_files import export_graphml

        document = self.document
        return self._export_exchange(
            "Export Network (GraphML)", ".graphml", GRAPHML_FILTER,
            lambda d, p: export_graphml(d, p, document.counted_kinds, replace_read_only=True, without_chair=document.without_chair),
        )

    def _export_exchange(self, title: str, suffix: str, file_filter: str, write: Callable[..., Path]) -> Path | None:
        from ...report.errors import ExportFailed
        from ...report.naming import suggested_path

        dataset = self.document.dataset
        path = self._destination(title, suggested_path(dataset, suffix), file_filter)
        if path is None or not self._may_replace(path):
            return None
        try:
            write(dataset, path)
        except ExportFailed as error:
            self.dialogs.show_error(self.host, "Export failed", f"{path.name} was not exported: {error}")
            return None
        self.status(f"Exported {path.name}", 8000)
        return path

    def export_csv(self, kind: str) -> Path | None:
        """Destination, then the CSV of ``kind`` (positions, matrix, themes, pairs or timeline); the path written, or None."""
        from ...report.csv_export import export_csv
        from ...report.errors import ExportFailed
        from ...report.naming import suggested_path

        dataset = self.document.dataset
        path = self._destination(CSV_TITLES[kind], suggested_path(dataset, CSV_SUFFIXES[kind]), CSV_FILTER)
        if path is None or not self._may_replace(path):
            return None
        try:
            export_csv(
                dataset, path, kind, self.document.counted_kinds, replace_read_only=True, without_chair=self.document.without_chair
            )
        except ExportFailed as error:
            self.dialogs.show_error(self.host, "Export failed", f"The CSV was not exported: {error}")
            return None
        self.status(f"Exported {path.name}", 8000)
        return path
