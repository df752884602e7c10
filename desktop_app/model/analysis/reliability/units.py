"""What the coders are compared on: one unit per speaker × theme cell, or, for a blind re-rating, per passage.

A cell's value for a coder is that speaker's stance on the theme under the
counted kinds, by the rule every verdict uses (the median of their counted
positions, rounded toward 0; :func:`..seminar_analysis.speaker_stances_by_theme`).
A coder with no counted position in a cell gives no value there: a cell coded
by one coder only is a missing value, not a disagreement.  Position ids play
no part, so two codings with the same judgements under other ids, in another
order, agree perfectly.  A position awaiting a stance is not a value.

In a blind re-rating every coder rated the same passages, so each passage
(speaker, theme and excerpt) is a unit too, its value the stance given there.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from ...format.schema import Kind, Position
from ..ordinal import median_stance
from ..seminar_analysis import COUNTED_KINDS_DEFAULT, speaker_stances_by_theme
from .alpha import Value

Cell = tuple[str, str]
"""A unit: (speaker id, theme id)."""
Passage = tuple[str, str, str]
"""A passage: (speaker id, theme id, excerpt)."""


@dataclass(frozen=True)
class Coding:
    """One coder's file as the comparison sees it."""

    name: str
    """How the coder is named in the table: the file's coder, else its file name."""
    positions: Sequence[Position]
    speaker_ids: Sequence[str]
    theme_ids: Sequence[str]


def stated(positions: Iterable[Position]) -> list[Position]:
    """The positions that carry a stance (a position awaiting one is shown but never counted)."""
    return [position for position in positions if position.stance is not None]


def id_differences(codings: Sequence[Coding]) -> list[str]:
    """One sentence per coder whose speaker or theme ids differ from the first coder's; empty when all share them."""
    first = codings[0]
    problems = []
    for other in codings[1:]:
        for noun, mine, theirs in (
            ("speaker", first.speaker_ids, other.speaker_ids),
            ("theme", first.theme_ids, other.theme_ids),
        ):
            only_first = sorted(set(mine) - set(theirs))
            only_other = sorted(set(theirs) - set(mine))
            if only_first:
                problems.append(f"{noun} ids only in {first.name}: {', '.join(only_first)}")
            if only_other:
                problems.append(f"{noun} ids only in {other.name}: {', '.join(only_other)}")
    return problems


def cell_stances(coding: Coding, counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT) -> dict[str, dict[str, int]]:
    """``{theme: {speaker: stance}}`` of one coder, by the verdicts' median rule."""
    by_theme, _ = speaker_stances_by_theme(stated(coding.positions), counted_kinds)
    return by_theme


def cell_table(
    codings: Sequence[Coding], counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT
) -> dict[str, tuple[list[Cell], list[list[Value]]]]:
    """Per theme of the first coding: its cells and their rows of values (one per coder, none where missing).

    Only cells that at least one coder coded are listed; the others are no units at all.
    """
    per_coder = [cell_stances(coding, counted_kinds) for coding in codings]
    tables: dict[str, tuple[list[Cell], list[list[Value]]]] = {}
    for theme_id in codings[0].theme_ids:
        columns = [stances.get(theme_id, {}) for stances in per_coder]
        cells: list[Cell] = []
        rows: list[list[Value]] = []
        for speaker_id in codings[0].speaker_ids:
            row: list[Value] = [column.get(speaker_id) for column in columns]
            if any(value is not None for value in row):
                cells.append((speaker_id, theme_id))
                rows.append(row)
        tables[theme_id] = (cells, rows)
    return tables


def passage_table(
    codings: Sequence[Coding], counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT
) -> tuple[list[Passage], list[list[Value]]]:
    """Every passage any coder coded as a counted kind, and each coder's stance on it (the median when coded twice)."""
    counted = frozenset(counted_kinds)
    per_coder: list[dict[Passage, list[int]]] = []
    order: dict[Passage, None] = {}
    for coding in codings:
        found: dict[Passage, list[int]] = {}
        for position in coding.positions:
            if position.kind not in counted:
                continue
            key = (position.speaker, position.theme, position.excerpt)
            order.setdefault(key)
            if position.stance is not None:
                found.setdefault(key, []).append(position.stance)
        per_coder.append(found)
    passages = list(order)
    rows: list[list[Value]] = [
        [median_stance(found[key]) if key in found else None for found in per_coder] for key in passages
    ]
    return passages, rows
