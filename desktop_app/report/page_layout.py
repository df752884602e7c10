"""The brief's markup cut into passages, each small enough to lay out on its own.

:mod:`.brief_html` opens each *unit* with a block whose user state is the
unit's number (``-qt-user-state:N``).  Here the markup is cut, at the
top-level element holding each such block, into one piece of markup per
unit; a long table inside a unit is cut further into parts of
:data:`ROWS_PER_PART` rows, so no passage is much taller than a page (the
header row heads the first part only: a table continued on the next page
does not repeat it).  Every passage is then laid out in a small
document of its own (:mod:`.pdf`): many short layouts instead of one huge
one, which is both faster and lets a worker thread stop and report between
them.  Pure Python: no Qt.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

ROWS_PER_PART = 4
"""Rows of a long table laid out together; the table continues in further parts of this many.

A part is kept whole on a page, so a small part wastes little at a page's foot."""
LONG_TABLE_ROWS = 6
"""A table of more rows than this is cut into parts; a shorter one stays whole with its unit."""
WHOLE_CLASS = "whole"
"""A table whose class names this stays whole up to :data:`WHOLE_TABLE_ROWS` rows (a matrix read across its rows)."""
WHOLE_TABLE_ROWS = 24

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = {"br", "img", "hr", "meta", "col", "input", "link"}
_MARKER = re.compile(r"-qt-user-state:(\d+);")


@dataclass(frozen=True)
class Passage:
    """A run of the brief laid out as one piece: its markup and whether it must share a page with the next."""

    html: str
    keep_with_next: bool = False
    table_part: int | None = None
    """For the parts of one long table, a number they share, so they can be given the same column widths."""


def split_passages(html: str, keep_with_next: list[bool]) -> list[Passage]:
    """The brief's markup as passages, in order (see the module's docstring)."""
    tops = _top_level_starts(html)
    starts: list[int] = []
    keeps: list[bool] = []
    for marker in _MARKER.finditer(html):
        number = int(marker.group(1))
        start = tops[bisect.bisect_right(tops, marker.start()) - 1] if tops and tops[0] <= marker.start() else 0
        if starts and start <= starts[-1]:
            continue  # a second marker inside the same top-level element belongs to the unit already opened
        starts.append(start)
        keeps.append(keep_with_next[number] if 0 <= number < len(keep_with_next) else False)
    if not starts:
        return [Passage(html)] if html.strip() else []
    starts[0] = 0  # anything before the first unit goes with it
    passages: list[Passage] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(html)
        pieces = _cut_long_tables(html[start:end])
        part_of = index if len(pieces) > 1 else None
        for order, piece in enumerate(pieces):
            last = order == len(pieces) - 1
            passages.append(Passage(piece, keeps[index] and last, part_of))
    return passages


def _top_level_starts(html: str) -> list[int]:
    """Offsets where each top-level element opens."""
    starts = []
    depth = 0
    for tag in _TAG.finditer(html):
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            depth = max(0, depth - 1)
            continue
        if depth == 0:
            starts.append(tag.start())
        if name not in _VOID and not self_closing:
            depth += 1
    return starts


def _cut_long_tables(html: str) -> list[str]:
    """``html`` as one piece, or each top-level table of more than :data:`LONG_TABLE_ROWS` rows cut into parts."""
    if html.count("<tr") <= LONG_TABLE_ROWS:
        return [html]
    pieces: list[str] = []
    pending = 0  # where the markup not yet in a piece starts
    for open_start, open_end, close_start, close_end in _top_level_tables(html):
        rows = _rows(html, open_end, close_start)
        opening = html[open_start:open_end]
        classes = _CLASS.search(opening)
        whole = classes is not None and WHOLE_CLASS in classes.group(1).split()
        if len(rows) <= (WHOLE_TABLE_ROWS if whole else LONG_TABLE_ROWS):
            continue
        head = html[open_end : rows[0][0]]  # the header row, on the first part only
        for first in range(0, len(rows), ROWS_PER_PART):
            chunk = rows[first : first + ROWS_PER_PART]
            before = html[pending:open_start] + opening + head if first == 0 else opening
            pieces.append(before + html[chunk[0][0] : chunk[-1][1]] + "</table>")
        pending = close_end
    if not pieces:
        return [html]
    pieces[-1] += html[pending:]
    return pieces


def _top_level_tables(html: str) -> list[tuple[int, int, int, int]]:
    """Where each top-level table's opening tag starts and ends, and where its closing tag starts and ends."""
    tables = []
    depth = 0
    opened: tuple[int, int] | None = None
    for tag in _TAG.finditer(html):
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            depth = max(0, depth - 1)
            if depth == 0 and name == "table" and opened is not None:
                tables.append((*opened, tag.start(), tag.end()))
                opened = None
            continue
        if depth == 0 and name == "table":
            opened = (tag.start(), tag.end())
        if name not in _VOID and not self_closing:
            depth += 1
    return tables


def _rows(html: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each body row (``<tr>`` outside ``<thead>``) directly in the table between ``start`` and ``end``."""
    rows = []
    depth = 0
    in_head = False
    row_start = None
    for tag in _TAG.finditer(html, start, end):
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            depth = max(0, depth - 1)
            if name == "thead" and depth == 0:
                in_head = False
            if name == "tr" and depth == 0 and row_start is not None:
                rows.append((row_start, tag.end()))
                row_start = None
            continue
        if depth == 0 and name == "thead":
            in_head = True
        if depth == 0 and name == "tr" and not in_head:
            row_start = tag.start()
        if name not in _VOID and not self_closing:
            depth += 1
    return rows


_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_OPENING = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)?>")
_CLASS = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""")
_STYLE = re.compile(r"""\bstyle\s*=\s*"([^"]*)\"""")


def inline_style_sheet(html: str, style_sheet: str) -> str:
    """``html`` with the rules of ``style_sheet`` written into each element's own style.

    Qt parses a document's default style sheet anew for every document,
    which for thousands of small passages costs more than laying them out;
    written inline, each element carries only what applies to it.  The
    sheet may hold rules for an element (``p``), a class (``.muted``) or
    ``body``; an element's own style still wins, as it would over the sheet.
    """
    by_element: dict[str, str] = {}
    by_class: dict[str, str] = {}
    for selectors, declarations in _RULE.findall(style_sheet):
        declarations = " ".join(declarations.split())
        for selector in selectors.split(","):
            selector = selector.strip()
            if selector.startswith("."):
                by_class[selector[1:]] = declarations
            elif selector and selector != "body":  # the body's colour is the painting palette's text colour
                by_element[selector.lower()] = declarations

    restyled: dict[str, str] = {}  # most tags of a brief repeat one another exactly

    def restyle(tag: re.Match) -> str:
        whole = tag.group(0)
        known = restyled.get(whole)
        if known is None:
            known = restyled[whole] = _restyled(tag.group(1), tag.group(2) or "")
        return known

    def _restyled(name: str, attributes: str) -> str:
        added = by_element.get(name.lower(), "")
        classes = _CLASS.search(attributes)
        if classes:
            added += " " + " ".join(by_class.get(word, "") for word in classes.group(1).split())
        added = added.strip()
        if not added:
            return f"<{name}{attributes}>"
        own = _STYLE.search(attributes)
        if own:
            attributes = f'{attributes[: own.start()]}style="{added} {own.group(1)}"{attributes[own.end():]}'
        else:
            attributes = f'{attributes} style="{added}"'
        return f"<{name}{attributes}>"

    return _OPENING.sub(restyle, html)
