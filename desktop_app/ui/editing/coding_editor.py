"""The coding editor: a compact panel beside the selected passage where a position is coded from the keyboard.

It floats over the main window (a child widget, never a modal dialog), so
the analyst can still select another passage in the Source tab while it is
open ("Use Selection", Ctrl+Shift+K).  Keys, shown on the panel:

- 1–9 pick the nth theme (type in the theme box to find one by name);
- Q W E R T set the stance −2 −1 0 +1 +2;
- A S D F G H set the kind;
- Tab moves between the summary and the coder's note (the speaker and
  theme boxes are reached with Alt+P and Alt+T, so Tab never lands in a box
  whose text the next keys would overwrite);
- New Theme… (Alt+W) adds a theme without leaving the passage;
- Enter codes the position, Esc closes the editor without a change.

The stance and kind keys work wherever the focus is not in a box being
typed in.  The theme's codebook (its definition and what each stance step
means on it) is shown under the keys.  The editor only gathers values: the
caller makes the undoable edit from :meth:`CodingEditor.draft`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...model.format.excerpts import Span
from ...model.format.schema import Kind, Position, Theme
from ...presentation.wording import kind_label, stance_words

STANCE_KEYS: dict[int, Qt.Key] = {-2: Qt.Key.Key_Q, -1: Qt.Key.Key_W, 0: Qt.Key.Key_E, 1: Qt.Key.Key_R, 2: Qt.Key.Key_T}
KIND_KEYS: dict[Kind, Qt.Key] = {
    Kind.ASSESSMENT: Qt.Key.Key_A,
    Kind.PREDICTION: Qt.Key.Key_S,
    Kind.PRESCRIPTION: Qt.Key.Key_D,
    Kind.QUESTION: Qt.Key.Key_F,
    Kind.HISTORY: Qt.Key.Key_G,
    Kind.SUMMARY: Qt.Key.Key_H,
}
KIND_SHORT = {
    Kind.ASSESSMENT: "assess",
    Kind.PREDICTION: "predict",
    Kind.PRESCRIPTION: "prescribe",
    Kind.QUESTION: "question",
    Kind.HISTORY: "history",
    Kind.SUMMARY: "summary",
}
THEME_KEYS = [getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)]
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _key_name(key: Qt.Key) -> str:
    return chr(int(key))


@dataclass(frozen=True)
class Draft:
    """What the editor holds: a position's values, with the passage its excerpt comes from."""

    speaker: str | None
    theme: str | None
    stance: int | None
    kind: Kind
    summary: str
    note: str
    excerpt: str
    span: Span | None
    position_id: str | None  # the position being edited; None for a new one


