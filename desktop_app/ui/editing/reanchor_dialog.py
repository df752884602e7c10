"""The dialog that lists, by name, every excerpt a new source text rewrote or lost, before the text is replaced.

Each rewritten excerpt has a box, ticked, to take its new words; untick it
and the position is left unanchored, its words as they were, to re-select.
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
            parts.append(f"{len(lost)} {'excerpt is' if len(lost) == 1 else 'excerpts are'} no longer found: "
                         "they stay unanchored, listed to fix.")
        heading = QLabel(" ".join(parts))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        self.lost_labels: dict[str, QLabel] = {}
        rows = QWidget()
        column = QVBoxLayout(rows)
        for change in rewritten:
            box = QCheckBox(f"{change.name}: {_quoted(change.old)} \u2192 {_quoted(change.new or '')}")
            box.setChecked(True)
            box.setToolTip(f"{change.position_id}\nBefore: {change.old}\nNow: {change.new}")
            self.boxes[change.position_id] = box
            column.addWidget(box)
        for change in lost:
            label = QLabel(f"{change.name}: {_quoted(change.old)} \u2014 not found")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setToolTip(change.position_id)
            self.lost_labels[change.position_id] = label
            column.addWidget(label)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
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
