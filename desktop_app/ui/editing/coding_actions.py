"""Coding in the window: "Code Selection" from the Source tab, and editing, splitting and deleting positions.

:class:`Coding`, made by the window shell once the window shows a seminar,
adds the commands to the Edit menu, the toolbar and the Source text's context
menu it is given, puts the :class:`~.coding_editor.CodingEditor` over the
window, follows the detail panel's Edit / Split / Delete links, and adds the
Speakers and Themes manager (:mod:`.entry_manager`).  Every change is one
undoable step through :func:`~.undo_commands.push_edit`.

The excerpt of a coded position is exactly the selected characters of the
source (white space at the selection's ends left out), never retyped, with
their place in the text.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QMenu, QStyle, QToolBar

from ...model.editing.coding import (
    new_position_id,
    passage,
    remove_position,
    suggested_speaker,
    turn_index_at,
    turn_words,
)
from ...model.editing.edits import EditRefused, Insert, Replace, split_position
from ...model.editing.speaker_edits import give_turn
from ...model.format.excerpts import Span
from ...model.format.schema import Position
from ...presentation.next_step import missing_for_coding
from ...presentation.turns import clock
from ..icons import themed_icon
from ..views.source_view import QtOffsets
from .coding_editor import CodingEditor
from .entry_manager import EntryManager
from .undo_commands import EditCommand, describe, push_edit

if TYPE_CHECKING:
    from ...model.editing.edits import Edit
    from ..dialogs import Dialogs, StatusLine
    from ..document import SeminarDocument
    from ..views.detail_panel import DetailPanel
    from ..views.source_view import SourceView
    from ..views.speaker_list import SpeakerListView
    from .edit_actions import EditActions


class WindowTabs(Protocol):
    """The window's tabs, as coding sees them: which one shows, and showing one."""

    def current_tab(self) -> str: ...

    def show_tab(self, key: str) -> None: ...


class _PythonOffsets:
    """Turns a place in the Qt document showing the source back into an offset in the source string."""

    def __init__(self, text: str):
        self._offsets = QtOffsets(text)
        self._length = len(text)

    def to_python(self, qt_position: int) -> int:
        if not self._offsets.shifts:
            return qt_position
        to_qt = self._offsets.to_qt
        return bisect.bisect_left(range(self._length + 1), qt_position, key=to_qt)


