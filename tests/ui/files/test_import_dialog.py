"""The import preview: renaming, merging, dropping and giving roles to labels, confirming one-off labels, re-reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop_app.model.format.schema import Role
from desktop_app.model.importers.reading import import_file
from desktop_app.ui.files.import_dialog import ROLE, SPEAKER, ImportDialog
from tests.model.importers.checks import FIXTURES


@pytest.fixture
def preview(qtbot):
    """Opens the preview of a fixture file, re-reading it as the window would."""

    def opened(name: str) -> ImportDialog:
        path = FIXTURES / name

        def reread(format_name, confirmed, pattern):
            return import_file(path, format_name, confirmed=confirmed, pattern=pattern)

        dialog = ImportDialog(str(path), import_file(path), reread)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return opened


def row_of(dialog: ImportDialog, label: str) -> int:
    table = dialog.mapping_table
    return next(row for row in range(table.rowCount()) if table.item(row, 0).text() == label)


def select_rows(dialog: ImportDialog, *labels: str) -> None:
    table = dialog.mapping_table
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for label in labels:
        table.selectionModel().select(table.model().index(row_of(dialog, label), 0), flags)


def choose_role(dialog: ImportDialog, label: str, role: Role) -> None:
    combo = dialog.mapping_table.cellWidget(row_of(dialog, label), ROLE)
    index = combo.findData(role)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as when the user picks the entry


def test_preview_lists_turns_labels_and_counts(preview):
    """The preview shows every turn with its label, time and first words, and each label with its turn count."""
    dialog = preview("whisperx.json")
    turns = dialog.turn_table
    assert turns.rowCount() == 4
    assert [turns.item(0, column).text() for column in range(3)] == ["SPEAKER_00", "0:00", "Welcome to the seed library. We swap seeds every spring."]
    assert turns.item(2, 1).text() == "0:08"
    counts = {dialog.mapping_table.item(row, 0).text(): dialog.mapping_table.item(row, 1).text() for row in range(3)}
    assert counts == {"SPEAKER_00": "2", "SPEAKER_01": "1", "SPEAKER_02": "1"}
    assert "4 turns with 3 labels" in dialog.summary.text()
    assert not dialog.turn_table.isColumnHidden(1)


def test_rename_role_and_drop_make_the_expected_seminar(preview, qtbot):
    """Renaming SPEAKER_00, making SPEAKER_01 the moderator and dropping SPEAKER_02 gives two speakers and three turns."""
    dialog = preview("whisperx.json")
    dialog.mapping_table.item(row_of(dialog, "SPEAKER_00"), SPEAKER).setText("Dr Amara Okafor")
    choose_role(dialog, "SPEAKER_01", Role.MODERATOR)
    select_rows(dialog, "SPEAKER_02")
    qtbot.mouseClick(dialog.drop_button, Qt.MouseButton.LeftButton)
    assert dialog.mapping_table.item(row_of(dialog, "SPEAKER_02"), SPEAKER).text() == "(dropped)"
    assert not dialog.mapping_table.cellWidget(row_of(dialog, "SPEAKER_02"), ROLE).isEnabled()

    model = dialog.seminar_file()
    assert [(s.id, s.name, s.role) for s in model.speakers] == [
        ("dr-amara-okafor", "Dr Amara Okafor", Role.SPEAKER),
        ("speaker-01", "SPEAKER_01", Role.MODERATOR),
    ]
    assert [turn.speaker for turn in model.seminar.source.turns] == ["dr-amara-okafor", "speaker-01", "dr-amara-okafor"]
    assert model.positions == [] and model.seminar.source.text.startswith("Welcome to the seed library.")


def test_merge_by_button_and_by_the_same_name(preview, qtbot):
    """Selecting two labels and pressing Merge makes one speaker; renaming a third to that name joins it too."""
    dialog = preview("whisperx.json")
    dialog.mapping_table.item(row_of(dialog, "SPEAKER_00"), SPEAKER).setText("Dr Amara Okafor")
    select_rows(dialog, "SPEAKER_00", "SPEAKER_02")
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in dialog.seminar_file().speakers] == ["Dr Amara Okafor", "SPEAKER_01"]

    dialog.mapping_table.item(row_of(dialog, "SPEAKER_01"), SPEAKER).setText("Dr Amara Okafor")
    model = dialog.seminar_file()
    assert [s.name for s in model.speakers] == ["Dr Amara Okafor"]
    assert len(model.seminar.source.turns) == 1  # neighbouring turns of one speaker become one


def test_a_role_belongs_to_the_speaker_and_survives_a_rename(preview):
    """The role written beside a label comes preset, and renaming the speaker keeps it."""
    dialog = preview("roles.txt")
    assert dialog.role_of("Greta Solheim") is Role.CHAIR
    dialog.mapping_table.item(row_of(dialog, "Greta Solheim"), SPEAKER).setText("Cllr Greta Solheim")
    model = dialog.seminar_file()
    assert {s.name: s.role for s in model.speakers} == {"Cllr Greta Solheim": Role.CHAIR, "Arun Mehta": Role.WITNESS}
    assert model.seminar.chair == "cllr-greta-solheim"


def test_a_blank_name_is_refused_in_words_and_the_table_restored(preview):
    """Clearing a speaker's name shows why it cannot be blank and puts the name back."""
    dialog = preview("upper.txt")
    assert dialog.turn_table.isColumnHidden(1)  # a typed transcript has no times to show
    row = row_of(dialog, "RUTH ADEYEMI")
    dialog.mapping_table.item(row, SPEAKER).setText("   ")
    assert "must not be blank" in dialog.problem.text()
    assert dialog.mapping_table.item(row, SPEAKER).text() == "RUTH ADEYEMI"


