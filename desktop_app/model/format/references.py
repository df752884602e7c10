"""The rules of a seminar file that need the whole file, not one field at a time.

Ids are unique within each section; every reference names something that exists
(a position's speaker and theme, the chair, the brief's positions, a turn's
speaker); every excerpt occurs in the source text; transcript turns lie inside
the text, in order, without overlapping, and end no earlier than they start.

The rules read a :class:`SeminarParts`, taken either from raw JSON (so they
report alongside the schema's problems) or from a model built in code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .excerpts import ExcerptFinder, Span, normalise
from .problems import MAX_PROBLEMS, Path, Problem, quoted, shown
from .progress import Monitor
from .schema import SeminarFile

__all__ = ["STEP_ENTRIES", "SeminarParts", "check_references"]

STEP_ENTRIES = 1024
"""Entries checked between two reports to the monitor."""

BRIEF_LISTS = ("key_judgements", "what_to_watch")
"""The brief's lists of judgements, each judgement naming the positions it rests on."""

_TURNS: Path = ("seminar", "source", "turns")


@dataclass(frozen=True)
class TurnParts:
    """What the rules look at in one transcript turn, as found in the file."""

    index: int
    speaker: Any
    start: Any
    end: Any
    start_time: Any
    end_time: Any


@dataclass
class SeminarParts:
    """The parts of a seminar that the whole-file rules look at, however it was read.

    From raw JSON every entry is taken as it is, well-formed or not, so these
    rules report alongside the schema's problems rather than after them.
    """

    themes: list[tuple[int, Any]]
    speakers: list[tuple[int, Any]]
    positions: list[tuple[int, Any, Any, Any, Any]]  # index, id, speaker, theme, excerpt
    chair: Any
    source_text: Any
    judgement_positions: list[tuple[Path, Any]] = field(default_factory=list)  # path of each id, the id
    turns: list[TurnParts] = field(default_factory=list)

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> SeminarParts:
        def entries(items: Any) -> list[tuple[int, dict[str, Any]]]:
            if not isinstance(items, list):
                return []
            return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]

        seminar = _mapping(raw.get("seminar"))
        source = _mapping(seminar.get("source"))
        brief = _mapping(raw.get("brief"))
        judgement_positions: list[tuple[Path, Any]] = []
        for section in BRIEF_LISTS:
            for index, judgement in entries(brief.get(section)):
                ids = judgement.get("positions")
                if isinstance(ids, list):
                    judgement_positions.extend(
                        (("brief", section, index, "positions", number), position_id)
                        for number, position_id in enumerate(ids)
                    )
        return cls(
            themes=[(i, item.get("id")) for i, item in entries(raw.get("themes"))],
            speakers=[(i, item.get("id")) for i, item in entries(raw.get("speakers"))],
            positions=[
                (i, item.get("id"), item.get("speaker"), item.get("theme"), item.get("excerpt"))
                for i, item in entries(raw.get("positions"))
            ],
            chair=seminar.get("chair"),
            source_text=source.get("text"),
            judgement_positions=judgement_positions,
            turns=[
                TurnParts(i, t.get("speaker"), t.get("start"), t.get("end"), t.get("start_time"), t.get("end_time"))
                for i, t in entries(source.get("turns"))
            ],
        )

    @classmethod
    def from_model(cls, model: SeminarFile) -> SeminarParts:
        judgement_positions: list[tuple[Path, Any]] = []
        if model.brief is not None:
            for section in BRIEF_LISTS:
                for index, judgement in enumerate(getattr(model.brief, section)):
                    judgement_positions.extend(
                        (("brief", section, index, "positions", number), position_id)
                        for number, position_id in enumerate(judgement.positions)
                    )
        return cls(
            themes=list(enumerate(theme.id for theme in model.themes)),
            speakers=list(enumerate(speaker.id for speaker in model.speakers)),
            positions=[(i, p.id, p.speaker, p.theme, p.excerpt) for i, p in enumerate(model.positions)],
            chair=model.seminar.chair,
            source_text=model.seminar.source.text,
            judgement_positions=judgement_positions,
            turns=[
                TurnParts(i, t.speaker, t.start, t.end, t.start_time, t.end_time)
                for i, t in enumerate(model.seminar.source.turns)
            ],
        )


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def check_references(parts: SeminarParts, monitor: Monitor | None = None) -> tuple[dict[str, Span], list[Problem]]:
    """Unique ids, references that resolve, excerpts found in the source, turns that fit it; and each excerpt's span."""
    monitor = monitor or Monitor()
    problems: list[Problem] = []
    theme_ids = _unique_ids("themes", parts.themes, problems)
    speaker_ids = _unique_ids("speakers", parts.speakers, problems)
    position_ids = _unique_ids("positions", [(i, pid) for i, pid, *_ in parts.positions], problems)

    if isinstance(parts.chair, str) and parts.chair not in speaker_ids:
        problems.append(Problem(("seminar", "chair"), f"the chair {quoted(parts.chair)} is not one of the speakers"))
    for path, position_id in parts.judgement_positions:
        if len(problems) > MAX_PROBLEMS:
            break
        if isinstance(position_id, str) and position_id not in position_ids:
            problems.append(Problem(path, f"unknown position {quoted(position_id)}"))
    text_length = len(parts.source_text) if isinstance(parts.source_text, str) else None
    _check_turns(parts.turns, speaker_ids, text_length, problems)

    finder = ExcerptFinder(parts.source_text) if isinstance(parts.source_text, str) else None
    spans: dict[str, Span] = {}
    total = len(parts.positions)
    for number, (index, position_id, speaker_id, theme_id, excerpt) in enumerate(parts.positions):
        if number % STEP_ENTRIES == 0:
            monitor.advance(number, total)
        if len(problems) > MAX_PROBLEMS:
            break  # enough to report; the rest of a hostile file is not worth the time
        if isinstance(speaker_id, str) and speaker_id not in speaker_ids:
            problems.append(Problem(("positions", index, "speaker"), f"unknown speaker {quoted(speaker_id)}"))
        if isinstance(theme_id, str) and theme_id not in theme_ids:
            problems.append(Problem(("positions", index, "theme"), f"unknown theme {quoted(theme_id)}"))
        if finder is None or not isinstance(excerpt, str) or not excerpt.strip():
            continue
        span = finder.find(excerpt)
        if span is None:
            problems.append(Problem(("positions", index, "excerpt"), _excerpt_missing(finder, excerpt)))
        elif isinstance(position_id, str):
            spans[position_id] = span
    return spans, problems


