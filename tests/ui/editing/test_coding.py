"""Coding in the real window from the keyboard: select a passage, Ctrl+K, keys for theme, stance and kind, a summary, Enter; and the other edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop_app.model.editing.new_seminar import new_seminar_details
from desktop_app.model.format.loader import dumps
from desktop_app.model.format.schema import Role, Speaker, Theme

SOURCE = (
    "The chair opened the hearing on river water.\n\n"
    "Dr Ana Silva said the river is cleaner than ten years ago. She warned that farm run-off will rise.\n"
    "Mr Ben Okafor said the river is dirtier every summer, and that fines must double.\n"
    "Both agreed that monitoring is thin."
)
SPEAKERS = [("Ana Silva", Role.PANELLIST), ("Ben Okafor", Role.PANELLIST)]
THEMES = ["Water quality", "Policy"]
CODED = [  # excerpt, expected speaker, theme key, stance key, kind key, summary
    ("the river is cleaner than ten years ago", "ana-silva", Qt.Key.Key_1, Qt.Key.Key_R, Qt.Key.Key_A, "Cleaner now."),
    ("farm run-off will rise", "ana-silva", Qt.Key.Key_1, Qt.Key.Key_W, Qt.Key.Key_S, "Run-off ahead."),
    ("the river is dirtier every summer", "ben-okafor", Qt.Key.Key_1, Qt.Key.Key_Q, Qt.Key.Key_A, "Dirtier."),
    ("fines must double", "ben-okafor", Qt.Key.Key_2, Qt.Key.Key_R, Qt.Key.Key_D, "Double the fines."),
    ("monitoring is thin", "ben-okafor", Qt.Key.Key_2, Qt.Key.Key_E, Qt.Key.Key_A, "Thin monitoring."),
]


@pytest.fixture
def empty_window(open_window, panel_dataset, dialogs):
    """The window after File ▸ New: an empty seminar on a placeholder text."""
    window = open_window(panel_dataset)
    dialogs.new_seminar_answer = new_seminar_details("placeholder")
    assert window.saving.new_seminar()
    return window


def select(window, start: int, end: int) -> None:
    """Select characters start..end of the Source tab's text (plain BMP text: Qt's places are Python's)."""
    window.show_tab("source")
    text = window.source.text
    cursor = text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    text.setFocus()


def press(qtbot, *keys) -> None:
    for key in keys:
        qtbot.keyClick(QApplication.focusWidget(), key)


