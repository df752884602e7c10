"""Synthetic seminars of any size, the same for the same seed: for tests and benchmarks.

:func:`generate` builds a valid :class:`~desktop_app.model.format.schema.SeminarFile` with the number of
speakers, themes and positions asked for.  The source report is written
sentence by sentence as the positions are made, and each excerpt is cut from
its sentence, so every excerpt occurs in the source verbatim.  Themes lean
different ways (towards either pole, split between two camps, or open), and
speakers have leanings of their own, so the analysis finds every kind of
verdict.  All randomness comes from one ``random.Random(seed)``.

From the command line::

    python -m tests.synthetic --speakers 500 --themes 40 --positions 10000 --seed 1 OUT.seminar.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.model.analysis.seminar_analysis import stance_label
from desktop_app.model.format.loader import dumps, save
from desktop_app.model.format.schema import FORMAT, STANCE_MAX, STANCE_MIN, Scale, SeminarFile

from . import words

KINDS = ("assessment", "prediction", "prescription")
KIND_WEIGHTS = (5, 3, 2)

# How a theme divides the panel: leaning to one pole, split into two camps, or open.
THEME_LEANS = ("positive", "negative", "contested", "open")
THEME_LEAN_WEIGHTS = (3, 2.5, 2.5, 2)
_LEAN_CENTRE = {"positive": 1.1, "negative": -1.1, "open": 0.0}
CAMP_DISTANCE = 1.4
"""How far from 0 each camp of a contested theme stands, before a speaker's own leaning."""

EVIDENCE_SHARE = 0.8
"""Share of statements that cite something specific (a document, a figure, a date)."""
SENTENCES_PER_PARAGRAPH = 6
MAX_SLUG = 40


@dataclass
class _Theme:
    id: str
    label: str
    lean: str
    weight: float


@dataclass
class _Speaker:
    id: str
    name: str
    honorific: str | None
    role: str
    affiliation: str
    job_title: str
    field: str
    leaning: float
    weight: float
    order: int
    stances: list[int] = field(default_factory=list)
    theme_counts: dict[str, int] = field(default_factory=dict)

    @property
    def surname(self) -> str:
        return self.name.split(" ", 1)[1]

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}" if self.honorific else self.name


def generate(speakers: int = 50, themes: int = 40, positions: int = 1_000, seed: int = 0) -> SeminarFile:
    """A valid seminar with exactly these counts; the same arguments always give the same seminar."""
    if speakers < 1:
        raise ValueError("a seminar needs at least one speaker (the chair)")
    if themes < 0 or positions < 0:
        raise ValueError("the numbers of themes and positions cannot be negative")
    if positions and not themes:
        raise ValueError("positions need at least one theme to be about")
    return SeminarFile.model_validate(_Generator(random.Random(seed), speakers, themes, positions).data())


def generate_text(speakers: int = 50, themes: int = 40, positions: int = 1_000, seed: int = 0) -> str:
    """The file text of :func:`generate`'s seminar, as the application saves it."""
    return dumps(generate(speakers, themes, positions, seed))


