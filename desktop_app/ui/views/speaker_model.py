"""The speakers as a Qt list model, in speaking order, and the proxy that filters them by a search.

Testable without a window: the roles below are the model's whole interface.
The model follows the document: a new seminar resets it, a speaker's edit
that keeps the speaking order refreshes that row alone, and any other edit
resets it.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from ...model.dataset import Dataset
from ...presentation.wording import fold, role_label, speaker_line
from ..document import SeminarDocument
from ..palette import speaker_colour

if TYPE_CHECKING:
    from ...model.editing.edits import Edit  # the edits arrive with the first one made: the list shows sooner

_USER = Qt.ItemDataRole.UserRole
SpeakerIdRole = _USER + 1
AffiliationRole = _USER + 2
RoleLabelRole = _USER + 3
ColourRole = _USER + 4
ThemeStanceRole = _USER + 5
"""Mean stance on the selected theme, or None when the speaker did not address it (or no theme)."""
PositionCountRole = _USER + 6

Index = QModelIndex | QPersistentModelIndex


def search_texts(dataset: Dataset) -> list[str]:
    """Each speaker's text for the search, in speaking order: names, posts and what they said, folded.

    Kept with the document's derived data once the first search asks for it.
    """
    texts = []
    for speaker in dataset.speakers:
        parts = [speaker.display_name, speaker.affiliation or "", speaker.job_title or ""]
        for position in dataset.positions_of(speaker.id):
            parts += [position.summary, position.excerpt]
        texts.append(fold("\n".join(parts)))
    return texts


SPEAKER_MIME = "application/x-seminar-lens-speaker"


class SpeakerListModel(QAbstractListModel):
    moveRequested = Signal(str, int)  # a speaker dragged to this place of the speaking order (the model itself never changes)

    def __init__(self, document: SeminarDocument, parent=None):
        super().__init__(parent)
        self._document = document
        self._dataset = document.dataset
        self._theme_stances: Mapping[str, float] = {}
        document.reset.connect(self._on_reset)
        document.edited.connect(self._on_edited)

    # -- following the document -----------------------------------------------
    def _on_reset(self) -> None:
        self.beginResetModel()
        self._dataset = self._document.dataset
        self._theme_stances = {}
        self.endResetModel()

    def _on_edited(self, edit: Edit) -> None:
        from ...model.editing.edits import Replace

        before, after = self._dataset, self._document.dataset
        same_rows = [s.id for s in before.speakers] == [s.id for s in after.speakers]
        if not same_rows:
            self.beginResetModel()
            self._dataset = after
            self.endResetModel()
            return
        self._dataset = after
        if isinstance(edit, Replace) and edit.kind == "speaker":
            row = self.index(after.speaker_rank(edit.entry_id))
            self.dataChanged.emit(row, row)
        elif (speakers := _speakers_of_positions(before, after, edit)) is not None:
            # Positions only: a count, a tooltip or a search text changes on their speakers' rows alone.
            for speaker_id in speakers:
                if after.has_speaker(speaker_id):
                    row = self.index(after.speaker_rank(speaker_id))
                    self.dataChanged.emit(row, row)
        elif self.rowCount():  # a theme or the seminar: counts, tooltips and search text may change on any row
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def set_theme_stances(self, stances: Mapping[str, float]) -> None:
        """Mark the speakers who addressed the selected theme, with their mean stance on it."""
        if stances == self._theme_stances:
            return
        self._theme_stances = dict(stances)
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1), [ThemeStanceRole])

    def search_text(self, row: int) -> str:
        # Worked out on the first search, not on opening: a large seminar opens without paying for it.
        return self._document.derived.get(search_texts)[row]

    def row_of(self, speaker_id: str) -> int:
        return self._dataset.speaker_rank(speaker_id)

    # -- Qt model interface ------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._dataset.speakers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._dataset.speakers):
            return None
        speaker = self._dataset.speakers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return speaker.display_name
        if role == SpeakerIdRole:
            return speaker.id
        if role == AffiliationRole:
            return speaker.affiliation or speaker.job_title or ""
        if role == RoleLabelRole:
            return role_label(speaker.role)
        if role == ColourRole:
            return speaker_colour(index.row())
        if role == ThemeStanceRole:
            return self._theme_stances.get(speaker.id)
        if role == PositionCountRole:
            return len(self._dataset.positions_of(speaker.id))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"<b>{html.escape(speaker.display_name)}</b>", html.escape(role_label(speaker.role))]
            if speaker_line(speaker):
                lines.append(html.escape(speaker_line(speaker)))
            count = len(self._dataset.positions_of(speaker.id))
            lines.append(f"{count} position{'s' if count != 1 else ''}")
            return "<br>".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{speaker.display_name}, {role_label(speaker.role)}, {speaker_line(speaker)}"
        return None


    # -- dragging a speaker to another place in the speaking order --------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SPEAKER_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = [index.row() for index in indexes if index.isValid()]
        if rows:
            data.setData(SPEAKER_MIME, self._dataset.speakers[rows[0]].id.encode("utf-8"))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        """Ask for the dragged speaker to be moved before ``row`` (or onto ``parent``'s place); the document's edit redraws the list."""
        if not data.hasFormat(SPEAKER_MIME):
            return False
        speaker_id = bytes(data.data(SPEAKER_MIME).data()).decode("utf-8")
        if not self._dataset.has_speaker(speaker_id):
            return False
        target = row if row >= 0 else parent.row() if parent.isValid() else len(self._dataset.speakers)
        current = self._dataset.speaker_rank(speaker_id)
        self.moveRequested.emit(speaker_id, target - 1 if target > current else target)
        return False  # nothing to remove afterwards: the rows follow the document


class SpeakerFilterProxy(QSortFilterProxyModel):
    """Keeps the speakers whose name, affiliation or positions contain every word of the search."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._terms: list[str] = []
        # The filter only changes through set_search (or a model reset), which redo it; a
        # dynamic filter would also redo it for every row on each dataChanged (a theme picked),
        # and with PySide6 6.11 doing so while a search is on and a row selected corrupted memory.
        self.setDynamicSortFilter(False)

    def set_search(self, text: str) -> None:
        terms = fold(text).split()
        if terms != self._terms:
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Run the search again over rows whose text may have changed."""
        if self._terms:
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._terms:
            return True
        model = self.sourceModel()
        assert isinstance(model, SpeakerListModel)
        haystack = model.search_text(source_row)
        return all(term in haystack for term in self._terms)


def _speakers_of_positions(before: Dataset, after: Dataset, edit: Edit) -> set[str] | None:
    """The speakers whose positions ``edit`` touched, before and after it; None when it touched anything but positions."""
    from ...model.editing.edits import Insert, Remove, Replace, leaves

    speakers: set[str] = set()
    for part in leaves(edit):
        if getattr(part, "kind", None) != "position" or not isinstance(part, (Insert, Replace, Remove)):
            return None
        for dataset in (before, after):
            with contextlib.suppress(KeyError):  # added by the edit, or removed by it
                speakers.add(dataset.position(part.entry_id).speaker)
    return speakers
