"""Edit ▸ Add Themes from Codebook…: the themes of a REFI-QDA codebook (``.qdc``) shared by another tool.

(File ▸ Export REFI-QDA Codebook… is with the other exports.)  The import reads a codebook and adds the
themes the seminar does not have yet (by label), as one undoable step; the
themes it already has are named and left as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ..editing.undo_commands import push_edit

if TYPE_CHECKING:
    from ..dialogs import Dialogs, StatusLine
    from ..document import SeminarDocument

MAX_CODEBOOK_BYTES = 32 * 1024 * 1024


class CodebookActions(QObject):
    """The codebook import action, placed in the Edit menu given."""

    def __init__(self, window: QWidget, document: SeminarDocument, dialogs: Dialogs, status: StatusLine, *, edit_menu: QMenu):
        super().__init__(window)
        self.host, self.document, self.dialogs, self.status = window, document, dialogs, status
        self.import_action = QAction("Add Themes from Code&book\u2026", window)
        self.import_action.setStatusTip("Add the themes of a REFI-QDA codebook (.qdc) that this seminar does not have yet")
        self.import_action.triggered.connect(lambda _=False: self.choose_and_add())
        edit_menu.addAction(self.import_action)

    def choose_and_add(self) -> int | None:
        current = self.document.dataset.path
        chosen = self.dialogs.codebook_path(self.host, str(current.parent) if current else "")
        return self.add_from(Path(chosen)) if chosen else None

    def add_from(self, path: Path) -> int | None:
        """Add the codebook's new themes as one step; how many were added, or None when the file was refused."""
        from ...model.editing.edits import Compound, Insert
        from ...model.exchange.codebook import new_themes, read_codebook
        from ...model.importers.common import ImportFailed

        try:
            with open(path, "rb") as stream:
                data = stream.read(MAX_CODEBOOK_BYTES + 1)
            if len(data) > MAX_CODEBOOK_BYTES:
                raise ImportFailed(f"the codebook is larger than {MAX_CODEBOOK_BYTES // (1024 * 1024)} MB")
            coded = read_codebook(data, path.name)
        except OSError as error:
            self.dialogs.show_error(self.host, "Codebook not read", f"{path.name}: {error.strerror or error}")
            return None
        except ImportFailed as failure:
            self.dialogs.show_error(self.host, "Codebook not read", failure.line_for(path.name))
            return None
        added, present = new_themes(coded, list(self.document.dataset.themes))
        if added:
            push_edit(
                self.document, Compound(tuple(Insert(theme) for theme in added)),
                f"Add {len(added)} theme{'s' if len(added) != 1 else ''} from {path.name}", dialogs=self.dialogs, parent=self.host,
            )
        said = f"Added {len(added)} theme{'s' if len(added) != 1 else ''} from {path.name}."
        if present:
            said += f" Already here, left as they are: {', '.join(present)}."
        self.dialogs.show_info(self.host, "Themes from a codebook", said)
        return len(added)

