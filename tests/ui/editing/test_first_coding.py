"""From a fresh transcript import to the first coded position in the window, without a stumble.

Coding a fresh import says exactly what is missing and makes a theme in
place; Tab in the coding editor never lands in the theme box; triple-click
and Code This Turn take a speaker's turn without its label; the empty views
say what to do next.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.model.editing.new_seminar import new_seminar_details
from desktop_app.model.format.schema import Theme
from desktop_app.presentation.next_step import ADD_THEME, CODE_PASSAGE
from tests.ui.editing.test_coding import press, select

WELCOME = "Welcome, everyone. We meet until 17:30 today."
PIETER_FIRST = "I counted too.\n- Action: order two new hives\n- Budget: from the spring fund"


def test_coding_a_fresh_import_says_a_theme_is_missing_and_makes_one_in_the_editor(qtbot, imported, dialogs):
    """Ctrl+K with speakers but no theme opens the editor saying "Add a theme first"; New Theme… adds one, picked, the passage kept."""
    window = imported
    text = window.document.dataset.seminar.source.text
    start = text.index("I counted too.")
    select(window, start, start + len("I counted too."))
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    editor = window.coding.editor
    assert editor.isVisible() and editor.problem.text().startswith("Add a theme first")
    assert not dialogs.named("show_info")
    dialogs.theme_answer = Theme(id="new", label="Hive count", order=1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # New Theme…
    qtbot.waitUntil(lambda: bool(window.document.dataset.themes))
    assert [t.label for t in window.document.dataset.themes] == ["Hive count"]
    assert editor.isVisible() and editor.draft().theme == "hive-count" and editor.problem.text() == ""
    assert window.coding.selected_passage()[0] == "I counted too."
    press(qtbot, Qt.Key.Key_R, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Counted the hives.")
    press(qtbot, Qt.Key.Key_Return)
    (position,) = window.document.dataset.positions
    assert (position.speaker, position.theme, position.excerpt) == ("pieter-lund", "hive-count", "I counted too.")


def test_ctrl_k_without_speakers_names_what_is_missing(qtbot, window, dialogs):
    """With no speaker and no theme yet, Ctrl+K says to add a speaker and a theme first."""
    dialogs.new_seminar_answer = new_seminar_details("The panel met.")
    assert window.saving.new_seminar()
    select(window, 0, 9)
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    (said,) = dialogs.named("show_info")
    assert said[1].startswith("Add a speaker and a theme first") and not window.coding.editor.isVisible()


def test_tab_in_the_coding_editor_never_lands_in_the_theme_box(qtbot, imported, dialogs):
    """With a theme picked (key 1), Tab goes to the summary, then the note, then back: typing never overwrites the theme."""
    window = imported
    dialogs.theme_answer = Theme(id="new", label="Hive count", order=1)
    window.coding.manager.add_theme_action.trigger()
    text = window.document.dataset.seminar.source.text
    start = text.index("Thank you, Pieter.")
    select(window, start, start + 10)
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    editor = window.coding.editor
    press(qtbot, Qt.Key.Key_1)
    visited = []
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [editor.summary, editor.note, editor.summary, editor.note, editor.summary]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is editor.note
    qtbot.keyClicks(QApplication.focusWidget(), "thanks")
    assert editor.draft().theme == "hive-count" and editor.note.text() == "thanks"


def test_the_empty_chart_and_detail_panel_say_what_to_do_next(qtbot, imported, dialogs):
    """A fresh import's chart and overview say to add a theme; with a theme, to select a passage and press Ctrl+K."""
    window = imported
    window.show_tab("themes")
    chart = window.chart
    assert chart.empty_note.isVisible() and chart.empty_note.text() == ADD_THEME
    window.selection.clear()
    assert ADD_THEME in window.detail.body.toPlainText()
    assert "records no position" not in window.detail.body.toPlainText()
    dialogs.theme_answer = Theme(id="new", label="Hive count", order=1)
    window.coding.manager.add_theme_action.trigger()
    assert chart.empty_note.text() == CODE_PASSAGE
    window.selection.select_speaker("hana-ostrova")
    assert CODE_PASSAGE in window.detail.body.toPlainText()


