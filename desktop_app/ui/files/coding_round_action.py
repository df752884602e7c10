"""File ▸ New Coding Round: write a copy of the open seminar for a second coder, then offer to open it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ...model.editing.coding_round import coding_round
from ...model.format.coding import CodingMode
from ...model.format.loader import save
from ...write_targets import check_target
from ..dialogs import SEMINAR_FILTER, Dialogs
from ..document import SeminarDocument

StatusLine = Callable[[str, int], None]


def next_round(document: SeminarDocument) -> str:
    """The label offered for the new round: one more than the open file's numbered round, else 2."""
    coding = document.dataset.model.coding
    if coding is not None and coding.round is not None and coding.round.isdigit():
        return str(int(coding.round) + 1)
    return "2"


class CodingRoundAction(QObject):
    def __init__(
        self, window: QWidget, document: SeminarDocument, dialogs: Dialogs, status: StatusLine, *,
        file_menu: QMenu, after: QAction, open_file: Callable[[str], object],
    ):
        super().__init__(window)
        self.host, self.document, self.dialogs, self.status, self._open = window, document, dialogs, status, open_file
        self.action = QAction("New Co&ding Round\u2026", window)
        self.action.setStatusTip("Write a copy of this seminar for a second coder to code independently")
        self.action.triggered.connect(self.make_round)
        actions = file_menu.actions()
        at = actions.index(after) + 1 if after in actions else len(actions)
        if at < len(actions):
            file_menu.insertAction(actions[at], self.action)
        else:
            file_menu.addAction(self.action)

    def make_round(self) -> Path | None:
        """Ask for the coder, round and mode, then a file name; write the copy there; the path written, or None."""
        choice = self.dialogs.coding_round(self.host, next_round(self.document))
        if choice is None:
            return None
        coder, round_label, mode = choice
        dataset = self.document.dataset
        folder = dataset.path.parent if dataset.path is not None else Path.home()
        stem = dataset.path.name.removesuffix(".seminar.json").removesuffix(".json") if dataset.path else "seminar"
        suffix = "blind" if mode is CodingMode.BLIND else "independent"
        suggested = folder / f"{stem}-round-{round_label}-{suffix}.seminar.json"
        chosen = self.dialogs.save_path(self.host, "Save the coding round", str(suggested), SEMINAR_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        try:
            check_target(path, (dataset.path,))
            save(coding_round(dataset.model, coder, round_label, mode), path)
        except OSError as error:
            self.dialogs.show_error(self.host, "The coding round was not written", f"{path}: {error.strerror or error}")
            return None
        if self.dialogs.ask(self.host, "Open the coding round", f"Wrote {path.name} for {coder}. Open it now to code it?"):
            self._open(str(path))
        else:
            self.status(f"Wrote {path.name} for {coder}.", 8000)
        return path
