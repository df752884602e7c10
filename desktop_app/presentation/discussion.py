"""How the discussion went, in words: who moved on which theme, and who answered whom.

Binds the pure rules of :mod:`desktop_app.model.analysis.movement` and
:mod:`desktop_app.model.analysis.replies` to a dataset and the analysis's
counted kinds, and says their results in the seminar's own scale words, for
the detail panel, the Timeline tab, the Agreement tab's pair view, the brief
and the CSV.  Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model.analysis.discussion_order import Moment, moments
from ..model.analysis.movement import Movement, moved_toward, movements
from ..model.analysis.replies import Reply, ReplyPair, replies, reply_pairs
from ..model.analysis.seminar_analysis import SeminarAnalysis, stance_label
from ..model.dataset import Dataset
from ..model.format.schema import Position
from .names import speaker_short_name

__all__ = [
    "Movement",
    "ReplyPair",
    "dataset_moments",
    "moved_toward_counts",
    "movement_sentence",
    "pair_replies",
    "reply_pair_sentence",
    "seminar_movements",
    "seminar_reply_pairs",
    "speaker_movements",
    "theme_movements",
]


def dataset_moments(dataset: Dataset, positions: Iterable[Position] | None = None) -> dict[str, Moment]:
    """Where each position (all, or ``positions``) lies in the discussion."""
    chosen = dataset.positions if positions is None else positions
    return moments(chosen, dataset.spans, dataset.seminar.source.turns)


def _movements(dataset: Dataset, positions: Sequence[Position], analysis: SeminarAnalysis) -> list[Movement]:
    return movements(positions, dataset_moments(dataset, positions), analysis.counted_kinds, analysis.left_out)


def speaker_movements(dataset: Dataset, speaker_id: str, analysis: SeminarAnalysis) -> list[Movement]:
    """A speaker's movement on each theme where they took two counted positions at different times, in theme order."""
    return _movements(dataset, dataset.positions_of(speaker_id), analysis)


def theme_movements(dataset: Dataset, theme_id: str, analysis: SeminarAnalysis) -> list[Movement]:
    """Each speaker's movement on a theme (those with two counted positions at different times), in speaking order."""
    return _movements(dataset, dataset.positions_on(theme_id), analysis)


def seminar_movements(dataset: Dataset, analysis: SeminarAnalysis) -> list[Movement]:
    """Every speaker × theme movement in the seminar."""
    return _movements(dataset, dataset.positions, analysis)


def moved_toward_counts(found: Iterable[Movement], theme_id: str) -> tuple[int, int]:
    """Speakers who moved toward the negative and toward the positive pole on a theme."""
    return moved_toward(found, theme_id)


def movement_sentence(dataset: Dataset, movement: Movement, *, name: str = "") -> str:
    """``Moved toward divergence: convergence first, mixed last (3 positions)`` with ``name`` in front when given, plain text."""
    scale = dataset.seminar.scale
    first, last = stance_label(movement.first_stance, scale), stance_label(movement.last_stance, scale)
    lead = f"{name}: " if name else ""
    count = f"{movement.count} positions"
    if movement.moved:
        pole = scale.positive if movement.direction > 0 else scale.negative
        return f"{lead}moved toward {pole}, from {first} first to {last} last ({count})"
    return f"{lead}held {first} from first to last ({count})"


def who_on(dataset: Dataset, movement: Movement) -> str:
    """``Kuhrt on Shared values``: whose movement, on which theme."""
    return f"{speaker_short_name(dataset.speaker(movement.speaker))} on {dataset.theme(movement.theme).label}"


def movement_phrase(dataset: Dataset, movement: Movement) -> str:
    """``Kuhrt on Shared values: convergence → strong convergence``, short, for a crowded line."""
    scale = dataset.seminar.scale
    return (
        f"{who_on(dataset, movement)}: {stance_label(movement.first_stance, scale)}"
        f" → {stance_label(movement.last_stance, scale)}"
    )


def seminar_reply_pairs(dataset: Dataset, analysis: SeminarAnalysis) -> list[ReplyPair]:
    """Pairs of speakers who answered each other on a theme, most replies first; none without turns."""
    return reply_pairs(_replies(dataset, analysis), _ranks(dataset))


def pair_replies(dataset: Dataset, analysis: SeminarAnalysis, speaker_a: str, speaker_b: str) -> ReplyPair | None:
    """The replies between two speakers, or None when neither answered the other on a theme."""
    wanted = {speaker_a, speaker_b}
    found = [reply for reply in _replies(dataset, analysis) if {reply.speaker, reply.answered} == wanted]
    pairs = reply_pairs(found, _ranks(dataset))
    return pairs[0] if pairs else None


def _replies(dataset: Dataset, analysis: SeminarAnalysis) -> list[Reply]:
    turns = dataset.seminar.source.turns
    if not turns:
        return []
    return replies(turns, dataset.positions, dataset_moments(dataset), analysis.counted_kinds, analysis.left_out)


def _ranks(dataset: Dataset) -> dict[str, int]:
    return {speaker.id: rank for rank, speaker in enumerate(dataset.speakers)}


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def reply_pair_sentence(dataset: Dataset, pair: ReplyPair) -> str:
    """``Lukin and Radchenko: 3 replies on Energy, Arms (Lukin answered Radchenko twice, Radchenko answered Lukin once)``."""
    a, b = (speaker_short_name(dataset.speaker(s)) for s in (pair.a, pair.b))
    noun = "reply" if pair.total == 1 else "replies"
    themes = ", ".join(dataset.theme(theme).label for theme in pair.themes if dataset.has_theme(theme))
    ways = [f"{who} answered {whom} {_times(count)}" for who, whom, count in ((a, b, pair.a_to_b), (b, a, pair.b_to_a)) if count]
    return f"{a} and {b}: {pair.total} {noun} on {themes} ({', '.join(ways)})"
