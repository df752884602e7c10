"""The editing commands built from what they are handed, with no main window: questions go to the dialogs, news to the status line."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_app.model.format.loader import load_bytes
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.editing.edit_actions import EditActions
from tests.factories import debate, to_bytes
from tests.fakes import FakeDialogs


def test_edit_actions_work_on_a_bare_window_with_the_dialogs_and_status_line_they_are_given(qtbot):
    """A plain QMainWindow, two menus, a document, fake dialogs and a list for the status line are all it takes."""
    host = QMainWindow()
    qtbot.addWidget(host)
    edit_menu, view_menu = QMenu("&Edit", host), QMenu("&View", host)
    document = SeminarDocument(load_bytes(to_bytes(debate()), "debate.seminar.json"))
    dialogs, said = FakeDialogs(), []
    editing = EditActions(host, document, dialogs, lambda message, ms: said.append((message, ms)), edit_menu=edit_menu, view_menu=view_menu)
    assert edit_menu.actions()[:2] == [editing.undo_action, editing.redo_action]
    assert editing.history_action in view_menu.actions()

    text = document.dataset.seminar.source.text.replace("the inspectorate is underfunded", "money is short")
    assert editing.replace_source(text) is not None
    assert said == [("Source text replaced: 2 of 3 excerpts found again; 1 no longer found, listed to fix.", 15_000)]
    assert editing.lost_list.count() == 1

    assert editing.merge_themes("costs", "costs") is None
    assert dialogs.named("show_error") == [("Could not merge the themes", "a theme cannot be merged into itself", None)]
    assert document.undo_stack.count() == 1
