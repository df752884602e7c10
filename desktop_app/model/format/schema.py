"""Pydantic models of the seminar file format, version ``seminar-lens/1``.

A seminar file is one JSON object: the event (``seminar``), the ``themes`` it
covered, the ``speakers`` who took part and the ``positions`` they took, each
position tied to a verbatim excerpt of the source report.  The models here
check the shape and the value of every field; checks that need the whole file
(unique ids, references between sections, excerpts found in the source text)
live in :mod:`desktop_app.model.format.references`.

The words the application shows for stances come from the data
(``seminar.question`` and ``seminar.scale``), so the same format serves a
seminar, a debate on a bill or a hearing.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
)

from .coding import Coding
from .recording import Recording

FORMAT = "seminar-lens/2"
"""The value of the top-level ``format`` field this version writes."""
READABLE_FORMATS = ("seminar-lens/1", FORMAT)
"""Every ``format`` this version opens.  Version 2 only adds optional fields, so a
version-1 file is read as it is and written back as version 2."""

STANCE_MIN = -2
STANCE_MAX = 2

MAX_LINE = 300
"""Longest name, label or title accepted, in characters."""
MAX_TEXT = 20_000
"""Longest summary, description or biography accepted, in characters."""
MAX_EXCERPT = 5_000
"""Longest excerpt accepted, in characters."""
MAX_SHORT_NAME = 60
"""Longest short name accepted for a speaker, in characters."""
MAX_INITIALS = 4
"""Longest initials accepted for a speaker, in characters."""

_ID_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
_LINE_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_TEXT_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Every character the checks below forbid is unprintable, so a printable
# string (most of them) skips the search; "blank" is tested without copying.


def _single_line(value: str) -> str:
    if not value or value.isspace():
        raise ValueError("must not be blank")
    if not value.isprintable() and _LINE_FORBIDDEN.search(value):
        raise ValueError("must be a single line without control characters")
    return value


def has_control_characters(value: str) -> bool:
    """Whether a text field refuses ``value`` for its control characters (tab and line breaks are allowed)."""
    return not value.isprintable() and _TEXT_FORBIDDEN.search(value) is not None


def _plain_text(value: str) -> str:
    if has_control_characters(value):
        raise ValueError("must not contain control characters other than tab and newline")
    return value


def _non_blank(value: str) -> str:
    if not value or value.isspace():
        raise ValueError("must not be blank")
    return value


def _required_plain_text(value: str) -> str:
    return _non_blank(_plain_text(value))


def _initials(value: str) -> str:
    if any(character.isspace() or not character.isprintable() for character in value):
        raise ValueError("must be letters without spaces, e.g. 'PV'")
    return value


def _iso_string(value: Any) -> Any:
    # JSON has no date type: only an ISO string is a date, never a number.
    if not isinstance(value, str):
        raise ValueError("must be written as an ISO 8601 string")
    return value


Id = Annotated[
    StrictStr,
    Field(
        min_length=1,
        max_length=64,
        pattern=_ID_PATTERN,
        description="Stable identifier: lower-case letters and digits, words joined by '-' or '_'.",
    ),
]
Line = Annotated[StrictStr, Field(min_length=1, max_length=MAX_LINE), AfterValidator(_single_line)]
Text = Annotated[StrictStr, Field(max_length=MAX_TEXT), AfterValidator(_plain_text)]
RequiredText = Annotated[StrictStr, Field(max_length=MAX_TEXT), AfterValidator(_required_plain_text)]
Order = Annotated[StrictInt, Field(ge=0, le=1_000_000)]
# An excerpt has its own, tighter length limit in place of Text's, so a message names the right one.
Excerpt = Annotated[
    StrictStr, Field(max_length=MAX_EXCERPT), AfterValidator(_plain_text), AfterValidator(_non_blank)
]
ShortName = Annotated[StrictStr, Field(min_length=1, max_length=MAX_SHORT_NAME), AfterValidator(_single_line)]
Initials = Annotated[StrictStr, Field(min_length=1, max_length=MAX_INITIALS), AfterValidator(_initials)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_string)]
IsoTime = Annotated[dt.time, BeforeValidator(_iso_string)]


AnchorKey = Literal["-2", "-1", "0", "1", "2"]
"""A stance step as a theme's codebook anchors are keyed in the file."""
ANCHOR_KEYS: tuple[AnchorKey, ...] = ("-2", "-1", "0", "1", "2")


