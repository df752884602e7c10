"""The open seminar: one object that owns the dataset, its undo stack and its derived data, and announces every change.

:class:`SeminarDocument` is the only thing that replaces the dataset.  A new
seminar (a file opened) is announced by ``reset``; an edit of one entry by a
fine-grained signal naming the entry (``speakerAdded``, ``themeChanged``,
``positionRemoved``, ...) and then by ``edited``, once per edit, for views
that simply redraw.  Every view subscribes to these itself.  The derived data
is renewed before any signal goes out, so a view redrawing from a signal
never sees values worked out from the seminar before.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from ..model.dataset import Dataset
from ..model.format.schema import Kind, SeminarFile
from .derived import DerivedData

if TYPE_CHECKING:
    # Imported with the first edit: a seminar opened only to be read never needs them, and the window shows sooner.
    from ..model.editing.edits import Edit


class SeminarDocument(QObject):
    reset = Signal()  # a different seminar is open: views start afresh

    speakerAdded = Signal(str)  # the entry's id, for each of the nine
    speakerChanged = Signal(str)
    speakerRemoved = Signal(str)
    themeAdded = Signal(str)
    themeChanged = Signal(str)
    themeRemoved = Signal(str)
    positionAdded = Signal(str)
    positionChanged = Signal(str)
    positionRemoved = Signal(str)

    seminarChanged = Signal(str)  # "seminar" (the details), "source" (the text) or "brief"

    edited = Signal(object)  # the Edit just applied (single or compound), after its fine-grained signals
    countedKindsChanged = Signal()  # the analysis now counts other kinds: every figure is to be redrawn

    def __init__(self, dataset: Dataset, parent: QObject | None = None):
        super().__init__(parent)
        self._dataset = dataset
        self._counted_kinds = COUNTED_KINDS_DEFAULT
        self._without_chair = False
        self._derived = DerivedData(dataset, self._counted_kinds)
        self.undo_stack = QUndoStack(self)
        """Where editing commands go (the editing issue fills it); cleared when another seminar opens."""

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def derived(self) -> DerivedData:
        """What the views work out from the current dataset; renewed with it."""
        return self._derived

    @property
    def counted_kinds(self) -> frozenset[Kind]:
        """The kinds of position the analysis counts (default: assessment, prediction, prescription)."""
        return self._counted_kinds

    def set_counted_kinds(self, kinds: Iterable[Kind]) -> None:
        """Count other kinds of position; announces ``countedKindsChanged`` when that changes anything."""
        kinds = frozenset(kinds)
        if kinds == self._counted_kinds:
            return
        self._counted_kinds = kinds
        self._derived = self._derive(self._dataset)
        self.countedKindsChanged.emit()

    @property
    def without_chair(self) -> bool:
        """Whether the chair's positions are left out of the analysis (View \u25b8 Counted Kinds \u25b8 Leave Out the Chair)."""
        return self._without_chair

    def set_without_chair(self, without: bool) -> None:
        """Leave the chair's positions out, or count them again; announces ``countedKindsChanged`` when that changes."""
        if without == self._without_chair:
            return
        self._without_chair = without
        self._derived = self._derive(self._dataset)
        self.countedKindsChanged.emit()

    def _derive(self, dataset: Dataset) -> DerivedData:
        return DerivedData(dataset, self._counted_kinds, earlier=self._derived, without_chair=self._without_chair)

    def replace_dataset(self, dataset: Dataset, derived: DerivedData | None = None) -> None:
        """Open another seminar: forget the undo history and announce ``reset``.

        ``derived`` may bring values a background load worked out already for this very dataset.
        """
        self._dataset = dataset
        reusable = (
            derived is not None
            and derived.dataset is dataset
            and derived.counted_kinds == self._counted_kinds
            and derived.without_chair == self._without_chair
        )
        self._derived = (
            derived
            if derived is not None and reusable
            else DerivedData(dataset, self._counted_kinds, without_chair=self._without_chair)
        )
        self.undo_stack.clear()
        self.reset.emit()

    def note_saved(self, path: Path, model: SeminarFile) -> None:
        """The seminar now lives in the file at ``path``, written from ``model`` (the same seminar, perhaps in a newer format).

        Nothing a view shows changes, so nothing is announced; the undo history stays.
        """
        old = self._dataset
        saved = Dataset(model, old.spans, path)
        saved.inherit_everything(old)  # same entries, same text: everything worked out still holds
        if "excerpt_finder" in old.__dict__:
            saved.__dict__["excerpt_finder"] = old.__dict__["excerpt_finder"]
        self._dataset = saved
        self._derived.dataset = saved

    def apply(self, edit: Edit) -> Edit:
        """Apply one edit, announce it, and return the edit that undoes it.

        A refused edit (:class:`~desktop_app.model.editing.edits.EditRefused`, or a
        :class:`~desktop_app.model.format.problems.DatasetError` when the result would
        break a rule of the file) leaves the document as it was and announces nothing.
        """
        from ..model.editing.edits import apply_edit, leaves

        dataset, inverse = apply_edit(self._dataset, edit)
        self._dataset = dataset
        self._derived = self._derive(dataset)
        for part in leaves(edit):
            self._announce(part)
        self.edited.emit(edit)
        return inverse

    def _announce(self, edit: Edit) -> None:
        from ..model.editing.edits import Insert, Remove, Replace, SetOrders

        if isinstance(edit, SetOrders):
            changed = self.speakerChanged if edit.kind == "speaker" else self.themeChanged
            for entry_id, _order in edit.orders:
                changed.emit(entry_id)
            return
        if not isinstance(edit, (Insert, Replace, Remove)):
            self.seminarChanged.emit(edit.entry_id)
            return
        added, changed, removed = {
            "speaker": (self.speakerAdded, self.speakerChanged, self.speakerRemoved),
            "theme": (self.themeAdded, self.themeChanged, self.themeRemoved),
            "position": (self.positionAdded, self.positionChanged, self.positionRemoved),
        }[edit.kind]
        signal = added if isinstance(edit, Insert) else changed if isinstance(edit, Replace) else removed
        signal.emit(edit.entry_id)
