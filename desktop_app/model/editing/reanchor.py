"""Find every excerpt and turn again after the source text was edited, never moving one to another passage silently.

Each position keeps its exact excerpt and the place it had in the old text.
When the text changes, the stretches that differ are found (:mod:`.text_diff`:
line by line, then word by word), and each excerpt is placed, in turn:

1. **where it was**, shifted by the edits before it, when no edit touched it;
2. **at its exact text** inside the stretches changed around it, the occurrence
   nearest to where it was (a paragraph rewritten around it, or a whole new copy of the report);
3. **by its edges**: when the edits fall inside the excerpt (a typo fixed, a
   word changed), it becomes what now lies between its old edges; else **by
   its context**: the characters just before and after it in the old text are
   found again, and it becomes what now lies between them; either only when
   that is about as long as before;
4. else it is **lost**: listed as "excerpt no longer found" for the analyst.

Placements 2 and 3 are listed for review too, so the analyst sees every
excerpt that did not simply stay.  Transcript turns keep their speaker and
move with their words: a turn no edit touched keeps exactly its words; text
inserted inside a turn joins it, text inserted between two turns joins
neither; a turn whose words were all deleted is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..format.excerpts import ExcerptFinder, Span, matches_at, normalise
from ..format.schema import MAX_EXCERPT, Position, Turn, has_control_characters
from .text_diff import TextDiff

CONTEXT = 40
"""Characters of the old text on each side of an excerpt used to find its place again."""
MIN_CONTEXT = 8
"""Shortest context worth searching for (unless the excerpt sat at an end of the text)."""
LENGTH_RATIO = 2.0
"""A passage found by context may be at most this many times longer, or shorter, than the old excerpt."""


@dataclass(frozen=True)
class Reanchoring:
    """Where each excerpt lies in the new text, and which ones need the analyst."""

    spans: dict[str, Span] = field(default_factory=dict)
    """Positions whose excerpt text is unchanged, at their new place."""
    rewritten: dict[str, tuple[str, Span]] = field(default_factory=dict)
    """Positions placed by context: their new excerpt (the text now between the context) and its place."""
    lost: tuple[str, ...] = ()
    """Positions whose excerpt is no longer found."""
    review: tuple[str, ...] = ()
    """Positions that did not simply stay where they were (placed by search or by context), for the analyst to check."""
    turns: tuple[Turn, ...] = ()
    """The transcript turns over the new text."""


def reanchor(
    old_text: str,
    new_text: str,
    positions: Sequence[Position],
    old_spans: Mapping[str, Span],
    turns: Sequence[Turn] = (),
) -> Reanchoring:
    """Place every position's excerpt in ``new_text``; see the module's docstring for the order of attempts."""
    diff = TextDiff(old_text, new_text)

    spans: dict[str, Span] = {}
    rewritten: dict[str, tuple[str, Span]] = {}
    lost: list[str] = []
    review: list[str] = []
    for position in positions:
        old = old_spans.get(position.id)
        if old is None:
            lost.append(position.id)  # lost before: stays lost until the analyst re-selects it
            continue
        if diff.unchanged(old.start, old.end):
            moved = Span(*diff.shifted(old.start, old.end))
            if matches_at(new_text, position.excerpt, moved):
                spans[position.id] = moved
                continue
        wanted = diff.start_of(old.start)
        found = _nearest_exact(new_text, position.excerpt, _changed_around(diff, old), wanted)
        if found is not None:
            spans[position.id] = found
            review.append(position.id)
            continue
        by_context = _by_diff(new_text, old, diff) or _by_context(old_text, new_text, old, wanted)
        if by_context is not None:
            rewritten[position.id] = by_context
            review.append(position.id)
            continue
        lost.append(position.id)
    return Reanchoring(spans, rewritten, tuple(lost), tuple(review), _moved_turns(turns, diff, len(new_text)))


def _changed_around(diff: TextDiff, old: Span) -> tuple[int, int]:
    """The stretch of the new text that replaced the changed text in and at the edges of an old span."""
    near = diff.touching(old.start, old.end)
    if not near:
        return diff.start_of(old.start), diff.end_of(old.end)
    return min(s.new_start for s in near), max(s.new_end for s in near)


def _nearest_exact(new_text: str, excerpt: str, changed: tuple[int, int], wanted: int) -> Span | None:
    """The occurrence of the excerpt that overlaps the changed part of the new text, nearest to its old place."""
    # Only an occurrence that takes in new text can be the excerpt's own passage: any other was there
    # before, as a different passage, and taking it would move the position there silently.  Such an
    # occurrence lies near the changed part, so only that stretch of the text is searched.
    start, end = changed
    reach = 2 * len(excerpt) + 64
    low = max(0, start - reach)
    window = ExcerptFinder(new_text[low : end + reach])
    candidates = [
        Span(span.start + low, span.end + low)
        for span in window.occurrences(excerpt)
        if span.end + low > start and span.start + low < end
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda span: (abs(span.start - wanted), span.start))


def _by_context(old_text: str, new_text: str, old: Span, wanted: int) -> tuple[str, Span] | None:
    """The passage now between the excerpt's old surroundings (``wanted``: its old start, mapped), if both are found and it is about as long."""
    before = old_text[max(0, old.start - CONTEXT) : old.start]
    after = old_text[old.end : old.end + CONTEXT]
    old_length = old.end - old.start
    if before:
        if len(before) < MIN_CONTEXT and old.start - len(before) > 0:
            return None
        start = _nearest(new_text, before, wanted - len(before))
        if start is None:
            return None
        start += len(before)
    else:
        start = 0
    if after:
        if len(after) < MIN_CONTEXT and old.end + len(after) < len(old_text):
            return None
        end = new_text.find(after, start, start + int(old_length * LENGTH_RATIO) + len(after) + 1)
        if end < 0:
            return None
    else:
        end = len(new_text)
    return _passage(new_text, start, end, old_length)


