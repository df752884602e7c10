"""The frame the entry and seminar dialogs share: a form, a line for what is wrong, and OK / Cancel.

The form builds a model from its fields; OK keeps the dialog open and says
beside the buttons which field breaks the file format's rules, in the
format's own words, until it is put right.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


def problem_words(error: ValidationError) -> str:
    """``title: String should have at least 1 character``: the first problem, where it is and what it is."""
    first = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg'].removeprefix('Value error, ')}"


def text_box(text: str, height: int) -> QPlainTextEdit:
    """A box for a few lines of text (a bio, a memo), no taller than ``height`` pixels."""
    box = QPlainTextEdit(text)
    box.setMaximumHeight(height)
    return box


class FormDialog(QDialog):
    """A titled form over a problem line and OK / Cancel; :meth:`build` makes the model, which OK checks."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        self.body.addLayout(self.form)
        self.body.addWidget(self.problem)
        self.body.addWidget(self.buttons)
        self._result: Any = None

    def lay_out(self) -> None:
        """Put the body on the dialog.

        Widgets join the dialog's Tab order as they join the dialog: fields
        added to the form before this call come ahead of the buttons, fields
        added after it behind them.
        """
        self.setLayout(self.body)

    def add_rows(self, *rows: tuple[str, QWidget]) -> None:
        """Each (label, field) as a row of the form, in order."""
        for label, widget in rows:
            self.form.addRow(label, widget)

    def build(self) -> Any:
        """The model the fields describe; raises ValidationError when one breaks the format's rules."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self._result = self.build()
        except ValidationError as error:
            self.problem.setText(problem_words(error))
            return
        super().accept()
