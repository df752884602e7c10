"""Who answered whom: replies between speakers on the same theme, from a transcript's turns.

Each turn follows the turn just before it; when that turn is another
speaker's, it is the turn being answered.  A reply is counted once per
answering turn and theme, and only when the answering turn holds a counted
position on a theme on which the turn just before it also holds a counted
position: two speakers who merely spoke one after the other did not answer
each other on anything.  Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..format.schema import Kind, Position, Turn
from .discussion_order import Moment
from .movement import counted_stance


@dataclass(frozen=True)
class Reply:
    """``speaker``'s turn (index ``turn``) answered ``answered``'s turn just before it, on ``theme``."""

    turn: int
    speaker: str
    answered: str
    theme: str


@dataclass(frozen=True)
class ReplyPair:
    """Two speakers and the replies between them: ``a_to_b`` of ``a``'s turns answered ``b``, ``b_to_a`` the other way."""

    a: str
    b: str
    a_to_b: int
    b_to_a: int
    themes: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.a_to_b + self.b_to_a


def replies(
    turns: Sequence[Turn],
    positions: Iterable[Position],
    moment_of: Mapping[str, Moment],
    counted_kinds: Collection[Kind],
    left_out: Collection[str] = (),
) -> list[Reply]:
    """Every reply on a theme, in the order of the answering turns (then of the themes' first mention in the turn)."""
    themes_in_turn: dict[int, list[str]] = {}
    for position in positions:
        moment = moment_of.get(position.id)
        if moment is None or moment.turn is None or position.speaker in left_out:
            continue
        if counted_stance(position, counted_kinds) is None or position.speaker != turns[moment.turn].speaker:
            continue  # a position coded for someone else inside this turn is not this turn's speaker talking
        held = themes_in_turn.setdefault(moment.turn, [])
        if position.theme not in held:
            held.append(position.theme)
    found: list[Reply] = []
    for index in sorted(themes_in_turn):
        if index == 0:
            continue
        before, turn = turns[index - 1], turns[index]
        if before.speaker == turn.speaker:
            continue
        earlier = themes_in_turn.get(index - 1)
        if not earlier:
            continue
        for theme in themes_in_turn[index]:
            if theme in earlier:
                found.append(Reply(index, turn.speaker, before.speaker, theme))
    return found


def reply_pairs(found: Iterable[Reply], rank: Mapping[str, int] | None = None) -> list[ReplyPair]:
    """The pairs of speakers who answered each other, most replies first (ties in speaking order, by ``rank``)."""
    rank = rank or {}
    counts: dict[tuple[str, str], list[int]] = {}
    themes: dict[tuple[str, str], list[str]] = {}
    for reply in found:
        a, b = sorted((reply.speaker, reply.answered), key=lambda s: (rank.get(s, 0), s))
        tally = counts.setdefault((a, b), [0, 0])
        tally[0 if reply.speaker == a else 1] += 1
        on = themes.setdefault((a, b), [])
        if reply.theme not in on:
            on.append(reply.theme)
    pairs = [ReplyPair(a, b, tally[0], tally[1], tuple(themes[(a, b)])) for (a, b), tally in counts.items()]
    pairs.sort(key=lambda pair: (-pair.total, rank.get(pair.a, 0), rank.get(pair.b, 0), pair.a, pair.b))
    return pairs
