"""The one place that asks the user things: file pickers, message boxes, the problems dialog.

Windows and controllers receive a :class:`Dialogs` object and call its small
methods; tests hand them a replacement with the same methods that answers
without showing anything.  Every text from a file is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..model.problems import DatasetError

SEMINAR_FILTER = "Seminar files (*.seminar.json *.json);;All files (*)"
TRANSCRIPT_FILTER = (
    "Transcripts and reports (*.vtt *.webvtt *.srt *.json *.txt *.text *.md *.markdown *.docx *.pdf);;All files (*)"
)


class ProblemsDialog(QDialog):
    """Lists every problem found in a file, with its location, ready to copy."""

    def __init__(self, error: DatasetError, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("The file could not be opened")
        self.setMinimumSize(620, 320)
        count = len(error.problems)
        noun = "problem" if count == 1 else "problems"
        heading = QLabel(f"{Path(error.source).name} was not opened: {count} {noun} found. The seminar already open stays open.")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.problem_text = QPlainTextEdit()
        self.problem_text.setReadOnly(True)
        self.problem_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problem_text.setPlainText("\n".join(str(problem) for problem in error.problems))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = self.buttons.addButton("Copy", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.problem_text)
        layout.addWidget(self.buttons)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.problem_text.toPlainText())


class Dialogs:
    """Real dialogs. Tests substitute an object with the same methods."""

    def open_seminar_path(self, parent: QWidget, start_folder: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, "Open seminar", start_folder, SEMINAR_FILTER)
        return path or None

    def transcript_path(self, parent: QWidget, start_folder: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, "New from Transcript or Report", start_folder, TRANSCRIPT_FILTER
        )
        return path or None

    def import_preview(self, parent: QWidget, path: str, transcript, reread):
        """The new seminar (a SeminarFile) the user confirms in the import preview, or None when they cancel."""
        from .import_dialog import ImportDialog

        dialog = ImportDialog(path, transcript, reread, parent)
        try:
            return dialog.seminar_file() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def save_path(self, parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return path or None

    def export_options(self, parent: QWidget, dataset, selected_speaker: str | None, previous=None):
        """The PDF export options (a ReportOptions), or None when the user cancels."""
        from .export_dialog import ExportOptionsDialog

        dialog = ExportOptionsDialog(dataset, selected_speaker, previous, parent)
        try:
            return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def show_problems(self, parent: QWidget, error: DatasetError) -> None:
        ProblemsDialog(error, parent).exec()

    def show_error(self, parent: QWidget | None, title: str, message: str, details: str | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details:
            box.setDetailedText(details)
        box.exec()

    def show_info(self, parent: QWidget | None, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def show_about(self, parent: QWidget | None, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, title, message, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        icon = QGuiApplication.windowIcon()
        if not icon.isNull():
            box.setIconPixmap(icon.pixmap(96, 96))
        box.exec()

    def ask(self, parent: QWidget | None, title: str, question: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, title, question, buttons, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec() == QMessageBox.StandardButton.Yes

    def open_externally(self, path: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
