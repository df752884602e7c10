"""Help ▸ Reading the Analysis: a non-modal window showing the page :mod:`desktop_app.presentation.reading` writes."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class _LocalBrowser(QTextBrowser):
    """Loads nothing from anywhere: the page is all there is."""

    def loadResource(self, kind: int, name: QUrl | str) -> None:
        return None


class ReadingDialog(QDialog):
    """The definitions of every measure and rule, beside the window while the reader looks at the figures."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Reading the Analysis")
        self.setModal(False)
        self.resize(620, 640)
        self.browser = _LocalBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Reading the analysis")
        self.browser.document().setDocumentMargin(12)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def set_html(self, markup: str) -> None:
        """Show ``markup`` (built from the model's constants; file text in it is escaped), keeping the scroll place."""
        place = self.browser.verticalScrollBar().value()
        self.browser.setHtml(markup)
        self.browser.verticalScrollBar().setValue(place)

    def text(self) -> str:
        return self.browser.toPlainText()