def slug(text: str) -> str:
    """An id made from a name: ASCII lower case, words joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-") or "x"


class _Generator:
    def __init__(self, rng: random.Random, speaker_count: int, theme_count: int, position_count: int):
        self.rng = rng
        question, negative, positive, neutral = rng.choice(words.QUESTIONS)
        self.question = question
        self.scale = Scale(negative=negative, positive=positive, neutral=neutral)
        self.themes = self._themes(theme_count)
        self.speakers = self._speakers(speaker_count)
        self.position_count = position_count
        self.organiser = rng.choice(words.ORGANISERS)
        self.date = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))

    def _themes(self, count: int) -> list[_Theme]:
        pairs = [(subject, facet) for subject in words.TOPIC_SUBJECTS for facet in words.TOPIC_FACETS]
        self.rng.shuffle(pairs)
        themes = []
        for index in range(count):
            subject, facet = pairs[index % len(pairs)]
            round_number = index // len(pairs)
            label = f"{subject} {facet}" + (f" ({round_number + 1})" if round_number else "")
            lean = self.rng.choices(THEME_LEANS, THEME_LEAN_WEIGHTS)[0]
            themes.append(_Theme(slug(label), label, lean, self.rng.lognormvariate(0, 0.8)))
        return themes

    def _speakers(self, count: int) -> list[_Speaker]:
        rng = self.rng
        names: set[str] = set()
        ids: set[str] = set()
        speakers = []
        for order in range(count):
            name = self._name(names, order)
            names.add(name)
            speaker_id = slug(name)
            if speaker_id in ids:  # names are letters only, so a numbered id is free
                speaker_id = f"{speaker_id[: MAX_SLUG - 8]}-{order}"
            ids.add(speaker_id)
            city = rng.choice(words.CITIES)
            subject = rng.choice(words.FIELDS)
            affiliation = rng.choice(words.AFFILIATION_PATTERNS).format(city=city, field=subject)
            job_title = rng.choice(words.JOB_TITLES).format(field=subject)
            speakers.append(
                _Speaker(
                    id=speaker_id,
                    name=name,
                    honorific=rng.choice(words.HONORIFICS),
                    role=self._role(order, count),
                    affiliation=affiliation,
                    job_title=job_title,
                    field=subject,
                    leaning=rng.gauss(0, 0.6),
                    weight=rng.lognormvariate(0, 0.7),
                    order=order,
                )
            )
        return speakers

    def _name(self, taken: set[str], order: int) -> str:
        """A name not yet taken; past a few tries (a very large panel), a numbered namesake."""
        for _ in range(20):
            name = f"{self.rng.choice(words.FIRST_NAMES)} {self.rng.choice(words.SURNAMES)}"
            if name not in taken:
                return name
        return f"{name} {_roman(order)}"

    def _role(self, order: int, count: int) -> str:
        if order == 0:
            return "chair"
        if count >= 3 and order == 1:
            return "opening"
        if count >= 3 and order == count - 1:
            return "closing"
        return self.rng.choices(("panellist", "discussant", "respondent"), (16, 3, 1))[0]

    # -- positions and the report they come from ---------------------------

    def _voices(self) -> list[_Speaker]:
        """Who takes positions: everyone but the chair, unless the chair is alone."""
        return self.speakers[1:] or self.speakers[:1]

    def _speaker_per_position(self) -> list[_Speaker]:
        voices = self._voices()
        count = self.position_count
        # Everyone speaks at least once when there are enough positions to go round.
        chosen = list(voices[:count]) if count >= len(voices) else []
        chosen += self.rng.choices(voices, [v.weight for v in voices], k=count - len(chosen))
        chosen.sort(key=lambda speaker: speaker.order)
        return chosen

    def data(self) -> dict[str, Any]:
        rng = self.rng
        speaker_of = self._speaker_per_position()
        theme_of = rng.choices(self.themes, [t.weight for t in self.themes], k=len(speaker_of)) if speaker_of else []
        chair = self.speakers[0]
        paragraphs = [
            (
                f"{self.organiser} brought together {len(self.speakers)} speakers to ask: {self.question} "
                f"{chair.display_name} ({chair.job_title}, {chair.affiliation}) chaired the discussion, "
                f"which ranged over {len(self.themes)} themes."
            ),
        ]
        centres: dict[tuple[str, str], float] = {}
        positions: list[dict[str, Any]] = []
        sentences: list[str] = []
        current: _Speaker | None = None
        for speaker, theme in zip(speaker_of, theme_of, strict=True):
            if speaker is not current:
                if sentences:
                    paragraphs.extend(_paragraphs(sentences))
                current = speaker
                sentences = [f"{speaker.display_name} ({speaker.job_title}, {speaker.affiliation}) took the floor."]
            key = (speaker.id, theme.id)
            if key not in centres:
                centres[key] = self._centre(speaker, theme)
            stance = max(STANCE_MIN, min(STANCE_MAX, round(centres[key] + rng.gauss(0, 0.5))))
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            sentence, excerpt, timeframe = self._sentence(speaker, theme, stance, kind)
            sentences.append(sentence)
            speaker.stances.append(stance)
            speaker.theme_counts[theme.label] = speaker.theme_counts.get(theme.label, 0) + 1
            topic = theme.label.lower()
            summary = rng.choice(words.SUMMARIES[kind]).format(
                topic=topic, label=stance_label(stance, self.scale), timeframe=timeframe
            )
            positions.append(
                {
                    "id": f"{speaker.id}-{len(speaker.stances)}",
                    "speaker": speaker.id,
                    "theme": theme.id,
                    "stance": stance,
                    "kind": kind,
                    "summary": summary[:1].upper() + summary[1:],
                    "excerpt": excerpt,
                }
            )
        paragraphs.extend(_paragraphs(sentences))
        return {
            "format": FORMAT,
            "seminar": self._seminar("\n\n".join(paragraphs)),
            "themes": [
                {
                    "id": theme.id,
                    "label": theme.label,
                    "description": f"What the panel said about {theme.label.lower()}.",
                    "order": order + 1,
                }
                for order, theme in enumerate(self.themes)
            ],
            "speakers": [self._speaker_entry(speaker) for speaker in self.speakers],
            "positions": positions,
        }

    def _centre(self, speaker: _Speaker, theme: _Theme) -> float:
        """Where a speaker stands on a theme before the noise of each statement."""
        if theme.lean == "contested":
            camp = CAMP_DISTANCE if self.rng.random() < 0.5 else -CAMP_DISTANCE
            return camp + speaker.leaning / 2
        return _LEAN_CENTRE[theme.lean] + speaker.leaning

    def _sentence(self, speaker: _Speaker, theme: _Theme, stance: int, kind: str) -> tuple[str, str, str]:
        """A sentence of the report, the excerpt cut from it, and the timeframe it mentions."""
        rng = self.rng
        topic = theme.label.lower()
        timeframe = rng.choice(words.TIMEFRAMES)
        qualifier = rng.choice(words.QUALIFIERS).format(
            region=rng.choice(words.REGIONS), group=rng.choice(words.GROUPS)
        )
        claim = rng.choice(words.CLAIMS[kind][stance]).format(
            topic=topic + qualifier,
            parties=rng.choice(words.PARTIES),
            positive=self.scale.positive,
            negative=self.scale.negative,
            neutral=self.scale.neutral,
            timeframe=timeframe,
        )
        who = rng.choice((speaker.display_name, speaker.surname, speaker.name))
        excerpt = f"{who} {rng.choice(words.VERBS[kind])} that {claim}"
        if rng.random() < EVIDENCE_SHARE:
            excerpt += ", " + self._evidence()
        lead_in = rng.choice(words.LEAD_INS).format(topic=topic)
        modifier = rng.choice(words.MODIFIERS)
        return f"{lead_in}{excerpt}{modifier}.", excerpt, timeframe

    def _evidence(self) -> str:
        rng = self.rng
        return rng.choice(words.EVIDENCE).format(
            year=rng.randint(2005, 2035),
            city=rng.choice(words.CITIES),
            document=rng.choice(words.DOCUMENTS),
            number=rng.randint(3, 97),
            sector=rng.choice(words.SECTORS),
            trend=rng.choice(words.TRENDS),
            count=rng.randint(2, 40),
            projects=rng.choice(words.PROJECTS),
            body=rng.choice(words.BODIES),
            month=rng.choice(words.MONTHS),
        )

    def _speaker_entry(self, speaker: _Speaker) -> dict[str, Any]:
        return {
            "id": speaker.id,
            "name": speaker.name,
            "honorific": speaker.honorific,
            "role": speaker.role,
            "affiliation": speaker.affiliation,
            "job_title": speaker.job_title,
            "bio": f"{speaker.job_title}, {speaker.affiliation}; writes on {speaker.field.lower()}.",
            "summary": self._speaker_summary(speaker),
            "order": speaker.order,
        }

    def _speaker_summary(self, speaker: _Speaker) -> str:
        if not speaker.stances:
            return "Chaired the discussion." if speaker.role == "chair" else "Took no position on any theme."
        mean = sum(speaker.stances) / len(speaker.stances)
        main_theme = max(speaker.theme_counts.items(), key=lambda item: (item[1], item[0]))[0]
        themes = len(speaker.theme_counts)
        return (
            f"Leans to {stance_label(mean, self.scale)} overall across {themes} "
            f"theme{'s' if themes != 1 else ''}; spoke most on {main_theme.lower()}."
        )

    def _seminar(self, text: str) -> dict[str, Any]:
        chair = self.speakers[0]
        return {
            "title": f"{self.question} A synthetic panel",
            "subtitle": f"{len(self.speakers)} speakers, {len(self.themes)} themes, {self.position_count} positions",
            "question": self.question,
            "scale": {"negative": self.scale.negative, "positive": self.scale.positive, "neutral": self.scale.neutral},
            "organiser": self.organiser,
            "date": self.date.isoformat(),
            "start_time": "14:00",
            "end_time": "17:30",
            "venue": self.rng.choice(words.VENUES),
            "mode": self.rng.choice(("in-person", "virtual", "hybrid")),
            "chair": chair.id,
            "summary": f"A generated seminar in which {len(self.speakers)} speakers answer: {self.question}",
            "source": {
                "title": f"Report: {self.question}",
                "publisher": self.organiser,
                "url": None,
                "published": (self.date + dt.timedelta(days=14)).isoformat(),
                "text": text,
            },
        }


def _paragraphs(sentences: list[str]) -> list[str]:
    return [
        " ".join(sentences[start : start + SENTENCES_PER_PARAGRAPH])
        for start in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
    ]


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, numeral in numerals:
        while number >= value:
            text += numeral
            number -= value
    return text


# ---------------------------------------------------------------------------
# Command line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.synthetic",
        description="Write a synthetic seminar file: the same arguments always give the same bytes.",
    )
    parser.add_argument("--speakers", type=int, default=50, help="number of speakers, the chair included (default 50)")
    parser.add_argument("--themes", type=int, default=40, help="number of themes (default 40)")
    parser.add_argument("--positions", type=int, default=1_000, help="number of positions (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("output", type=Path, metavar="OUT", help="file to write, e.g. big.seminar.json")
    args = parser.parse_args(argv)
    try:
        model = generate(args.speakers, args.themes, args.positions, args.seed)
    except ValueError as exc:
        parser.error(str(exc))
    try:
        save(model, args.output)
    except OSError as exc:
        print(f"synthetic: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(
        f"{args.output}: {args.speakers} speakers, {args.themes} themes, {args.positions} positions (seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
