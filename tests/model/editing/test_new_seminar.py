"""A seminar made from an import: an empty new seminar, then one edit that fills it and one that empties it again."""

from __future__ import annotations

from desktop_app.model.editing.edits import apply_edit
from desktop_app.model.editing.new_seminar import imported_in_one_step
from desktop_app.model.format.loader import load_bytes
from tests.factories import debate_with_turns, to_bytes


def test_an_import_is_an_empty_start_and_one_edit_that_undoes_exactly():
    """The start holds only the details over a placeholder; the edit gives the imported seminar, its inverse the start again."""
    imported = load_bytes(to_bytes(debate_with_turns()), "debate.seminar.json").model
    start, filling = imported_in_one_step(imported, "Nothing imported yet.")
    assert start.model.speakers == [] and start.model.themes == [] and start.model.positions == []
    assert start.seminar.source.text == "Nothing imported yet." and start.seminar.source.turns == [] and start.seminar.chair is None
    filled, emptying = apply_edit(start, filling)
    assert filled.model == imported and filled.seminar.source.turns == imported.seminar.source.turns
    emptied, _ = apply_edit(filled, emptying)
    assert emptied.model == start.model
