"""A dismissible information bar across the top of the window, for news the user should not miss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from ...presentation.elide import elide_long_words, needs_eliding


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#banner { background: palette(tool-tip-base); border: 1px solid palette(mid); border-radius: 4px; }"
            "#banner QLabel { color: palette(tool-tip-text); }"
        )
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("\u2715")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName("Dismiss message")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text``; an over-long path in it is shortened in the middle, and the full text is the tooltip."""
        self.message.setText(elide_long_words(text))
        self.message.setToolTip(text if needs_eliding(text) else "")
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.message.text()
