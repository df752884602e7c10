"""Rating positions that await a stance, one after another, from the keyboard.

A position imported from another tool, or left by a blind coding round, has
its passage, speaker and theme but no stance.  Edit ▸ Rate Next Awaiting
Position (Ctrl+J) selects the next one in the order of the text, shows its
passage in the Source tab and opens the coding editor on it: Q–T give the
stance, Tab reaches the summary, Enter saves.  Pressing Ctrl+J again moves on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ...model.dataset import Dataset

if TYPE_CHECKING:
    from ..dialogs import StatusLine
    from ..document import SeminarDocument
    from ..selection import Selection
    from .coding_actions import Coding, WindowTabs

RATE_SHORTCUT = "Ctrl+J"


def awaiting_in_text_order(dataset: Dataset) -> list[str]:
    """Ids of the positions awaiting a stance, in the order of their passages in the source (unplaced ones last)."""
    spans = dataset.spans
    ends = len(dataset.seminar.source.text) + 1
    order = {position.id: rank for rank, position in enumerate(dataset.awaiting)}
    return sorted(order, key=lambda pid: (spans[pid].start if pid in spans else ends, order[pid]))


def next_awaiting(dataset: Dataset, after: str | None) -> str | None:
    """The position awaiting a stance that follows ``after`` in the text, wrapping round; None when none awaits."""
    queue = awaiting_in_text_order(dataset)
    if not queue:
        return None
    if after in queue:  # still awaiting (the editor was cancelled): the one after it
        return queue[(queue.index(after) + 1) % len(queue)]
    spans = dataset.spans
    reached = spans.get(after) if after is not None else None
    if reached is None:
        return queue[0]
    for position_id in queue:  # ``after`` was rated: the first one from its place on
        span = spans.get(position_id)
        if span is not None and span.start >= reached.start:
            return position_id
    return queue[0]


class AwaitingQueue(QObject):
    """The Edit menu's "Rate Next Awaiting Position" action and the place it has reached in the queue."""

    def __init__(
        self,
        window: QMainWindow,
        document: SeminarDocument,
        status: StatusLine,
        *,
        coding: Coding,
        selection: Selection,
        tabs: WindowTabs,
        edit_menu: QMenu,
    ):
        super().__init__(window)
        self.document = document
        self.status = status
        self.coding = coding
        self.selection = selection
        self.tabs = tabs
        self._last: str | None = None
        self.action = QAction("Rate &Next Awaiting Position\u2026", window)
        self.action.setShortcut(QKeySequence(RATE_SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(
            f"Open the next position awaiting a stance in the coding editor ({RATE_SHORTCUT}): "
            "Q\u2013T stance, Tab summary, Enter save"
        )
        self.action.triggered.connect(lambda _=False: self.rate_next())
        edit_menu.insertAction(coding.manager.add_speaker_action, self.action)  # with the other coding commands
        document.edited.connect(self._update)
        document.reset.connect(self._on_reset)
        self._update()

    def _on_reset(self) -> None:
        self._last = None
        self._update()

    def _update(self, *_why) -> None:
        self.action.setEnabled(bool(self.document.dataset.awaiting))

    def rate_next(self) -> str | None:
        """Open the next position awaiting a stance in the editor; its id, or None (with a word why) when none awaits."""
        dataset = self.document.dataset
        position_id = next_awaiting(dataset, self._last)
        if position_id is None:
            self.status("No position awaits a stance.", 6000)
            return None
        self._last = position_id
        position = dataset.position(position_id)
        self.selection.select_speaker(position.speaker)
        self.tabs.show_tab("source")
        self.selection.navigate(position_id, "source")
        self.coding.edit_position(position_id)
        place = awaiting_in_text_order(dataset).index(position_id) + 1
        self.status(
            f"Awaiting a stance: {place} of {len(dataset.awaiting)}. "
            f"Q\u2013T stance, Tab summary, Enter save, then {RATE_SHORTCUT} for the next.",
            0,
        )
        return position_id
