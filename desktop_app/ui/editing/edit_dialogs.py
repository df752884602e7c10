"""Small dialogs for editing the seminar as a whole: its details (with the source text, for a new one) and its source text.

Each dialog checks what was typed with the file format's own rules before
it closes, and says what is wrong beside the buttons; it returns models,
never touches the document (the caller makes an undoable edit of them).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...model.format.schema import Scale, Seminar
from .form_dialog import FormDialog, text_box

TEXT_FILTER = "Text files (*.txt *.md);;All files (*)"
MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024


def read_text_file(path: str) -> str:
    """A plain-text file's text (UTF-8, else Latin-1), with Windows line ends made plain; OSError or ValueError if unreadable."""
    file_path = Path(path)
    if file_path.stat().st_size > MAX_TEXT_FILE_BYTES:
        raise ValueError("the file is larger than 64 MB")
    data = file_path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _SourceBox(QWidget):
    """A box to paste the source text into, with a button to read it from a plain-text file."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setPlainText(text)
        self.text.setPlaceholderText("Paste the report or transcript here, or open a plain-text file.")
        self.open_button = QPushButton("Open Text File\u2026")
        self.open_button.clicked.connect(self._open_file)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.note)

    def _open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a plain-text source", "", TEXT_FILTER)
        if path:
            self.load(path)

    def load(self, path: str) -> bool:
        try:
            self.text.setPlainText(read_text_file(path))
        except (OSError, ValueError) as error:
            self.note.setText(f"{Path(path).name} could not be read: {getattr(error, 'strerror', None) or error}")
            return False
        self.note.setText(f"Read {Path(path).name}.")
        return True


class SeminarDetailsDialog(FormDialog):
    """Title, question, scale words, date, citation and memo of a seminar; with ``with_source``, its source text too."""

    def __init__(self, seminar: Seminar, with_source: bool = False, parent: QWidget | None = None):
        super().__init__("New seminar" if with_source else "Seminar details", parent)
        self._seminar = seminar
        self.title = QLineEdit(seminar.title)
        self.question = QLineEdit(seminar.question)
        self.negative = QLineEdit(seminar.scale.negative)
        self.neutral = QLineEdit(seminar.scale.neutral)
        self.positive = QLineEdit(seminar.scale.positive)
        self.date = QDateEdit(QDate(seminar.date.year, seminar.date.month, seminar.date.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.organiser = QLineEdit(seminar.organiser)
        self.venue = QLineEdit(seminar.venue)
        self.source_title = QLineEdit(seminar.source.title)
        self.publisher = QLineEdit(seminar.source.publisher)
        self.url = QLineEdit(seminar.source.url or "")
        self.memo = text_box(seminar.memo, 80)
        self.add_rows(
            ("&Title:", self.title), ("&Question:", self.question),
            ("Negative pole (\u22121, \u22122):", self.negative), ("Stance 0:", self.neutral),
            ("Positive pole (+1, +2):", self.positive), ("&Date:", self.date),
            ("Organiser:", self.organiser), ("Venue:", self.venue),
            ("Source title:", self.source_title), ("Source publisher:", self.publisher),
            ("Source address (URL):", self.url), ("&Memo:", self.memo),
        )
        self.source = _SourceBox("") if with_source else None  # only a new seminar asks for its text here
        self.problem.setStyleSheet("color: palette(link-visited);")
        if self.source is not None:  # between the form and the problem line
            self.body.insertWidget(1, QLabel("Source text:"))
            self.body.insertWidget(2, self.source, 1)
            self.resize(640, 640)
        self.lay_out()  # after the fields, so that they come first in the Tab order

    def seminar(self) -> Seminar:
        """The seminar as typed; raises ValidationError when a field breaks the format's rules."""
        date = self.date.date()
        source = self._seminar.source.model_dump(mode="json")
        source.update(title=self.source_title.text(), publisher=self.publisher.text(), url=self.url.text().strip() or None)
        if self.source is not None:
            source["text"] = self.source.text.toPlainText()
        data = self._seminar.model_dump(mode="json")
        data.update(
            title=self.title.text(),
            question=self.question.text(),
            scale=Scale(negative=self.negative.text(), neutral=self.neutral.text(), positive=self.positive.text()).model_dump(),
            date=dt.date(date.year(), date.month(), date.day()).isoformat(),
            organiser=self.organiser.text(),
            venue=self.venue.text(),
            memo=self.memo.toPlainText(),
            source=source,
        )
        return Seminar.model_validate(data)

    def build(self) -> Seminar:
        return self.seminar()

    def result_seminar(self) -> Seminar | None:
        """The seminar accepted, or None if the dialog was cancelled."""
        return self._result


class SourceTextDialog(QDialog):
    """Replace the source text: paste a new version or open a plain-text file."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Replace source text")
        self.resize(680, 560)
        note = QLabel(
            "Edit or replace the text. Every excerpt is found again in the new text; "
            "any that cannot be found are listed for you to fix. Undo brings the old text back."
        )
        note.setWordWrap(True)
        self.source = _SourceBox(text)
        self.problem = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.source, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if not self.source.text.toPlainText().strip():
            self.problem.setText("The source text must not be blank.")
            return
        super().accept()

    def text(self) -> str:
        return self.source.text.toPlainText()