def _by_diff(new_text: str, old: Span, diff: TextDiff) -> tuple[str, Span] | None:
    """The passage now between the excerpt's old edges, when no edit cut through either edge and it is about as long."""
    for stretch in diff.touching(old.start, old.end):
        if stretch.old_start < old.start < stretch.old_end or stretch.old_start < old.end < stretch.old_end:
            return None
    return _passage(new_text, diff.start_of(old.start), diff.end_of(old.end), old.end - old.start)


def _passage(new_text: str, start: int, end: int, old_length: int) -> tuple[str, Span] | None:
    """``new_text[start:end]`` without white space at its ends, if it can be an excerpt about ``old_length`` long."""
    while start < end and new_text[start].isspace():
        start += 1
    while end > start and new_text[end - 1].isspace():
        end -= 1
    passage = new_text[start:end]
    if not passage or not (old_length / LENGTH_RATIO <= len(passage) <= old_length * LENGTH_RATIO):
        return None
    if len(passage) > MAX_EXCERPT or has_control_characters(passage) or not normalise(passage):
        return None
    return passage, Span(start, end)


def _nearest(text: str, needle: str, wanted: int) -> int | None:
    """The occurrence of ``needle`` in ``text`` starting nearest to ``wanted``."""
    best: int | None = None
    at = text.find(needle)
    while at >= 0:
        if best is None or abs(at - wanted) < abs(best - wanted):
            best = at
        elif at > wanted:
            break
        at = text.find(needle, at + 1)
    return best


def _moved_turns(turns: Sequence[Turn], diff: TextDiff, length: int) -> tuple[Turn, ...]:
    """Turns moved with their words; text inserted at a turn's edge stays out of it, a turn deleted whole is dropped."""
    moved: list[Turn] = []
    previous_end = 0
    for turn in turns:
        if diff.unchanged(turn.start, turn.end):
            start, end = diff.shifted(turn.start, turn.end)
        else:
            start, end = diff.start_of(turn.start), diff.end_of(turn.end)
        start, end = max(start, previous_end), min(end, length)
        if start >= end:
            continue
        moved.append(turn.model_copy(update={"start": start, "end": end}))
        previous_end = end
    return tuple(moved)
