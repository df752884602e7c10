"""Whether a speaker moved on a theme over the discussion: the first and last counted stance, and the direction.

The rule, stated once: for each speaker and theme with at least two counted
positions taken at different times (:meth:`.discussion_order.Moment.same_time_as`),
compare the stance of the speaker's first position with that of their last.
The speaker *moved* when the two differ by at least one step (toward the pole
the last one lies nearer), and *held* otherwise, whatever came in between.
A speaker with one position on a theme, or with all of them at the same time,
gets no statement at all.  A position awaiting a stance is never counted.
Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from ..format.schema import Kind, Position
from .discussion_order import Moment

MIN_STEP = 1
"""The least change of stance, in steps, between first and last position that counts as having moved."""


@dataclass(frozen=True)
class Movement:
    """One speaker on one theme: their first and last counted positions and stances, over ``count`` counted positions."""

    speaker: str
    theme: str
    first_position: str
    last_position: str
    first_stance: int
    last_stance: int
    count: int

    @property
    def step(self) -> int:
        """How far the stance went, in steps: positive toward the positive pole."""
        return self.last_stance - self.first_stance

    @property
    def moved(self) -> bool:
        return abs(self.step) >= MIN_STEP

    @property
    def direction(self) -> int:
        """+1 moved toward the positive pole, -1 toward the negative one, 0 held."""
        if not self.moved:
            return 0
        return 1 if self.step > 0 else -1


def counted_stance(position: Position, counted_kinds: Collection[Kind]) -> int | None:
    """The stance a position counts with, or None when its kind is not counted or it awaits a stance."""
    stance: int | None = position.stance
    if stance is None or position.kind not in counted_kinds:
        return None
    return stance


def movements(
    positions: Iterable[Position],
    moment_of: Mapping[str, Moment],
    counted_kinds: Collection[Kind],
    left_out: Collection[str] = (),
) -> list[Movement]:
    """Every speaker × theme with something to say, in the order their first position comes in ``positions``.

    ``moment_of`` places each position (positions it does not place are left out);
    ``left_out`` names speakers whose positions are not counted (the chair, when chosen).
    """
    groups: dict[tuple[str, str], list[tuple[Moment, int, Position, int]]] = {}
    for index, position in enumerate(positions):
        moment = moment_of.get(position.id)
        stance = counted_stance(position, counted_kinds)
        if moment is None or stance is None or position.speaker in left_out:
            continue
        groups.setdefault((position.speaker, position.theme), []).append((moment, index, position, stance))
    found: list[Movement] = []
    for (speaker, theme), items in groups.items():
        if len(items) < 2:
            continue
        items.sort(key=lambda item: (item[0].offset, item[1]))
        first_moment, _, first, first_stance = items[0]
        last_moment, _, last, last_stance = items[-1]
        if first_moment.same_time_as(last_moment):
            continue
        found.append(Movement(speaker, theme, first.id, last.id, first_stance, last_stance, len(items)))
    return found


def moved_toward(found: Iterable[Movement], theme_id: str) -> tuple[int, int]:
    """How many speakers moved toward the negative pole and toward the positive one on ``theme_id``."""
    negative = positive = 0
    for movement in found:
        if movement.theme == theme_id:
            if movement.direction < 0:
                negative += 1
            elif movement.direction > 0:
                positive += 1
    return negative, positive
