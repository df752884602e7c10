"""Whether a theme's verdict survives losing any one voice or moving any one stance by one step.

The verdict depends only on how many voices hold each stance, so the check
runs over the distinct stances held (five at most), not over the speakers:
dropping one of the speakers at +1 changes the counts in the same way
whichever of them it is.  Each change that alters the verdict is recorded as
a :class:`Flip` naming every speaker it could be, so the check costs the
same for 5 voices as for 500.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from ..format.schema import STANCE_MAX, STANCE_MIN, Scale
from .ordinal import STANCES, stance_counts
from .stance_words import stance_label
from .verdict import Verdict, verdict_from_counts, verdict_label

NAMES_SPELLED_OUT = 3
"""Most speakers a flip's sentence names one by one; beyond that it gives their number."""


@dataclass(frozen=True)
class Flip:
    """One change of one voice that would change the verdict: any one of ``speakers`` dropped or moved.

    ``kind`` is ``"drop"`` (the speaker left out, ``to_stance`` None) or
    ``"shift"`` (their stance moved one step, from ``from_stance`` to
    ``to_stance``); ``new_verdict`` is the verdict after the change.
    """

    kind: Literal["drop", "shift"]
    speakers: tuple[str, ...]
    from_stance: int
    to_stance: int | None
    new_verdict: Verdict


def verdict_flips(stances: Mapping[str, int]) -> tuple[Flip, ...]:
    """Every single-voice change that alters the verdict of a theme whose speakers hold ``stances``.

    Drops come first, then shifts, each from the negative pole up; speakers
    keep the order of ``stances``.  Without a verdict word (no voice, or too
    few) there is nothing to overturn, and so no flip.
    """
    counts = stance_counts(stances.values())
    verdict = verdict_from_counts(counts)
    if not verdict.is_stated:
        return ()
    holders: dict[int, list[str]] = {stance: [] for stance in STANCES}
    for speaker, stance in stances.items():
        holders[stance].append(speaker)
    drops: list[Flip] = []
    shifts: list[Flip] = []
    for stance in STANCES:
        if not counts[stance]:
            continue
        speakers = tuple(holders[stance])
        counts[stance] -= 1
        after_drop = verdict_from_counts(counts)
        if after_drop is not verdict:
            drops.append(Flip("drop", speakers, stance, None, after_drop))
        for target in (stance - 1, stance + 1):
            if STANCE_MIN <= target <= STANCE_MAX:
                counts[target] += 1
                after_shift = verdict_from_counts(counts)
                counts[target] -= 1
                if after_shift is not verdict:
                    shifts.append(Flip("shift", speakers, stance, target, after_shift))
        counts[stance] += 1
    return tuple(drops + shifts)


def describe_flip(flip: Flip, name_of: Callable[[str], str], scale: Scale) -> str:
    """The flip in words: ``flips to contested if Kaczmarski is dropped``, ``too few voices if Kuhrt is dropped``."""
    who = _who(flip, name_of, scale)
    if flip.new_verdict.is_stated:
        becomes = f"flips to {verdict_label(flip.new_verdict, scale)}"
    else:
        becomes = f"{verdict_label(flip.new_verdict, scale)} for a verdict"
    if flip.kind == "drop":
        return f"{becomes} if {who} is dropped"
    assert flip.to_stance is not None
    return (
        f"{becomes} if {who} moves from {stance_label(flip.from_stance, scale)}"
        f" to {stance_label(flip.to_stance, scale)}"
    )


def describe_flips(flips: Iterable[Flip], name_of: Callable[[str], str], scale: Scale) -> list[str]:
    """Each flip in words, in order."""
    return [describe_flip(flip, name_of, scale) for flip in flips]


def _who(flip: Flip, name_of: Callable[[str], str], scale: Scale) -> str:
    names = [name_of(speaker) for speaker in flip.speakers]
    if len(names) == 1:
        return names[0]
    if len(names) <= NAMES_SPELLED_OUT:
        return "any one of " + ", ".join(names[:-1]) + " or " + names[-1]
    return f"any one of the {len(names)} speakers at {stance_label(flip.from_stance, scale)}"