def test_a_one_off_label_confirmed_becomes_a_speaker(preview):
    """Ticking the one-off label "Note" reads the file again with it as a speaker."""
    dialog = preview("colon.txt")
    assert [dialog.single_list.item(i).text() for i in range(dialog.single_list.count())] == ["Note"]
    assert "Note" not in [s.name for s in dialog.seminar_file().speakers]
    dialog.single_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert [s.name for s in dialog.seminar_file().speakers] == ["Hana Ostrova", "Note", "Pieter Lund"]
    assert dialog.single_list.item(0).checkState() == Qt.CheckState.Checked


def test_a_custom_pattern_rereads_and_keeps_the_mapping(preview, qtbot):
    """A typed pattern finds '>> Name |' labels; a bad one is explained and the preview stays as it was."""
    dialog = preview("custom.txt")
    assert dialog.seminar_file().speakers == []
    qtbot.keyClicks(dialog.pattern_edit, "(?P<speaker>[a-z")
    qtbot.mouseClick(dialog.pattern_button, Qt.MouseButton.LeftButton)
    assert "not a valid regular expression" in dialog.problem.text() and "custom.txt" in dialog.problem.text()

    dialog.pattern_edit.setText(r">> (?P<speaker>[^|]+?) \| ")
    qtbot.keyClick(dialog.pattern_edit, Qt.Key.Key_Return)
    assert dialog.problem.isHidden()
    assert [s.name for s in dialog.seminar_file().speakers] == ["Lena Marsh"]
    dialog.rename("Lena Marsh", "Dr Lena Marsh")
    dialog.confirm_single("Omar Quist")
    model = dialog.seminar_file()
    assert [s.name for s in model.speakers] == ["Dr Lena Marsh", "Omar Quist"]  # the rename survived the re-read
    assert len(model.seminar.source.turns) == 3


def test_choosing_another_format_rereads_or_says_why_not(preview):
    """Reading a subtitle file as plain text finds its 'Name:' lines; as WhisperX JSON it is refused with a location."""
    dialog = preview("zoom.vtt")
    dialog.choose_format("whisper")
    assert "zoom.vtt" in dialog.problem.text() and dialog.current_format() == "vtt"
    dialog.choose_format("text")
    assert dialog.current_format() == "text" and dialog.pattern_edit.isEnabled()
    assert {"Mira Castellan", "Joss Whitlock"} <= {s.name for s in dialog.seminar_file().speakers}


def test_a_blank_title_keeps_the_dialog_open(preview, qtbot):
    """Create with no title says the title is missing and does not accept."""
    dialog = preview("upper.txt")
    assert dialog.title_edit.text() == "upper"
    dialog.title_edit.clear()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted and "title" in dialog.problem.text()
    dialog.title_edit.setText("Bridge closure meeting")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.seminar_file().seminar.title == "Bridge closure meeting"


def test_a_prose_report_says_it_has_no_turns(preview, tmp_path, qtbot):
    """A text with no speaker labels previews as a source with no turns."""
    path = tmp_path / "report.txt"
    path.write_text("The council met on a windy Tuesday.\n\nMembers discussed the quay.\n", encoding="utf-8")
    dialog = ImportDialog(str(path), import_file(path), lambda *args: import_file(path))
    qtbot.addWidget(dialog)
    assert "no turns" in dialog.turns_note.text()
    assert dialog.seminar_file().seminar.source.turns == [] and Path(dialog.path).name == "report.txt"


def test_typing_a_title_replaces_the_suggested_one(preview, qtbot):
    """The preview opens in the title box with its suggestion selected, so typing writes the title afresh."""
    dialog = preview("whisperx.json")
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    qtbot.keyClicks(dialog.title_edit, "Seed swap")
    assert dialog.title_edit.text() == "Seed swap"


def test_the_speaker_table_is_reached_and_edited_from_the_keyboard(preview, qtbot):
    """Tab leaves the turns table instead of walking its cells, Alt+S reaches the speakers, and F2 renames one."""
    dialog = preview("whisperx.json")
    turns, speakers = dialog.turn_table, dialog.mapping_table
    turns.setFocus()
    qtbot.waitUntil(turns.hasFocus)
    qtbot.keyClick(turns, Qt.Key.Key_Tab)
    assert not turns.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(speakers.hasFocus)
    speakers.setCurrentCell(row_of(dialog, "SPEAKER_00"), SPEAKER)
    qtbot.keyClick(speakers, Qt.Key.Key_F2)
    editor = speakers.focusWidget()
    assert editor is not None and editor is not speakers
    editor.selectAll()
    qtbot.keyClicks(editor, "Amara Okafor")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the editor hands its text over once the event loop turns
    qtbot.waitUntil(lambda: dialog.mapping.names["SPEAKER_00"] == "Amara Okafor")
    assert dialog.isVisible()  # Return finished the rename, not the dialog
