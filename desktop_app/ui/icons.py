"""Icons for actions: the desktop theme's own where it has one, else Qt's built-in stand-in."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget


def themed_icon(name: str, fallback: QStyle.StandardPixmap, widget: QWidget) -> QIcon:
    """The theme's icon called ``name``, or ``fallback`` from the widget's style when the theme has none."""
    icon = QIcon.fromTheme(name)
    return icon if not icon.isNull() else widget.style().standardIcon(fallback)
