"""The brief's judgements in words: the analyst's own from the file, or careful drafts from the analysis.

A brief leads with its answer (bottom line), the key judgements behind it,
and what to watch.  Where the seminar file carries them (``brief.*``) they
are used as written, each judgement given the evidence it rests on (which
speakers, which themes, and whether those themes' verdicts are firm or
tentative).  Where it does not, they are drafted here from the analysis in
plain sentences that claim no more than the verdict rules allow, and marked
as drafted (:data:`DRAFTED_LABEL`).  Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.analysis.seminar_analysis import (
    MIN_VOICES,
    SeminarAnalysis,
    ThemeMetrics,
    Verdict,
    describe_flips,
    verdict_label,
)
from ..model.dataset import Dataset
from ..model.format.schema import Judgement, Kind, Position, Scale
from .names import speaker_short_name
from .wording import capital, stance_words

DRAFTED_LABEL = "Drafted from the coding; not reviewed"
"""How a brief marks judgements it wrote itself rather than took from the analyst."""
MAX_JUDGEMENTS = 6
MAX_WATCH = 5
NAMES_IN_FULL = 6
"""Most speakers named in one judgement's evidence before the rest are counted instead."""
THEMES_IN_FULL = 4
"""Most themes a drafted bottom line names in one group before it only counts them."""


@dataclass(frozen=True)
class Point:
    """One judgement (or thing to watch) with the evidence it rests on, in words."""

    text: str
    evidence: str = ""


@dataclass(frozen=True)
class BriefWords:
    """Everything the brief's first page says in words."""

    bottom_line: str
    key_judgements: list[Point] = field(default_factory=list)
    what_to_watch: list[Point] = field(default_factory=list)
    drafted: bool = False
    preparer: str | None = None


def short_name(dataset: Dataset, speaker_id: str) -> str:
    """The speaker as a brief names them in passing (see :func:`.names.short_name`)."""
    speaker = dataset.speaker(speaker_id)
    return speaker_short_name(speaker) or speaker.display_name


def names_in_words(names: list[str]) -> str:
    """``["A", "B", "C"]`` → ``A, B and C``; past six names, the first six and how many more speakers."""
    if len(names) > NAMES_IN_FULL:
        rest = len(names) - NAMES_IN_FULL
        return f"{', '.join(names[:NAMES_IN_FULL])} and {rest:,} more speaker{'' if rest == 1 else 's'}"
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def firmness(metrics: ThemeMetrics) -> str:
    """``firm``, ``tentative``, or ``no verdict`` for a theme's verdict."""
    if not metrics.verdict.is_stated:
        return "no verdict"
    return "tentative" if metrics.tentative else "firm"


def brief_words(dataset: Dataset, analysis: SeminarAnalysis | None = None) -> BriefWords:
    """The brief's bottom line, key judgements and what to watch: the file's, else drafted."""
    analysis = analysis or dataset.analysis
    written = dataset.model.brief
    if written is not None and (written.bottom_line.strip() or written.key_judgements):
        return BriefWords(
            written.bottom_line.strip(),
            [Point(item.text, evidence_for(dataset, analysis, item)) for item in written.key_judgements],
            [Point(item.text, evidence_for(dataset, analysis, item, with_verdicts=False)) for item in written.what_to_watch],
            drafted=False,
            preparer=written.preparer,
        )
    return draft(dataset, analysis, preparer=written.preparer if written else None)


def evidence_for(dataset: Dataset, analysis: SeminarAnalysis, judgement: Judgement, with_verdicts: bool = True) -> str:
    """What a written judgement rests on: ``Rumer, Gardiner · Durability (contested, tentative)``."""
    positions = [p for p in (_position_or_none(dataset, pid) for pid in judgement.positions) if p is not None]
    if not positions:
        return "No positions linked." if judgement.positions else ""
    speakers = sorted(dict.fromkeys(position.speaker for position in positions), key=dataset.speaker_rank)
    themes = list(dict.fromkeys(position.theme for position in positions))
    names = names_in_words([short_name(dataset, speaker) for speaker in speakers])
    scale = dataset.seminar.scale
    theme_words = []
    for theme_id in themes:
        label = dataset.theme(theme_id).label
        if with_verdicts:
            metrics = analysis.themes[theme_id]
            label += f" ({_verdict_words(metrics, scale)})"
        theme_words.append(label)
    return f"{names} \u00b7 {'; '.join(theme_words)}"


