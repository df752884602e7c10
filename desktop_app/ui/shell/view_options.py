"""View ▸ Zoom and View ▸ Appearance: the window's text size and palette, remembered in the settings."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ..appearance import APPEARANCE_TITLES, APPEARANCES, Appearance
from .settings import AppSettings
from .zoom import TextZoom


class ViewOptions(QObject):
    """Creates the zoom and appearance actions in ``menu`` and applies the remembered choices."""

    def __init__(self, window, menu: QMenu, settings: AppSettings):
        super().__init__(window)
        self._settings = settings
        self.zoom = TextZoom(self)
        self.appearance = Appearance(self)

        zoom_menu = menu.addMenu("&Zoom")
        self.zoom_in_action = QAction("Zoom &In", window)
        self.zoom_in_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_in_action.triggered.connect(self.zoom.zoom_in)
        self.zoom_out_action = QAction("Zoom &Out", window)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.triggered.connect(self.zoom.zoom_out)
        self.zoom_reset_action = QAction("&Actual Size", window)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset_action.triggered.connect(self.zoom.reset)
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            zoom_menu.addAction(action)
            window.addAction(action)  # shortcuts work with the menu bar hidden too

        appearance_menu = menu.addMenu("&Appearance")
        self.appearance_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for mode in APPEARANCES:
            action = QAction(APPEARANCE_TITLES[mode], window)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, m=mode: self.set_appearance(m))
            group.addAction(action)
            appearance_menu.addAction(action)
            self.appearance_actions[mode] = action

        self.zoom.changed.connect(self._remember_zoom)
        if settings.zoom_step:
            self.zoom.set_step(settings.zoom_step)
        self.set_appearance(settings.appearance, remember=False)

    def set_appearance(self, mode: str, remember: bool = True) -> None:
        if mode != "system" or self.appearance.mode != "system":
            self.appearance.apply(mode)
        self.appearance.mode = mode
        self.appearance_actions[mode].setChecked(True)
        if remember:
            self._settings.appearance = mode

    def _remember_zoom(self, step: int) -> None:
        self._settings.zoom_step = step
