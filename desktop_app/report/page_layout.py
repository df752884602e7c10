"""The brief's document on pages: its units found, page breaks set so they stay whole.

:mod:`.brief_html` opens each unit with a block whose user state is the
unit's number; here the units are found again in the laid-out document, their
sizes measured on one long page, the breaks planned by :mod:`.pagination`
and set, and the document laid out on its pages.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextFrame

from .pagination import KEEP_LIMIT, plan_breaks


def paginate(
    document: QTextDocument, keep_with_next: list[bool], page: QSizeF, step: Callable[[str], None] | None = None
) -> None:
    """Lay the brief out on pages, starting a unit on a new page where it would straddle two.

    ``document`` comes laid out on one long page (its text width set, no
    page size).  The breaks are planned from the units' sizes there
    (:mod:`.pagination`), set all at once, and the document is laid out on
    pages: a few layouts in all, however long the brief.  Should a unit
    still straddle two pages once laid out (the plan keeps some slack, so
    this is rare), it gets its break and the rest of the brief is planned
    and laid out again from there.  ``step`` is told of each of these
    stages before it starts (and may raise to stop them).
    """
    step = step or (lambda words: None)
    page_height = page.height()
    units = _units(document, len(keep_with_next))
    if not units:
        document.setPageSize(page)
        return
    keep = [keep_with_next[unit.number] for unit in units]
    layout = document.documentLayout()
    step("Measuring the brief")
    document.pageCount()  # finishes the long page's layout
    tops = [unit.top(layout) for unit in units]
    bottoms = [unit.bottom(layout) for unit in units]
    heights = [below - top for top, below in zip(tops, tops[1:] + [layout.documentSize().height()])]
    leads = [tops[0]] + [max(0.0, top - bottom) for top, bottom in zip(tops[1:], bottoms)]
    with _one_edit(document):
        for index in plan_breaks(heights, keep, page_height, leads):
            _set_break(units[index].first, True)
    step("Laying out the pages")
    document.setPageSize(page)
    pages = document.pageCount()
    index = 0
    while index < len(units):
        target = _straddling(layout, units, keep, index, page_height)
        if target is None:
            index += 1
            continue
        page_number = math.floor(units[target].top(layout) / page_height) + 1
        step(f"Keeping a passage whole on page {page_number} of {pages}")
        with _one_edit(document):
            for later in units[target:]:
                _set_break(later.first, False)
            _set_break(units[target].first, True)
            replanned = plan_breaks(heights[target:], keep[target:], page_height, leads[target:], first_opens_page=True)
            for offset in replanned:
                _set_break(units[target + offset].first, True)
        _relayout_from(document, units[target].first)
        document.pageCount()
        index = target + 1


@contextmanager
def _one_edit(document: QTextDocument):
    """Make the changes inside one edit, so the document is laid out again once, not after each change."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


def _blocks(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def find_image(document: QTextDocument, name: str) -> int | None:
    """Position of the image called ``name`` in the document, if it is there."""
    for block in _blocks(document):
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            text_format = fragment.charFormat()
            if text_format.isImageFormat() and text_format.toImageFormat().name() == name:
                return fragment.position()
            fragments += 1
    return None


@dataclass(frozen=True)
class _Unit:
    """A unit of the brief as laid out: its number and its top-level blocks and tables, in order."""

    number: int
    items: tuple

    @property
    def first(self):
        return self.items[0]

    def top(self, layout) -> float:
        return _rect(layout, self.items[0]).top()

    def bottom(self, layout) -> float:
        """Foot of the unit's last table or block with text (Qt follows each table with an empty block)."""
        for item in reversed(self.items):
            if isinstance(item, QTextFrame) or item.length() > 1:
                return _rect(layout, item).bottom()
        return _rect(layout, self.items[-1]).bottom()


def _units(document: QTextDocument, count: int) -> list[_Unit]:
    """The units, each from the block whose user state numbers it up to the next unit's first item."""
    items: list = []
    numbers: dict[int, int] = {}  # index in items → unit number
    for block in _blocks(document):
        item = _top_level(document, block)
        if not items or not _same(item, items[-1]):
            items.append(item)
        number = block.userState()
        if 0 <= number < count and number not in numbers.values():
            numbers.setdefault(len(items) - 1, number)
    firsts = sorted(numbers)
    return [
        _Unit(numbers[first], tuple(items[first : firsts[order + 1] if order + 1 < len(firsts) else len(items)]))
        for order, first in enumerate(firsts)
    ]


def _straddling(layout, units: list[_Unit], keep: list[bool], index: int, page_height: float) -> int | None:
    """The unit to start a new page with, if unit ``index`` straddles two pages and could be kept whole."""
    top, bottom = units[index].top(layout), units[index].bottom(layout)
    first_page = math.floor(top / page_height + 1e-6)
    last_page = math.floor((bottom - 1) / page_height + 1e-6)
    if last_page == first_page or bottom - top > page_height * KEEP_LIMIT or top - first_page * page_height < 2:
        return None
    target = index
    while target and keep[target - 1]:
        above = units[target - 1].top(layout) - first_page * page_height
        if above < -1:  # the chain already runs over from an earlier page
            break
        if above < 2:  # the chain already starts the page: moving it gains nothing
            return None
        target -= 1
    return target


def _top_level(document: QTextDocument, block: QTextBlock) -> QTextBlock | QTextFrame:
    frame = QTextCursor(block).currentFrame()
    root = document.rootFrame()
    if frame == root:
        return block
    while frame.parentFrame() != root:
        frame = frame.parentFrame()
    return frame


def _same(a, b) -> bool:
    return type(a) is type(b) and a == b


def _rect(layout, item) -> QRectF:
    if isinstance(item, QTextFrame):
        return layout.frameBoundingRect(item)
    return layout.blockBoundingRect(item)


def _set_break(item, on: bool) -> None:
    """Make ``item`` (a top-level block or table) start a new page, or not."""
    policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore if on else QTextFormat.PageBreakFlag.PageBreak_Auto
    if isinstance(item, QTextFrame):
        frame_format = item.frameFormat()
        if frame_format.pageBreakPolicy() != policy:
            frame_format.setPageBreakPolicy(policy)
            item.setFrameFormat(frame_format)
    else:
        block_format = item.blockFormat()
        if block_format.pageBreakPolicy() != policy:
            block_format.setPageBreakPolicy(policy)
            QTextCursor(item).setBlockFormat(block_format)


def _relayout_from(document: QTextDocument, item) -> None:
    """Lay out everything from ``item`` on again.

    Qt's incremental relayout after a format change can leave later blocks
    with no lines at all (they vanish from the page); marking the rest dirty
    makes it lay them all out afresh.
    """
    start = item.firstPosition() if isinstance(item, QTextFrame) else item.position()
    start = max(0, start - 1)
    document.markContentsDirty(start, document.characterCount() - start)