def _position_or_none(dataset: Dataset, position_id: str) -> Position | None:
    try:
        return dataset.position(position_id)
    except KeyError:
        return None


def _verdict_words(metrics: ThemeMetrics, scale: Scale) -> str:
    if metrics.verdict is Verdict.TOO_FEW_VOICES:
        return f"{metrics.n} voice{'s' if metrics.n != 1 else ''}, too few for a verdict"
    if not metrics.verdict.is_stated:
        return verdict_label(metrics.verdict, scale)
    return f"{verdict_label(metrics.verdict, scale)}, {firmness(metrics)}, n\u00a0=\u00a0{metrics.n:,}"


# -- drafting ------------------------------------------------------------------------------------


def draft(dataset: Dataset, analysis: SeminarAnalysis, preparer: str | None = None) -> BriefWords:
    """Bottom line, key judgements and what to watch drafted from the analysis alone."""
    scale = dataset.seminar.scale
    metrics = [analysis.themes[theme.id] for theme in dataset.themes]
    judged = [m for m in metrics if m.verdict.is_stated]
    return BriefWords(
        _drafted_bottom_line(dataset, metrics, judged, scale),
        _drafted_judgements(dataset, analysis, judged, metrics, scale),
        _drafted_watch(dataset, analysis),
        drafted=True,
        preparer=preparer,
    )


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(number: int, noun: str) -> str:
    """``three themes``, ``one theme``, ``12 themes``: small numbers in words, as prose writes them."""
    amount = _NUMBER_WORDS[number] if 0 <= number < len(_NUMBER_WORDS) else f"{number:,}"
    return f"{amount} {noun}{'' if number == 1 else 's'}"


def _drafted_bottom_line(dataset: Dataset, metrics: list[ThemeMetrics], judged: list[ThemeMetrics], scale: Scale) -> str:
    addressed = [m for m in metrics if m.n]
    if not judged:
        return (
            f"No theme drew the {MIN_VOICES} or more voices a verdict needs, so the coding supports no answer "
            f"to \u201c{dataset.seminar.question}\u201d; the individual stances below are all there is."
        )
    positive = [m for m in judged if m.verdict is Verdict.CONSENSUS_POSITIVE]
    negative = [m for m in judged if m.verdict is Verdict.CONSENSUS_NEGATIVE]
    contested = [m for m in judged if m.verdict is Verdict.CONTESTED]
    leaning = (Verdict.CONSENSUS_POSITIVE, Verdict.CONSENSUS_NEGATIVE, Verdict.CONTESTED)
    mixed = [m for m in judged if m.verdict not in leaning]

    def themes(group: list[ThemeMetrics]) -> str:
        return _themes_named(dataset, group)

    parts = []
    if positive:
        parts.append(f"leaned to {scale.positive} on {themes(positive)}")
    if negative:
        parts.append(f"to {scale.negative} on {themes(negative)}" if positive else
                     f"leaned to {scale.negative} on {themes(negative)}")
    if contested:
        parts.append(f"was split on {themes(contested)}")
    if mixed:
        parts.append(f"showed no clear lean on {themes(mixed)}")
    lead = capital(
        f"{_count(len(judged), 'theme')} drew the {MIN_VOICES} or more voices a verdict needs; on "
        f"{'it' if len(judged) == 1 else 'them'} the panel " + _joined(parts) + "."
    )
    if len(positive) > len(negative) + len(contested):
        answer = f"On this coding the weight of the panel is towards {scale.positive}."
    elif len(negative) > len(positive) + len(contested):
        answer = f"On this coding the weight of the panel is towards {scale.negative}."
    else:
        answer = "On this coding the panel gives no clear answer either way."
    tentative = sum(1 for m in judged if m.tentative)
    few = len(addressed) - len(judged)
    sentence = f"{lead} {answer}"
    if tentative:
        sentence += (
            f" {capital(_NUMBER_WORDS[tentative]) if tentative < len(_NUMBER_WORDS) else tentative} of the "
            f"{_count(len(judged), 'verdict')} would change if one speaker were dropped or moved a step."
        )
    if few:
        sentence += f" {capital(_count(few, 'other theme'))} had too few voices for any verdict."
    return sentence


