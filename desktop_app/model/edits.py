"""One-entry edits of a seminar: insert, replace or remove one speaker, theme or position.

A :class:`Dataset` never changes: :func:`apply_edit` makes the dataset an edit
leads to, checked by the same whole-file rules as a loaded file (unique ids,
references that resolve, excerpts found in the source), and the edit that
undoes it.  The window's document applies edits and announces them; undo
replays the inverse.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .dataset import Dataset
from .loader import from_model
from .schema import Position, Speaker, Theme

EntryKind = Literal["speaker", "theme", "position"]
Entry = Speaker | Theme | Position

_SECTION: dict[EntryKind, str] = {"speaker": "speakers", "theme": "themes", "position": "positions"}


def kind_of(entry: Entry) -> EntryKind:
    if isinstance(entry, Speaker):
        return "speaker"
    if isinstance(entry, Theme):
        return "theme"
    if isinstance(entry, Position):
        return "position"
    raise TypeError(f"not a seminar entry: {type(entry).__name__}")


@dataclass(frozen=True)
class Insert:
    """Add a new entry; at ``index`` in its section of the file, or at its end."""

    entry: Entry
    index: int | None = None

    @property
    def kind(self) -> EntryKind:
        return kind_of(self.entry)

    @property
    def entry_id(self) -> str:
        return self.entry.id


@dataclass(frozen=True)
class Replace:
    """Put ``entry`` in place of the entry with the same id."""

    entry: Entry

    @property
    def kind(self) -> EntryKind:
        return kind_of(self.entry)

    @property
    def entry_id(self) -> str:
        return self.entry.id


@dataclass(frozen=True)
class Remove:
    """Take out the entry of this kind with this id."""

    kind: EntryKind
    entry_id: str


Edit = Insert | Replace | Remove


class EditRefused(ValueError):
    """An edit that names an entry that is not there, or one that is there already."""


def apply_edit(dataset: Dataset, edit: Edit) -> tuple[Dataset, Edit]:
    """The dataset ``edit`` leads to, and the edit that leads back.

    Raises :class:`EditRefused` when the edit does not fit the dataset, and
    :class:`~.problems.DatasetError` when its result breaks a whole-file rule
    (a position left pointing at a removed speaker, an excerpt not in the source).
    """
    section = _SECTION[edit.kind]
    entries = list(getattr(dataset.model, section))
    at = next((i for i, entry in enumerate(entries) if entry.id == edit.entry_id), None)
    inverse: Edit
    if isinstance(edit, Insert):
        if at is not None:
            raise EditRefused(f"there is already a {edit.kind} with the id {edit.entry_id!r}")
        index = len(entries) if edit.index is None else max(0, min(edit.index, len(entries)))
        entries.insert(index, edit.entry)
        inverse = Remove(edit.kind, edit.entry_id)
    else:
        if at is None:
            raise EditRefused(f"there is no {edit.kind} with the id {edit.entry_id!r}")
        if isinstance(edit, Replace):
            inverse = Replace(entries[at])
            entries[at] = edit.entry
        else:
            inverse = Insert(entries.pop(at), at)
    model = dataset.model.model_copy(update={section: entries})
    return from_model(model, dataset.path, dataset.name), inverse
