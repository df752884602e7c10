"""From labels to speakers: rename, merge, drop and give roles, then build a new seminar from a transcript.

A :class:`LabelMapping` is immutable: every edit returns a new mapping, so a
dialog can keep the previous one for undo.  Each label maps to a speaker's
name, or to None when it is dropped (its turns become text outside any
turn).  Two labels mapped to the same name are merged into one speaker.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..format.schema import (
    FORMAT,
    MAX_LINE,
    Mode,
    Role,
    Seminar,
    SeminarFile,
    Source,
    Speaker,
    Turn,
)
from .common import ImportedTranscript, ImportedTurn
from .labels import LabelPattern

DEFAULT_QUESTION = "Where did the speakers stand?"
"""The question a new seminar asks until the analyst writes the real one."""
UNKNOWN = "Unknown"
"""Placeholder for the organiser, venue and publisher, which a transcript does not give."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ROLE_WORDS = {role.value: role for role in Role} | {
    "host": Role.MODERATOR,
    "facilitator": Role.MODERATOR,
    "panelist": Role.PANELLIST,
    "chairman": Role.CHAIR,
    "chairwoman": Role.CHAIR,
    "chairperson": Role.CHAIR,
}


@dataclass(frozen=True)
class LabelCount:
    """A distinct label in a transcript: how many turns it has and how its first turn begins."""

    label: str
    turns: int
    first_words: str
    role_hint: Role | None


def label_counts(transcript: ImportedTranscript, words: int = 8) -> list[LabelCount]:
    """Each distinct label, in order of first appearance, with its turn count."""
    counts = Counter(turn.label for turn in transcript.turns)
    first: dict[str, LabelCount] = {}
    for turn in transcript.turns:
        if turn.label not in first:
            opening = " ".join(transcript.text[turn.start:turn.end][:400].split()[:words])
            first[turn.label] = LabelCount(turn.label, counts[turn.label], opening, role_from_words(turn.role_hint))
    return list(first.values())


def role_from_words(words: str | None) -> Role | None:
    """The role named by words such as "Chair" or "panelist", if they name one."""
    if not words:
        return None
    return _ROLE_WORDS.get(words.strip().lower())


@dataclass(frozen=True)
class MappedSpeaker:
    """A speaker the mapping makes: the name, the role, the id, and the labels merged into them."""

    id: str
    name: str
    role: Role
    labels: tuple[str, ...]
    turns: int


@dataclass(frozen=True)
class LabelMapping:
    """Which speaker each label becomes (None: dropped), and each speaker's role."""

    names: Mapping[str, str | None]
    roles: Mapping[str, Role] = field(default_factory=dict)
    """Role by speaker name; a name without one gets :attr:`Role.SPEAKER`."""

    @classmethod
    def initial(cls, transcript: ImportedTranscript) -> LabelMapping:
        """Every label becomes a speaker of its own name, with the role written beside it if any."""
        counts = label_counts(transcript)
        names = {count.label: _as_name(count.label) for count in counts}
        roles = {names[count.label]: count.role_hint for count in counts if count.role_hint}
        return cls(names, roles)

    def rename(self, label: str, name: str) -> LabelMapping:
        """``label``'s turns go to the speaker ``name``; to a name already in use, this merges."""
        self._known(label)
        name = _valid_name(name)
        old = self.names[label]
        roles = dict(self.roles)
        if old is not None and old in roles and name not in roles and not self._shared(old, label):
            roles[name] = roles.pop(old)
        return replace(self, names={**self.names, label: name}, roles=roles)

    def merge(self, labels: Iterable[str], name: str) -> LabelMapping:
        """All of ``labels`` become the one speaker ``name``."""
        mapping = self
        for label in labels:
            mapping = mapping.rename(label, name)
        return mapping

    def drop(self, label: str) -> LabelMapping:
        """``label`` makes no speaker: its turns stay in the text, attributed to nobody."""
        self._known(label)
        return replace(self, names={**self.names, label: None})

    def set_role(self, name: str, role: Role) -> LabelMapping:
        """Give the speaker ``name`` a role."""
        if name not in self.names.values():
            raise ValueError(f"no speaker named {name!r}")
        return replace(self, roles={**self.roles, name: Role(role)})

    def speakers(self, transcript: ImportedTranscript) -> list[MappedSpeaker]:
        """The speakers this mapping makes, in order of their first turn, with unique ids."""
        counts = Counter(turn.label for turn in transcript.turns)
        labels: dict[str, list[str]] = {}
        for label in transcript.labels():
            name = self.names.get(label, _as_name(label))
            if name is not None:
                labels.setdefault(name, []).append(label)
        ids = unique_ids(labels)
        return [
            MappedSpeaker(
                ids[name], name, self.roles.get(name, Role.SPEAKER), tuple(merged), sum(counts[label] for label in merged)
            )
            for name, merged in labels.items()
        ]

    def _known(self, label: str) -> None:
        if label not in self.names:
            raise ValueError(f"no label {label!r} in the transcript")

    def _shared(self, name: str, label: str) -> bool:
        return any(other != label and value == name for other, value in self.names.items())


def _as_name(label: str) -> str:
    return " ".join(label.split())[:MAX_LINE] or "Speaker"


