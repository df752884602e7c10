"""The Playback menu and the player bar, wired to the Source tab and the detail panel.

- Playback ▸ Play or Pause (Ctrl+Space, which works while typing a summary),
  Back and Forward 5 Seconds (Ctrl+, and Ctrl+.), Play This Passage
  (Ctrl+Shift+Space: the passage marked in the Source tab), Follow the
  Spoken Turn, and Recording… (choose or relink the file and its offset: one
  undoable step), which the Edit menu also lists after Seminar Details….
- Clicking a turn's name or time in the Source margin plays from that turn; in
  the detail panel a position's time plays its turn and "play this passage"
  its estimated start.
- While it plays, the Source margin marks the turn being spoken, and with
  Follow the text keeps it in view.

Nothing here imports QtMultimedia: the bar does, when a recording is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QVBoxLayout

from ...model.format.recording import Recording, recording_file, relative_reference
from ...presentation.detail_html import PLAY_PASSAGE_SCHEME, PLAY_TURN_SCHEME
from ...presentation.playback_times import passage_start, spoken_turn
from ...presentation.turns import clock, position_time
from ..views.player_bar import PlayerBar

if TYPE_CHECKING:
    from ..dialogs import Dialogs, StatusLine
    from ..document import SeminarDocument
    from ..views.detail_panel import DetailPanel
    from ..views.source_view import SourceView


class Playback(QObject):
    """The player bar (added to ``layout``) and the Playback menu (put before ``before`` on the menu bar)."""

    def __init__(
        self, window: QMainWindow, document: SeminarDocument, dialogs: Dialogs, status: StatusLine, *,
        source: SourceView, detail: DetailPanel, layout: QVBoxLayout, before: QAction | None,
        details_action: QAction | None = None,
    ):
        super().__init__(window)
        self.host, self.document, self.dialogs, self.status = window, document, dialogs, status
        self.source, self.detail = source, detail
        self.bar = PlayerBar(window)
        layout.addWidget(self.bar)
        self.menu = QMenu("&Playback", window)
        if before is not None:
            window.menuBar().insertMenu(before, self.menu)
        else:
            window.menuBar().addMenu(self.menu)
        self.play_action = self._action("&Play or Pause", "Ctrl+Space", self.bar.toggle, "Play or pause the recording")
        self.back_action = self._action("&Back 5 Seconds", "Ctrl+,", lambda: self.bar.skip(-5), "Five seconds back")
        self.forward_action = self._action("&Forward 5 Seconds", "Ctrl+.", lambda: self.bar.skip(5), "Five seconds forward")
        self.passage_action = self._action(
            "Play This P&assage", "Ctrl+Shift+Space", self.play_marked_passage,
            "Play the passage marked in the Source tab from its estimated start",
        )
        self.menu.addSeparator()
        self.follow_action = QAction("F&ollow the Spoken Turn", window)
        self.follow_action.setCheckable(True)
        self.follow_action.setChecked(True)
        self.follow_action.setStatusTip("Keep the turn being spoken in view in the Source tab")
        self.menu.addAction(self.follow_action)
        self.menu.addSeparator()
        self.recording_action = self._action("&Recording\u2026", None, self.choose_recording, "Choose the seminar's recording and its offset")
        # Edit ▸ Recording…, beside the other seminar details (its own action: Alt+R is Redo there)
        self.edit_recording_action = QAction("Rec&ording\u2026", window)
        self.edit_recording_action.setStatusTip(self.recording_action.statusTip())
        self.edit_recording_action.triggered.connect(lambda _=False: self.choose_recording())
        if details_action is not None:
            for menu in details_action.associatedObjects():
                if isinstance(menu, QMenu):
                    following = menu.actions()
                    index = following.index(details_action)
                    after = following[index + 1] if index + 1 < len(following) else None
                    if after is not None:
                        menu.insertAction(after, self.edit_recording_action)
                    else:
                        menu.addAction(self.edit_recording_action)
        self._last_spoken: int | None = None
        self.bar.transcriptTimeChanged.connect(self._on_time)
        self.bar.locateWanted.connect(self.choose_recording)
        source.text.turnClicked.connect(self.play_turn)
        detail.body.anchorClicked.connect(self._on_detail_link)
        document.reset.connect(self.refresh)
        document.seminarChanged.connect(lambda _what: self.refresh())
        document.edited.connect(self._on_edited)
        self.refresh()

    def _action(self, text: str, shortcut: str | None, slot, tip: str) -> QAction:
        action = QAction(text, self.host)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        self.menu.addAction(action)
        return action

    # -- the recording ------------------------------------------------------------------------
    def recording_path(self) -> Path | None:
        """Where the open seminar's recording is (it may be missing), or None when it has none."""
        dataset = self.document.dataset
        recording = dataset.model.recording
        if recording is None:
            return None
        folder = dataset.path.parent if dataset.path is not None else Path.cwd()
        return recording_file(recording, folder)

    def refresh(self) -> None:
        """Load the open seminar's recording into the bar (or hide it), unless it is the one loaded already."""
        recording = self.document.dataset.model.recording
        path = self.recording_path()
        offset = recording.offset if recording is not None else 0.0
        if (path, offset) == getattr(self, "_loaded", None) and (path is None or path.is_file()):
            return
        self._loaded = (path, offset)
        self.source.text.set_spoken(None)
        self._last_spoken = None
        self.bar.set_recording(path, offset)
        for action in (self.play_action, self.back_action, self.forward_action, self.passage_action):
            action.setEnabled(path is not None)

    def _on_edited(self, edit) -> None:
        if getattr(edit, "entry_id", None) == "recording" or getattr(edit, "kind", None) == "compound":
            self.refresh()

    def choose_recording(self) -> bool:
        """Ask for the recording and its offset; set them as one undoable step."""
        from ...model.editing.edits import ReplaceRecording
        from ..editing.undo_commands import push_edit

        dataset = self.document.dataset
        current = self.recording_path()
        start = str(current.parent) if current is not None and current.parent.is_dir() else (
            str(dataset.path.parent) if dataset.path is not None else ""
        )
        chosen = self.dialogs.recording_path(self.host, start)
        if not chosen:
            return False
        old = dataset.model.recording
        offset = self.dialogs.recording_offset(self.host, old.offset if old is not None else 0.0)
        if offset is None:
            return False
        folder = dataset.path.parent if dataset.path is not None else None
        stored = relative_reference(Path(chosen), folder) if folder is not None else str(Path(chosen).resolve())
        recording = Recording(path=stored, offset=offset)
        command = push_edit(
            self.document, ReplaceRecording(recording), f"Set the recording to {Path(chosen).name}",
            dialogs=self.dialogs, parent=self.host,
        )
        return command is not None

    # -- playing from a place -----------------------------------------------------------------
    def _no_recording(self) -> bool:
        if self.bar.ready:
            return False
        if self.document.dataset.model.recording is None:
            self.status("This seminar has no recording: Playback \u25b8 Recording\u2026 sets one.", 8000)
        else:
            self.status(self.bar.message.text() or "The recording cannot be played.", 8000)
        return True

    def play_turn(self, index: int) -> bool:
        """Play from the start of turn ``index`` (a click on its name or time in the Source margin)."""
        turns = self.document.dataset.seminar.source.turns
        if not 0 <= index < len(turns) or self._no_recording():
            return False
        turn = turns[index]
        if turn.start_time is None:
            self.status("This turn has no time in the transcript, so the recording cannot be found at it.", 8000)
            return False
        self.bar.play_from(turn.start_time)
        name = self.document.dataset.speaker(turn.speaker).name if self.document.dataset.has_speaker(turn.speaker) else ""
        self.status(f"Playing from {clock(turn.start_time)}, the start of {name}\u2019s turn.", 6000)
        return True

    def play_position(self, position_id: str, passage: bool) -> bool:
        """Play a position's turn from its start, or (``passage``) its passage from the estimated start."""
        dataset = self.document.dataset
        if self._no_recording():
            return False
        seconds = passage_start(dataset, position_id) if passage else position_time(dataset, position_id)
        if seconds is None:
            self.status("This passage lies in no timed turn, so the recording cannot be found at it.", 8000)
            return False
        self.bar.play_from(seconds)
        if passage:
            self.status(
                f"Playing from {clock(seconds)}: an estimate, from where the passage sits in its turn.", 8000
            )
        else:
            self.status(f"Playing from {clock(seconds)}, the start of the turn.", 6000)
        return True

    def play_marked_passage(self) -> bool:
        position_id = self.source.flashing_position() or self.source.current_excerpt()
        if position_id is None:
            self.status("Mark a passage first: Show in source in the detail panel, or Ctrl+Down in the Source tab.", 8000)
            return False
        return self.play_position(position_id, passage=True)

    def _on_detail_link(self, url: QUrl) -> None:
        if url.scheme() == PLAY_TURN_SCHEME:
            self.play_position(url.path(), passage=False)
        elif url.scheme() == PLAY_PASSAGE_SCHEME:
            self.play_position(url.path(), passage=True)

    # -- following ------------------------------------------------------------------------------
    def _on_time(self, seconds: float) -> None:
        turns = self.document.dataset.seminar.source.turns
        index = spoken_turn(turns, seconds)
        text = self.source.text
        text.set_spoken(index)
        if index is None or index == self._last_spoken:
            return
        self._last_spoken = index
        if self.follow_action.isChecked() and self.source.isVisible() and index < len(text.margin_labels()):
            top = text.turn_start_block_top(index)
            if not 0 <= top <= text.viewport().height() - 40:
                block = text.document().findBlock(text.turn_start_position(index))
                text.verticalScrollBar().setValue(block.firstLineNumber())
