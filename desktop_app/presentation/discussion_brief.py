"""The brief's "How the discussion went": who held the floor, which themes came early and late, who moved.

The section has something true to say only when the seminar has turn times,
or when some speaker took more than one position on a theme; otherwise
:func:`discussion_points` gives None and the brief leaves the section out.
Each point is a plain sentence in the seminar's own scale words.  Pure Python.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model.analysis.discussion_order import has_turn_times
from ..model.analysis.seminar_analysis import SeminarAnalysis
from ..model.dataset import Dataset
from .discussion import dataset_moments, movement_phrase, reply_pair_sentence, seminar_movements, seminar_reply_pairs
from .timeline_layout import AxisKind, place_text, spoken_characters, spoken_seconds
from .turns import clock, position_time

MOVES_NAMED = 6
"""Movements the brief names one by one before it only counts the rest."""


def has_something_to_say(dataset: Dataset) -> bool:
    """Whether the seminar has turn times or a speaker with more than one position (awaiting ones aside) on a theme."""
    if has_turn_times(dataset.seminar.source.turns):
        return True
    seen: set[tuple[str, str]] = set()
    for position in dataset.positions:
        stance: int | None = position.stance
        if stance is None:
            continue
        key = (position.speaker, position.theme)
        if key in seen:
            return True
        seen.add(key)
    return False


def discussion_points(dataset: Dataset, analysis: SeminarAnalysis) -> list[str] | None:
    """The section's sentences, or None when it has nothing true to say."""
    if not has_something_to_say(dataset):
        return None
    points = [point for point in (_floor(dataset), _early_and_late(dataset)) if point]
    points += _movement(dataset, analysis)
    pairs = seminar_reply_pairs(dataset, analysis)
    if pairs:
        points.append("Answered each other most (a turn taking up a theme of the turn just before it): " + reply_pair_sentence(dataset, pairs[0]) + ".")
    return points or None


def _floor(dataset: Dataset) -> str:
    """Who spoke longest: by turn times, else by the share of the transcript's text; nothing for a report."""
    seconds = spoken_seconds(dataset)
    if seconds:
        name, held, total, share = _longest(dataset, seconds)
        return f"{name} held the floor longest: {clock(held)} of {clock(total)} of timed turns ({share}%)."
    characters = spoken_characters(dataset)
    if characters:
        name, _held, _total, share = _longest(dataset, characters)
        return f"{name} spoke longest: {share}% of the transcript\u2019s turns by length (no turn times)."
    return ""


def _longest(dataset: Dataset, amounts: Mapping[str, float]) -> tuple[str, float, float, int]:
    """Who has the most of ``amounts`` (the first in the speakers' order on a tie): their name, amount, the total and their share in %."""
    speaker, held = max(amounts.items(), key=lambda item: (item[1], -dataset.speaker_rank(item[0])))
    total = sum(amounts.values())
    return dataset.speaker(speaker).display_name, held, total, round(100 * held / total) if total else 0


def _early_and_late(dataset: Dataset) -> str:
    """Which theme came up first and which was raised last, by the first position taken on each."""
    placed = dataset_moments(dataset)
    axis: AxisKind = "time" if has_turn_times(dataset.seminar.source.turns) else "text"
    first_seen: dict[str, float] = {}
    for position in dataset.positions:
        moment = placed.get(position.id)
        if moment is None:
            continue
        # The turn's start, as the detail panel and the CSV give it, not the place within the turn the timeline draws.
        where = position_time(dataset, position.id) if axis == "time" else float(moment.offset)
        if where is None:
            continue
        if position.theme not in first_seen or where < first_seen[position.theme]:
            first_seen[position.theme] = where
    if len(first_seen) < 2:
        return ""
    ordered = sorted(first_seen.items(), key=lambda item: item[1])
    (early, early_at), (late, late_at) = ordered[0], ordered[-1]
    source = "transcript" if dataset.seminar.source.turns else "report"
    order = "" if axis == "time" else f" in the {source}\u2019s order"
    return (
        f"{dataset.theme(early).label} came up first{order} ({place_text(dataset, axis, early_at)}); "
        f"{dataset.theme(late).label} was the last to be raised ({place_text(dataset, axis, late_at)})."
    )


def _movement(dataset: Dataset, analysis: SeminarAnalysis) -> list[str]:
    """Who moved (first against last counted position on a theme), and how many held."""
    found = seminar_movements(dataset, analysis)
    if not found:
        return []
    moved = [m for m in found if m.moved]
    held = len(found) - len(moved)
    by = "turn" if dataset.seminar.source.turns else "place in the report"
    rest = f" The other {held} held their first stance." if held else ""
    if not moved:
        return [f"Nobody moved: each of the {len(found)} speaker-theme pairs with two counted positions at different times held its first stance (by {by})."]
    named = [movement_phrase(dataset, m) for m in moved[:MOVES_NAMED]]
    more = f", and {len(moved) - MOVES_NAMED} more" if len(moved) > MOVES_NAMED else ""
    return [f"Moved between their first and last counted position on a theme (by {by}): " + "; ".join(named) + more + "." + rest]


__all__ = ["discussion_points", "has_something_to_say"]
