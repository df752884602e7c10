"""Saving that never loses work: File ▸ New, Save and Save As, the modified marker, the prompts, autosave and recovery.

:class:`Saving` belongs to the main window once it shows a seminar; the
window shell hands it the document, the dialogs, the status line, the File
menu to fill and what to do once a file is written.  It
writes the seminar atomically with the loader's own ``dumps`` (so a saved
file is one the loader accepts, and a version-1 file is written as version
2, with a note saying so), keeps the ``[*]`` marker in the title in step
with the undo stack's clean state, asks Save / Discard / Cancel before
unsaved changes would go (closing, opening another file, starting a new
seminar), and keeps a recovery file (:mod:`.recovery`) every
:data:`AUTOSAVE_INTERVAL_MS` or every :data:`AUTOSAVE_AFTER_EDITS` steps.
A recovered seminar opens as modified and is never written over its
original file without asking.

It also notices other writers (:mod:`.other_writers`): the file's stamp is
remembered when it is opened and after each save, and a save onto a file
whose stamp changed meanwhile asks first: Overwrite, Save As or Reload.  A
file another window already has open is announced in the banner.  The file
is not watched while it is open (no QFileSystemWatcher): the check before
writing is what keeps work from being lost, and a watcher would also fire on
this window's own saves and on editors' rename dance.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ...assets import default_seminar_path
from ...model.editing.edits import with_current_format
from ...model.editing.new_seminar import empty_dataset
from ...model.format.loader import save
from ...model.format.problems import DatasetError
from ...model.format.recording import recording_for_new_folder
from ...model.format.schema import FORMAT
from ...write_targets import other_links
from ..dialogs import SEMINAR_FILTER
from . import recovery
from .other_writers import FileStamp, OpenMark, already_open_warning

if TYPE_CHECKING:
    from ..dialogs import Dialogs, StatusLine
    from ..document import SeminarDocument

AUTOSAVE_INTERVAL_MS = 30_000
"""How often unsaved changes are written to the recovery file."""
AUTOSAVE_AFTER_EDITS = 5
"""Steps of editing (or undoing) after which the recovery file is written, once the editing pauses."""
AUTOSAVE_PAUSE_MS = 1_000
"""The pause in editing the recovery file waits for once enough steps were made, so a burst of typing never stalls."""
NEWER_FORMAT_NOTE = f"Saved in format {FORMAT}; older versions of Seminar Lens cannot open it."


class Saving(QObject):
    """File ▸ New / Save / Save As, the modified marker, the unsaved-changes prompts, autosave and recovery."""

    saved = Signal(str)  # the path just written

    def __init__(
        self,
        window: QWidget,
        document: SeminarDocument,
        dialogs: Dialogs,
        status: StatusLine,
        *,
        file_menu: QMenu,
        recent_menu: QMenu,
        remember_file: Callable[[str], None],
        show_banner: Callable[[str], None],
        show_lost_excerpts: Callable[[], None],
        reopen: Callable[[str], object],
        recovery_folder: Path | None = None,
        interval_ms: int = AUTOSAVE_INTERVAL_MS,
        marks_folder: Path | None = None,
    ):
        """Saving for ``window`` (marked modified, and the parent of its questions).

        ``remember_file`` is told every file written (absolute), for the recent files;
        ``show_banner`` shows a lasting note; ``show_lost_excerpts`` lists the excerpts
        that keep the seminar from being saved; ``reopen`` opens a file again as it is
        on disk, without asking (Reload, once the user agreed to drop the changes).
        ``marks_folder`` holds the marks of the files windows have open.
        """
        super().__init__(window)
        self.host = window
        self.document = document
        self.dialogs = dialogs
        self.status = status
        self._remember_file = remember_file
        self._show_banner = show_banner
        self._show_lost_excerpts = show_lost_excerpts
        self._reopen = reopen
        self.stack = self.document.undo_stack
        self.recovery_folder = recovery_folder or recovery.recovery_folder()
        self._steps_since_autosave = 0
        self._recovered_from: str | None = None  # the original path of a recovered seminar, until it is saved
        self._mark = OpenMark(marks_folder)
        self._tracked: Path | None = None  # the file whose stamp is remembered
        self._stamp: FileStamp | None = None

        self.new_action = self._action("&New\u2026", self.new_seminar, QKeySequence.StandardKey.New, "Start a new seminar from a source text")
        self.save_action = self._action("&Save", self.save, QKeySequence.StandardKey.Save, "Save the seminar")
        self.save_as_action = self._action("Save &As\u2026", self.save_as, "Ctrl+Shift+S", "Save the seminar under another name")
        menu = file_menu
        menu.insertAction(menu.actions()[0], self.new_action)  # first, above New from Transcript and Open
        after_recent = recent_menu.menuAction()
        following = menu.actions()[menu.actions().index(after_recent) + 1]
        menu.insertAction(following, self.save_action)
        menu.insertAction(following, self.save_as_action)

        self.stack.cleanChanged.connect(self._on_clean_changed)
        self.stack.indexChanged.connect(self._on_step)
        self.document.reset.connect(self._on_reset)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AUTOSAVE_PAUSE_MS)
        self.soon.timeout.connect(self.autosave)
        self._on_clean_changed(self.stack.isClean())
        self._track(self.document.dataset.path)

    def _action(self, text: str, slot, shortcut, tip: str) -> QAction:
        action = QAction(text, self.host)
        action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        return action

    # -- state ---------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        """Whether the seminar holds changes not saved to its file."""
        return not self.stack.isClean()

    def _on_clean_changed(self, clean: bool) -> None:
        with contextlib.suppress(RuntimeError):  # the stack outlives the window by a moment when the application quits
            self.host.setWindowModified(not clean)

    def _on_step(self, _index: int) -> None:
        self._steps_since_autosave += 1
        if self._steps_since_autosave >= AUTOSAVE_AFTER_EDITS:
            self.soon.start()  # restarted by each further step: written once the editing pauses

    def _on_reset(self) -> None:
        # Another seminar is open: what was unsaved was saved or given up on purpose.
        self._recovered_from = None
        recovery.remove_own(self.recovery_folder)
        self._on_clean_changed(self.stack.isClean())
        self._track(self.document.dataset.path)

    # -- other writers ---------------------------------------------------------------
    def _track(self, path: Path | None) -> None:
        """Remember the stamp of the seminar's file; on a file new to this window, mark it open and warn if another has it."""
        if path is None or _is_shipped(path):
            self._tracked, self._stamp = None, None
            self._mark.release()
            return
        new_file = self._tracked is None or not _same_file(path, self._tracked)
        self._tracked, self._stamp = path, FileStamp.of(path)
        if new_file:
            others = self._mark.claim(path)
            if others:
                self._show_banner(already_open_warning(path.name, others))

    def _changed_on_disk(self, path: Path) -> bool:
        """Whether ``path`` is the remembered file and someone wrote it since (a file since removed has nothing to lose)."""
        if self._tracked is None or not _same_file(path, self._tracked):
            return False
        now = FileStamp.of(path)
        return now is not None and now != self._stamp

    def _reload(self, path: Path) -> None:
        """Open ``path`` as it is on disk, once the user agreed to let this window's unsaved changes go."""
        question = f"Discard the unsaved changes in this window and open {path.name} as it is on disk now?"
        if self.modified and not self.dialogs.ask(self.host, "Reload from disk", question):
            return
        self._reopen(str(path))

    # -- saving ----------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the seminar's file (asking where for a new, shipped or recovered one); whether it was saved."""
        path = self.document.dataset.path
        if path is None or _is_shipped(path):
            return self.save_as()
        if self._recovered_from is not None:
            question = (
                f"Write the recovered seminar over {path}?\n\n"
                "That file is replaced by the recovered seminar. Choose No to save it under another name."
            )
            if not self.dialogs.ask(self.host, "Save the recovered seminar", question):
                return self.save_as()
        return self._write(path)

    def save_as(self) -> bool:
        """Ask for a file name and save there; whether it was saved."""
        dataset = self.document.dataset
        current = dataset.path
        if current is not None and not _is_shipped(current):
            suggested = str(current)
        else:
            folder = Path.home() if current is None or _is_shipped(current) else current.parent
            suggested = str(folder / f"{_file_stem(dataset.seminar.title)}.seminar.json")
        chosen = self.dialogs.save_path(self.host, "Save seminar", suggested, SEMINAR_FILTER)
        if not chosen:
            return False
        return self._write(Path(chosen))

    def _write(self, path: Path) -> bool:
        dataset = self.document.dataset
        if dataset.unanchored:
            count = len(dataset.unanchored)
            self.dialogs.show_error(
                self.host,
                "The seminar was not saved",
                f"{count} excerpt{'s are' if count != 1 else ' is'} no longer found in the source text. "
                "Re-select each one in the Source tab, or delete its position, then save again. "
                "Your work is kept in the recovery file meanwhile.",
            )
            self._show_lost_excerpts()
            return False
        if self._changed_on_disk(path):
            answer = self.dialogs.ask_changed_on_disk(self.host, path.name)
            if answer == "save_as":
                return self.save_as()
            if answer == "reload":
                self._reload(path)
                return False
            if answer != "overwrite":
                self.status(f"Not saved: {path.name} changed on disk and was left as it is.", 8000)
                return False
        was_older = dataset.model.format != FORMAT
        model = with_current_format(dataset.model)
        if model.recording is not None:  # the recording stays where it is: its path is rewritten for the new folder
            old_folder = dataset.path.parent if dataset.path is not None else Path.cwd()
            model = model.model_copy(update={"recording": recording_for_new_folder(model.recording, old_folder, path.parent)})
        links = other_links(path)  # a save gives this name a new file; the other names keep the old one
        try:
            save(model, path)
        except OSError as error:
            self.dialogs.show_error(self.host, "The seminar was not saved", f"{path}: {error.strerror or error}")
            return False
        absolute = path.resolve()
        self.document.note_saved(absolute, model)
        self._track(absolute)
        self.stack.setClean()
        self._recovered_from = None
        recovery.remove_own(self.recovery_folder)
        self._remember_file(str(absolute))
        kept = ""
        if links:
            others = "Its other hard link keeps" if links == 1 else f"Its {links} other hard links keep"
            kept = f" {others} the previous version."
        if was_older:
            self._show_banner(NEWER_FORMAT_NOTE)
            self.status(NEWER_FORMAT_NOTE + kept, 10_000)
        else:
            saved = f"Saved {absolute.name}.{kept}" if kept else f"Saved {absolute.name}"
            self.status(saved, 10_000 if kept else 5000)
        self.saved.emit(str(absolute))
        return True

    # -- before changes would go -----------------------------------------------------------
    def may_discard_changes(self, doing: str = "closing") -> bool:
        """Whether the window may let the open seminar go: no unsaved changes, or the user saved or discarded them."""
        if not self.modified:
            return True
        name = self.document.dataset.name
        answer = self.dialogs.ask_save_changes(self.host, name, doing)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def may_close(self) -> bool:
        """Whether the window may close; when it may, its recovery file goes (nothing is left unsaved by accident)."""
        if not self.may_discard_changes("closing"):
            return False
        self.timer.stop()
        self.soon.stop()
        recovery.remove_own(self.recovery_folder)
        self._mark.release()
        return True

    def new_seminar(self) -> bool:
        """File ▸ New: after the unsaved-changes prompt, ask for the details and source text and open an empty seminar."""
        if not self.may_discard_changes("starting a new seminar"):
            return False
        seminar = self.dialogs.new_seminar(self.host)
        if seminar is None:
            return False
        self.document.replace_dataset(empty_dataset(seminar))
        self.status("New seminar: add speakers and themes, then code the source text.", 8000)
        return True

    # -- autosave and recovery -----------------------------------------------------------------
    def autosave(self) -> bool:
        """Write the recovery file if there are unsaved changes (remove it if there are none); whether one was written."""
        self._steps_since_autosave = 0
        self.soon.stop()
        if not self.modified:
            recovery.remove_own(self.recovery_folder)
            return False
        dataset = self.document.dataset
        original = Path(self._recovered_from) if self._recovered_from else dataset.path
        try:
            recovery.write(self.recovery_folder, dataset, original)
        except OSError as error:
            # Lasting, and naming the folder: until it is fixed, a crash would lose everything since the last save.
            self._show_banner(autosave_warning(self.recovery_folder, error))
            return False
        return True

    def offer_recovery(self) -> bool:
        """At start: offer the newest seminar a crash left unsaved; whether one was recovered."""
        found = recovery.left_by_crashes(self.recovery_folder)
        if not found:
            return False
        newest = found[0]
        if not self.dialogs.ask_recover(self.host, newest.summary()):
            newest.discard()
            return False
        try:
            dataset = recovery.read(newest)
        except DatasetError as error:
            self.dialogs.show_problems(self.host, error)
            return False
        original = Path(newest.original) if newest.original else None
        if original is not None:
            dataset = type(dataset)(dataset.model, dataset.spans, original)
        self.document.replace_dataset(dataset)
        recovery.adopt(self.recovery_folder, newest)
        self._recovered_from = str(original) if original is not None else None
        self.stack.resetClean()  # recovered work is unsaved work
        self._on_clean_changed(False)
        self.status("Recovered unsaved changes: save them to keep them.", 10_000)
        return True


def autosave_warning(folder: Path, error: OSError) -> str:
    """The banner shown while unsaved changes cannot be written to the recovery folder."""
    return (
        f"Unsaved changes cannot be kept for recovery: the folder {folder} cannot be written "
        f"({error.strerror or error}). Until it can, a crash would lose every change since the last save; "
        "save the seminar to keep your work."
    )


def _is_shipped(path: Path) -> bool:
    """Whether ``path`` is the default seminar installed with the application (never written over)."""
    try:
        return path.resolve() == default_seminar_path().resolve()
    except OSError:
        return False


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.realpath(first) == os.path.realpath(second)


def _file_stem(title: str) -> str:
    stem = "".join(char if char.isalnum() or char in " -_" else " " for char in title).strip()
    return "-".join(stem.lower().split())[:60] or "seminar"
