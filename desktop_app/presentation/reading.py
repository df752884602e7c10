"""How to read the analysis: each measure's definition, and the "Reading the Analysis" page built from the model's rules.

Every number the page quotes (the fewest voices for a verdict, the contest
thresholds, the shared themes a pair needs) is read from the model's named
constants, so the page cannot drift from the rules it explains.  Pure Python:
the window's Help page, the detail panel's metric tooltips and the brief can
all use it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection

from ..model.analysis.seminar_analysis import (
    CONTESTED_MIN_EACH_SIDE,
    CONTESTED_MIN_SHARE,
    COUNTED_KINDS_DEFAULT,
    MEASURE_DECIMALS,
    MIN_SHARED_THEMES,
    MIN_VOICES,
    STANCE_RANGE,
)
from ..model.format.schema import Kind, Scale
from .richtext import esc
from .wording import kinds_phrase

KIND_MEANINGS = {
    Kind.ASSESSMENT: "a judgement of how things stand now",
    Kind.PREDICTION: "a forecast of what will happen",
    Kind.PRESCRIPTION: "a recommendation of what should be done",
    Kind.QUESTION: "an open question, with no stance taken",
    Kind.HISTORY: "a claim about the past",
    Kind.SUMMARY: "a chair's or moderator's round-up of the panel",
}
"""What each kind of position is, in plain words."""


def _share(value: float) -> str:
    return f"{value * 100:.0f}%"


METRICS: dict[str, tuple[str, str]] = {
    "n": (
        "Voices (n)",
        ("The number of speakers with at least one counted position on the theme. "
        "Questions, history and summaries are not counted unless chosen in View \u25b8 Counted Kinds."),
    ),
    "counts": (
        "Counts per stance",
        ("How many voices hold each stance, from \u22122 to +2. A speaker with several counted positions on "
        "the theme counts once, at the median of their positions."),
    ),
    "median": (
        "Median",
        ("The middle stance of the voices, in order; with an even number of voices, halfway between the "
        "two middle ones (so +1.5 can occur)."),
    ),
    "consensus": (
        "Consensus",
        ("Tastle & Wierman's ordinal consensus, 0 to 1: Cns = 1 + \u03a3 p\u1d62 \u00b7 log\u2082(1 \u2212 |X\u1d62 \u2212 \u03bc| / "
        f"{STANCE_RANGE}), with p\u1d62 the share of voices at stance X\u1d62 and \u03bc their mean. "
        "1 when all voices hold the same stance, 0 when they are split evenly between the two extremes."),
    ),
    "verdict": (
        "Verdict",
        (f"No verdict word below {MIN_VOICES} voices. Consensus: a strict majority on one pole and nobody on the "
        f"other (mixed voices are not support). Contested: at least {CONTESTED_MIN_EACH_SIDE} voice on each pole, "
        f"the smaller side at least {_share(CONTESTED_MIN_SHARE)} of the voices. Otherwise mixed."),
    ),
    "robust": (
        "Robustness",
        ("Each voice is dropped in turn, and each counted stance moved one step either way. A verdict that any "
        "one such change would alter is tentative, and the page says what flips it."),
    ),
    "agreement": (
        "Agreement",
        (f"Over the k themes both speakers addressed: 1 \u2212 mean |a \u2212 b| / {STANCE_RANGE}. "
        "1 is the same stance on every shared theme, 0 opposite extremes on all of them."),
    ),
    "shared": (
        "Shared themes (k)",
        (f"The themes both speakers addressed with a counted position. Pairs with fewer than {MIN_SHARED_THEMES} "
        "are hatched and never called closest or furthest."),
    ),
    "chance": (
        "Chance level",
        (f"The agreement two speakers with these stance mixes would reach by picking at random: "
        f"1 \u2212 E|A \u2212 B| / {STANCE_RANGE}, A drawn from the first speaker's own stances, B from the second's."),
    ),
    "corrected": (
        "Beyond chance",
        ("Chance-corrected agreement: (observed \u2212 chance) / (1 \u2212 chance). 0 is what chance alone gives, "
        "1 full agreement, below 0 less agreement than chance."),
    ),
    "divided": (
        "Divided",
        ("The speaker's counted positions on the theme lie on both poles (say +1 and \u22121). Their median is "
        "counted, but it is not the same as a mixed view."),
    ),
}
"""Each measure's label and definition, keyed by the name the detail panel's links use (``metric:median``)."""


def metric_label(key: str) -> str:
    return METRICS[key][0]


def metric_definition(key: str) -> str:
    """The definition of a measure, plain text; KeyError for an unknown one."""
    return METRICS[key][1]


_COUNTED_NOW = " \u2014 counted now"
_NOT_COUNTED = " \u2014 not counted now"
_BY_DEFAULT = " (one of the defaults)"


def counting_sentence(kinds: Collection[Kind]) -> str:
    """``Counting assessments, predictions and prescriptions.`` with what is left out as context."""
    left = [kind for kind in Kind if kind not in kinds]
    text = f"Counting {kinds_phrase(kinds)}."
    if left:
        text += f" Shown as context, not counted: {kinds_phrase(left)}."
    return text


def reading_html(scale: Scale | None = None, counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT) -> str:
    """The "Reading the Analysis" page as rich text: kinds, measures, verdict rules, robustness, pairs."""
    positive = esc(scale.positive) if scale else "the positive pole"
    negative = esc(scale.negative) if scale else "the negative pole"
    neutral = esc(scale.neutral) if scale else "mixed"

    def item(key: str) -> str:
        label, definition = METRICS[key]
        return f"<li><b>{esc(label)}</b>: {esc(definition)}</li>"

    kinds = "".join(
        f"<li><b>{esc(kind.value)}</b> ({esc(KIND_MEANINGS[kind])})"
        f"{_COUNTED_NOW if kind in counted_kinds else _NOT_COUNTED}{_BY_DEFAULT if kind in COUNTED_KINDS_DEFAULT else ''}</li>"
        for kind in Kind
    )
    return (
        "<h2>Reading the analysis</h2>"
        "<p>The panel is the whole population, not a sample, and it is small. The uncertainty that matters is how "
        "each statement was coded and who happened to speak, so the figures are ordinal, shown to "
        f"{MEASURE_DECIMALS} decimal at most, and every verdict carries the evidence that would overturn it.</p>"
        "<h3>Stances and counted kinds</h3>"
        f"<p>Each position has a stance from \u22122 ({negative}) through 0 ({neutral}) to +2 ({positive}), "
        "and a kind:</p>"
        f"<ul>{kinds}</ul>"
        f"<p>{esc(counting_sentence(counted_kinds))} Choose the kinds in View \u25b8 Counted Kinds; the chart, the "
        "agreement map, the detail panel and the exports follow. A speaker's stance on a theme is the median of "
        "their counted positions there, rounded toward 0 when it falls between two stances; a speaker whose "
        "positions lie on both poles is marked <i>divided</i>.</p>"
        "<p>A position may also be <i>awaiting a stance</i>: its passage is coded to a speaker and a theme, but no "
        "stance is given yet (a blind coding round, a project from another QDA tool, or Rate Later in the coding "
        "editor). It is shown in the detail panel and underlined with dots in the Source tab, and counted in no "
        "figure until it is rated; Edit \u25b8 Rate Next Awaiting Position (Ctrl+J) goes through them.</p>"
        "<h3>Measures of a theme</h3>"
        f"<ul>{''.join(item(key) for key in ('n', 'counts', 'median', 'consensus', 'divided'))}</ul>"
        "<h3>Verdict rules</h3>"
        "<ul>"
        f"<li><b>Too few voices</b>: fewer than MIN_VOICES = {MIN_VOICES} voices. No verdict word; each voice's "
        "stance is listed instead.</li>"
        f"<li><b>Consensus</b>: more than half of the n voices on one pole (+1 or +2 for {positive}, \u22121 or "
        f"\u22122 for {negative}) and nobody on the other pole. Voices at 0 are not support.</li>"
        f"<li><b>Contested</b>: at least CONTESTED_MIN_EACH_SIDE = {CONTESTED_MIN_EACH_SIDE} voice on each pole, "
        f"and the smaller pole holding at least CONTESTED_MIN_SHARE = {CONTESTED_MIN_SHARE:g} "
        f"({_share(CONTESTED_MIN_SHARE)}) of the voices.</li>"
        "<li><b>Mixed</b>: any other theme with enough voices: no clear lean.</li>"
        "</ul>"
        "<h3>Robustness</h3>"
        f"<p>{esc(metric_definition('robust'))} The check is exhaustive: every voice, every one-step move.</p>"
        "<h3>Agreement between two speakers</h3>"
        f"<ul>{''.join(item(key) for key in ('agreement', 'shared', 'chance', 'corrected'))}</ul>"
        "<p>The agreement map colours each cell by agreement beyond chance and writes the raw agreement and k in "
        f"it; pairs with k below MIN_SHARED_THEMES = {MIN_SHARED_THEMES} are hatched. Anyone with no counted "
        "position (a chair who only chaired, say) is left out of the map.</p>"
        + discussion_html(positive, negative)
        + coders_html()
    )


def discussion_html(positive: str, negative: str) -> str:
    from ..model.analysis.movement import MIN_STEP  # the Help text alone needs it: not at start-up

    """The part of the page on the course of the discussion: the Timeline's axis, movement and replies (poles already escaped)."""
    return (
        "<h3>Over the discussion</h3>"
        "<ul>"
        "<li><b>The Timeline</b> places each position where its excerpt starts: at its turn\u2019s time when the "
        "transcript has turn times, otherwise at its place in the source text, which for a report is the report\u2019s "
        "order, not the order of speaking.</li>"
        "<li><b>Moved</b> and <b>held</b>: for a speaker with at least two counted positions on a theme at different "
        "times (different turns, or different places in a report), the first stance is compared with the last. "
        f"Moved toward {positive} or toward {negative} when they differ by at least MIN_STEP = {MIN_STEP} step; held "
        "otherwise, whatever came between. A single position says nothing.</li>"
        "<li><b>Replies</b>: a turn answers the turn just before it when that turn is another speaker\u2019s, and a "
        "reply counts only when both turns hold a counted position on the same theme. Positions awaiting a stance "
        "count in none of these.</li>"
        "</ul>"
    )


