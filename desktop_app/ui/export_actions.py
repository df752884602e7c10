"""File ▸ Export PDF… (Ctrl+E) and File ▸ Export CSV: the window's side of the exports.

Asks for the options and the destination through the window's
:class:`~desktop_app.ui.dialogs.Dialogs`, writes the file with the same
builders the command line uses, reports a failure in a dialog, and offers to
open a finished PDF.  A PDF export shows its progress (:mod:`.progress`)
when it lasts, and its Cancel stops it with nothing written and any file of
that name left as it was.  The report modules are imported on first use, so
the window starts without them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QProgressDialog, QStyle

from ..presentation.focus import FocusKind
from .icons import themed_icon
from .progress import PROGRESS_AFTER_MS, close_progress, progress_dialog, show_share

BUILDING_SHARE = 0.1
"""Part of the progress bar given to building the brief; painting its pages fills the rest."""
PDF_FILTER = "PDF documents (*.pdf)"
CSV_FILTER = "CSV files (*.csv)"
CSV_TITLES = {
    "positions": "Export Positions as CSV",
    "matrix": "Export Stance Matrix as CSV",
    "themes": "Export Theme Verdicts as CSV",
    "pairs": "Export Speaker Pairs as CSV",
}
CSV_SUFFIXES = {"positions": ".csv", "matrix": "-stances.csv", "themes": "-themes.csv", "pairs": "-pairs.csv"}


class ExportActions(QObject):
    """Creates the export actions on ``window`` (a MainWindow) and carries them out."""

    pdfProgressed = Signal(str, float)  # what the PDF export is doing, and the share of it done (0 to 1)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_options = None  # the PDF options chosen last in this session
        self.progress_after_ms = PROGRESS_AFTER_MS
        self.progress_dialog: QProgressDialog | None = None  # while a PDF export runs
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

        window.add_file_actions([self.pdf_action])
        window.add_file_actions([self.csv_menu.menuAction()], toolbar=False)

    def _selected_speaker(self) -> str | None:
        focus = self.window.selection.focus
        if focus.kind in (FocusKind.SPEAKER, FocusKind.PAIR) and focus.speaker:
            return focus.speaker
        return None

    def _destination(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        """Ask where to save, starting in the folder used last; remember the folder chosen."""
        settings = self.window.settings
        folder = settings.last_folder
        if folder and Path(folder).is_dir():
            suggested = Path(folder) / suggested.name
        chosen = self.window.dialogs.save_path(self.window, title, str(suggested), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        settings.last_folder = str(path.parent)
        return path if path.suffix else path.with_suffix(suggested.suffix)

    def _on_screen_sort(self) -> str:
        chart = self.window.chart
        return chart.sort if chart is not None else self.window.settings.chart_sort

    def export_pdf(self) -> Path | None:
        """Options, destination, the brief, then the offer to open it; the path written, or None."""
        from ..report.errors import ExportCancelled, ExportFailed
        from ..report.naming import suggested_path

        dataset = self.window.document.dataset
        dialogs = self.window.dialogs
        options = dialogs.export_options(self.window, dataset, self._selected_speaker(), self.last_options)
        if options is None:
            return None
        self.last_options = options
        # The brief's chart follows the window's: the rows in the order the user is looking at.
        options = dataclasses.replace(options, chart_sort=self._on_screen_sort())
        path = self._destination("Export PDF", suggested_path(dataset, ".pdf", options.speaker), PDF_FILTER)
        if path is None:
            return None
        from ..report.pdf import export_pdf

        failure = None
        dialog = progress_dialog(self.window, "Exporting PDF", f"Exporting {path.name}\u2026", self.progress_after_ms)
        self.progress_dialog = dialog
        steps = 0

        def building(words: str) -> None:
            nonlocal steps
            steps += 1
            share = BUILDING_SHARE * (1 - 0.5**steps)  # steps come one after another, their number unknown
            self._report(dialog, f"{words}\u2026", share)

        def painted(done: int, total: int) -> None:
            self._report(dialog, f"Writing page {done} of {total}", BUILDING_SHARE + (1 - BUILDING_SHARE) * done / total)

        try:
            exported = export_pdf(dataset, path, options, progress=painted, building=building, cancelled=dialog.wasCanceled)
        except ExportCancelled:
            self.window.statusBar().showMessage(f"PDF export cancelled: {path.name} was not written.", 8000)
            return None
        except ExportFailed as error:
            failure = error
        finally:
            self.progress_dialog = None
            close_progress(dialog)
        if failure is not None:
            dialogs.show_error(self.window, "Export failed", f"The PDF was not exported: {failure}")
            return None
        noun = "page" if exported.pages == 1 else "pages"
        self.window.statusBar().showMessage(f"Exported {path.name} ({exported.pages} {noun})", 8000)
        if dialogs.ask(self.window, "PDF exported", f"{path.name} is ready ({exported.pages} {noun}). Open it now?"):
            if not dialogs.open_externally(str(path)):
                dialogs.show_error(
                    self.window,
                    "Could not open the PDF",
                    f"No application opened {path.name}: none may be set up for PDF files. "
                    f"The PDF is saved in {path.parent}.",
                )
        return path

    def _report(self, dialog: QProgressDialog, words: str, share: float) -> None:
        self.pdfProgressed.emit(words, share)
        if not dialog.wasCanceled():
            show_share(dialog, share, words)

    def export_csv(self, kind: str) -> Path | None:
        """Destination, then the CSV of ``kind`` (positions, matrix, themes or pairs); the path written, or None."""
        from ..report.csv_export import export_csv
        from ..report.errors import ExportFailed
        from ..report.naming import suggested_path

        dataset = self.window.document.dataset
        path = self._destination(CSV_TITLES[kind], suggested_path(dataset, CSV_SUFFIXES[kind]), CSV_FILTER)
        if path is None:
            return None
        try:
            export_csv(dataset, path, kind)
        except ExportFailed as error:
            self.window.dialogs.show_error(self.window, "Export failed", f"The CSV was not exported: {error}")
            return None
        self.window.statusBar().showMessage(f"Exported {path.name}", 8000)
        return path