def code_from_keyboard(qtbot, window, excerpt: str, theme_key, stance_key, kind_key, summary: str) -> None:
    """Select ``excerpt`` in the source, then code it with keys only: Ctrl+K, theme, stance, kind, Tab, summary, Enter."""
    start = window.document.dataset.seminar.source.text.index(excerpt)
    select(window, start, start + len(excerpt))
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.coding.editor.isVisible()
    press(qtbot, theme_key, stance_key, kind_key, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.coding.editor.summary
    qtbot.keyClicks(QApplication.focusWidget(), summary)
    press(qtbot, Qt.Key.Key_Return)


def build(qtbot, window, dialogs) -> None:
    assert window.editing.replace_source(SOURCE) is not None
    for name, role in SPEAKERS:
        dialogs.speaker_answer = Speaker(id="new", name=name, role=role, order=0)
        window.coding.manager.add_speaker_action.trigger()
    for label in THEMES:
        dialogs.theme_answer = Theme(id="new", label=label, order=0, definition=f"What counts as {label.lower()}.", anchors={"2": "clearly better"})
        window.coding.manager.add_theme_action.trigger()
    for excerpt, _speaker, theme_key, stance_key, kind_key, summary in CODED:
        code_from_keyboard(qtbot, window, excerpt, theme_key, stance_key, kind_key, summary)


def test_a_seminar_coded_from_the_keyboard_undoes_to_empty_and_redoes_to_the_same_file(qtbot, empty_window, dialogs):
    """New, a source, two speakers, two themes, five positions coded from selections with keys only; undo all, redo all."""
    window = empty_window
    empty = dumps(window.document.dataset.model)
    build(qtbot, window, dialogs)
    dataset = window.document.dataset
    coded = dumps(dataset.model)
    assert [(p.excerpt, p.speaker) for p in dataset.positions] == [(c[0], c[1]) for c in CODED]
    assert [p.theme for p in dataset.positions] == ["water-quality"] * 3 + ["policy"] * 2
    assert [p.stance for p in dataset.positions] == [1, -1, -2, 1, 0]
    assert [p.kind.value for p in dataset.positions] == ["assessment", "prediction", "assessment", "prescription", "assessment"]
    assert len({p.id for p in dataset.positions}) == 5
    assert window.editing.undo_action.text() == "&Undo Code position for Ben Okafor on Policy"
    stack = window.document.undo_stack
    assert stack.count() == 10
    while stack.canUndo():
        window.editing.undo_action.trigger()
    assert dumps(window.document.dataset.model) == empty
    while stack.canRedo():
        window.editing.redo_action.trigger()
    assert dumps(window.document.dataset.model) == coded


def test_the_source_text_is_selected_with_shift_and_the_arrows(qtbot, empty_window, dialogs):
    """With the caret in the Source tab, Shift+Right selects; Ctrl+K codes exactly the characters selected."""
    window = empty_window
    build(qtbot, window, dialogs)
    select(window, SOURCE.index("Both"), SOURCE.index("Both"))
    for _ in range(len("Both agreed")):
        qtbot.keyClick(window.source.text, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.coding.selected_passage()[0] == "Both agreed"
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.coding.editor.draft().excerpt == "Both agreed"
    assert window.coding.editor.draft().speaker == "ben-okafor"


def test_the_excerpt_keeps_the_line_break_inside_the_selection(qtbot, empty_window, dialogs):
    """A passage over two lines is coded with its line break as in the source; spaces at the selection's ends are left out."""
    window = empty_window
    build(qtbot, window, dialogs)
    start = SOURCE.index("will rise.") - 1  # the space before "will"
    end = SOURCE.index("Mr Ben") + len("Mr Ben")
    select(window, start, end)
    excerpt, span = window.coding.selected_passage()
    assert excerpt == "will rise.\nMr Ben" and SOURCE[span.start : span.end] == excerpt


def test_enter_without_a_summary_keeps_the_editor_open_and_says_why(qtbot, empty_window, dialogs):
    """Enter with no summary codes nothing: the editor stays, asks for one and puts the caret there."""
    window = empty_window
    build(qtbot, window, dialogs)
    steps = window.document.undo_stack.count()
    start = SOURCE.index("ten years")
    select(window, start, start + 9)
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_1, Qt.Key.Key_T, Qt.Key.Key_Return)
    assert window.coding.editor.isVisible()
    assert "summary" in window.coding.editor.problem.text()
    assert window.document.undo_stack.count() == steps
    assert "clearly better" in window.coding.editor.codebook.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.coding.editor.isVisible()
    assert window.document.undo_stack.count() == steps


def test_deleting_a_speaker_takes_their_positions_in_one_step_and_says_how_many(qtbot, empty_window, dialogs):
    """Deleting Ana Silva from the Speakers panel removes her two positions too, names the count, and one undo restores all."""
    window = empty_window
    build(qtbot, window, dialogs)
    before = dumps(window.document.dataset.model)
    command = window.coding.manager.delete_entry("speaker", "ana-silva")
    assert command.text() == "Delete speaker Ana Silva and 2 positions"
    assert "Delete speaker Ana Silva and 2 positions" in window.statusBar().currentMessage()
    assert len(window.document.dataset.positions) == 3 and not window.document.dataset.has_speaker("ana-silva")
    window.editing.undo_action.trigger()
    assert dumps(window.document.dataset.model) == before


def test_merging_a_theme_moves_its_positions_and_is_undoable(qtbot, empty_window, dialogs):
    """Merging Policy into Water quality moves both policy positions there; undo brings Policy back."""
    window = empty_window
    build(qtbot, window, dialogs)
    before = dumps(window.document.dataset.model)
    dialogs.merge_answer = "water-quality"
    assert window.coding.manager.merge_current("policy") is not None
    dataset = window.document.dataset
    assert not dataset.has_theme("policy") and len(dataset.positions_on("water-quality")) == 5
    window.editing.undo_action.trigger()
    assert dumps(window.document.dataset.model) == before


def test_splitting_a_position_from_the_detail_panel_makes_two(qtbot, empty_window, dialogs):
    """The detail panel's Split link, at the caret after "cleaner", gives two positions with the same coding."""
    window = empty_window
    build(qtbot, window, dialogs)
    position = window.document.dataset.positions[0]
    dialogs.split_answer = len("the river is cleaner")
    window.detail.body.anchorClicked.emit(QUrl(f"split:{position.id}"))
    dataset = window.document.dataset
    first, second = dataset.positions[0], dataset.positions[1]
    assert (first.excerpt, second.excerpt) == ("the river is cleaner", "than ten years ago")
    assert (second.speaker, second.theme, second.stance) == (first.speaker, first.theme, first.stance)
    window.editing.undo_action.trigger()
    assert window.document.dataset.positions[0].excerpt == "the river is cleaner than ten years ago"


def test_dragging_a_theme_reorders_themes_as_one_undoable_step(qtbot, empty_window, dialogs):
    """Dropping Policy above Water quality in the Themes list puts it first; undo restores the order."""
    window = empty_window
    build(qtbot, window, dialogs)
    window.coding.manager.show()
    themes = window.coding.manager.themes
    assert [themes.item(row).data(Qt.ItemDataRole.UserRole) for row in range(2)] == ["water-quality", "policy"]
    themes.model().moveRows(themes.rootIndex(), 1, 1, themes.rootIndex(), 0)  # what an internal drop does
    qtbot.waitUntil(lambda: [t.id for t in window.document.dataset.themes] == ["policy", "water-quality"])
    assert window.document.undo_stack.text(window.document.undo_stack.index() - 1) == "Move theme Policy"
    assert [themes.item(row).data(Qt.ItemDataRole.UserRole) for row in range(2)] == ["policy", "water-quality"]
    window.editing.undo_action.trigger()
    assert [t.id for t in window.document.dataset.themes] == ["water-quality", "policy"]


def test_move_down_reorders_speakers(qtbot, empty_window, dialogs):
    """Ctrl+Down on Ana Silva in the Speakers list makes Ben Okafor speak first."""
    window = empty_window
    build(qtbot, window, dialogs)
    window.coding.manager.show()
    speakers = window.coding.manager.speakers
    speakers.setCurrentRow(0)
    qtbot.keyClick(speakers, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [s.id for s in window.document.dataset.speakers] == ["ben-okafor", "ana-silva"]


def test_reselecting_changes_a_positions_excerpt(qtbot, empty_window, dialogs):
    """Edit a position, select a longer passage, Use Selection as Excerpt, Enter: the excerpt and its place change, in one step."""
    window = empty_window
    build(qtbot, window, dialogs)
    position = window.document.dataset.positions[1]
    window.detail.body.anchorClicked.emit(QUrl(f"edit:{position.id}"))
    editor = window.coding.editor
    assert editor.isVisible() and editor.draft().summary == "Run-off ahead." and editor.draft().stance == -1
    wanted = "She warned that farm run-off will rise."
    start = SOURCE.index(wanted)
    select(window, start, start + len(wanted))
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is editor
    press(qtbot, Qt.Key.Key_Return)
    changed = window.document.dataset.position(position.id)
    assert changed.excerpt == wanted and window.document.dataset.spans[position.id].start == start
    assert (changed.stance, changed.summary) == (-1, "Run-off ahead.")
    window.editing.undo_action.trigger()
    assert window.document.dataset.position(position.id).excerpt == "farm run-off will rise"


def test_editing_a_stance_is_named_for_the_edit_menu(qtbot, empty_window, dialogs):
    """Edit from the detail panel, press T (+2), Enter: the Edit menu offers "Undo Change stance of Ana Silva on Water quality"."""
    window = empty_window
    build(qtbot, window, dialogs)
    position = window.document.dataset.positions[0]
    window.coding.edit_position(position.id)
    press(qtbot, Qt.Key.Key_T, Qt.Key.Key_Return)
    assert window.document.dataset.position(position.id).stance == 2
    assert window.editing.undo_action.text() == "&Undo Change stance of Ana Silva on Water quality"


def test_deleting_a_position_from_the_detail_panel(qtbot, empty_window, dialogs):
    """The Delete link removes one position; undo puts it back in its place."""
    window = empty_window
    build(qtbot, window, dialogs)
    before = dumps(window.document.dataset.model)
    position = window.document.dataset.positions[2]
    window.detail.body.anchorClicked.emit(QUrl(f"delete:{position.id}"))
    assert position.id not in {p.id for p in window.document.dataset.positions}
    window.editing.undo_action.trigger()
    assert dumps(window.document.dataset.model) == before


def test_editing_a_theme_keeps_its_id_and_order(qtbot, empty_window, dialogs):
    """Renaming a theme in its dialog changes its label only; its positions stay on it."""
    window = empty_window
    build(qtbot, window, dialogs)
    old = window.document.dataset.theme("policy")
    dialogs.theme_answer = old.model_copy(update={"label": "Rules and fines", "id": "ignored", "order": 99})
    assert window.coding.manager.edit_entry("theme", "policy") is not None
    theme = window.document.dataset.theme("policy")
    assert (theme.label, theme.order) == ("Rules and fines", old.order)
    assert len(window.document.dataset.positions_on("policy")) == 2


def test_code_selection_without_a_selection_says_what_to_do(qtbot, window):
    """Ctrl+K with nothing selected opens no editor and tells the user to select a passage in the Source tab."""
    window.show_tab("source")
    cursor = window.source.text.textCursor()
    cursor.clearSelection()
    window.source.text.setTextCursor(cursor)
    assert window.coding.code_selection() is False
    assert not window.coding.editor.isVisible()
    assert "Select a passage" in window.statusBar().currentMessage()


def test_the_default_seminar_suggests_the_speaker_introduced_before_the_passage(qtbot, window):
    """In the default report, a passage after Eugene Rumer is introduced opens the editor with him suggested."""
    text = window.document.dataset.seminar.source.text
    start = text.index("Eugene Rumer, Senior Fellow") + 200
    select(window, start, start + 40)
    assert window.coding.code_selection()
    assert window.coding.editor.draft().speaker == "rumer"


def test_a_coded_passage_is_highlighted_at_once_and_the_reader_keeps_their_place(qtbot, window):
    """Coding a passage of the default report highlights it in the Source tab without laying the report out again."""
    text = window.document.dataset.seminar.source.text
    start = text.index("Eugene Rumer, Senior Fellow") + 200
    select(window, start, start + 40)
    scrolled = window.source.text.verticalScrollBar().value()
    assert window.coding.code_selection()
    press(qtbot, Qt.Key.Key_3, Qt.Key.Key_E, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "A test summary.")
    press(qtbot, Qt.Key.Key_Return)
    new_id = window.document.dataset.positions[-1].id
    assert window.source.position_at(start + 5) == new_id
    assert window.source.text.verticalScrollBar().value() == scrolled
    window.editing.undo_action.trigger()
    assert window.source.position_at(start + 5) != new_id


def test_ctrl_3_puts_the_caret_in_the_source_text(qtbot, window):
    """View ▸ Source (Ctrl+3) shows the Source tab with the keyboard focus in its text, ready for Shift+arrows."""
    window.activateWindow()
    window.speaker_list.list.setFocus()
    window.tab_actions["source"].trigger()
    assert window.current_tab() == "source"
    assert QApplication.focusWidget() is window.source.text


def test_a_theme_and_speaker_are_found_by_typing_part_of_their_names(qtbot, empty_window, dialogs):
    """Alt+P and Alt+T reach the speaker and theme boxes; type "oka" and "pol": Enter codes the passage for Ben Okafor on Policy."""
    window = empty_window
    build(qtbot, window, dialogs)
    start = SOURCE.index("ten years")
    select(window, start, start + 9)
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    editor = window.coding.editor
    press(qtbot, Qt.Key.Key_R, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "A decade of progress.")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() in (editor.speaker, editor.speaker.lineEdit())
    editor.speaker.lineEdit().selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), "oka")
    editor.speaker.completer().popup().hide()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() in (editor.theme, editor.theme.lineEdit())
    qtbot.keyClicks(QApplication.focusWidget(), "pol")
    editor.theme.completer().popup().hide()
    press(qtbot, Qt.Key.Key_Return)
    position = window.document.dataset.positions[-1]
    assert (position.speaker, position.theme, position.stance, position.excerpt) == ("ben-okafor", "policy", 1, "ten years")


def test_dragging_a_speaker_in_the_speaker_list_changes_the_speaking_order(qtbot, empty_window, dialogs):
    """Dropping Ben Okafor above Ana Silva in the main speaker list makes him first, in one undoable step."""
    window = empty_window
    build(qtbot, window, dialogs)
    proxy = window.speaker_list.proxy
    dragged = proxy.mimeData([proxy.index(1, 0)])
    proxy.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, proxy.index(-1, -1))  # what a drop above the first row does
    qtbot.waitUntil(lambda: [s.id for s in window.document.dataset.speakers] == ["ben-okafor", "ana-silva"])
    assert proxy.index(0, 0).data() == "Ben Okafor"
    window.editing.undo_action.trigger()
    assert [s.id for s in window.document.dataset.speakers] == ["ana-silva", "ben-okafor"]