class Coding(QObject):
    """The coding editor (floating over ``window``) and the commands that code, edit, split and delete positions."""

    def __init__(
        self,
        window: QMainWindow,
        document: SeminarDocument,
        dialogs: Dialogs,
        status: StatusLine,
        *,
        editing: EditActions,
        source: SourceView,
        detail: DetailPanel,
        speaker_list: SpeakerListView,
        tabs: WindowTabs,
        edit_menu: QMenu,
        view_menu: QMenu,
        toolbar: QToolBar,
        source_tab_action: QAction,
    ):
        super().__init__(window)
        self.host = window
        self.document = document
        self.dialogs = dialogs
        self.status = status
        self.source = source
        self.tabs = tabs
        self.editor = CodingEditor(window)
        self.editor.accepted.connect(self.commit)
        self.editor.laterWanted.connect(lambda: self.commit(later=True))
        self.editor.cancelled.connect(self._editor_closed)
        self.editor.excerptWanted.connect(self.use_selection_as_excerpt)
        self.editor.themeWanted.connect(self.new_theme_in_editor)
        self._offsets: tuple[str, _PythonOffsets] | None = None

        self.code_action = QAction("&Code Selection\u2026", window)
        self.code_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Return")])
        self.code_action.setStatusTip("Code the passage selected in the Source tab as a position (Ctrl+K)")
        self.code_action.setToolTip("Code the selected passage as a position (Ctrl+K)")
        self.code_action.setIcon(themed_icon("document-edit", QStyle.StandardPixmap.SP_FileDialogDetailedView, window))
        self.code_action.setIconText("Code")
        self.code_action.triggered.connect(lambda _=False: self.code_selection())
        self.turn_action = QAction("Code Th&is Turn\u2026", window)
        self.turn_action.setShortcut(QKeySequence("Ctrl+T"))
        self.turn_action.setStatusTip("Code the words of the transcript turn under the caret in the Source tab (Ctrl+T)")
        self.turn_action.triggered.connect(lambda _=False: self.code_turn())
        self.give_turn_action = QAction("&Give This Turn To\u2026", window)
        self.give_turn_action.setStatusTip("Give the transcript turn under the caret in the Source tab to another speaker, with its positions")
        self.give_turn_action.triggered.connect(lambda _=False: self.give_turn())
        self.reselect_action = QAction("Use Selection as &Excerpt", window)
        self.reselect_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.reselect_action.setStatusTip("Make the passage selected in the Source tab the excerpt of the position being edited")
        self.reselect_action.triggered.connect(lambda _=False: self.use_selection_as_excerpt())
        for action in (self.code_action, self.turn_action, self.reselect_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        self.manager = EntryManager(window, document, dialogs, status, editing)
        menu = edit_menu
        menu.addSeparator()
        menu.addAction(self.code_action)
        menu.addAction(self.turn_action)
        menu.addAction(self.give_turn_action)
        menu.addAction(self.reselect_action)
        menu.addAction(self.manager.add_speaker_action)
        menu.addAction(self.manager.add_theme_action)
        view_menu.addAction(self.manager.toggle_action)
        toolbar.addSeparator()
        toolbar.addAction(self.code_action)

        text = source.text
        text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        text.customContextMenuRequested.connect(self._source_menu)
        detail.body.anchorClicked.connect(self._on_detail_link)
        speakers = speaker_list.list
        speakers.setDragEnabled(True)
        speakers.setAcceptDrops(True)
        speakers.setDropIndicatorShown(True)
        speakers.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        speakers.setDefaultDropAction(Qt.DropAction.MoveAction)
        speaker_list.model.moveRequested.connect(
            lambda speaker_id, index: QTimer.singleShot(0, self, lambda: self.manager.move("speaker", speaker_id, index))
        )
        # Ctrl+3 puts the caret in the text, so a passage can be selected with Shift and the arrows.
        source_tab_action.triggered.connect(lambda _=False: text.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.document.reset.connect(self.editor.hide)

    def _push(self, edit: Edit, text: str) -> EditCommand | None:
        return push_edit(self.document, edit, text, dialogs=self.dialogs, parent=self.host)

    # -- the selection in the Source tab -------------------------------------------------
    def selected_passage(self) -> tuple[str, Span] | None:
        """The passage selected in the Source tab (as it is in the source) and its place, or None."""
        cursor = self.source.text.textCursor()
        if not cursor.hasSelection():
            return None
        text = self.document.dataset.seminar.source.text
        offsets = self._python_offsets()
        span = passage(text, offsets.to_python(cursor.selectionStart()), offsets.to_python(cursor.selectionEnd()))
        return (text[span.start : span.end], span) if span is not None else None

    def _python_offsets(self) -> _PythonOffsets:
        text = self.document.dataset.seminar.source.text
        if self._offsets is None or self._offsets[0] is not text:
            self._offsets = (text, _PythonOffsets(text))
        return self._offsets[1]

    def _source_menu(self, point: QPoint) -> None:
        text = self.source.text
        menu = text.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addAction(self.code_action)
        menu.addAction(self.turn_action)
        menu.addAction(self.give_turn_action)
        if self.editor.editing is not None:
            menu.addAction(self.reselect_action)
        menu.popup(text.viewport().mapToGlobal(point))

    # -- coding ----------------------------------------------------------------------------
    def code_selection(self) -> bool:
        """Open the coding editor on the selected passage; False (with a word why) when there is none to code."""
        dataset = self.document.dataset
        chosen = self.selected_passage()
        if chosen is None:
            self.status("Select a passage in the Source tab first (Shift+arrows or the mouse), then Code Selection.", 8000)
            self.tabs.show_tab("source")
            return False
        excerpt, span = chosen
        return self._start_coding(excerpt, span, suggested_speaker(dataset, span.start), "Code selection")

    def code_turn(self) -> bool:
        """Select the words of the transcript turn under the Source tab's caret (its label left out) and open the editor on them."""
        dataset = self.document.dataset
        text = self.source.text
        if not dataset.seminar.source.turns:
            self.status("This source has no transcript turns: select a passage and press Ctrl+K.", 8000)
            return False
        cursor = text.textCursor()
        at = self._python_offsets().to_python(cursor.selectionStart() if cursor.hasSelection() else cursor.position())
        found = turn_words(dataset, at)
        if found is None:
            self.status("Put the caret in a speaker's turn in the Source tab first (Ctrl+3), then Code This Turn.", 8000)
            self.tabs.show_tab("source")
            return False
        span, speaker = found
        self.tabs.show_tab("source")
        self.source.select_range(span.start, span.end)
        return self._start_coding(dataset.seminar.source.text[span.start : span.end], span, speaker, "Code this turn")

    def _turn_under_caret(self) -> int | None:
        """The index of the transcript turn holding the Source tab's caret (or ending at it), or None between turns."""
        cursor = self.source.text.textCursor()
        at = self._python_offsets().to_python(cursor.selectionStart() if cursor.hasSelection() else cursor.position())
        return turn_index_at(self.document.dataset, at)

    def give_turn(self) -> EditCommand | None:
        """Give the turn under the caret to a speaker the user picks; its old speaker's positions in it go too (one undoable step)."""
        dataset = self.document.dataset
        index = self._turn_under_caret()
        if index is None:
            self.status("Put the caret in a speaker's turn in the Source tab first (Ctrl+3), then Give This Turn To.", 8000)
            return None
        turn = dataset.seminar.source.turns[index]
        choices = [(speaker.id, speaker.name) for speaker in dataset.speakers if speaker.id != turn.speaker]
        if not choices:
            return None
        old = dataset.speaker(turn.speaker).name
        when = "" if turn.start_time is None else f" at {clock(turn.start_time)}"
        chosen = self.dialogs.choose_speaker(self.host, "Give turn", f"Give {old}'s turn{when} to:", choices)
        if chosen is None:
            return None
        try:
            edit, moved = give_turn(dataset, index, chosen)
        except EditRefused as error:
            self.dialogs.show_error(self.host, "Could not give the turn", str(error))
            return None
        noun = "position" if moved == 1 else "positions"
        name = f"Give {old}'s turn{when} to {dataset.speaker(chosen).name} ({moved} {noun})"
        return self._push(edit, name)

    def _start_coding(self, excerpt: str, span: Span, speaker: str | None, title: str) -> bool:
        """Open the editor on a passage; with no speaker yet, say so instead (a theme can be made in the editor)."""
        dataset = self.document.dataset
        missing = missing_for_coding(dataset)
        if not dataset.speakers:
            where = "Edit \u25b8 Add Speaker\u2026" + (", Edit \u25b8 Add Theme\u2026" if not dataset.themes else "")
            self.dialogs.show_info(self.host, title.capitalize(), f"{missing} ({where}).")
            return False
        self.editor.start(dataset, excerpt, span, speaker=speaker)
        if missing:
            self.editor.show_problem(f"{missing}: New Theme\u2026 (Alt+W) adds one here.")
        self._place_editor()
        return True

    def new_theme_in_editor(self) -> EditCommand | None:
        """Add a theme (Edit ▸ Add Theme's dialog) from the open coding editor, which keeps its passage and picks the new theme."""
        before = {theme.id for theme in self.document.dataset.themes}
        command = self.manager.add_entry("theme")
        dataset = self.document.dataset
        added = [theme.id for theme in dataset.themes if theme.id not in before]
        if self.editor.isVisible():
            self.editor.refresh_themes(dataset, added[0] if added else None)
        return command

    def edit_position(self, position_id: str) -> bool:
        """Open the coding editor filled with a position's values."""
        dataset = self.document.dataset
        if position_id not in {p.id for p in dataset.model.positions}:
            return False
        position = dataset.position(position_id)
        self.editor.start(dataset, position.excerpt, dataset.spans.get(position_id), position=position)
        self._place_editor()
        return True

    def use_selection_as_excerpt(self) -> bool:
        """Take the passage selected in the Source tab as the excerpt of the position in the editor."""
        if not self.editor.isVisible():
            self.status("Open a position with Edit (in the detail panel) first, then select its new excerpt.", 8000)
            return False
        chosen = self.selected_passage()
        if chosen is None:
            self.editor.show_problem("Select the new excerpt in the Source tab first.")
            return False
        self.editor.set_excerpt(*chosen)
        self.editor.show_problem("")
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)  # back to the keys: Enter saves
        return True

    def commit(self, later: bool = False) -> EditCommand | None:
        """Make the editor's position (new, or edited) one undoable step; the editor stays open if something is missing.

        ``later`` saves it awaiting a stance (Rate Later): no stance, and the summary may wait too.
        """
        editor = self.editor
        draft = editor.draft()
        dataset = self.document.dataset
        if draft.speaker is None:
            editor.show_problem("Choose a speaker (type part of a name).", editor.speaker)
            return None
        if draft.theme is None:
            editor.show_problem("Choose a theme (keys 1\u20139, or type part of its name).", editor.theme)
            return None
        if draft.stance is None and not later:
            editor.show_problem("Choose a stance with Q W E R T (\u22122 to +2), or Rate Later (Alt+L) to leave it awaiting one.", editor)
            return None
        if not draft.summary and not later:
            editor.show_problem("Write a summary in your own words.", editor.summary)
            return None
        values = {
            "speaker": draft.speaker, "theme": draft.theme, "stance": None if later else draft.stance, "kind": draft.kind,
            "summary": draft.summary, "note": draft.note, "excerpt": draft.excerpt,
        }
        if draft.position_id is None:
            position = Position(id=new_position_id(dataset, draft.speaker, draft.theme), **values)
            name = f"Code position for {dataset.speaker(draft.speaker).name} on {dataset.theme(draft.theme).label}"
            command = self._push(Insert(position, span=draft.span), name)
        else:
            old = dataset.position(draft.position_id)
            position = old.model_copy(update=values)
            if position == old and draft.span == dataset.spans.get(old.id):
                editor.hide()
                return None
            edit = Replace(position, span=draft.span)
            command = self._push(edit, describe(dataset, edit))
        if command is not None:
            editor.hide()
            self._editor_closed()
            self.status(command.text(), 5000)
        return command

    def _editor_closed(self) -> None:
        if self.tabs.current_tab() == "source":
            self.source.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place_editor(self) -> None:
        """Put the editor beside the selection: left of the Source text, level with the passage."""
        window, editor = self.host, self.editor
        editor.adjustSize()
        text = self.source.text
        if self.tabs.current_tab() == "source" and text.isVisible():
            rect = text.cursorRect(text.textCursor())
            corner = text.viewport().mapTo(window, rect.topLeft())
            left = text.mapTo(window, QPoint(0, 0)).x() - editor.width() - 6
            top = corner.y() - 20
        else:
            left, top = (window.width() - editor.width()) // 2, 80
        left = max(6, min(left, window.width() - editor.width() - 6))
        top = max(40, min(top, window.height() - editor.height() - 30))
        editor.move(left, top)
        editor.raise_()

    # -- the detail panel's links ------------------------------------------------------------
    def _on_detail_link(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "edit":
            self.edit_position(target)
        elif scheme == "delete":
            self.delete_position(target)
        elif scheme == "split":
            self.split_position(target)

    def delete_position(self, position_id: str) -> EditCommand | None:
        dataset = self.document.dataset
        try:
            edit = remove_position(dataset, position_id)
        except EditRefused as error:
            self.dialogs.show_error(self.host, "Could not delete the position", str(error))
            return None
        position = dataset.position(position_id)
        name = f"Delete position of {dataset.speaker(position.speaker).name} on {dataset.theme(position.theme).label}"
        return self._push(edit, name)

    def split_position(self, position_id: str) -> EditCommand | None:
        """Ask where to split a position's excerpt and split it there (the second part becomes a new position)."""
        dataset = self.document.dataset
        span = dataset.spans.get(position_id)
        if span is None:
            self.dialogs.show_error(self.host, "Could not split the position", "Its excerpt is no longer found: re-select it first.")
            return None
        shown = dataset.seminar.source.text[span.start : span.end]
        at = self.dialogs.split_point(self.host, shown)
        if at is None:
            return None
        try:
            edit = split_position(dataset, position_id, span.start + at)
        except EditRefused as error:
            self.dialogs.show_error(self.host, "Could not split the position", str(error))
            return None
        position = dataset.position(position_id)
        name = f"Split position of {dataset.speaker(position.speaker).name} on {dataset.theme(position.theme).label}"
        return self._push(edit, name)
