"""Light, dark or the system's palette, and captions that stay readable in each.

The window offers View ▸ Appearance (System, Light, Dark), remembered in the
settings.  "System" follows the platform's colour scheme and keeps following
it when it changes.  Captions (the quiet explanatory lines under the views)
are marked with :func:`mark_caption` rather than drawn as disabled text: their
colour is the palette's text mixed toward the background only as far as a
4.5:1 contrast allows, and is worked out again whenever the palette changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ..presentation.contrast import muted_text

APPEARANCES = ("system", "light", "dark")
APPEARANCE_TITLES = {"system": "&System", "light": "&Light", "dark": "&Dark"}
_CAPTION = "seminarLensCaption"
_Role = QPalette.ColorRole


def caption_colour(palette: QPalette) -> QColor:
    """The caption colour for ``palette``: muted, with at least 4.5:1 contrast on its window colour."""
    text = palette.color(_Role.WindowText).name()
    background = palette.color(_Role.Window).name()
    return QColor(muted_text(text, background))


def _restyle(label: QLabel) -> None:
    palette = label.palette()
    base = QApplication.palette(label)
    colour = caption_colour(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        palette.setColor(group, _Role.WindowText, colour)
        palette.setColor(group, _Role.Window, base.color(_Role.Window))
    label.setPalette(palette)


def mark_caption(label: QLabel) -> QLabel:
    """Draw ``label`` as a caption: quieter than body text, never below 4.5:1 contrast."""
    label.setProperty(_CAPTION, True)
    _restyle(label)
    return label


def restyle_captions() -> None:
    """Work out every caption's colour again from the application's palette."""
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel) and widget.property(_CAPTION):
            _restyle(widget)


def dark_palette() -> QPalette:
    """A dark palette whose every text role reads on its background."""
    palette = QPalette()
    colours = {
        _Role.Window: "#2b2b2b", _Role.WindowText: "#e8e8e8", _Role.Base: "#1f1f1f", _Role.AlternateBase: "#2a2a2a",
        _Role.ToolTipBase: "#3a3a3a", _Role.ToolTipText: "#f0f0f0", _Role.Text: "#e8e8e8", _Role.Button: "#353535",
        _Role.ButtonText: "#e8e8e8", _Role.BrightText: "#ffffff", _Role.Highlight: "#3d7cc9",
        _Role.HighlightedText: "#ffffff", _Role.Link: "#8ab4f8", _Role.LinkVisited: "#c58af9",
        _Role.PlaceholderText: "#a0a0a0", _Role.Light: "#4a4a4a", _Role.Midlight: "#3e3e3e", _Role.Mid: "#5a5a5a",
        _Role.Dark: "#1a1a1a", _Role.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return palette


def light_palette() -> QPalette:
    """The style's own light palette."""
    app = QApplication.instance()
    return app.style().standardPalette() if isinstance(app, QApplication) else QPalette()


class Appearance(QObject):
    """Applies a chosen appearance to the application and keeps captions readable through changes."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._system_palette = QPalette(QGuiApplication.palette())
        self.mode = "system"
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    def apply(self, mode: str) -> None:
        """Show the application in ``mode`` (one of APPEARANCES)."""
        if mode not in APPEARANCES:
            mode = "system"
        self.mode = mode
        hints = QGuiApplication.styleHints()
        if mode == "system":
            hints.unsetColorScheme()
            QApplication.setPalette(self._system_palette)
            self.follow_system(hints.colorScheme())
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if mode == "dark" else Qt.ColorScheme.Light)
            QApplication.setPalette(dark_palette() if mode == "dark" else light_palette())
        restyle_captions()

    def _on_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        # A signal, not an event filter on the whole application, which would cost a Python call per event.
        if self.mode == "system":
            self._system_palette = QPalette(QGuiApplication.palette())
            self.follow_system(scheme)
            restyle_captions()

    def follow_system(self, scheme: Qt.ColorScheme) -> None:
        """Match the system's colour scheme when its palette does not (a platform theme with no dark palette)."""
        window_is_dark = QApplication.palette().color(_Role.Window).lightnessF() < 0.5
        if scheme == Qt.ColorScheme.Dark and not window_is_dark:
            QApplication.setPalette(dark_palette())
        elif scheme == Qt.ColorScheme.Light and window_is_dark:
            QApplication.setPalette(self._system_palette if self._system_palette.color(_Role.Window).lightnessF() >= 0.5 else light_palette())
        restyle_captions()


def is_caption(widget: QWidget) -> bool:
    return bool(widget.property(_CAPTION))
