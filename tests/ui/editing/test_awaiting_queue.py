"""Rating positions that await a stance from the keyboard: Ctrl+J, Q–T, Tab, a summary, Enter, and Ctrl+J again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from desktop_app.ui.editing.awaiting_queue import awaiting_in_text_order, next_awaiting
from tests.model.test_awaiting_stance import awaiting_debate
from tests.ui.editing.test_coding import press


def test_the_queue_follows_the_text_and_moves_on_from_the_one_just_rated():
    """In text order; after a rated one, the next from its place; after a cancelled one, the one after it."""
    dataset = awaiting_debate("obi-emissions", "roe-costs", "obi-enforcement")
    assert awaiting_in_text_order(dataset) == ["obi-emissions", "roe-costs", "obi-enforcement"]
    assert next_awaiting(dataset, None) == "obi-emissions"
    assert next_awaiting(dataset, "roe-costs") == "obi-enforcement"  # still awaiting: the one after it
    assert next_awaiting(dataset, "obi-enforcement") == "obi-emissions"  # wraps round
    rated_first = awaiting_debate("roe-costs", "obi-enforcement")
    assert next_awaiting(rated_first, "obi-emissions") == "roe-costs"
    assert next_awaiting(awaiting_debate(), None) is None


def test_ctrl_j_opens_the_next_awaiting_position_and_the_keys_rate_it(qtbot, open_window):
    """Ctrl+J selects the speaker, shows the passage and opens the editor; R Tab words Enter give +1 and a summary."""
    window = open_window(awaiting_debate("roe-costs", "obi-enforcement"))
    action = window.awaiting.action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+J"
    window.activateWindow()
    window.show_tab("source")
    window.source.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.source.text)
    qtbot.keyClick(window.source.text, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    editor = window.coding.editor
    assert editor.isVisible() and editor.editing == "roe-costs"
    assert window.current_tab() == "source" and window.selection.focus.speaker == "roe"
    press(qtbot, Qt.Key.Key_R, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Says the costs can be borne.")
    press(qtbot, Qt.Key.Key_Return)
    rated = window.document.dataset.position("roe-costs")
    assert (rated.stance, rated.summary) == (1, "Says the costs can be borne.")
    assert window.document.dataset.analysis.themes["costs"].stances == {"roe": 1}
    qtbot.keyClick(window.source.text, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert editor.editing == "obi-enforcement"
    press(qtbot, Qt.Key.Key_E, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Short of money.")
    press(qtbot, Qt.Key.Key_Return)
    assert not window.document.dataset.awaiting and not action.isEnabled()
    window.document.undo_stack.undo()
    assert [p.id for p in window.document.dataset.awaiting] == ["obi-enforcement"] and action.isEnabled()


def test_the_source_tab_underlines_awaiting_passages_with_dots(qtbot, open_window):
    """The passage awaiting a stance has a dotted underline; a rated one does not; the hint explains the mark."""
    window = open_window(awaiting_debate("roe-costs"))
    window.show_tab("source")
    view = window.source
    view.ensure_filled()
    text = window.document.dataset.seminar.source.text

    def underline_at(excerpt: str):
        block = view.text.document().findBlock(text.index(excerpt) + 2)
        offset = text.index(excerpt) + 2 - block.position()
        for fmt_range in block.layout().formats():
            if fmt_range.start <= offset < fmt_range.start + fmt_range.length:
                return fmt_range.format.underlineStyle()
        return QTextCharFormat.UnderlineStyle.NoUnderline

    qtbot.waitUntil(lambda: underline_at("the costs fall") == QTextCharFormat.UnderlineStyle.DotLine)
    assert underline_at("the bill will cut") != QTextCharFormat.UnderlineStyle.DotLine
    assert "dotted underline marks a passage awaiting a stance" in view.hint.text()


def test_rate_later_codes_a_passage_awaiting_a_stance_in_a_first_pass(qtbot, open_window):
    """Select, Ctrl+K, a theme key, Alt+L: the passage is a position with no stance and no summary, and Ctrl+J finds it."""
    from tests.ui.editing.test_coding import select

    window = open_window(awaiting_debate())
    window.activateWindow()
    text = window.document.dataset.seminar.source.text
    start = text.index("the inspectorate")
    select(window, start, start + len("the inspectorate"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.source.text)
    qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    editor = window.coding.editor
    assert editor.isVisible()
    editor.choose_theme(3)
    before = len(window.document.dataset.positions)
    editor.later_button.click()
    dataset = window.document.dataset
    assert len(dataset.positions) == before + 1 and not editor.isVisible()
    (waiting,) = dataset.awaiting
    assert (waiting.excerpt, waiting.theme, waiting.stance, waiting.summary) == ("the inspectorate", "enforcement", None, "")
    assert window.awaiting.rate_next() == waiting.id