def _themes_named(dataset: Dataset, group: list[ThemeMetrics]) -> str:
    """``two themes (Trade and Borders)``; a group too long to list is only counted."""
    counted = _count(len(group), "theme")
    if len(group) > THEMES_IN_FULL:
        return counted
    return f"{counted} ({_joined([dataset.theme(m.theme_id).label for m in group])})"


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _drafted_judgements(
    dataset: Dataset, analysis: SeminarAnalysis, judged: list[ThemeMetrics], metrics: list[ThemeMetrics], scale: Scale
) -> list[Point]:
    def name_of(speaker_id: str) -> str:
        return short_name(dataset, speaker_id)

    rank = {Verdict.CONSENSUS_POSITIVE: 0, Verdict.CONSENSUS_NEGATIVE: 0, Verdict.CONTESTED: 1}
    order = sorted(judged, key=lambda m: (m.tentative, rank.get(m.verdict, 2), -m.n))
    points = []
    for m in order[:MAX_JUDGEMENTS]:
        label = dataset.theme(m.theme_id).label
        positive = sorted((s for s, stance in m.stances.items() if stance > 0), key=dataset.speaker_rank)
        negative = sorted((s for s, stance in m.stances.items() if stance < 0), key=dataset.speaker_rank)
        if m.verdict is Verdict.CONSENSUS_POSITIVE:
            text = f"{label}: {len(positive):,} of {m.n:,} voices lean to {scale.positive} and none to {scale.negative}."
        elif m.verdict is Verdict.CONSENSUS_NEGATIVE:
            text = f"{label}: {len(negative):,} of {m.n:,} voices lean to {scale.negative} and none to {scale.positive}."
        elif m.verdict is Verdict.CONTESTED:
            text = (
                f"{label} is contested: {len(positive):,} of {m.n:,} voices lean to {scale.positive} "
                f"({names_in_words([name_of(s) for s in positive])}) and {len(negative):,} to {scale.negative} "
                f"({names_in_words([name_of(s) for s in negative])})."
            )
        else:
            text = f"{label} shows no clear lean among its {m.n:,} voices."
        if m.tentative:
            flips = describe_flips(m.flips[:1], name_of, scale)
            text += f" Tentative: {flips[0]}." if flips else " Tentative."
        speakers = [name_of(s) for s in sorted(m.stances, key=dataset.speaker_rank)]
        points.append(Point(text, f"{names_in_words(speakers)} \u00b7 {label} ({_verdict_words(m, scale)})"))
    if len(points) < MAX_JUDGEMENTS:
        few = [m for m in metrics if m.verdict is Verdict.TOO_FEW_VOICES]
        if few:
            labels = [dataset.theme(m.theme_id).label for m in few]
            points.append(Point(
                f"No verdict is possible on {_joined(labels) if len(labels) <= 4 else _count(len(labels), 'theme')}: "
                f"fewer than {MIN_VOICES} speakers took a counted position there.",
                "",
            ))
    return points


WATCHED_KINDS = (Kind.PREDICTION, Kind.QUESTION)
"""What a drafted "What to watch" is made of: forecasts, whose coming true can be watched, and open questions.

Recommendations say what someone should do, not what to look out for: the
brief lists them in its own section (forecasts and recommendations), never here.
"""


def _drafted_watch(dataset: Dataset, analysis: SeminarAnalysis) -> list[Point]:
    """Forecasts and open questions on the most-discussed themes, forecasts and strong stances first, one per theme."""
    scale = dataset.seminar.scale
    candidates: list[Position] = [p for p in dataset.model.positions if p.kind in WATCHED_KINDS and p.stance is not None]
    candidates.sort(key=lambda p: (
        -analysis.themes[p.theme].n, p.kind is not Kind.PREDICTION, -abs(p.stance or 0), dataset.speaker_rank(p.speaker),
    ))
    points = []
    seen: set[str] = set()
    for position in candidates:
        if position.theme in seen:
            continue
        seen.add(position.theme)
        label = dataset.theme(position.theme).label
        name = short_name(dataset, position.speaker)
        if position.kind is Kind.PREDICTION:
            text = f"Whether {name}\u2019s forecast on {label} comes true. {position.summary}"
            evidence = f"{name} \u00b7 {label} ({stance_words(position.stance or 0, scale)}); the forecast in the analyst\u2019s words"
        else:
            text = f"How {name}\u2019s open question on {label} is answered. {position.summary}"
            evidence = f"{name} \u00b7 {label}; the question in the analyst\u2019s words"
        points.append(Point(text, evidence))
        if len(points) == MAX_WATCH:
            break
    return points