def coders_html() -> str:
    from ..model.analysis.reliability.alpha import CONFIDENCE, DEFAULT_DRAWS  # the Help text alone needs them
    from ..model.analysis.reliability.comparison import RELIABLE, TENTATIVE

    """The part of the page on agreement between coders: the unit, the levels, the interval and how to read alpha."""
    return (
        "<h3>Agreement between coders</h3>"
        "<p>File \u25b8 New Coding Round writes a copy for a second coder (blind re-rating of the same passages, or "
        "independent coding from scratch); Analysis \u25b8 Compare with Another Coding, or <tt>seminar-lens "
        "--reliability</tt>, measures how far the codings agree with Krippendorff\u2019s \u03b1.</p>"
        "<ul>"
        "<li><b>The unit</b> is a speaker \u00d7 theme cell. Its value for a coder is that speaker\u2019s stance on "
        "the theme under the counted kinds, by the same median rule the verdicts use. A cell only one coder coded is "
        "a missing value, not a disagreement; position ids play no part. In a blind round each passage is a unit "
        "too.</li>"
        "<li><b>The levels</b>: <i>nominal</i> counts any two different stances as equally far apart; "
        "<i>ordinal</i> (the figure quoted) uses their order, with distances taken from how the stances were used; "
        "<i>interval</i> takes the squared difference of the stance numbers.</li>"
        f"<li><b>The interval</b> is a percentile bootstrap over units: the cells coded by two coders or more are "
        f"drawn with replacement, as many as there are, {DEFAULT_DRAWS:,} times (seeded, so the same files give the "
        f"same interval), \u03b1 is worked out on each draw, and the {CONFIDENCE:.0%} interval runs between the "
        "2.5th and 97.5th percentiles.</li>"
        f"<li><b>Reading \u03b1</b>: 1 is perfect agreement, 0 what chance gives. The usual reading: from {RELIABLE:.2f} "
        f"reliable; from {TENTATIVE:.3f} good enough for tentative conclusions only; below that not reliable.</li>"
        "<li><b>Coder-dependent verdicts</b>: a theme whose verdict differed between the codings compared is marked "
        "<i>depends on the coder</i> in the chart, the detail panel, the themes CSV and the brief\u2019s method box, "
        "which also carries \u03b1 ordinal with its interval, the units and the coders.</li>"
        "</ul>"
    )


def reading_text(scale: Scale | None = None, counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT) -> str:
    """The same page as plain text, for a test or a terminal."""
    text = re.sub(r"</(p|li|h2|h3)>", "\n", reading_html(scale, counted_kinds))
    return html.unescape(re.sub(r"<[^>]+>", "", text))
