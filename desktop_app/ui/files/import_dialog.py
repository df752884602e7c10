"""The import preview: what a transcript holds, and the analyst's mapping from its labels to speakers.

Nothing is created until the analyst confirms.  The dialog shows the turns
found (label, time, first words), one row per distinct label with its turn
count, the speaker each label becomes (renamed, merged with another, or
dropped) and that speaker's role, the one-off labels that may be confirmed as
speakers, and the seminar's title and date (as the document states them, else the file
name and today).  The format and, for typed transcripts, a
custom label pattern can be changed: the file is then read again through the
``reread`` function the dialog was given, and the mapping made so far is kept
for every label still found.  A file that cannot be read that way shows its
located message in the dialog; the preview before it stays.

Every change goes through the immutable :class:`LabelMapping`; the tables
are redrawn from it, never edited in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.format.recording import Recording
from ...model.format.schema import Role, SeminarFile
from ...model.importers.common import FORMATS, ImportedTranscript, ImportFailed
from ...model.importers.mapping import LabelMapping, build_seminar, label_counts, parse_date, title_from_path
from ...model.importers.preview import stated_note, turn_previews

Reread = Callable[[str, tuple[str, ...], "str | None"], ImportedTranscript]
"""Reads the file again: (format, labels confirmed as speakers, custom pattern or None) → transcript; raises ImportFailed."""

TURNS_SHOWN = 1_000
"""Turns listed in the preview; a longer transcript says how many more it has."""
FORMAT_NAMES = {
    "vtt": "WebVTT subtitles",
    "srt": "SRT subtitles",
    "whisper": "Whisper / WhisperX JSON",
    "text": "Plain text or Markdown",
    "docx": "Word document",
    "pdf": "PDF report",
}
PATTERN_FORMATS = ("text", "docx", "pdf")
"""Formats whose speaker labels a custom pattern can find."""
LABEL, TURNS, SPEAKER, ROLE = range(4)
"""Columns of the mapping table."""
DROPPED = "(dropped)"


class ImportDialog(QDialog):
    """Preview and mapping for one file; :meth:`seminar_file` is the seminar the analyst confirmed."""

    def __init__(self, path: str, transcript: ImportedTranscript, reread: Reread, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.transcript = transcript
        self.mapping = LabelMapping.initial(transcript)
        self.confirmed: tuple[str, ...] = ()
        self.pattern: str | None = None
        self._reread = reread
        self._filling = False
        self.setWindowTitle(f"New from {Path(path).name}")
        self.setMinimumSize(900, 600)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        self.title_edit = QLineEdit(transcript.title or title_from_path(path))
        self.title_edit.setAccessibleName("Seminar title")
        self.date_edit = QLineEdit((transcript.date or dt.date.today()).isoformat())
        self.date_edit.setAccessibleName("Seminar date")
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.stated_label = QLabel(stated_note(transcript))
        self.stated_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stated_label.setEnabled(False)
        self.stated_label.setVisible(bool(self.stated_label.text()))
        self.format_combo = QComboBox()
        for name in FORMATS:
            self.format_combo.addItem(FORMAT_NAMES[name], name)
        self.format_combo.setCurrentIndex(FORMATS.index(transcript.format))
        self.format_combo.activated.connect(self._on_format_chosen)
        self.pattern_edit = QLineEdit()
        self.pattern_edit.setPlaceholderText(r"e.g. ^>> (?P<speaker>[^|]+) \|   (a regex with a 'speaker' group)")
        self.pattern_edit.setAccessibleName("Custom label pattern")
        self.pattern_edit.returnPressed.connect(self.apply_pattern)
        self.pattern_button = QPushButton("Re-read")
        self.pattern_button.setToolTip("Read the file again, finding speakers with this pattern")
        self.pattern_button.clicked.connect(self.apply_pattern)
        form = QFormLayout()
        form.addRow("Seminar &title:", self.title_edit)
        form.addRow("Seminar dat&e:", self.date_edit)
        form.addRow("", self.stated_label)
        form.addRow("&Format:", self.format_combo)
        pattern_label = QLabel("Label &pattern:")
        pattern_label.setBuddy(self.pattern_edit)
        form.addRow(pattern_label, _with_button(self.pattern_edit, self.pattern_button))
        self.recording: Path | None = None
        self.recording_label = QLabel("none (optional: the audio or video the transcript was made from)")
        self.recording_label.setTextFormat(Qt.TextFormat.PlainText)
        self.recording_button = QPushButton("&Recording\u2026")
        self.recording_button.setToolTip("Choose the recording, to play it at each turn (Playback menu)")
        self.recording_button.clicked.connect(self._choose_recording)
        form.addRow("Recording:", _with_button(self.recording_label, self.recording_button))

        self.turn_table = QTableWidget(0, 3)
        self.turn_table.setHorizontalHeaderLabels(["Label", "Time", "First words"])
        self.turn_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.turn_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.turn_table.verticalHeader().hide()
        self.turn_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.turn_table.setWordWrap(False)
        self.turn_table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys walk it
        self.turns_note = QLabel()
        self.turns_note.setEnabled(False)
        turns_box = QGroupBox("T&urns found")  # its shortcut puts the keyboard in the table
        turns_layout = QVBoxLayout(turns_box)
        turns_layout.addWidget(self.turn_table, 1)
        turns_layout.addWidget(self.turns_note)

        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setHorizontalHeaderLabels(["Label", "Turns", "Speaker", "Role"])
        self.mapping_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mapping_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setTabKeyNavigation(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(SPEAKER, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.itemChanged.connect(self._on_item_changed)
        self.mapping_table.itemSelectionChanged.connect(self._update_buttons)
        self.merge_button = QPushButton("&Merge")
        self.merge_button.setToolTip("Make the selected labels one speaker, named as the first of them")
        self.merge_button.clicked.connect(self.merge_selected)
        self.drop_button = QPushButton("&Drop")
        self.drop_button.setToolTip("Attribute the selected labels' turns to nobody (for example \u201cUnknown\u201d)")
        self.drop_button.clicked.connect(self.drop_selected)
        self.keep_button = QPushButton("&Keep")
        self.keep_button.setToolTip("Make dropped labels speakers again")
        self.keep_button.clicked.connect(self.keep_selected)
        buttons_row = QHBoxLayout()
        for button in (self.merge_button, self.drop_button, self.keep_button):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        mapping_hint = QLabel("Double-click a speaker's name, or press F2 on it, to rename; the same name twice merges.")
        mapping_hint.setWordWrap(True)
        mapping_hint.setEnabled(False)
        self.single_list = QListWidget()
        self.single_list.setMaximumHeight(90)
        self.single_list.itemChanged.connect(self._on_single_checked)
        self.single_note = QLabel("Labels seen only once (tick to take one as a speaker):")
        self.single_note.setWordWrap(True)
        mapping_box = QGroupBox("&Speakers")
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.addWidget(self.mapping_table, 1)
        mapping_layout.addLayout(buttons_row)
        mapping_layout.addWidget(mapping_hint)
        mapping_layout.addWidget(self.single_note)
        mapping_layout.addWidget(self.single_list)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(turns_box)
        splitter.addWidget(mapping_box)
        splitter.setSizes([480, 420])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton("&Create Seminar", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self._show_transcript()
        # The title as read is a suggestion: typing replaces it rather than adding to it.
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_edit.selectAll()

    # -- what the analyst gets -------------------------------------------------------
    def seminar_file(self) -> SeminarFile:
        """The new seminar as the preview stands: the text, the mapped speakers and their turns, no positions."""
        made = build_seminar(self.transcript, self.mapping, self.title_edit.text(), date=parse_date(self.date_edit.text()))
        if self.recording is None:
            return made
        # Absolute until the seminar is first saved, when it becomes relative to the file's folder.
        return made.model_copy(update={"recording": Recording(path=str(self.recording.resolve()))})

    def set_recording(self, path: Path | None) -> None:
        """The recording the new seminar will name (None: none)."""
        self.recording = path
        self.recording_label.setText(path.name if path is not None else "none")
        self.recording_label.setToolTip(str(path) if path is not None else "")

    def _choose_recording(self) -> None:
        from ..file_filters import RECORDING_FILTER

        chosen, _ = QFileDialog.getOpenFileName(self, "Recording of the Seminar", str(Path(self.path).parent), RECORDING_FILTER)
        if chosen:
            self.set_recording(Path(chosen))

    def accept(self) -> None:
        try:
            self.seminar_file()
        except ValueError as error:  # a blank or too long title, a date not written YYYY-MM-DD
            self.show_problem(f"The seminar cannot be made: {error}.")
            return
        super().accept()

    # -- the analyst's edits -----------------------------------------------------------
    def rename(self, label: str, name: str) -> None:
        """``label``'s turns go to the speaker ``name`` (an existing speaker's name merges them)."""
        self._change(lambda: self.mapping.rename(label, name))

    def merge(self, labels: Iterable[str], name: str | None = None) -> None:
        """The labels become one speaker, named ``name`` or as the first kept label's speaker."""
        labels = list(labels)
        kept = [found for label in labels if (found := self.mapping.names[label]) is not None]
        chosen = name if name is not None else (kept[0] if kept else labels[0])
        self._change(lambda: self.mapping.merge(labels, chosen))

    def drop(self, label: str) -> None:
        """``label`` becomes no speaker: its turns stay in the text, attributed to nobody."""
        self._change(lambda: self.mapping.drop(label))

    def keep(self, label: str) -> None:
        """A dropped label becomes a speaker again, under its own name."""
        if self.mapping.names.get(label) is None:
            self._change(lambda: self.mapping.rename(label, label))

    def set_role(self, label: str, role: Role) -> None:
        """The role of the speaker ``label`` maps to (shared by every label merged into them)."""
        name = self.mapping.names.get(label)
        if name is not None:
            self._change(lambda: self.mapping.set_role(name, role))

    def merge_selected(self) -> None:
        labels = self.selected_labels()
        if len(labels) >= 2:
            self.merge(labels)

    def drop_selected(self) -> None:
        for label in self.selected_labels():
            self.drop(label)

    def keep_selected(self) -> None:
        for label in self.selected_labels():
            self.keep(label)

    def selected_labels(self) -> list[str]:
        rows = sorted({index.row() for index in self.mapping_table.selectionModel().selectedRows()})
        return [self._label_at(row) for row in rows]

    def _label_at(self, row: int) -> str:
        item = self.mapping_table.item(row, LABEL)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def confirm_single(self, label: str, confirmed: bool = True) -> None:
        """Take a label seen only once as a speaker (or stop taking it): the file is read again."""
        wanted = [name for name in self.confirmed if name != label] + ([label] if confirmed else [])
        self._read_again(self.current_format(), tuple(wanted), self.pattern)

    def apply_pattern(self) -> None:
        """Read the file again with the pattern typed (none when the field is blank)."""
        text = self.pattern_edit.text().strip()
        self._read_again(self.current_format(), self.confirmed, text or None)

    def choose_format(self, format_name: str) -> None:
        """Read the file again as ``format_name``."""
        self.format_combo.setCurrentIndex(FORMATS.index(format_name))
        self._on_format_chosen()

    def current_format(self) -> str:
        return str(self.format_combo.currentData())

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    # -- internals ---------------------------------------------------------------------------
    def _change(self, edit: Callable[[], LabelMapping]) -> None:
        try:
            mapping = edit()
        except ValueError as error:
            self.show_problem(str(error).capitalize() + ".")
            self._fill_mapping()  # put back what the table showed before the refused edit
            return
        self.show_problem("")
        self.mapping = mapping
        self._fill_mapping()

    def _on_format_chosen(self, *_index) -> None:
        format_name = self.current_format()
        pattern = self.pattern if format_name in PATTERN_FORMATS else None
        self._read_again(format_name, self.confirmed, pattern)

    def _read_again(self, format_name: str, confirmed: tuple[str, ...], pattern: str | None) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            transcript = self._reread(format_name, confirmed, pattern)
        except ImportFailed as failure:
            self.show_problem(f"Not read again: {failure.line_for(Path(self.path).name)}")
            self.format_combo.setCurrentIndex(FORMATS.index(self.transcript.format))
            self._fill_singles()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.show_problem("")
        previous = self.mapping
        self.transcript, self.confirmed, self.pattern = transcript, confirmed, pattern
        self.mapping = _carried_over(previous, LabelMapping.initial(transcript))
        self._show_transcript()

    def _show_transcript(self) -> None:
        transcript = self.transcript
        self.format_combo.setCurrentIndex(FORMATS.index(transcript.format))
        can_pattern = transcript.format in PATTERN_FORMATS
        self.pattern_edit.setEnabled(can_pattern)
        self.pattern_button.setEnabled(can_pattern)
        rows = turn_previews(transcript, limit=TURNS_SHOWN)
        self.turn_table.setUpdatesEnabled(False)
        self.turn_table.setRowCount(len(rows))
        for row, preview in enumerate(rows):
            self.turn_table.setItem(row, 0, QTableWidgetItem(preview.label))
            self.turn_table.setItem(row, 1, QTableWidgetItem(preview.time_text))
            self.turn_table.setItem(row, 2, QTableWidgetItem(preview.first_words))
        self.turn_table.setColumnHidden(1, all(turn.start_time is None for turn in transcript.turns))
        self.turn_table.resizeColumnToContents(0)
        self.turn_table.resizeColumnToContents(1)
        self.turn_table.setUpdatesEnabled(True)
        hidden = len(transcript.turns) - len(rows)
        if not transcript.turns:
            self.turns_note.setText("No speaker labels found: the text becomes the source with no turns.")
        else:
            self.turns_note.setText(f"and {hidden:,} more turns" if hidden > 0 else "")
        self._fill_mapping()
        self._fill_singles()

    def _fill_mapping(self) -> None:
        self._filling = True
        table = self.mapping_table
        counts = label_counts(self.transcript)
        table.setRowCount(len(counts))
        for row, count in enumerate(counts):
            name = self.mapping.names.get(count.label)
            label_item = QTableWidgetItem(count.label)
            label_item.setData(Qt.ItemDataRole.UserRole, count.label)
            label_item.setFlags(label_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label_item.setToolTip(count.first_words)
            turns_item = QTableWidgetItem(f"{count.turns:,}")
            turns_item.setFlags(turns_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            turns_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            speaker_item = QTableWidgetItem(name if name is not None else DROPPED)
            if name is None:
                speaker_item.setForeground(self.palette().placeholderText())
            table.setItem(row, LABEL, label_item)
            table.setItem(row, TURNS, turns_item)
            table.setItem(row, SPEAKER, speaker_item)
            self._show_role(row, count.label, name)
        table.resizeColumnToContents(LABEL)
        table.resizeColumnToContents(TURNS)
        self._filling = False
        self._update_summary()
        self._update_buttons()

    def _show_role(self, row: int, label: str, name: str | None) -> None:
        """The row's role combo, made once per label and then only updated (a redraw keeps the widgets)."""
        combo = self.mapping_table.cellWidget(row, ROLE)
        if not isinstance(combo, QComboBox) or combo.property("label") != label:
            combo = QComboBox()
            for role in Role:
                combo.addItem(role.value, role)
            combo.setProperty("label", label)
            combo.setAccessibleName(f"Role of {label}")
            combo.activated.connect(lambda index, chosen=label: self.set_role(chosen, list(Role)[index]))
            self.mapping_table.setCellWidget(row, ROLE, combo)
        combo.blockSignals(True)
        combo.setEnabled(name is not None)
        combo.setCurrentIndex(-1 if name is None else list(Role).index(self.mapping.roles.get(name, Role.SPEAKER)))
        combo.blockSignals(False)

    def role_of(self, label: str) -> Role | None:
        """The role shown for ``label`` in the table (None when dropped)."""
        name = self.mapping.names.get(label)
        return None if name is None else self.mapping.roles.get(name, Role.SPEAKER)

    def _fill_singles(self) -> None:
        self.single_list.blockSignals(True)
        self.single_list.clear()
        singles = list(self.transcript.single_labels) + [c for c in self.confirmed if c not in self.transcript.single_labels]
        for label in singles:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if label in self.confirmed else Qt.CheckState.Unchecked)
            self.single_list.addItem(item)
        self.single_list.blockSignals(False)
        self.single_list.setVisible(bool(singles))
        self.single_note.setVisible(bool(singles))

    def _on_single_checked(self, item: QListWidgetItem) -> None:
        self.confirm_single(item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != SPEAKER:
            return
        label = self._label_at(item.row())
        text = item.text()
        if text == DROPPED:
            return
        self.rename(label, text)

    def _update_summary(self) -> None:
        transcript = self.transcript
        speakers = self.mapping.speakers(transcript)
        kept_turns = sum(speaker.turns for speaker in speakers)
        parts = [
            f"{Path(self.path).name}: {FORMAT_NAMES[transcript.format]}",
            f"{len(transcript.text):,} characters",
            f"{len(transcript.turns):,} turns with {len(transcript.labels())} labels",
            f"{len(speakers)} speakers ({kept_turns:,} turns kept)",
        ]
        if transcript.encoding:
            parts.append(transcript.encoding)
        if transcript.pages:
            parts.append(f"{transcript.pages} pages")
        self.summary.setText(" \u00b7 ".join(parts))

    def _update_buttons(self) -> None:
        labels = self.selected_labels()
        self.merge_button.setEnabled(len(labels) >= 2)
        self.drop_button.setEnabled(any(self.mapping.names.get(label) is not None for label in labels))
        self.keep_button.setEnabled(any(self.mapping.names.get(label) is None for label in labels))


def _carried_over(previous: LabelMapping, fresh: LabelMapping) -> LabelMapping:
    """``fresh`` with the renames, drops and roles of ``previous`` for every label still found."""
    mapping = fresh
    for label in fresh.names:
        if label not in previous.names:
            continue
        name = previous.names[label]
        mapping = mapping.drop(label) if name is None else mapping.rename(label, name)
    for name, role in previous.roles.items():
        if name in mapping.names.values():
            mapping = mapping.set_role(name, role)
    return mapping


def _with_button(widget: QWidget, button: QPushButton) -> QWidget:
    """One form row: ``widget`` taking the width, ``button`` beside it."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 1)
    layout.addWidget(button)
    return row
