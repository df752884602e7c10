"""The seminar details and source text dialogs: checked before they close, never touching the document themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.model.editing.new_seminar import (
    DEFAULT_QUESTION,
    UNTITLED,
    new_seminar_details,
)
from desktop_app.ui.editing.edit_dialogs import SeminarDetailsDialog, SourceTextDialog


def test_a_new_seminar_offers_the_default_question_and_needs_a_source_text(qtbot, tmp_path):
    """The New dialog starts with 'Untitled seminar' and the default question, refuses a blank text, and accepts one read from a file."""
    dialog = SeminarDetailsDialog(new_seminar_details("-"), with_source=True)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == UNTITLED and dialog.question.text() == DEFAULT_QUESTION
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "text" in dialog.problem.text()
    source = tmp_path / "report.txt"
    source.write_bytes(b"The panel met.\r\nIt disagreed.")
    assert dialog.source.load(str(source))
    dialog.positive.setText("agreement")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    seminar = dialog.result_seminar()
    assert seminar.source.text == "The panel met.\nIt disagreed." and seminar.scale.positive == "agreement"


def test_a_blank_title_is_refused_with_a_message_beside_the_buttons(qtbot):
    """Clearing the title and pressing OK keeps the dialog open and names the field."""
    dialog = SeminarDetailsDialog(new_seminar_details("Some text."))
    qtbot.addWidget(dialog)
    dialog.title.setText("")
    dialog.accept()
    assert dialog.result_seminar() is None and dialog.problem.text().startswith("title")


def test_the_details_dialog_tabs_through_its_fields_and_source_before_its_buttons(qtbot):
    """Tab walks title, question, ..., memo, then the source box and its button, and only then OK and Cancel."""
    dialog = SeminarDetailsDialog(new_seminar_details("-"), with_source=True)
    qtbot.addWidget(dialog)
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not dialog:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    ok, cancel = dialog.buttons.buttons()[0], dialog.buttons.buttons()[1]
    assert chain[0] is dialog.title and chain.index(dialog.memo) < chain.index(dialog.source.text)
    assert chain.index(dialog.source.open_button) < min(chain.index(ok), chain.index(cancel))


def test_the_source_text_dialog_refuses_a_blank_text(qtbot):
    """Emptying the source text box and pressing OK keeps the dialog open."""
    dialog = SourceTextDialog("Old text.")
    qtbot.addWidget(dialog)
    dialog.source.text.setPlainText("   ")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.source.text.setPlainText("New text.")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.text() == "New text."