class _Strict(BaseModel):
    """Base of every model in the format: unknown fields are an error.

    Each model's validator is built when it is first needed rather than with
    the class: the window starts on the default seminar without them (see
    :mod:`.trusted`).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True)


class Role(StrEnum):
    """The part a speaker played in the event."""

    CHAIR = "chair"
    MODERATOR = "moderator"
    OPENING = "opening"
    PANELLIST = "panellist"
    DISCUSSANT = "discussant"
    RESPONDENT = "respondent"
    CLOSING = "closing"
    PROPOSER = "proposer"
    OPPOSER = "opposer"
    WITNESS = "witness"
    SPEAKER = "speaker"


class Kind(StrEnum):
    """What sort of statement a position is."""

    ASSESSMENT = "assessment"
    PREDICTION = "prediction"
    PRESCRIPTION = "prescription"
    QUESTION = "question"
    """An open question the speaker raised without taking a stance."""
    HISTORY = "history"
    """A claim about the past."""
    SUMMARY = "summary"
    """A chair's or moderator's round-up of what the panel said."""


class Mode(StrEnum):
    """How the audience attended."""

    IN_PERSON = "in-person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"


class Scale(_Strict):
    """Names of the stance scale's poles, used in every label the application shows.

    Stance +2 reads "strong <positive>", +1 "<positive>", 0 "<neutral>",
    -1 "<negative>" and -2 "strong <negative>".
    """

    negative: Line = Field("divergence", description="Name of the negative pole (stances -1 and -2).")
    positive: Line = Field("convergence", description="Name of the positive pole (stances +1 and +2).")
    neutral: Line = Field("mixed", description="Name of stance 0: mixed, or no clear position.")


class Turn(_Strict):
    """One speaker's turn in a transcript: a span of the source text, with its times if known."""

    speaker: Id = Field(description="Id of the speaker whose turn it is.")
    start: Annotated[StrictInt, Field(ge=0)] = Field(description="Character offset where the turn starts in source.text.")
    end: Annotated[StrictInt, Field(ge=0)] = Field(description="Character offset just past the turn's end.")
    start_time: Annotated[float, Field(ge=0)] | None = Field(None, description="Start, in seconds from the beginning.")
    end_time: Annotated[float, Field(ge=0)] | None = Field(None, description="End, in seconds from the beginning.")


class Source(_Strict):
    """The document the positions are drawn from, with its full text."""

    title: Line = Field(description="Title of the report or transcript.")
    publisher: Line = Field(description="Who published it.")
    url: Annotated[StrictStr, Field(max_length=2_000, pattern=r"^https?://\S+$")] | None = Field(
        None, description="Where it can be read, if it is online."
    )
    published: IsoDate | None = Field(None, description="Publication date, ISO 8601.")
    text: Annotated[StrictStr, Field(min_length=1), AfterValidator(_required_plain_text)] = Field(
        description="The full text. Every position's excerpt must occur in it verbatim "
        "(runs of white space compare equal)."
    )
    turns: list[Turn] = Field(
        default_factory=list,
        description="Speakers' turns, in text order, when the source is a transcript (optional).",
    )


class Seminar(_Strict):
    """The event: what it asked, when and where it took place, who chaired it."""

    title: Line = Field(description="Title of the event.")
    subtitle: Line | None = Field(None, description="Subtitle, if any.")
    question: Line = Field(
        description="The question the stances answer, e.g. 'Will the China-Russia relationship hold?'."
    )
    scale: Scale = Field(default_factory=Scale, description="Names of the stance scale's poles.")
    organiser: Line = Field(description="Who organised the event.")
    date: IsoDate = Field(description="Date of the event, ISO 8601 (YYYY-MM-DD).")
    start_time: IsoTime | None = Field(None, description="Local start time, HH:MM.")
    end_time: IsoTime | None = Field(None, description="Local end time, HH:MM.")
    venue: Line = Field(description="Where it took place (for a virtual event, the host city or platform).")
    mode: Mode = Field(Mode.IN_PERSON, description="in-person, virtual or hybrid.")
    chair: Id | None = Field(None, description="Id of the speaker who chaired, if any.")
    summary: Text = Field("", description="A paragraph on what the event covered, in the analyst's words.")
    memo: Text = Field("", description="The analyst's working notes on the event (optional).")
    source: Source = Field(description="The report or transcript behind the positions.")


class Theme(_Strict):
    """A subject the panel discussed."""

    id: Id
    label: Line = Field(description="Short name shown on the chart.")
    description: Text = Field("", description="What the theme covers.")
    order: Order = Field(description="Place of the theme in the report's order (lower comes first).")
    definition: Text = Field("", description="Codebook: what counts as a position on this theme (optional).")
    anchors: dict[AnchorKey, Text] = Field(
        default_factory=dict,
        description="Codebook: what each stance step means on this theme, keyed by stance (optional).",
    )
    memo: Text = Field("", description="The analyst's working notes on the theme (optional).")


