"""Edits as undoable commands: the one way the window changes the seminar.

:func:`push_edit` applies an edit to the document and, when the document
accepts it, puts a :class:`EditCommand` on the document's undo stack, named
for the Edit menu and the History panel ("Change stance of Rumer on Trade").
A refused edit changes nothing and is explained through the dialogs it is given.

Edits pushed with the same ``merge_key`` (typing in one text field: the same
entry and field) within :data:`MERGE_WITHIN_S` of each other become one step.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ...model.dataset import Dataset
from ...model.editing.edits import (
    Compound,
    Edit,
    EditRefused,
    Insert,
    Remove,
    Replace,
    ReplaceBrief,
    ReplaceSeminar,
)
from ...model.format.problems import DatasetError
from ...model.format.schema import Position

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..dialogs import Dialogs
    from ..document import SeminarDocument

MERGE_WITHIN_S = 2.0
"""Seconds between two edits of the same field that still count as one step of typing."""
_MERGING_ID = 1015  # any fixed number: commands that may merge share it, the others return -1


class EditCommand(QUndoCommand):
    """One step of the undo history: an edit already applied, and the edit that undoes it."""

    def __init__(
        self,
        document: SeminarDocument,
        edit: Edit,
        inverse: Edit,
        text: str,
        merge_key: Hashable | None = None,
        clock: Callable[[], float] | None = None,
    ):
        super().__init__(text)
        # Weakly: the document owns the stack that owns this command, and a reference cycle through
        # Qt-owned objects would leave Python's collector to delete them in an order Qt does not expect.
        self._document_ref = weakref.ref(document)
        self._edit = edit
        self._inverse = inverse
        self._merge_key = merge_key
        self._last_time = (clock or time.monotonic)()
        self._applied = True  # push() calls redo() at once: the edit is applied already

    @property
    def edit(self) -> Edit:
        return self._edit

    @property
    def _document(self) -> SeminarDocument:
        document = self._document_ref()
        if document is None:
            raise RuntimeError("the document this edit belongs to is gone")
        return document

    def redo(self) -> None:
        if self._applied:
            return
        self._inverse = self._document.apply(self._edit)
        self._applied = True

    def undo(self) -> None:
        self._edit = self._document.apply(self._inverse)
        self._applied = False

    def id(self) -> int:
        return _MERGING_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other._merge_key != self._merge_key or self._merge_key is None:
            return False
        if other._last_time - self._last_time > MERGE_WITHIN_S:
            return False
        self._edit = _combined(self._edit, other._edit)
        self._last_time = other._last_time
        return True  # this command's inverse still leads back to before the first keystroke


def _combined(first: Edit, second: Edit) -> Edit:
    """One edit doing ``first`` then ``second``; the second alone when it replaces what the first replaced."""
    superseding = (Replace, ReplaceSeminar, ReplaceBrief)
    same_target = type(first) is type(second) and first.entry_id == second.entry_id and first.kind == second.kind
    if isinstance(first, superseding) and same_target:
        return second
    return Compound((first, second))


def refusal_message(error: Exception) -> str:
    """What to tell the user about a refused edit, in plain words."""
    if isinstance(error, DatasetError):
        return "\n".join(str(problem) for problem in error.problems[:12])
    return str(error)


def push_edit(
    document: SeminarDocument,
    edit: Edit,
    text: str,
    merge_key: Hashable | None = None,
    *,
    dialogs: Dialogs | None = None,
    parent: QWidget | None = None,
) -> EditCommand | None:
    """Apply ``edit`` and record it as one undoable step named ``text``; None when it is refused.

    A refused edit leaves the seminar as it was; with ``dialogs`` the user is
    told why (in a message over ``parent``), else the refusal is only returned as None.
    """
    try:
        inverse = document.apply(edit)
    except (EditRefused, DatasetError) as error:
        if dialogs is not None:
            dialogs.show_error(parent, f"Could not {text[:1].lower()}{text[1:]}", refusal_message(error))
        return None
    command = EditCommand(document, edit, inverse, text, merge_key)
    document.undo_stack.push(command)
    return command


def describe(dataset: Dataset, edit: Edit) -> str:
    """A name for an edit of ``dataset`` as the Edit menu shows it ("Change stance of Rumer on Trade")."""
    if isinstance(edit, Insert):
        return f"Add {edit.kind} {_label(dataset, edit.entry)}" if not isinstance(edit.entry, Position) else f"Code {_about(dataset, edit.entry)}"
    if isinstance(edit, Remove):
        return f"Delete {edit.kind} {_label_of(dataset, edit.kind, edit.entry_id)}"
    if isinstance(edit, Replace):
        if isinstance(edit.entry, Position) and edit.entry.id in {p.id for p in dataset.model.positions}:
            old = dataset.position(edit.entry.id)
            changed = [name for name in type(old).model_fields if getattr(old, name) != getattr(edit.entry, name)]
            field_name = changed[0].replace("_", " ") if len(changed) == 1 else "position"
            return f"Change {field_name} of {_about(dataset, edit.entry)}"
        return f"Edit {edit.kind} {_label(dataset, edit.entry)}"
    if isinstance(edit, ReplaceSeminar):
        return "Edit seminar details"
    if isinstance(edit, ReplaceBrief):
        return "Edit the brief"
    return "Edit"


def _label(dataset: Dataset, entry) -> str:
    return getattr(entry, "name", None) or getattr(entry, "label", None) or entry.id


def _label_of(dataset: Dataset, kind: str, entry_id: str) -> str:
    if kind == "speaker" and dataset.has_speaker(entry_id):
        return dataset.speaker(entry_id).name
    if kind == "theme" and dataset.has_theme(entry_id):
        return dataset.theme(entry_id).label
    return entry_id


def _about(dataset: Dataset, position: Position) -> str:
    """'Rumer on Trade': the position's speaker and theme."""
    speaker = dataset.speaker(position.speaker).name if dataset.has_speaker(position.speaker) else position.speaker
    theme = dataset.theme(position.theme).label if dataset.has_theme(position.theme) else position.theme
    return f"{speaker} on {theme}"
