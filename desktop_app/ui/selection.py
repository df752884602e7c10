"""What the user is looking at: a speaker, a theme or a pair of speakers, shared by every view.

Selecting in any view goes through :class:`Selection`; every view follows its
``changed`` signal, which is how the list, the chart, the agreement map, the
source and the detail panel stay linked in both directions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal


class FocusKind(Enum):
    NONE = "none"
    SPEAKER = "speaker"
    THEME = "theme"
    PAIR = "pair"


@dataclass(frozen=True)
class Focus:
    """The current selection. ``position`` names a position to bring into view, if any."""

    kind: FocusKind = FocusKind.NONE
    speaker: str | None = None
    theme: str | None = None
    other_speaker: str | None = None
    position: str | None = None


class Selection(QObject):
    changed = Signal(object)  # Focus

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._focus = Focus()

    @property
    def focus(self) -> Focus:
        return self._focus

    def _set(self, focus: Focus) -> None:
        if focus != self._focus:
            self._focus = focus
            self.changed.emit(focus)

    def select_speaker(self, speaker_id: str, position_id: str | None = None) -> None:
        self._set(Focus(FocusKind.SPEAKER, speaker=speaker_id, position=position_id))

    def select_theme(self, theme_id: str) -> None:
        self._set(Focus(FocusKind.THEME, theme=theme_id))

    def select_pair(self, speaker_id: str, other_id: str) -> None:
        if speaker_id == other_id:
            self.select_speaker(speaker_id)
        else:
            self._set(Focus(FocusKind.PAIR, speaker=speaker_id, other_speaker=other_id))

    def clear(self) -> None:
        self._set(Focus())
