"""The one place that asks the user things: file pickers, message boxes, the problems dialog.

Windows and controllers receive a :class:`Dialogs` object and call its small
methods; tests hand them a replacement with the same methods that answers
without showing anything.  Every text from a file is shown as plain text.
What they say in passing goes to the status line, which they are given as a
:data:`StatusLine`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

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

from ..presentation.elide import elide_long_words, elide_middle, needs_eliding
from .file_filters import RECORDING_FILTER

if TYPE_CHECKING:
    # Its module imports json, which the first paint can do without.
    from ..model.format.problems import DatasetError

StatusLine = Callable[[str, int], None]
"""Shows a message in the window's status line for so many milliseconds (``QStatusBar.showMessage``)."""

SEMINAR_FILTER = "Seminar files (*.seminar.json *.json);;All files (*)"
CODEBOOK_FILTER = "REFI-QDA codebooks (*.qdc);;All files (*)"
TRANSCRIPT_FILTER = (
    "Transcripts, reports and REFI-QDA projects (*.vtt *.webvtt *.srt *.json *.txt *.text *.md *.markdown *.docx *.pdf *.qdpx);;"
    "REFI-QDA projects (*.qdpx);;All files (*)"
)


class ProblemsDialog(QDialog):
    """Lists every problem found in a file, with its location, ready to copy."""

    def __init__(self, error: DatasetError, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("The file could not be opened")
        self.setMinimumSize(620, 320)
        count = len(error.problems)
        noun = "problem" if count == 1 else "problems"
        heading = QLabel(f"{elide_middle(Path(error.source).name)} was not opened: {count} {noun} found. The seminar already open stays open.")
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

    def coding_paths(self, parent: QWidget, start_folder: str = "") -> list[str]:
        """Other coders' files of the open seminar to compare with it; empty when the user cancels."""
        paths, _ = QFileDialog.getOpenFileNames(parent, "Compare with Another Coding", start_folder, SEMINAR_FILTER)
        return list(paths)

    def recording_path(self, parent: QWidget, start_folder: str = "") -> str | None:
        """The seminar's recording (audio or video), or None when the user cancels."""
        path, _ = QFileDialog.getOpenFileName(parent, "Recording of the Seminar", start_folder, RECORDING_FILTER)
        return path or None

    def recording_offset(self, parent: QWidget, current: float) -> float | None:
        """The recording's time at the transcript's time 0, in seconds, or None when the user cancels."""
        from PySide6.QtWidgets import QInputDialog

        value, accepted = QInputDialog.getDouble(
            parent, "Recording Offset",
            "The recording's time, in seconds, when the transcript's clock reads 0:00\n"
            "(0 when both start together; positive when the recording starts earlier):",
            current, -86_400, 86_400, 1,
        )
        return value if accepted else None

    def codebook_path(self, parent: QWidget, start_folder: str = "") -> str | None:
        """A REFI-QDA codebook to add themes from, or None when the user cancels."""
        path, _ = QFileDialog.getOpenFileName(parent, "Add Themes from Codebook", start_folder, CODEBOOK_FILTER)
        return path or None

    def transcript_path(self, parent: QWidget, start_folder: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, "New from Transcript or Report", start_folder, TRANSCRIPT_FILTER
        )
        return path or None

    def import_preview(self, parent: QWidget, path: str, transcript, reread):
        """The new seminar (a SeminarFile) the user confirms in the import preview, or None when they cancel."""
        from .files.import_dialog import ImportDialog

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
        from .files.export_dialog import ExportOptionsDialog

        dialog = ExportOptionsDialog(dataset, selected_speaker, previous, parent)
        try:
            return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def show_problems(self, parent: QWidget, error: DatasetError) -> None:
        ProblemsDialog(error, parent).exec()

    def show_error(self, parent: QWidget | None, title: str, message: str, details: str | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, elide_long_words(message), QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        full = "\n\n".join(part for part in (message if needs_eliding(message) else "", details or "") if part)
        if full:
            box.setDetailedText(full)
        box.exec()

    def show_info(self, parent: QWidget | None, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, elide_long_words(message), QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if needs_eliding(message):
            box.setDetailedText(message)
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
        box = QMessageBox(QMessageBox.Icon.Question, title, elide_long_words(question), buttons, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_save_changes(self, parent: QWidget | None, name: str, doing: str) -> str:
        """Save, Discard or Cancel before unsaved changes would go: "save", "discard" or "cancel"."""
        buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Unsaved changes",
            f"{name} has changes that are not saved. Save them before {doing}?", buttons, parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        return "discard" if answer == QMessageBox.StandardButton.Discard else "cancel"

    def ask_changed_on_disk(self, parent: QWidget | None, name: str) -> str:
        """The file changed on disk since it was opened or saved: "overwrite", "save_as", "reload" or "cancel"."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "The file changed on disk",
            f"{name} was changed by another window or program since it was opened or last saved here.\n\n"
            "Overwrite it with this window's seminar (the other changes are lost), save this seminar under "
            "another name, or reload the file as it is now (this window's unsaved changes are lost, after you confirm)?",
            QMessageBox.StandardButton.Cancel, parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        answers = {
            box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole): "overwrite",
            box.addButton("Save As\u2026", QMessageBox.ButtonRole.AcceptRole): "save_as",
            box.addButton("Reload", QMessageBox.ButtonRole.ResetRole): "reload",
        }
        save_as = next(button for button, answer in answers.items() if answer == "save_as")
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return next((answer for button, answer in answers.items() if button is clicked), "cancel")

    def ask_recover(self, parent: QWidget | None, summary: str) -> bool:
        """Whether to recover the unsaved changes a crash left (``summary`` says what they hold)."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
        box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved changes", summary, buttons, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText("Recover")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def new_seminar(self, parent: QWidget | None):
        """The details and source text of a new seminar (a Seminar), or None when the user cancels."""
        from ..model.editing.new_seminar import new_seminar_details
        from .editing.edit_dialogs import SeminarDetailsDialog

        dialog = SeminarDetailsDialog(new_seminar_details("-"), with_source=True, parent=parent)
        try:
            return dialog.result_seminar() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def coding_round(self, parent: QWidget | None, round_label: str):
        """(coder, round, mode) for a new coding round, or None when the user cancels."""
        from .files.coding_round_dialog import CodingRoundDialog

        return self._run(CodingRoundDialog(round_label, parent), lambda d: d.choice())

    def seminar_details(self, parent: QWidget | None, seminar):
        """The seminar's details as edited (a Seminar), or None when the user cancels."""
        from .editing.edit_dialogs import SeminarDetailsDialog

        dialog = SeminarDetailsDialog(seminar, parent=parent)
        try:
            return dialog.result_seminar() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def source_text(self, parent: QWidget | None, current: str) -> str | None:
        """A new source text (pasted, edited or read from a file), or None when the user cancels."""
        from .editing.edit_dialogs import SourceTextDialog

        dialog = SourceTextDialog(current, parent)
        try:
            return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def confirm_excerpt_changes(self, parent: QWidget | None, changes) -> set[str] | None:
        """Which rewritten excerpts (ExcerptChange rows) to take, the lost ones shown too; None when the user cancels the replacement."""
        from .editing.reanchor_dialog import ExcerptChangesDialog

        return self._run(ExcerptChangesDialog(changes, parent), lambda d: d.kept())

    def speaker_details(self, parent: QWidget | None, speaker, new: bool = False):
        """The speaker as edited (a Speaker), or None when the user cancels."""
        from .editing.entry_dialogs import SpeakerDialog

        return self._run(SpeakerDialog(speaker, parent, new=new), lambda d: d.result_entry())

    def theme_details(self, parent: QWidget | None, theme, stance_names: dict[int, str], new: bool = False):
        """The theme as edited, codebook included (a Theme), or None when the user cancels."""
        from .editing.entry_dialogs import ThemeDialog

        return self._run(ThemeDialog(theme, stance_names, parent, new=new), lambda d: d.result_entry())

    def split_point(self, parent: QWidget | None, excerpt: str) -> int | None:
        """Where to split an excerpt (characters before the split), or None when the user cancels."""
        from .editing.entry_dialogs import SplitDialog

        return self._run(SplitDialog(excerpt, parent), lambda d: d.split_point())

    def merge_target(self, parent: QWidget | None, absorbed_label: str, choices: list[tuple[str, str]]) -> str | None:
        """The id of the theme to merge into, chosen from (id, label) pairs, or None when the user cancels."""
        from .editing.entry_dialogs import MergeDialog

        return self._run(MergeDialog(absorbed_label, choices, parent), lambda d: d.kept())

    def choose_item(self, parent: QWidget | None, title: str, prompt: str, items: list[str]) -> str | None:
        """One of ``items`` chosen from a list, or None when the user cancels."""
        from PySide6.QtWidgets import QInputDialog

        chosen, accepted = QInputDialog.getItem(parent, title, prompt, items, 0, False)
        return chosen if accepted else None

    def choose_level(self, parent: QWidget | None, title: str, prompt: str, deepest: int) -> int | None:
        """A level from 1 to ``deepest``, or None when the user cancels."""
        from PySide6.QtWidgets import QInputDialog

        chosen, accepted = QInputDialog.getInt(parent, title, prompt, 1, 1, deepest)
        return chosen if accepted else None

    def choose_speaker(self, parent: QWidget | None, title: str, prompt: str, choices: list[tuple[str, str]]) -> str | None:
        """The id of a speaker chosen from (id, name) pairs (to merge into, to give a turn to), or None when the user cancels."""
        from .editing.entry_dialogs import MergeDialog

        return self._run(MergeDialog("", choices, parent, title=title, prompt=prompt), lambda d: d.kept())

    @staticmethod
    def _run(dialog: QDialog, answer):
        try:
            return answer(dialog) if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def open_externally(self, path: str) -> bool:
        """Open ``path`` in the desktop's viewer for it; False when none opened it."""
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(path)))
