"""The dialog that lists, by name, every excerpt a new source text rewrote or lost, before the text is replaced.

Each position is named with its old words and its new ones; a box, ticked,
takes the new words; untick it and the position is left unanchored, its
words as they were, to re-select.
Each lost excerpt is listed as such.  Replace Text applies the whole
replacement as one undoable step; Cancel replaces nothing.  The dialog only
answers: the caller makes the edit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...model.editing.excerpt_changes import ExcerptChange
from ...presentation.elide import elide_middle

SHOWN = 160
"""Characters of an excerpt shown in a row (the middle elided)."""


def _quoted(words: str) -> str:
    return f"\u201c{elide_middle(' '.join(words.split()), SHOWN)}\u201d"


class ExcerptChangesDialog(QDialog):
    """Confirm each rewritten excerpt, see each lost one; ``kept()`` is the set of positions whose new words are taken."""

    def __init__(self, changes: Sequence[ExcerptChange], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Replace source text")
        self.resize(640, 420)
        rewritten = [change for change in changes if change.new is not None]
        lost = [change for change in changes if change.new is None]
        parts = []
        if rewritten:
            parts.append(f"{len(rewritten)} {'excerpt reads' if len(rewritten) == 1 else 'excerpts read'} differently in the new text: "
                         "tick each whose new words to take; an unticked one is left unanchored, to re-select.")
        if lost:
            parts.append(f"{len(lost)} {'excerpt is no longer found: it stays' if len(lost) == 1 else 'excerpts are no longer found: they stay'}"
                         " unanchored, listed to fix.")
        heading = QLabel(" ".join(parts))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        self.row_texts: dict[str, QLabel] = {}
        rows = QWidget()
        column = QVBoxLayout(rows)
        for change in changes:
            if change.new is not None:
                said = f"{change.name}\nBefore: {_quoted(change.old)}\nNow: {_quoted(change.new)}"
            else:
                said = f"{change.name}\nNot found: {_quoted(change.old)}"
            label = QLabel(said)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setToolTip(change.position_id)
            self.row_texts[change.position_id] = label
            column.addWidget(label)
            if change.new is not None:
                box = QCheckBox("Take the new words")
                box.setChecked(True)
                box.setAccessibleName(f"Take the new words for {change.name}")
                self.boxes[change.position_id] = box
                column.addWidget(box)
            column.addSpacing(6)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the rows wrap instead
        scroll.setWidget(rows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Replace Text")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

    def kept(self) -> set[str]:
        """The positions whose rewritten excerpt is taken (their box ticked)."""
        return {position_id for position_id, box in self.boxes.items() if box.isChecked()}
