"""The Speakers and Themes panel: add, edit, delete, reorder (drag and drop, or Move Up / Down) and merge.

A dock beside the window (View ▸ Speakers and Themes) with a list of
speakers in speaking order and a list of themes in report order.  Dragging
an entry to another place, or Ctrl+Up / Ctrl+Down, is one undoable
reorder; deleting a speaker or theme takes its positions with it in the same
step, whose name says how many; merging a theme moves its positions to the
kept one.  The lists are drawn again from the document after every edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...model.editing.edits import Insert, Replace, move_entry, next_order, unique_id
from ...model.format.schema import Role, Speaker, Theme
from ...presentation.wording import stance_words
from .undo_commands import EditCommand, push_edit

if TYPE_CHECKING:
    from ...model.editing.edits import Edit
    from ..dialogs import Dialogs, StatusLine
    from ..document import SeminarDocument
    from .edit_actions import EditActions

EntryKind = Literal["speaker", "theme"]


class _OrderList(QListWidget):
    """A list whose entries are dragged into a new order; the move is reported, the list redrawn from the document."""

    def __init__(self, kind: EntryKind, manager: EntryManager):
        super().__init__()
        self.kind = kind
        self._manager = manager
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model().rowsMoved.connect(self._on_rows_moved)
        self.itemActivated.connect(lambda _item: manager.edit_entry(self.kind))

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_rows_moved(self, _parent: QModelIndex, start: int, _end: int, _destination: QModelIndex, row: int) -> None:
        if self._manager.refilling:
            return
        moved = self.item(row if row < start else row - 1)
        if moved is not None:
            # After the drop has finished with its items: the edit redraws the list.
            entry_id, index = moved.data(Qt.ItemDataRole.UserRole), row if row < start else row - 1
            QTimer.singleShot(0, self, lambda: self._manager.move(self.kind, entry_id, index))

    def keyPressEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._manager.step(self.kind, -1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() == Qt.Key.Key_Delete:
            self._manager.delete_entry(self.kind)
            return
        super().keyPressEvent(event)


class EntryManager(QObject):
    """The dock listing speakers and themes (on ``window``), and the commands that change them.

    Deleting and merging, which take positions with them, go through ``editing``.
    """

    def __init__(
        self,
        window: QMainWindow,
        document: SeminarDocument,
        dialogs: Dialogs,
        status: StatusLine,
        editing: EditActions,
    ):
        super().__init__(window)
        self.host = window
        self.document = document
        self.dialogs = dialogs
        self.status = status
        self.editing = editing
        self.refilling = False
        self.speakers = _OrderList("speaker", self)
        self.themes = _OrderList("theme", self)
        self.tabs = QTabWidget()
        for kind, listing, title in (("speaker", self.speakers, "Speakers"), ("theme", self.themes, "Themes")):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(2, 2, 2, 2)
            layout.addWidget(listing)
            grid = QGridLayout()
            buttons: list[tuple[str, Callable[..., object]]] = [
                ("Add\u2026", lambda _=False, k=kind: self.add_entry(k)),
                ("Edit\u2026", lambda _=False, k=kind: self.edit_entry(k)),
                ("Delete", lambda _=False, k=kind: self.delete_entry(k)),
                ("Move Up", lambda _=False, k=kind: self.step(k, -1)),
                ("Move Down", lambda _=False, k=kind: self.step(k, 1)),
            ]
            if kind == "theme":
                buttons.append(("Merge Into\u2026", lambda _=False: self.merge_current()))
            for number, (label, slot) in enumerate(buttons):
                button = QPushButton(label)
                button.clicked.connect(slot)
                grid.addWidget(button, number // 3, number % 3)
            layout.addLayout(grid)
            self.tabs.addTab(page, title)
        self.dock = QDockWidget("Speakers and Themes", window)
        self.dock.setObjectName("entriesDock")
        self.dock.setWidget(self.tabs)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        window.restoreDockWidget(self.dock)
        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText("Speakers and &Themes")
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.add_speaker_action = QAction("Add &Speaker\u2026", window)
        self.add_speaker_action.triggered.connect(lambda _=False: self.add_entry("speaker"))
        self.add_theme_action = QAction("Add T&heme\u2026", window)
        self.add_theme_action.triggered.connect(lambda _=False: self.add_entry("theme"))
        self._stale = True
        self.document.edited.connect(self._on_changed)
        self.document.reset.connect(self._on_changed)
        self.dock.visibilityChanged.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self, *_why) -> None:
        """Draw the lists again now if the panel shows, else when it is next shown (a hidden panel costs an edit nothing)."""
        self._stale = True
        if self.dock.isVisible():
            self.refill()

    def show(self) -> None:
        """Show the panel, its lists up to date."""
        self.dock.show()
        self.dock.raise_()
        if self._stale:
            self.refill()

    def _list(self, kind: EntryKind) -> _OrderList:
        return self.speakers if kind == "speaker" else self.themes

    def refill(self) -> None:
        self._stale = False
        dataset = self.document.dataset
        self.refilling = True
        try:
            for listing, entries in ((self.speakers, dataset.speakers), (self.themes, dataset.themes)):
                current = listing.current_id()
                listing.clear()
                for entry in entries:
                    count = len(dataset.positions_of(entry.id)) if listing is self.speakers else len(dataset.positions_on(entry.id))
                    name = entry.name if isinstance(entry, Speaker) else entry.label
                    item = QListWidgetItem(f"{name}  ({count})")
                    item.setData(Qt.ItemDataRole.UserRole, entry.id)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
                    listing.addItem(item)
                    if entry.id == current:
                        listing.setCurrentItem(item)
        finally:
            self.refilling = False

    def _push(self, edit: Edit, text: str) -> EditCommand | None:
        return push_edit(self.document, edit, text, dialogs=self.dialogs, parent=self.host)

    # -- the commands --------------------------------------------------------------------
    def add_entry(self, kind: EntryKind) -> EditCommand | None:
        dataset = self.document.dataset
        dialogs = self.dialogs
        if kind == "speaker":
            blank = Speaker(id="new", name="New speaker", role=Role.PANELLIST, order=next_order(dataset.speakers))
            entry = dialogs.speaker_details(self.host, blank, True)
        else:
            blank_theme = Theme(id="new", label="New theme", order=next_order(dataset.themes))
            entry = dialogs.theme_details(self.host, blank_theme, self._stance_names(), True)
        if entry is None:
            return None
        label = entry.name if isinstance(entry, Speaker) else entry.label
        entry = entry.model_copy(update={"id": unique_id(dataset, kind, label)})
        return self._push(Insert(entry), f"Add {kind} {label}")

    def edit_entry(self, kind: EntryKind, entry_id: str | None = None) -> EditCommand | None:
        entry_id = entry_id or self._list(kind).current_id()
        if entry_id is None:
            return None
        dataset = self.document.dataset
        old: Speaker | Theme
        if kind == "speaker":
            old = dataset.speaker(entry_id)
            entry = self.dialogs.speaker_details(self.host, old, False)
        else:
            old = dataset.theme(entry_id)
            entry = self.dialogs.theme_details(self.host, old, self._stance_names(), False)
        if entry is None or entry == old:
            return None
        entry = entry.model_copy(update={"id": old.id, "order": old.order})
        label = entry.name if isinstance(entry, Speaker) else entry.label
        return self._push(Replace(entry), f"Edit {kind} {label}")

    def delete_entry(self, kind: EntryKind, entry_id: str | None = None) -> EditCommand | None:
        """Delete a speaker or theme with its positions, in one step; the status line says how many went."""
        entry_id = entry_id or self._list(kind).current_id()
        if entry_id is None:
            return None
        command = self.editing.delete_with_positions(kind, entry_id)
        if command is not None:
            self.status(f"{command.text()}. Undo brings them back.", 8000)
        return command

    def move(self, kind: EntryKind, entry_id: str, index: int) -> EditCommand | None:
        """Move a speaker or theme to place ``index`` of its order (one undoable step)."""
        dataset = self.document.dataset
        edit = move_entry(dataset, kind, entry_id, index)
        if not edit.orders:
            self.refill()
            return None
        label = dataset.speaker(entry_id).name if kind == "speaker" else dataset.theme(entry_id).label
        command = self._push(edit, f"Move {kind} {label}")
        if command is None:
            self.refill()
        return command

    def step(self, kind: EntryKind, by: int) -> EditCommand | None:
        listing = self._list(kind)
        entry_id = listing.current_id()
        if entry_id is None:
            return None
        ids = [entry.id for entry in (self.document.dataset.speakers if kind == "speaker" else self.document.dataset.themes)]
        target = ids.index(entry_id) + by
        if not 0 <= target < len(ids):
            return None
        command = self.move(kind, entry_id, target)
        listing.setCurrentRow(target)
        return command

    def merge_current(self, absorbed: str | None = None) -> EditCommand | None:
        """Merge the chosen theme into another the user picks (its positions move there)."""
        absorbed = absorbed or self.themes.current_id()
        if absorbed is None:
            return None
        dataset = self.document.dataset
        choices = [(theme.id, theme.label) for theme in dataset.themes if theme.id != absorbed]
        if not choices:
            return None
        keep = self.dialogs.merge_target(self.host, dataset.theme(absorbed).label, choices)
        if keep is None:
            return None
        return self.editing.merge_themes(keep, absorbed)

    def _stance_names(self) -> dict[int, str]:
        scale = self.document.dataset.seminar.scale
        return {step: stance_words(step, scale) for step in (-2, -1, 0, 1, 2)}
