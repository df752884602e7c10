"""Which transcript turn holds a place in the source text, and who spoke last before it.

``source.turns`` are spans of the source text in text order that never
overlap (the loader checks both), so each lookup is a binary search.  The
coding suggestion, the detail panel, the CSV and the Source margin all ask here.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..format.schema import Turn


def _last_starting_at_or_before(turns: Sequence[Turn], offset: int) -> int:
    """Index of the last turn starting at or before ``offset`` (-1 when none does)."""
    return bisect.bisect_right(turns, offset, key=lambda turn: turn.start) - 1


def turn_at(turns: Sequence[Turn], offset: int) -> Turn | None:
    """The turn whose span holds the character at ``offset``, or None between turns."""
    index = _last_starting_at_or_before(turns, offset)
    if index < 0:
        return None
    turn = turns[index]
    return turn if offset < turn.end else None


def speaker_before(turns: Sequence[Turn], offset: int) -> str | None:
    """The speaker of the turn holding ``offset``, else of the nearest turn before it; None before the first turn.

    What the coding editor suggests as the speaker of a passage selected there.
    """
    index = _last_starting_at_or_before(turns, offset)
    return turns[index].speaker if index >= 0 else None
