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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...model.format.schema import ANCHOR_KEYS, AnchorKey, Role, Speaker, Theme
from ...presentation.names import initials, short_name
from .form_dialog import FormDialog, text_box


class _EntryDialog(FormDialog):
    """A form for one entry of the file (a speaker, a theme), laid out before its fields are added.

    It opens with the caret in its first field (its text selected).  Enter
    presses OK; the buttons never take the keyboard focus, so a space typed
    in a name is a space, never a press of OK (Esc cancels).
    """

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        for button in self.buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not reached by Tab, so Space never presses it
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)  # Enter in a field presses OK
        self._fields: list[QWidget] = []
        self.lay_out()

    def add_rows(self, *rows: tuple[str, QWidget]) -> None:
        """Each (label, field) as a row; the first field of the form has the caret when the dialog opens, and Tab goes down the form."""
        for label, widget in rows:
            self.form.addRow(label, widget)  # in the dialog first: Tab order and focus are the window's
            if isinstance(widget, QPlainTextEdit):
                widget.setTabChangesFocus(True)  # Tab moves on, as in the other fields
            if self._fields:
                QWidget.setTabOrder(self._fields[-1], widget)
            else:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(widget, QLineEdit):
                    widget.selectAll()  # typing replaces "New theme" at once
            self._fields.append(widget)

    def result_entry(self):
        """The entry accepted, or None if the dialog was cancelled."""
        return self._result


def _optional(text: str) -> str | None:
    return text.strip() or None


class SpeakerDialog(_EntryDialog):
    """A speaker's name, short name and initials (blank: derived from the name), honorific, role, affiliation, job title, bio and summary."""

    def __init__(self, speaker: Speaker, parent: QWidget | None = None, *, new: bool = False):
        super().__init__("Add speaker" if new else "Edit speaker", parent)
        self._speaker = speaker
        self.name = QLineEdit(speaker.name)
        self.short_name = QLineEdit(speaker.short_name or "")
        self.initials = QLineEdit(speaker.initials or "")
        self.name.textChanged.connect(self._show_derived)
        self._show_derived(speaker.name)
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
            ("&Name:", self.name), ("Short na&me:", self.short_name), ("&Initials:", self.initials),
            ("&Honorific:", self.honorific), ("&Role:", self.role),
            ("&Affiliation:", self.affiliation), ("&Job title:", self.job_title), ("&Bio:", self.bio), ("&Summary:", self.summary),
        )

    def _show_derived(self, name: str) -> None:
        """Blank fields show, greyed, what the name gives on its own."""
        self.short_name.setPlaceholderText(short_name(name) if name.strip() else "")
        self.initials.setPlaceholderText(initials(name) if name.strip() else "")

    def build(self) -> Speaker:
        data = self._speaker.model_dump(mode="json")
        data.update(
            name=self.name.text().strip(), short_name=_optional(self.short_name.text()),
            initials=_optional(self.initials.text()), honorific=_optional(self.honorific.text()), role=self.role.currentData(),
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
            self.add_rows((f"{step:+d}:" if step else "0:", edit))
        self.memo = text_box(theme.memo, 60)
        self.add_rows(("&Memo:", self.memo))

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
    """Choose the theme (or speaker) that another one is merged into, or, with its own words, any one entry of a list."""

    def __init__(
        self, absorbed_label: str, choices: list[tuple[str, str]], parent: QWidget | None = None,
        *, title: str = "Merge theme", prompt: str | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        note = QLabel(prompt if prompt is not None else f"Merge \u201c{absorbed_label}\u201d into:")
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