class Speaker(_Strict):
    """A person who spoke at the event."""

    id: Id
    name: Line = Field(description="Name as it should be displayed, e.g. 'Sergey Radchenko'.")
    short_name: ShortName | None = Field(
        None,
        description="What a sentence calls them, e.g. 'de Vries' or 'Nagy' (optional; derived from the name when absent).",
    )
    initials: Initials | None = Field(
        None, description="Initials for the chart and the agreement map, 1 to 4 characters, e.g. 'PV' (optional; derived when absent)."
    )
    honorific: Line | None = Field(None, description="Title shown before the name, e.g. 'Prof.' or 'Dr'.")
    role: Role = Field(description="The part they played.")
    affiliation: Line | None = Field(None, description="Institution they belong to.")
    job_title: Line | None = Field(None, description="Their position in that institution.")
    bio: Text = Field("", description="A short biography.")
    summary: Text = Field("", description="One paragraph summarising their argument, in the analyst's words.")
    order: Order = Field(description="Speaking order (lower spoke first).")

    @property
    def display_name(self) -> str:
        """Name with the honorific in front, as a reader would address them."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name


Stance = Annotated[
    StrictInt,
    Field(
        ge=STANCE_MIN,
        le=STANCE_MAX,
        description="The speaker's answer to the seminar's question on this theme: "
        "+2 strong positive pole, +1 positive, 0 mixed or unclear, -1 negative, -2 strong negative.",
    ),
]


class Position(_Strict):
    """One thing a speaker said on a theme, tied to the passage of the source that shows it."""

    id: Id
    speaker: Id = Field(description="Id of the speaker who took the position.")
    theme: Id = Field(description="Id of the theme it is about.")
    stance: Stance | None = Field(
        description="The stance on the scale, or null while the position awaits a stance "
        "(imported or first-pass coding): shown, but left out of every figure."
    )
    kind: Kind = Field(
        description="assessment, prediction or prescription (counted by default); "
        "question, history or summary (shown as context, not counted by default)."
    )
    summary: Text = Field(
        description="The analyst's paraphrase, in their own words; may be empty only while the position "
        "awaits a stance."
    )
    excerpt: Excerpt = Field(
        description="Verbatim passage of the source text that supports the position."
    )
    note: Text = Field("", description="The coder's one-sentence rationale for the stance (optional).")

    @field_validator("summary")
    @classmethod
    def _summary_once_rated(cls, value: str, info: ValidationInfo) -> str:
        # Fields validate in order, so the stance is known here (absent only if it was itself refused).
        if info.data.get("stance") is not None and (not value or value.isspace()):
            raise ValueError("must not be blank once the position has a stance")
        return value


class Judgement(_Strict):
    """One analyst-written judgement of the brief, with the positions it rests on."""

    text: RequiredText = Field(description="The judgement, in the analyst's words.")
    positions: list[Id] = Field(default_factory=list, description="Ids of the positions it rests on.")


class Brief(_Strict):
    """The analyst's own conclusions, which lead the exported brief (optional)."""

    bottom_line: Text = Field("", description="The answer to the seminar's question in two or three sentences.")
    key_judgements: list[Judgement] = Field(default_factory=list, description="Three to six key judgements.")
    what_to_watch: list[Judgement] = Field(
        default_factory=list, description="Forecasts and recommendations that matter most."
    )
    preparer: Line | None = Field(None, description="Who prepared the brief.")


class SeminarFile(_Strict):
    """A whole seminar file: the event, its themes, its speakers and their positions."""

    model_config = ConfigDict(
        title="Seminar Lens seminar file",
        json_schema_extra={"$id": "https://seminar-lens.invalid/schema/seminar-lens-2.json"},
    )

    format: Literal["seminar-lens/1", "seminar-lens/2"] = Field(
        description="Format version: 'seminar-lens/2' (written by this version) or 'seminar-lens/1' (read as it is)."
    )
    seminar: Seminar
    themes: list[Theme] = Field(description="Themes, each with a unique id.")
    speakers: list[Speaker] = Field(description="Speakers, each with a unique id.")
    positions: list[Position] = Field(description="Positions, each with a unique id.")
    brief: Brief | None = Field(None, description="The analyst's bottom line and key judgements (optional).")
    coding: Coding | None = Field(None, description="Who coded this file and in which round (optional; absent for an original coding).")
    recording: Recording | None = Field(
        None, description="The recording (audio or video) of the event, relative to this file's folder (optional)."
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, as kept in ``data/schema/seminar-lens-2.schema.json``."""
    schema = SeminarFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