class _KeyRow(QWidget):
    """A row of toggle buttons, each with the key that presses it written under it."""

    picked = Signal(object)

    def __init__(self, entries: list[tuple[object, str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(3)
        grid.setVerticalSpacing(0)
        self.buttons: dict[object, QToolButton] = {}
        for column, (value, label, key, tip) in enumerate(entries):
            button = QToolButton()
            button.setText(label)
            button.setToolTip(f"{tip} (key {key})")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(44)
            button.clicked.connect(lambda _=False, v=value: self.picked.emit(v))
            caption = QLabel(key)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setEnabled(False)
            grid.addWidget(button, 0, column)
            grid.addWidget(caption, 1, column)
            self.buttons[value] = button

    def show_value(self, value: object) -> None:
        for key, button in self.buttons.items():
            button.setAutoExclusive(False)
            button.setChecked(key == value)
            button.setAutoExclusive(True)


class CodingEditor(QFrame):
    """The compact editor of one position; ``accepted`` when Enter is pressed, ``cancelled`` on Esc."""

    accepted = Signal()
    laterWanted = Signal()  # saved awaiting a stance: "Rate Later" (Alt+L)
    cancelled = Signal()
    excerptWanted = Signal()  # "Use Selection" (as the excerpt) was pressed
    themeWanted = Signal()  # "New Theme…" was pressed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("codingEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._dataset: Dataset | None = None
        self._stance: int | None = None
        self._kind = Kind.ASSESSMENT
        self._span: Span | None = None
        self._excerpt = ""
        self._position_id: str | None = None

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setObjectName("codingHeading")
        self.excerpt_label = QLabel()
        self.excerpt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.excerpt_label.setWordWrap(True)
        self.excerpt_label.setStyleSheet("font-style: italic;")
        self.speaker = self._finding_combo("Speaker: type to find")
        self.theme = self._finding_combo("Theme: 1\u20139, or type to find")
        self.theme.currentIndexChanged.connect(self._show_codebook)
        self.stance_row = _KeyRow([])
        self.kind_row = _KeyRow([(kind, KIND_SHORT[kind], _key_name(key), kind_label(kind)) for kind, key in KIND_KEYS.items()])
        self.kind_row.picked.connect(self.set_kind)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText("Summary, in your own words")
        self.note = QLineEdit()
        self.note.setPlaceholderText("Coder's note: why this stance (optional)")
        self.codebook = QLabel()
        self.codebook.setTextFormat(Qt.TextFormat.RichText)
        self.codebook.setWordWrap(True)
        self.codebook.setObjectName("codebook")
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(link-visited);")
        self.use_selection_button = QPushButton("Use Selection")
        self.use_selection_button.setToolTip("Make the passage selected in the Source tab this position's excerpt (Ctrl+Shift+K)")
        self.use_selection_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.use_selection_button.clicked.connect(self.excerptWanted)
        self.new_theme_button = QPushButton("Ne&w Theme\u2026")
        self.new_theme_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_theme_button.setToolTip("Add a theme to code this passage on (Alt+W)")
        self.new_theme_button.clicked.connect(self.themeWanted)
        self.ok_button = QPushButton("Code")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.clicked.connect(self.accepted)
        self.later_button = QPushButton("Rate &Later")
        self.later_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.later_button.setToolTip(
            "Keep the passage as a position awaiting a stance, counted nowhere until rated (Alt+L; Ctrl+J rates it later)"
        )
        self.later_button.clicked.connect(self.laterWanted)
        cancel = QPushButton("Cancel")
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.cancel)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("S&peaker:", self.speaker)
        form.addRow("&Theme:", self.theme)
        self.stance_holder = QVBoxLayout()
        form.addRow("Stance:", self.stance_holder)
        form.addRow("Kind:", self.kind_row)
        form.addRow("S&ummary:", self.summary)
        form.addRow("&Note:", self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_selection_button)
        buttons.addWidget(self.new_theme_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.ok_button)
        hint = QLabel("1\u20139 theme \u00b7 Q\u2013T stance \u00b7 A\u2013H kind \u00b7 Tab summary \u00b7 Enter code \u00b7 Alt+L rate later \u00b7 Esc cancel")
        hint.setEnabled(False)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(5)
        layout.addWidget(self.heading)
        layout.addWidget(self.excerpt_label)
        layout.addLayout(form)
        layout.addWidget(self.codebook)
        layout.addWidget(self.problem)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.setFixedWidth(500)
        for widget in (self, self.speaker, self.theme, self.summary, self.note, _line_edit_of(self.speaker), _line_edit_of(self.theme)):
            widget.installEventFilter(self)
        for combo in (self.speaker, self.theme):  # reached by Alt+P / Alt+T or a click, never by Tab
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            _line_edit_of(combo).setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        QWidget.setTabOrder(self.summary, self.note)
        self.hide()

    @staticmethod
    def _finding_combo(placeholder: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        _line_edit_of(combo).setPlaceholderText(placeholder)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        return combo

    # -- filling ----------------------------------------------------------------------------
    def start(self, dataset: Dataset, excerpt: str, span: Span | None, *, speaker: str | None = None, position: Position | None = None) -> None:
        """Show the editor for a new position on ``excerpt`` (``speaker`` suggested), or for editing ``position``."""
        self._dataset = dataset
        self._position_id = position.id if position is not None else None
        self._fill_choices(dataset)
        if position is not None:
            speaker = position.speaker
            self._select(self.theme, position.theme)
            self.set_stance(position.stance)
            self.set_kind(position.kind)
            self.summary.setText(position.summary)
            self.note.setText(position.note)
            self.heading.setText("Edit position")
            self.ok_button.setText("Save")
        else:
            self.theme.setCurrentIndex(-1)
            self.theme.setEditText("")
            self.set_stance(None)
            self.set_kind(Kind.ASSESSMENT)
            self.summary.clear()
            self.note.clear()
            self.heading.setText("Code selection")
            self.ok_button.setText("Code")
        self._select(self.speaker, speaker)
        self.set_excerpt(excerpt, span)
        self.problem.clear()
        self._show_codebook()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_choices(self, dataset: Dataset) -> None:
        self.speaker.clear()
        for speaker in dataset.speakers:
            self.speaker.addItem(speaker.name, speaker.id)
        self._fill_themes(dataset)
        while self.stance_holder.count():
            item = self.stance_holder.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        scale = dataset.seminar.scale
        self.stance_row = _KeyRow(
            [(stance, f"{stance:+d}" if stance else "0", _key_name(key), stance_words(stance, scale)) for stance, key in STANCE_KEYS.items()]
        )
        self.stance_row.picked.connect(self.set_stance)
        self.stance_holder.addWidget(self.stance_row)

    def _fill_themes(self, dataset: Dataset) -> None:
        self.theme.clear()
        for number, theme in enumerate(dataset.themes, start=1):
            self.theme.addItem(f"{number}  {theme.label}" if number <= 9 else theme.label, theme.id)

    def refresh_themes(self, dataset: Dataset, chosen: str | None) -> None:
        """List the themes again (one was added) and pick ``chosen``, else keep the theme picked; everything else stays."""
        self._dataset = dataset
        keep = chosen or self._resolve(self.theme)
        self._fill_themes(dataset)
        self._select(self.theme, keep)
        if chosen is not None:
            self.problem.clear()
        self._show_codebook()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # back to the keys: the stance and kind keys work at once

    @staticmethod
    def _select(combo: QComboBox, entry_id: str | None) -> None:
        index = combo.findData(entry_id) if entry_id is not None else -1
        combo.setCurrentIndex(index)
        if index < 0:
            combo.setEditText("")

    def set_excerpt(self, excerpt: str, span: Span | None) -> None:
        self._excerpt, self._span = excerpt, span
        shown = excerpt if len(excerpt) <= 220 else excerpt[:219] + "\u2026"
        self.excerpt_label.setText(f"\u201c{shown}\u201d")

    def set_stance(self, stance: int | None) -> None:
        self._stance = stance
        self.stance_row.show_value(stance)
        self._show_codebook()

    def set_kind(self, kind: Kind) -> None:
        self._kind = Kind(kind)
        self.kind_row.show_value(self._kind)

    def choose_theme(self, number: int) -> None:
        """Pick the ``number``-th theme (1-based), as the digit keys do."""
        if 1 <= number <= self.theme.count():
            self.theme.setCurrentIndex(number - 1)

    def _show_codebook(self, *_why) -> None:
        dataset = self._dataset
        theme_id = self._resolve(self.theme)
        shown = ""
        if dataset is not None and theme_id is not None and dataset.has_theme(theme_id):
            shown = codebook_html(dataset.theme(theme_id), self._stance)
        if shown != self.codebook.text():
            self.codebook.setText(shown)
            self.adjustSize()  # the codebook's lines change the editor's height

    # -- reading ------------------------------------------------------------------------------
    @staticmethod
    def _resolve(combo: QComboBox) -> str | None:
        """The id chosen in a finding combo: the current entry if its text is shown, else the first whose text contains what was typed."""
        typed = combo.currentText().strip()
        index = combo.currentIndex()
        if index >= 0 and combo.itemText(index) == combo.currentText():
            return combo.itemData(index)
        if not typed:
            return None
        wanted = typed.casefold()
        for row in range(combo.count()):
            if combo.itemText(row).casefold() == wanted:
                return combo.itemData(row)
        for row in range(combo.count()):
            if wanted in combo.itemText(row).casefold():
                return combo.itemData(row)
        return None

    def draft(self) -> Draft:
        return Draft(
            speaker=self._resolve(self.speaker),
            theme=self._resolve(self.theme),
            stance=self._stance,
            kind=self._kind,
            summary=self.summary.text().strip(),
            note=self.note.text().strip(),
            excerpt=self._excerpt,
            span=self._span,
            position_id=self._position_id,
        )

    @property
    def editing(self) -> str | None:
        """The id of the position being edited (None while coding a new one)."""
        return self._position_id if self.isVisible() else None

    def show_problem(self, text: str, focus: QWidget | None = None) -> None:
        self.problem.setText(text)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        self.hide()
        self.cancelled.emit()

    # -- keys --------------------------------------------------------------------------------------
    def _typing_in(self, watched: QObject) -> bool:
        """Whether a key goes to a box being typed in (the summary, note, or a finding box with text)."""
        return isinstance(watched, QLineEdit) or watched in (self.speaker, self.theme)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self.isVisible():
            key = event.key()
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            popup = _completions_shown(self.speaker) or _completions_shown(self.theme)
            if key == Qt.Key.Key_Escape and not popup:
                self.cancel()
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not popup:
                # Tab and Shift+Tab go round the summary and the note, and never out of the editor.
                target = self.note if watched is self.summary else self.summary
                target.setFocus(Qt.FocusReason.BacktabFocusReason if key == Qt.Key.Key_Backtab else Qt.FocusReason.TabFocusReason)
                return True
            if key in _ENTER and not popup and modifiers == Qt.KeyboardModifier.NoModifier:
                self.accepted.emit()
                return True
            if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                return False
            in_theme = watched in (self.theme, self.theme.lineEdit())
            if key in THEME_KEYS and (in_theme or not self._typing_in(watched)):
                self.choose_theme(THEME_KEYS.index(key) + 1)
                return True
            if self._typing_in(watched):
                return False
            for stance, stance_key in STANCE_KEYS.items():
                if key == stance_key:
                    self.set_stance(stance)
                    return True
            for kind, kind_key in KIND_KEYS.items():
                if key == kind_key:
                    self.set_kind(kind)
                    return True
        return super().eventFilter(watched, event)



def codebook_html(theme: Theme, stance: int | None) -> str:
    """The theme's definition and stance anchors as the editor shows them, the chosen stance's anchor in bold (text escaped)."""
    parts = []
    if theme.definition:
        parts.append(f"<b>{escape(theme.label)}</b>: {escape(theme.definition)}")
    elif theme.description:
        parts.append(f"<b>{escape(theme.label)}</b>: {escape(theme.description)}")
    for key in ("-2", "-1", "0", "1", "2"):
        anchor = theme.anchors.get(key)
        if not anchor:
            continue
        step = int(key)
        line = f"{step:+d}" if step else "0"
        text = f"{line}: {escape(anchor)}"
        parts.append(f"<b>{text}</b>" if stance == step else text)
    if not parts:
        return '<span style="color: gray">No codebook for this theme yet (Edit \u25b8 Themes).</span>'
    return "<br>".join(parts)


def _line_edit_of(combo: QComboBox) -> QLineEdit:
    """The box typed in of an editable combo box (Qt gives every editable one a line edit)."""
    line_edit = combo.lineEdit()
    assert line_edit is not None, "the combo box is editable"
    return line_edit


def _completions_shown(combo: QComboBox) -> bool:
    """Whether the combo box's list of completions is open."""
    completer = combo.completer()
    popup = completer.popup() if completer is not None else None
    return popup is not None and popup.isVisible()
