"""Small dialogs for one speaker, one theme (with its codebook), splitting a position and merging two themes.

Each returns values (a model, a character offset, a theme id) and never
touches the document: the caller makes the undoable edit.  Entries are
checked by the file format's own rules before the dialog closes, and what is
wrong is said beside the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...model.format.schema import ANCHOR_KEYS, AnchorKey, Role, Speaker, Theme
from .form_dialog import FormDialog, text_box


class _EntryDialog(FormDialog):
    """A form for one entry of the file (a speaker, a theme), laid out before its fields are added."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.lay_out()

    def result_entry(self):
        """The entry accepted, or None if the dialog was cancelled."""
        return self._result


def _optional(text: str) -> str | None:
    return text.strip() or None


class SpeakerDialog(_EntryDialog):
    """A speaker's name, honorific, role, affiliation, job title, bio and summary."""

    def __init__(self, speaker: Speaker, parent: QWidget | None = None, *, new: bool = False):
        super().__init__("Add speaker" if new else "Edit speaker", parent)
        self._speaker = speaker
        self.name = QLineEdit(speaker.name)
        self.honorific = QLineEdit(speaker.honorific or "")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.value, role.value)
        self.role.setCurrentIndex(self.role.findData(speaker.role.value))
        self.affiliation = QLineEdit(speaker.affiliation or "")
        self.job_title = QLineEdit(speaker.job_title or "")
        self.bio = text_box(speaker.bio, 70)
        self.summary = text_box(speaker.summary, 70)
        self.add_rows(
            ("&Name:", self.name), ("&Honorific:", self.honorific), ("&Role:", self.role),
            ("&Affiliation:", self.affiliation), ("&Job title:", self.job_title), ("&Bio:", self.bio), ("&Summary:", self.summary),
        )

    def build(self) -> Speaker:
        data = self._speaker.model_dump(mode="json")
        data.update(
            name=self.name.text().strip(), honorific=_optional(self.honorific.text()), role=self.role.currentData(),
            affiliation=_optional(self.affiliation.text()), job_title=_optional(self.job_title.text()),
            bio=self.bio.toPlainText().strip(), summary=self.summary.toPlainText().strip(),
        )
        return Speaker.model_validate(data)


class ThemeDialog(_EntryDialog):
    """A theme's label and description, its codebook (definition and an anchor per stance step) and memo."""

    def __init__(self, theme: Theme, stance_names: dict[int, str], parent: QWidget | None = None, *, new: bool = False):
        super().__init__("Add theme" if new else "Edit theme", parent)
        self._theme = theme
        self.label = QLineEdit(theme.label)
        self.description = QLineEdit(theme.description)
        self.definition = text_box(theme.definition, 70)
        self.anchors: dict[AnchorKey, QLineEdit] = {}
        self.add_rows(("&Label:", self.label), ("&Description:", self.description), ("De&finition:", self.definition))
        for key in ANCHOR_KEYS:
            step = int(key)
            edit = QLineEdit(theme.anchors.get(key, ""))
            edit.setPlaceholderText(f"What {stance_names[step]} means on this theme")
            self.anchors[key] = edit
            self.form.addRow(f"{step:+d}:" if step else "0:", edit)
        self.memo = text_box(theme.memo, 60)
        self.form.addRow("&Memo:", self.memo)

    def build(self) -> Theme:
        data = self._theme.model_dump(mode="json")
        data.update(
            label=self.label.text().strip(), description=self.description.text().strip(),
            definition=self.definition.toPlainText().strip(), memo=self.memo.toPlainText().strip(),
            anchors={key: edit.text().strip() for key, edit in self.anchors.items() if edit.text().strip()},
        )
        return Theme.model_validate(data)


class SplitDialog(QDialog):
    """Shows a position's excerpt; the caret marks where it is split (the second part becomes a new position)."""

    def __init__(self, excerpt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Split position")
        note = QLabel("Put the caret where the excerpt splits: the text after it becomes a second position with the same coding.")
        note.setWordWrap(True)
        self.text = QPlainTextEdit(excerpt)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse)
        cursor = self.text.textCursor()
        cursor.setPosition(len(excerpt) // 2)
        self.text.setTextCursor(cursor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Split Here")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)

    def split_point(self) -> int:
        """Characters of the excerpt before the split (the caret's place)."""
        cursor: QTextCursor = self.text.textCursor()
        return cursor.position()


class MergeDialog(QDialog):
    """Choose the theme that another one is merged into."""

    def __init__(self, absorbed_label: str, choices: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Merge theme")
        note = QLabel(f"Merge \u201c{absorbed_label}\u201d into:")
        note.setTextFormat(Qt.TextFormat.PlainText)
        self.target = QComboBox()
        for theme_id, label in choices:
            self.target.addItem(label, theme_id)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.target)
        layout.addWidget(self.buttons)

    def kept(self) -> str | None:
        return self.target.currentData()