def test_a_typed_transcript_leaves_the_name_label_out_of_its_turns(imported):
    """Each turn of a text import starts at its first word, after the speaker's "Name:" label."""
    dataset = imported.document.dataset
    text = dataset.seminar.source.text
    said = [text[turn.start : turn.end] for turn in dataset.seminar.source.turns]
    assert said[0].startswith(WELCOME) and said[1] == PIETER_FIRST
    assert said[2:] == ["Thank you, Pieter.", "One more thing."]


def _point_in_text(window, offset: int) -> QPoint:
    text = window.source.text
    cursor = text.textCursor()
    cursor.setPosition(offset)
    return text.cursorRect(cursor).center()


def test_a_triple_click_in_the_source_selects_the_speakers_turn(qtbot, imported):
    """Three clicks on the second line of Pieter's turn select his whole turn, from its first word, not one line."""
    window = imported
    window.show_tab("source")
    text = window.document.dataset.seminar.source.text
    where = _point_in_text(window, text.index("order two new hives") + 3)
    viewport = window.source.text.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    assert window.coding.selected_passage()[0] == PIETER_FIRST


def test_code_this_turn_codes_the_turn_under_the_caret_without_its_label(qtbot, imported, dialogs):
    """Ctrl+T with the caret in Hana's second turn opens the editor on "Thank you, Pieter." for Hana; Enter codes it."""
    window = imported
    assert window.coding.turn_action in window.edit_menu.actions()
    dialogs.theme_answer = Theme(id="new", label="Hive count", order=1)
    window.coding.manager.add_theme_action.trigger()
    text = window.document.dataset.seminar.source.text
    at = text.index("you, Pieter")
    select(window, at, at)
    qtbot.keyClick(window.source.text, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    editor = window.coding.editor
    assert editor.isVisible() and editor.draft().speaker == "hana-ostrova"
    assert window.coding.selected_passage()[0] == "Thank you, Pieter."
    press(qtbot, Qt.Key.Key_1, Qt.Key.Key_E, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Thanks.")
    press(qtbot, Qt.Key.Key_Return)
    (position,) = window.document.dataset.positions
    assert (position.speaker, position.excerpt) == ("hana-ostrova", "Thank you, Pieter.")


def test_from_a_fresh_import_the_first_turn_is_coded_from_the_keyboard_with_the_caret_on_its_label(qtbot, imported, dialogs):
    """Ctrl+3, Down to Hana's line (the caret on her label), Ctrl+T, Alt+W (a theme named), R, Tab (a summary typed), Enter."""
    window = imported
    window.show_tab("themes")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.source.text
    downs = 0
    while not window.source.text.textCursor().block().text().startswith("Hana Ostrova:") and downs < 6:
        press(qtbot, Qt.Key.Key_Down)  # past the heading line (two lines where it wraps) and the blank line
        downs += 1
    assert window.source.text.textCursor().positionInBlock() == 0 and downs <= 3
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    editor = window.coding.editor
    assert editor.isVisible() and editor.draft().speaker == "hana-ostrova"
    assert window.coding.selected_passage()[0].startswith(WELCOME)
    dialogs.theme_answer = Theme(id="new", label="Meetings", order=1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: editor.draft().theme == "meetings")
    press(qtbot, Qt.Key.Key_R, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Opens the meeting.")
    press(qtbot, Qt.Key.Key_Return)
    (position,) = window.document.dataset.positions
    assert (position.speaker, position.theme, position.stance) == ("hana-ostrova", "meetings", 1)
    assert position.excerpt.startswith(WELCOME) and position.excerpt.endswith("still hers.")
