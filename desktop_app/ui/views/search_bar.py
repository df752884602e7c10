"""Search across everything: the speaker list's search box, stepped through with F3 / Shift+F3.

The speaker list filters itself by the search; this module adds the rest.
It finds the matching speakers, the themes whose label or description
matches, and every place in the report's text; shows the count under the
search box; steps through them all in that order (a speaker or theme is
selected, a place in the report is shown in the Source tab); highlights the
words in the detail panel and the source; and clears the search on Esc.
Matching folds case, accents and letters such as Ł or ø (see
:mod:`desktop_app.presentation.search`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...presentation.search import (
    FoldedText,
    Hit,
    hit_count_words,
    report_hits,
    search_terms,
    theme_hits,
)
from ..appearance import mark_caption
from .speaker_model import SpeakerIdRole

if TYPE_CHECKING:
    from ..document import SeminarDocument
    from ..selection import Selection
    from .detail_panel import DetailPanel
    from .source_view import SourceView
    from .speaker_list import SpeakerListView


class SearchStatus(QWidget):
    """The line under the search box: how many matches, and buttons for the previous and next."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.count = mark_caption(QLabel())
        self.count.setObjectName("searchCount")
        self.count.setAccessibleName("Search matches")
        self.previous_button = QToolButton()
        self.previous_button.setText("\u25b2")
        self.previous_button.setToolTip("Previous match (Shift+F3)")
        self.previous_button.setAccessibleName("Previous match")
        self.next_button = QToolButton()
        self.next_button.setText("\u25bc")
        self.next_button.setToolTip("Next match (F3)")
        self.next_button.setAccessibleName("Next match")
        for button in (self.previous_button, self.next_button):
            button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.count, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        self.hide()


class SearchNavigator(QObject):
    """Keeps the hits of the search in ``speaker_list``'s box and moves between them.

    F3 and Shift+F3 are actions on ``window``; ``show_tab`` brings the Source tab
    forward for a place in the report.
    """

    hitsChanged = Signal(int)  # how many hits the search has now

    def __init__(
        self,
        window: QWidget,
        document: SeminarDocument,
        selection: Selection,
        *,
        speaker_list: SpeakerListView,
        detail: DetailPanel,
        source: SourceView,
        show_tab: Callable[[str], None],
    ):
        super().__init__(window)
        self.document = document
        self.selection = selection
        self.speaker_list = speaker_list
        self.detail = detail
        self.source = source
        self.show_tab = show_tab
        self.box: QLineEdit = speaker_list.search
        self.status = SearchStatus()
        layout = speaker_list.layout()
        assert isinstance(layout, QVBoxLayout)  # the list's column: search box, then this line, then the list
        layout.insertWidget(1, self.status)
        self.hits: list[Hit] = []
        self.index: int | None = None
        self._terms: list[str] = []
        self._detail_found: list[tuple[int, int]] = []  # the search's matches on the detail panel's page
        self._found_in = -1  # the revision of the panel's document they were found in
        self._marked_view: tuple[int, int, int, int] | None = None  # (revision, scroll, width, height) last marked

        self.next_action = QAction("Find &Next", window)
        self.next_action.setShortcut(QKeySequence.StandardKey.FindNext)
        self.next_action.triggered.connect(self.next)
        self.previous_action = QAction("Find Pre&vious", window)
        self.previous_action.setShortcut(QKeySequence.StandardKey.FindPrevious)
        self.previous_action.triggered.connect(self.previous)
        self.status.next_button.clicked.connect(self.next)
        self.status.previous_button.clicked.connect(self.previous)
        window.addAction(self.next_action)
        window.addAction(self.previous_action)

        self.box.textChanged.connect(self._on_text)
        self.box.installEventFilter(self)
        # Connected after the views: the detail panel has drawn its new page before it is marked.
        selection.changed.connect(self._mark_detail)
        # Scrolled, or made taller or shorter (the bar's range follows the panel's height):
        # other matches come into view.
        detail.body.verticalScrollBar().valueChanged.connect(self._mark_detail_in_view)
        detail.body.verticalScrollBar().rangeChanged.connect(self._mark_detail_in_view)
        document.reset.connect(self._refresh)
        document.edited.connect(self._refresh)

    @property
    def terms(self) -> list[str]:
        return self._terms

    def _on_text(self, text: str) -> None:
        self._terms = search_terms(text)
        self._refresh()

    def _refresh(self, *_why) -> None:
        self.index = None
        if not self._terms:
            self.hits = []
        else:
            proxy = self.speaker_list.proxy
            speakers = [Hit("speaker", proxy.index(row, 0).data(SpeakerIdRole)) for row in range(proxy.rowCount())]
            dataset = self.document.dataset
            report = self.document.derived.of_source_text(FoldedText)
            self.hits = speakers + theme_hits(dataset, self._terms) + report_hits(report, self._terms)
        self.source.set_search_ranges([(hit.start, hit.end) for hit in self.hits if hit.kind == "source"])
        self._mark_detail()
        self._show_count()
        self.hitsChanged.emit(len(self.hits))

    def _show_count(self) -> None:
        self.status.setVisible(bool(self._terms))
        self.status.count.setText(hit_count_words(self.index, len(self.hits)))
        for button in (self.status.next_button, self.status.previous_button):
            button.setEnabled(bool(self.hits))

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.hits:
            return
        if self.index is None:
            self.index = 0 if direction > 0 else len(self.hits) - 1
        else:
            self.index = (self.index + direction) % len(self.hits)
        self._go_to(self.hits[self.index])
        self._show_count()

    def _go_to(self, hit: Hit) -> None:
        if hit.kind == "speaker":
            self.selection.select_speaker(hit.target)
        elif hit.kind == "theme":
            self.selection.select_theme(hit.target)
        else:
            self.show_tab("source")
            self.source.show_range(hit.start, hit.end)

    def clear(self) -> None:
        self.box.clear()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.box.text():
                self.clear()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
        return False

    # -- the detail panel's marks ------------------------------------------------
    def _mark_detail(self, *_why) -> None:
        """Find the search's words on the page the detail panel shows, and mark those in view."""
        body: QTextEdit = self.detail.body
        self._detail_found = FoldedText(body.document().toPlainText()).find(self._terms) if self._terms else []
        self._found_in = body.document().revision()
        self._marked_view = None
        self._mark_detail_in_view()

    def _mark_detail_in_view(self, *_why) -> None:
        """Mark the matches in view on the detail panel's page.

        A page of a common word holds hundreds; marking each cost more than
        drawing the page.  Scrolling marks the matches it brings into view.
        """
        body: QTextEdit = self.detail.body
        if self._detail_found and body.document().revision() != self._found_in:
            return  # a new page, scrolled to its top as it was put in: marked once its matches are found
        if not self._detail_found:
            if body.extraSelections():
                body.setExtraSelections([])
            return
        viewport = body.viewport()
        view = (self._found_in, body.verticalScrollBar().value(), viewport.width(), viewport.height())
        if view == self._marked_view:
            return  # the page grew below the view as its layout went on: the same matches are in view
        self._marked_view = view
        first = body.cursorForPosition(QPoint(0, 0)).position()
        last = body.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        in_view = [(start, end) for start, end in self._detail_found if end >= first and start <= last]
        document = body.document()
        palette = body.palette()
        fmt = QTextCharFormat()
        fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
        fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        marks = []
        for start, end in in_view:
            mark = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            mark.format = fmt
            marks.append(mark)
        body.setExtraSelections(marks)
