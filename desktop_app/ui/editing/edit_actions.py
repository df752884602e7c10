"""The window's editing commands: Undo / Redo, the History panel, seminar details, the source text and lost excerpts.

:class:`EditActions` is made by the window shell once the window shows a
seminar, given the document, the dialogs, the status line and the menus it
fills: it adds Undo and Redo (named for the action they undo, with Ctrl+Z,
Ctrl+Shift+Z and Ctrl+Y) and the seminar-wide edits to the Edit menu, a
History panel (View ▸ History; clicking an entry goes back to it) and a
panel listing excerpts no longer found in the source text, docked on the
window it is given.  Every change goes through :func:`~.undo_commands.push_edit`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...model.editing.edits import (
    EditRefused,
    Remove,
    ReplaceSeminar,
    merge_themes,
    remove_with_positions,
    replacement_edit,
)
from ...model.editing.excerpt_changes import excerpt_changes
from ...model.editing.reanchor import reanchor
from ...model.editing.speaker_edits import merge_speakers
from .history_view import history_view
from .undo_commands import EditCommand, push_edit

if TYPE_CHECKING:
    from ...model.editing.edits import Edit
    from ..dialogs import Dialogs, StatusLine
    from ..document import SeminarDocument


class EditActions(QObject):
    """Undo, Redo, History and the seminar-wide edits of one window (``window`` holds the panels and asks the questions)."""

    def __init__(
        self,
        window: QMainWindow,
        document: SeminarDocument,
        dialogs: Dialogs,
        status: StatusLine,
        *,
        edit_menu: QMenu,
        view_menu: QMenu,
    ):
        super().__init__(window)
        self.host = window
        self.document = document
        self.dialogs = dialogs
        self.status = status
        stack = self.document.undo_stack

        self.undo_action = stack.createUndoAction(window, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(window, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.details_action = QAction("Seminar &Details\u2026", window)
        self.details_action.setStatusTip("Edit the seminar's title, question, scale words, date and source citation")
        self.details_action.triggered.connect(lambda _=False: self.edit_details())
        self.source_action = QAction("Replace Source &Text\u2026", window)
        self.source_action.setStatusTip("Paste or open a new version of the source text; every excerpt is found again")
        self.source_action.triggered.connect(lambda _=False: self.replace_source())

        menu = edit_menu
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.undo_action, self.redo_action):
            menu.insertAction(first, action)  # type: ignore[arg-type]  # before None: at the end
        menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.addSeparator()
        menu.addAction(self.details_action)
        menu.addAction(self.source_action)

        self.history = history_view(stack)
        self.history_dock = QDockWidget("History", window)
        self.history_dock.setObjectName("historyDock")
        self.history_dock.setWidget(self.history)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.history_action = self.history_dock.toggleViewAction()
        self.history_action.setText("&History")
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        view_menu.addSeparator()
        view_menu.addAction(self.history_action)

        self.lost_list = QListWidget()
        self.lost_list.setObjectName("lostExcerpts")
        self.lost_list.setWordWrap(True)
        self.delete_lost_button = QPushButton("Delete Position")
        self.delete_lost_button.clicked.connect(self.delete_selected_lost)
        lost_panel = QWidget()
        layout = QVBoxLayout(lost_panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.lost_list)
        layout.addWidget(self.delete_lost_button)
        self.lost_dock = QDockWidget("Excerpts No Longer Found", window)
        self.lost_dock.setObjectName("lostExcerptsDock")
        self.lost_dock.setWidget(lost_panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lost_dock)
        self.lost_dock.hide()
        for dock in (self.history_dock, self.lost_dock):
            window.restoreDockWidget(dock)  # shown again if it was open when the window last closed
        self.document.edited.connect(self._refresh_lost)
        self.document.reset.connect(self._refresh_lost)
        self._refresh_lost()

    def _push(self, edit: Edit, text: str) -> EditCommand | None:
        return push_edit(self.document, edit, text, dialogs=self.dialogs, parent=self.host)

    # -- the seminar as a whole --------------------------------------------------------
    def edit_details(self) -> EditCommand | None:
        """Ask for the seminar's details and apply them as one undoable step."""
        seminar = self.document.dataset.seminar
        edited = self.dialogs.seminar_details(self.host, seminar)
        if edited is None or edited == seminar:
            return None
        edited = edited.model_copy(update={"source": edited.source.model_copy(update={"text": seminar.source.text, "turns": seminar.source.turns})})
        return self._push(ReplaceSeminar(edited), "Edit seminar details")

    def replace_source(self, text: str | None = None) -> EditCommand | None:
        """Replace the source text (asking for it unless given), every excerpt and turn re-anchored, as one undoable step.

        Every excerpt the new text rewrote or lost is listed by name first: the
        user takes each rewritten one's new words or leaves it unanchored, or
        cancels the replacement.
        """
        dataset = self.document.dataset
        if text is None:
            text = self.dialogs.source_text(self.host, dataset.seminar.source.text)
        if text is None or text == dataset.seminar.source.text:
            return None
        source = dataset.seminar.source
        outcome = reanchor(source.text, text, dataset.model.positions, dataset.spans, source.turns)
        changes = excerpt_changes(dataset, outcome)
        keep: set[str] | None = None
        if changes:
            keep = self.dialogs.confirm_excerpt_changes(self.host, changes)
            if keep is None:
                return None
        command = self._push(replacement_edit(dataset, text, outcome, keep), "Replace source text")
        if command is None:
            return None
        unanchored = len(self.document.dataset.unanchored)
        total = len(dataset.model.positions)
        message = f"Source text replaced: {total - unanchored} of {total} excerpts found again"
        if unanchored:  # not found, or their new words not taken
            message += f"; {unanchored} no longer found, listed to fix"
            self.show_lost_excerpts()
        self.status(message + ".", 15_000)
        return command

    # -- deleting and merging (entries with their positions) ----------------------------------
    def delete_with_positions(self, kind: Literal["speaker", "theme"], entry_id: str) -> EditCommand | None:
        """Delete a speaker or theme and its positions in one step whose name says how many."""
        dataset = self.document.dataset
        try:
            edit, count = remove_with_positions(dataset, kind, entry_id)
        except EditRefused as error:
            self.dialogs.show_error(self.host, f"Could not delete the {kind}", str(error))
            return None
        name = dataset.speaker(entry_id).name if kind == "speaker" else dataset.theme(entry_id).label
        noun = "position" if count == 1 else "positions"
        return self._push(edit, f"Delete {kind} {name} and {count} {noun}")

    def merge_themes(self, keep: str, absorbed: str) -> EditCommand | None:
        """Merge theme ``absorbed`` into ``keep`` (its positions move) in one undoable step."""
        dataset = self.document.dataset
        try:
            edit, moved = merge_themes(dataset, keep, absorbed)
        except EditRefused as error:
            self.dialogs.show_error(self.host, "Could not merge the themes", str(error))
            return None
        text = f"Merge theme {dataset.theme(absorbed).label} into {dataset.theme(keep).label} ({moved} moved)"
        return self._push(edit, text)

    def merge_speakers(self, keep: str, absorbed: str) -> EditCommand | None:
        """Merge speaker ``absorbed`` into ``keep`` (their positions, turns and chair move) in one undoable step."""
        dataset = self.document.dataset
        try:
            edit, moved = merge_speakers(dataset, keep, absorbed)
        except EditRefused as error:
            self.dialogs.show_error(self.host, "Could not merge the speakers", str(error))
            return None
        text = f"Merge speaker {dataset.speaker(absorbed).name} into {dataset.speaker(keep).name} ({moved} moved)"
        return self._push(edit, text)

    # -- excerpts no longer found ------------------------------------------------------------
    def show_lost_excerpts(self) -> None:
        self._refresh_lost()
        self.lost_dock.show()
        self.lost_dock.raise_()

    def _refresh_lost(self, *_why) -> None:
        dataset = self.document.dataset
        self.lost_list.clear()
        for position_id in dataset.unanchored:
            position = dataset.position(position_id)
            speaker = dataset.speaker(position.speaker).name
            theme = dataset.theme(position.theme).label
            excerpt = position.excerpt if len(position.excerpt) <= 90 else position.excerpt[:89] + "\u2026"
            item = QListWidgetItem(f"{speaker} on {theme}: \u201c{excerpt}\u201d \u2014 excerpt no longer found")
            item.setData(Qt.ItemDataRole.UserRole, position_id)
            self.lost_list.addItem(item)
        self.delete_lost_button.setEnabled(bool(dataset.unanchored))
        if not dataset.unanchored:
            self.lost_dock.hide()

    def delete_selected_lost(self) -> EditCommand | None:
        """Delete the position picked in the list of lost excerpts (undoable)."""
        item = self.lost_list.currentItem() or self.lost_list.item(0)
        if item is None:
            return None
        position_id = item.data(Qt.ItemDataRole.UserRole)
        return self._push(Remove("position", position_id), "Delete position with a lost excerpt")
