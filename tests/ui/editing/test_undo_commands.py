"""Edits as undoable steps: named for the Edit menu, merged while typing, refused with a message."""

from __future__ import annotations

import pytest

from desktop_app.model.editing.edits import Remove, Replace
from desktop_app.model.format.loader import dumps, load_bytes
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.editing import undo_commands
from desktop_app.ui.editing.undo_commands import describe, push_edit
from tests.factories import debate, to_bytes
from tests.fakes import FakeDialogs


@pytest.fixture
def document(qtbot):
    return SeminarDocument(load_bytes(to_bytes(debate()), "debate.seminar.json"))


def test_an_edit_pushed_is_undone_and_redone_exactly(document):
    """Changing a stance, then undo and redo, gives back the same file each way."""
    original = dumps(document.dataset.model)
    position = document.dataset.position("roe-costs")
    edit = Replace(position.model_copy(update={"stance": 1}))
    text = describe(document.dataset, edit)
    assert text == "Change stance of Ben Roe on Costs to business"
    assert push_edit(document, edit, text) is not None
    edited = dumps(document.dataset.model)
    assert document.undo_stack.undoText() == text
    document.undo_stack.undo()
    assert dumps(document.dataset.model) == original
    document.undo_stack.redo()
    assert dumps(document.dataset.model) == edited


def test_typing_in_one_field_is_merged_into_one_step(document, monkeypatch):
    """Three quick changes to one summary make one step, and one undo restores the summary from before."""
    now = [100.0]
    monkeypatch.setattr(undo_commands.time, "monotonic", lambda: now[0])
    position = document.dataset.position("obi-emissions")
    for summary in ("E", "Ex", "Expects"):
        push_edit(document, Replace(position.model_copy(update={"summary": summary})), "Edit summary", ("obi-emissions", "summary"))
        now[0] += 0.5
    assert document.undo_stack.count() == 1
    now[0] += 10
    push_edit(document, Replace(position.model_copy(update={"summary": "Later"})), "Edit summary", ("obi-emissions", "summary"))
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.dataset.position("obi-emissions").summary == position.summary


def test_a_refused_edit_changes_nothing_and_says_why(document):
    """Deleting a theme still in use is refused with the place of the problem, and the history stays empty."""
    dialogs = FakeDialogs()
    assert push_edit(document, Remove("theme", "costs"), "Delete theme Costs", dialogs=dialogs) is None
    assert document.undo_stack.count() == 0 and document.dataset.has_theme("costs")
    [(title, message, _details)] = dialogs.named("show_error")
    assert title == "Could not delete theme Costs"
    assert "unknown theme 'costs'" in message