def _valid_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValueError("a speaker's name must not be blank")
    if _CONTROL.search(cleaned):
        raise ValueError("a speaker's name must not contain control characters")
    if len(cleaned) > MAX_LINE:
        raise ValueError(f"a speaker's name must be at most {MAX_LINE} characters")
    return cleaned


def _valid_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned or _CONTROL.search(cleaned):
        raise ValueError("the title must be one line of text without control characters, not blank")
    if len(cleaned) > MAX_LINE:
        raise ValueError(f"the title must be at most {MAX_LINE} characters, not {len(cleaned):,}")
    return cleaned


def parse_date(text: str) -> dt.date:
    """A seminar date as the preview takes it, ``2021-08-25``; ValueError naming what was typed otherwise."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"the date must be written YYYY-MM-DD, as 2021-08-25, not {text.strip()!r}") from None


def slug(name: str) -> str:
    """An id from a name: ASCII lower-case words joined by '-' ("Dr Amara Okafor" → "dr-amara-okafor")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    made = "-".join(words)[:56].strip("-")
    return made or "speaker"


def unique_ids(names: Iterable[str]) -> dict[str, str]:
    """A unique id for each name, numbered when two names make the same slug."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = slug(name)
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        ids[name] = candidate
    return ids


def title_from_path(path: str | Path) -> str:
    """A seminar title from a file name: "board_meeting-2026.vtt" → "board meeting-2026"."""
    stem = Path(path).name
    for suffix in Path(path).suffixes[::-1]:
        stem = stem.removesuffix(suffix)
    title = " ".join(stem.replace("_", " ").split())
    return title[:MAX_LINE] or "Imported transcript"


def build_seminar(
    transcript: ImportedTranscript,
    mapping: LabelMapping,
    title: str,
    *,
    date: dt.date | None = None,
) -> SeminarFile:
    """A new seminar file (format 2) holding the transcript's text, the mapped speakers and their turns.

    It has no themes and no positions yet; placeholders fill what a transcript
    cannot say (organiser, venue, publisher) so the file is valid as it stands.
    """
    title = _valid_title(title)
    speakers = mapping.speakers(transcript)
    id_of_label = {label: speaker.id for speaker in speakers for label in speaker.labels}
    turns = _merged_turns(transcript, id_of_label)
    chair = next((speaker.id for speaker in speakers if speaker.role is Role.CHAIR), None)
    virtual = transcript.format in ("vtt", "srt")
    source = Source(title=title, publisher=UNKNOWN, text=transcript.text, turns=turns)
    seminar = Seminar(
        title=title,
        question=DEFAULT_QUESTION,
        organiser=UNKNOWN,
        date=(date or transcript.date or dt.date.today()).isoformat(),
        venue=UNKNOWN,
        mode=Mode.VIRTUAL if virtual else Mode.IN_PERSON,
        chair=chair,
        source=source,
    )
    people = [
        Speaker(id=speaker.id, name=speaker.name, role=speaker.role, order=order)
        for order, speaker in enumerate(speakers, start=1)
    ]
    return SeminarFile(format=FORMAT, seminar=seminar, themes=[], speakers=people, positions=[])


def _merged_turns(transcript: ImportedTranscript, id_of_label: Mapping[str, str]) -> list[Turn]:
    """The kept turns as the format's turns; neighbours with the same speaker and only space between merge."""
    turns: list[Turn] = []
    text = transcript.text
    for turn in transcript.turns:
        speaker = id_of_label.get(turn.label)
        if speaker is None:
            continue
        previous = turns[-1] if turns else None
        if previous is not None and previous.speaker == speaker and not text[previous.end:turn.start].strip():
            turns[-1] = previous.model_copy(
                update={"end": turn.end, "end_time": turn.end_time if turn.end_time is not None else previous.end_time}
            )
            continue
        start = _after_label(text, turn, transcript.format == "docx") if transcript.format in _LABELLED_IN_TEXT else turn.start
        turns.append(Turn(speaker=speaker, start=start, end=turn.end, start_time=turn.start_time, end_time=turn.end_time))
    return turns


_LABELLED_IN_TEXT = ("text", "docx", "pdf")
"""Formats whose text keeps the speaker's label at the start of a turn (subtitle cues give it apart)."""


def _after_label(text: str, turn: ImportedTurn, bold_names: bool) -> int:
    """Where a turn's words begin: past the ``Name:`` (or ``[Name]``, bold name) that opens it, so excerpts leave it out.

    A turn that is its label alone keeps its start, and so does one whose
    opening is not its label as written (a custom pattern): nothing is lost.
    """
    line_end = text.find("\n", turn.start, turn.end)
    line = text[turn.start : turn.end if line_end < 0 else line_end]
    found = LabelPattern().match(line)
    if found is not None and found.label.casefold() == turn.label.casefold():
        skip = found.content_start
    elif bold_names and line.casefold().startswith(turn.label.casefold()):  # a Word paragraph's bold opening
        skip = len(turn.label)
    else:
        return turn.start
    words = turn.start + skip
    while words < turn.end and text[words] in " \t:\n":
        words += 1
    return words if words < turn.end else turn.start
