"""What the user is looking at, shared by every view, and requests to bring a position into view.

Selecting in any view goes through :class:`Selection`; every view follows its
``changed`` signal, which is how the list, the chart, the agreement map, the
source and the detail panel stay linked in both directions.  The focus itself
is a plain value (:class:`~desktop_app.presentation.focus.Focus`).

Bringing a position into view is not a selection: :meth:`Selection.navigate`
announces ``navigationRequested`` and the view named as the target scrolls
to it ("Show in source" from the detail panel, a click on a passage in the
source to the detail panel).

Given the document, the selection follows it before any view does (it is
made before them): a new seminar, or the removal of what is selected, clears
the focus first, so views redraw once, for the new state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..presentation.focus import Focus, FocusKind, Navigation, NavigationTarget

if TYPE_CHECKING:  # the document module loads the model, which the window's first frame does without
    from .document import SeminarDocument


class Selection(QObject):
    changed = Signal(object)  # Focus
    navigationRequested = Signal(object)  # Navigation

    def __init__(self, document: SeminarDocument | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._focus = Focus.none()
        if document is not None:
            self.follow(document)

    def follow(self, document: SeminarDocument) -> None:
        """Clear the focus when ``document`` opens another seminar or loses what is selected.

        Call it before any view connects to the document, so views redraw once, for the new state.
        """
        document.reset.connect(self.clear)
        document.speakerRemoved.connect(self._on_speaker_removed)
        document.themeRemoved.connect(self._on_theme_removed)

    @property
    def focus(self) -> Focus:
        return self._focus

    def _set(self, focus: Focus) -> None:
        if focus != self._focus:
            self._focus = focus
            self.changed.emit(focus)

    def select_speaker(self, speaker_id: str) -> None:
        self._set(Focus.on_speaker(speaker_id))

    def select_theme(self, theme_id: str) -> None:
        self._set(Focus.on_theme(theme_id))

    def select_pair(self, speaker_id: str, other_id: str) -> None:
        if speaker_id == other_id:
            self.select_speaker(speaker_id)
        else:
            self._set(Focus.on_pair(speaker_id, other_id))

    def clear(self) -> None:
        self._set(Focus.none())

    def navigate(self, position_id: str, target: NavigationTarget) -> None:
        """Ask the ``target`` view to bring a position into view; the focus stays as it is."""
        self.navigationRequested.emit(Navigation(position_id, target))

    def _on_speaker_removed(self, speaker_id: str) -> None:
        focus = self._focus
        if focus.kind in (FocusKind.SPEAKER, FocusKind.PAIR) and speaker_id in (focus.speaker, focus.other_speaker):
            self.clear()

    def _on_theme_removed(self, theme_id: str) -> None:
        if self._focus.kind is FocusKind.THEME and self._focus.theme == theme_id:
            self.clear()
