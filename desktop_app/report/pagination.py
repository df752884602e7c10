"""Where the brief's pages should break so that units stay whole: pure arithmetic on heights.

The brief is a sequence of *units* (a position with its excerpt, a speaker's
heading, a section heading with its table…), each measured on one long page:
its *height* runs from its top to the next unit's top (so it includes the gap
after it), its *lead* is the space above it that the layout keeps when the
unit opens a page.  A unit that would straddle two pages starts a new page
instead, if it fits on one; a unit marked "keep with next" (a heading) goes
along with the unit after it, so no page ends on a heading.  Units taller
than ``keep_limit`` of a page flow across pages as they come.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

KEEP_LIMIT = 0.8
"""A unit taller than this share of a page is allowed to break across pages."""
SLACK = 8.0
"""Layout units kept free at a page's foot, so a unit planned to fit does fit once laid out on pages."""


def plan_breaks(
    heights: Sequence[float],
    keep_with_next: Sequence[bool],
    page_height: float,
    leads: Sequence[float] | None = None,
    *,
    keep_limit: float = KEEP_LIMIT,
    first_opens_page: bool = False,
) -> list[int]:
    """Indices of the units that should start a new page, in order.

    ``first_opens_page``: the first unit is known to start a page (planning
    the rest of a document after a break).
    """
    if page_height <= SLACK:
        raise ValueError("page height must be larger than the slack at its foot")
    leads = leads if leads is not None else [0.0] * len(heights)
    room = page_height - SLACK
    breaks: list[int] = []
    starts: list[float] = []  # where each unit starts on its page
    pages: list[int] = []  # which page each unit starts on
    page = 0
    used = leads[0] if first_opens_page and heights else 0.0
    for index, height in enumerate(heights):
        fits_on_a_page = height <= page_height * keep_limit
        if index and used > leads[index] and used + height > room and fits_on_a_page:
            target = index
            while target > 0 and keep_with_next[target - 1] and pages[target - 1] == page:
                target -= 1
            if target == index or starts[target] > leads[target]:
                # Move the unit (with any headings leading to it) to the next page.
                breaks.append(target)
                page += 1
                used = leads[target]
                for moved in range(target, index):
                    starts[moved], pages[moved] = used, page
                    used += heights[moved]
                starts.append(used)
                pages.append(page)
                used += height
                continue
            # The chain already opens this page: moving it gains nothing, so it flows on.
        starts.append(used)
        pages.append(page)
        used += height
        while used > page_height:
            used -= page_height
            page += 1
    return breaks


def place(heights: Sequence[float], keep_with_next: Sequence[bool], page_height: float) -> list[float]:
    """Where each unit starts on the long strip of pages laid end to end (page *k* covers [k, k + 1) × ``page_height``).

    Units follow one another; those :func:`plan_breaks` moves start the next page.
    """
    breaks = set(plan_breaks(heights, keep_with_next, page_height))
    tops: list[float] = []
    used = 0.0
    for index, height in enumerate(heights):
        if index in breaks:
            used = math.ceil(used / page_height - 1e-9) * page_height
        tops.append(used)
        used += height
    return tops
