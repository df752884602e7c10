"""The Add Theme and Add Speaker dialogs and the Speakers and Themes panel take the keyboard at once.

Typing a name in a new entry's dialog types it (a space is a space, never a
press of OK) and Enter adds it; Ctrl+Shift+E puts the focus in the panel.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from desktop_app.model.format.schema import Theme
from desktop_app.ui.dialogs import Dialogs
from desktop_app.ui.editing.entry_dialogs import ThemeDialog
from tests.ui.editing.test_coding import press


def _type_into_modal(qtbot, typed: str, seen: dict) -> None:
    """Once the modal dialog shows: note where the focus is, type ``typed`` where it is, then press Enter."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
            seen["focus"] = QApplication.focusWidget()
            qtbot.keyClicks(seen["focus"], typed)
            seen["still open"] = dialog.isVisible()
            if dialog.isVisible():
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never leave a test waiting on a dialog

    QTimer.singleShot(0, act)


@pytest.mark.parametrize("kind", ["theme", "speaker"])
def test_add_theme_and_add_speaker_take_the_name_as_typed_and_enter_adds_it(qtbot, imported, dialogs, kind):
    """Edit ▸ Add Theme (or Add Speaker) opens with the caret in its first field: a name with spaces is typed whole, Enter adds it."""
    window = imported
    real = Dialogs()
    dialogs.theme_details = real.theme_details
    dialogs.speaker_details = real.speaker_details
    seen: dict = {}
    steps = window.document.undo_stack.count()
    _type_into_modal(qtbot, "Hive health and honey", seen)
    manager = window.coding.manager
    (manager.add_theme_action if kind == "theme" else manager.add_speaker_action).trigger()
    assert isinstance(seen["focus"], QLineEdit) and seen["still open"]
    dataset = window.document.dataset
    names = [t.label for t in dataset.themes] if kind == "theme" else [s.name for s in dataset.speakers]
    assert names[-1] == "Hive health and honey"
    assert window.document.undo_stack.count() == steps + 1


def test_space_on_the_theme_dialog_never_presses_ok(qtbot):
    """The dialog's buttons never take the focus from the keyboard, so Space cannot press OK; Tab goes down the fields, boxes included."""
    dialog = ThemeDialog(Theme(id="new", label="New theme", order=1), {s: str(s) for s in (-2, -1, 0, 1, 2)}, new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.label)
    for button in dialog.buttons.buttons():
        assert not button.focusPolicy() & Qt.FocusPolicy.TabFocus
    for field in (dialog.description, dialog.definition, dialog.anchors["-2"]):
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is field
    assert dialog.definition.toPlainText() == ""  # Tab left the definition box instead of typing a tab into it
    for _ in range(12):  # round the whole form
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() not in dialog.buttons.buttons()
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()


def test_ctrl_shift_e_shows_speakers_and_themes_with_the_keyboard_in_it(qtbot, imported):
    """Ctrl+Shift+E shows the Speakers and Themes panel with the focus in its list, the first entry current."""
    window = imported
    window.speaker_list.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    manager = window.coding.manager
    assert manager.dock.isVisible()
    assert QApplication.focusWidget() is manager.speakers and manager.speakers.currentRow() == 0
