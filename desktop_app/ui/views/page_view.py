"""Puts a :class:`~desktop_app.presentation.detail_html.Page` in a text browser, replacing only what changed.

A new page with the same sections in the same order as the one shown (an
edit of a position on it, say) has just its changed sections replaced in the
document, in place: the rest keeps its layout, the reader keeps their place
on the page, and a stance changed on a long page costs its own block.  Any
other page is set whole; while it is, a shown scroll bar is held, since
``setHtml`` empties the document first and the bar would hide and come back,
laying the page out at two widths.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from ...presentation.detail_html import Page

MOST_REPLACED = 12
"""Past this many changed sections the page is set whole: one parse beats many small ones."""


class PageView:
    """Keeps ``browser`` showing a page, and knows where each of its sections starts."""

    def __init__(self, browser: QTextBrowser):
        self._browser = browser
        self._page: Page | None = None
        self._starts: list[int] | None = None  # each section's first position in the document, once looked up
        browser.document().setUndoRedoEnabled(False)  # a page is shown, not typed: no history to keep

    @property
    def page(self) -> Page | None:
        return self._page

    def show(self, page: Page) -> None:
        """Show ``page``: only its changed sections when it has the sections of the page shown, else whole."""
        old = self._page
        if old == page:
            return
        if old is None or old.style != page.style or [key for key, _ in old.sections] != [key for key, _ in page.sections]:
            self._set_whole(page)
            return
        changed = [index for index, (before, after) in enumerate(zip(old.sections, page.sections, strict=True)) if before != after]
        starts = self._starts if self._starts is not None else self._find_starts(old)
        if starts is None or len(changed) > MOST_REPLACED or len(changed) == len(page.sections):
            self._set_whole(page)
            return
        self._replace_sections(page, changed, starts)

    def _set_whole(self, page: Page) -> None:
        browser = self._browser
        document = browser.document()
        if document.defaultStyleSheet() != page.style:
            document.setDefaultStyleSheet(page.style)
        bar_shown = browser.verticalScrollBar().isVisible()
        if bar_shown:
            browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        browser.setHtml(page.body)
        if bar_shown:
            browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._page = page
        self._starts = None

    def _find_starts(self, page: Page) -> list[int] | None:
        """Where each section of ``page`` starts, from the anchors opening them; None if one is missing."""
        found = {page.sections[0][0]: 0}  # the first opens the document, where Qt keeps no anchor name
        block = self._browser.document().begin()
        while block.isValid():
            for name in block.charFormat().anchorNames():
                found.setdefault(name, block.position())
            block = block.next()
        starts = [found.get(key) for key, _ in page.sections]
        if any(start is None for start in starts):
            return None
        return [start for start in starts if start is not None]

    def _replace_sections(self, page: Page, changed: list[int], starts: list[int]) -> None:
        document = self._browser.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        starts = list(starts)
        for index in reversed(changed):  # from the end: the places of the sections before stay put
            before = document.characterCount()
            _select_section(cursor, document, starts, index)
            cursor.removeSelectedText()
            cursor.insertHtml(page.sections[index][1])
            shift = document.characterCount() - before
            for later in range(index + 1, len(starts)):
                starts[later] += shift
        cursor.endEditBlock()
        self._page = page
        self._starts = starts


def _select_section(cursor: QTextCursor, document: QTextDocument, starts: list[int], index: int) -> None:
    """Select section ``index`` but for the break after its last block, so the next section's first block is left whole."""
    cursor.setPosition(starts[index])
    end = starts[index + 1] - 1 if index + 1 < len(starts) else document.characterCount() - 1
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