def _check_turns(
    turns: Sequence[TurnParts], speaker_ids: set[str], text_length: int | None, problems: list[Problem]
) -> None:
    """Each turn names a speaker, lies inside the text, follows the one before without overlap, and ends after it starts."""
    previous: TurnParts | None = None  # the last turn whose offsets could be checked
    for turn in turns:
        if len(problems) > MAX_PROBLEMS:
            return
        where = (*_TURNS, turn.index)
        if isinstance(turn.speaker, str) and turn.speaker not in speaker_ids:
            problems.append(Problem((*where, "speaker"), f"unknown speaker {quoted(turn.speaker)}"))
        if _is_number(turn.start_time) and _is_number(turn.end_time) and turn.start_time > turn.end_time:
            problems.append(
                Problem(
                    (*where, "end_time"),
                    f"the turn ends at {shown(turn.end_time)} s, before it starts at {shown(turn.start_time)} s",
                )
            )
        if not (_is_offset(turn.start) and _is_offset(turn.end)):
            continue  # a missing or malformed offset is the schema's to report
        if turn.start >= turn.end:
            problems.append(
                Problem((*where, "end"), f"the turn ends at character {turn.end}, not after its start at {turn.start}")
            )
            continue
        if text_length is not None and turn.end > text_length:
            problems.append(
                Problem(
                    (*where, "end"),
                    f"the turn ends at character {turn.end}, past the end of the source text ({text_length:,} characters)",
                )
            )
            continue
        if previous is not None:
            if turn.start < previous.start:
                message = (
                    f"the turns are not in text order: this one starts at character {turn.start}, "
                    f"before turns[{previous.index}] (at {previous.start})"
                )
                problems.append(Problem((*where, "start"), message))
                continue
            if turn.start < previous.end:
                message = (
                    f"the turn starts at character {turn.start}, inside turns[{previous.index}] "
                    f"(characters {previous.start} to {previous.end}): turns must not overlap"
                )
                problems.append(Problem((*where, "start"), message))
                continue
        previous = turn


def _is_offset(value: Any) -> bool:
    return type(value) is int and value >= 0


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)


def _unique_ids(section: str, entries: Sequence[tuple[int, Any]], problems: list[Problem]) -> set[str]:
    first_seen: dict[str, int] = {}
    for index, entry_id in entries:
        if not isinstance(entry_id, str):
            continue
        if entry_id in first_seen:
            if len(problems) > MAX_PROBLEMS:
                continue  # the ids are still collected: references are checked against them
            problems.append(
                Problem(
                    (section, index, "id"),
                    f"duplicate id {quoted(entry_id)} (already used by {section}[{first_seen[entry_id]}])",
                )
            )
        else:
            first_seen[entry_id] = index
    return set(first_seen)


def _excerpt_missing(finder: ExcerptFinder, excerpt: str) -> str:
    needle = normalise(excerpt)
    matched = finder.matching_prefix(excerpt)
    if matched < 12:
        return "the excerpt does not occur in the source text"
    tail = needle[matched : matched + 30]
    return (
        f"the excerpt does not occur in the source text: its first {matched} characters match, "
        f"then it differs at {shown(tail, 40)}"
    )
