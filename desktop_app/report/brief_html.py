"""The brief's content as Qt rich text, section by section, leading with its judgement.

Page one answers the seminar's question: the bottom line, the key
judgements with the evidence each rests on, and what to watch (the
analyst's own from the file, or drafts marked as such: see
:mod:`~desktop_app.presentation.brief_text`).  The body follows: the chart
and theme table, where the panel agreed and where it split (in quotation),
the forecasts and recommendations register, the agreement matrix, a
method-and-caveats box and the source; speaker profiles are an optional
appendix.  A panel of more than :data:`LARGE_PANEL` compared speakers gets a
summarised body (top themes, the most divided pairs, a speaker index).

Pure Python: this module writes the markup, :mod:`.pdf` lays it out and
paints it.  Every string from the seminar file passes through
:func:`~desktop_app.presentation.richtext.esc`.  Two kinds of marker tie the markup to the
layout: an ``<img>`` naming :data:`CHART_IMAGE` reserves the chart's place,
and the user state of a block opens each *unit*, a run of content the page layout keeps
on one page where it can.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .. import APP_NAME, __version__
from ..model.analysis.extreme_pairs import ExtremePairs
from ..model.analysis.seminar_analysis import (
    CONTESTED_MIN_SHARE,
    COUNTED_KINDS_DEFAULT,
    MIN_SHARED_THEMES,
    MIN_VOICES,
    PairAgreement,
    SeminarAnalysis,
    ThemeMetrics,
    Verdict,
    describe_flips,
    format_measure,
    stance_label,
    verdict_label,
)
from ..model.dataset import Dataset
from ..model.format.schema import Kind, Position
from ..presentation.agreement_legend import SCALE_KEY_SIZE, SCALE_LEGEND, THIN_KEY_SIZE, THIN_LEGEND
from ..presentation.awaiting import awaiting_sentence
from ..presentation.brief_options import SECTION_TITLES, ReportOptions
from ..presentation.brief_text import (
    DRAFTED_LABEL,
    BriefWords,
    Point,
    brief_words,
    firmness,
    short_name,
)
from ..presentation.chair_words import chair_left_out_words, left_out_words, needs_chair_words
from ..presentation.chart_layout import chart_note
from ..presentation.coder_agreement import reliability_line
from ..presentation.colours import INK, MUTED, speaker_hex, stance_hex
from ..presentation.contrast import figure_ink
from ..presentation.discussion_brief import discussion_points
from ..presentation.glance import Sentence, speaker_sentences
from ..presentation.names import initials_by_id
from ..presentation.provenance import coding_credit, judgements_credit
from ..presentation.quote_choice import positions_to_quote
from ..presentation.richtext import esc, position_chip
from ..presentation.wording import (
    capital,
    kind_label,
    kinds_phrase,
    leader_label,
    long_date,
    mode_label,
    role_label,
    speaker_line,
    stance_words,
)

CHART_IMAGE = "seminar-lens:chart"
SCALE_KEY_IMAGE = "seminar-lens:agreement-scale"
"""The place of the agreement map's colour scale key, painted by the PDF."""
THIN_KEY_IMAGE = "seminar-lens:agreement-thin"
"""The place of the agreement map's hatching key, painted by the PDF."""
THIN_PAIR_SHADE = "#f2f4f5"
"""The cell of a pair sharing too few themes; the PDF hatches cells of exactly this colour, as the window does."""
"""Name of the placeholder image whose place the chart takes."""
# A unit's first block carries the unit's number as its user state (``QTextBlock.userState``), an
# index into ``Brief.keep_with_next``; every other block keeps Qt's default, -1.

MATRIX_COLUMNS = 14
"""Most speakers side by side in one agreement table; larger panels continue in further tables."""
LARGE_PANEL = 40
"""Above this many compared speakers the brief is summarised: top themes, divided pairs, a speaker index."""
TOP_THEMES = 12
"""Themes a summarised brief tabulates (those with most voices)."""
QUOTED_THEMES = 4
"""Most themes quoted under "where they agree" and under "where they split"."""
QUOTES_PER_SIDE = 2
"""Most quotations per pole for one theme."""
QUOTE_CHARS = 280
"""An excerpt longer than this is shortened at a word, with an ellipsis marking the cut."""
REGISTER_ROWS = 12
"""Most forecasts (and recommendations) a summarised brief lists; the rest are counted."""
DIVIDED_PAIRS = 10
"""Most pairs a summarised brief lists as the most divided, and as the closest."""
INDEX_NAMES_PER_BLOCK = 80

SEPARATOR = " \u00b7 "

ACCENT = "#1f3b57"
RULE = "#d5d8dc"
SHADE = "#f2f4f6"
BOX = "#eef2f6"

STYLE_SHEET = f"""
body {{ color: {INK}; }}
h1 {{ font-size: 17pt; font-weight: 700; color: {ACCENT}; margin-top: 0px; margin-bottom: 2px; }}
h2 {{ font-size: 12.5pt; font-weight: 700; color: {ACCENT}; margin-top: 18px; margin-bottom: 6px; }}
h3 {{ font-size: 10pt; font-weight: 700; color: {ACCENT}; margin-top: 10px; margin-bottom: 3px; }}
p {{ margin-top: 0px; margin-bottom: 5px; }}
th {{ font-weight: 700; color: {INK}; background-color: {SHADE}; text-align: left; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 7.5pt; }}
.kicker {{ font-size: 8pt; font-weight: 700; color: {MUTED}; }}
"""
"""Default style sheet of the brief's document (Qt's rich-text subset of CSS)."""

_VERDICT_COLOURS = {
    Verdict.CONSENSUS_POSITIVE: stance_hex(2),
    Verdict.CONSENSUS_NEGATIVE: stance_hex(-2),
    Verdict.CONTESTED: "#6a3d9a",
    Verdict.MIXED: INK,
    Verdict.TOO_FEW_VOICES: MUTED,
    Verdict.NOT_ADDRESSED: MUTED,
}


@dataclass
class Brief:
    """The markup of a brief, with what the layout needs to know about it."""

    html: str
    chart_size: tuple[int, int] | None
    keep_with_next: list[bool] = field(default_factory=list)
    """For each unit, in order: whether it must also stay on the page of the unit after it."""


class _Units:
    """Hands out the anchors that open units, remembering which keep with the next."""

    def __init__(self) -> None:
        self.keep_with_next: list[bool] = []

    def start(self, keep_with_next: bool = False) -> str:
        """CSS for the style of the block that opens a new unit: its number as the block's user state.

        A block property, unlike an anchor, leaves the text's runs whole (an
        anchor splits its first letter off, and PDF readers copy the word apart).
        """
        self.keep_with_next.append(keep_with_next)
        return f"-qt-user-state:{len(self.keep_with_next) - 1};"


def running_title(dataset: Dataset) -> str:
    """The brief's running title: whose brief it is and on what, never suggesting the organiser issued it."""
    return f"{APP_NAME} brief on \u201c{dataset.seminar.title}\u201d"


def is_large(dataset: Dataset) -> bool:
    """Whether the panel is large enough for the summarised brief."""
    return len(dataset.analysis.compared_speakers) > LARGE_PANEL


def build_brief(
    dataset: Dataset,
    options: ReportOptions,
    *,
    generated: dt.date,
    body_width: int,
    chart_height: Callable[[int], int],
    cell_hex: Callable[[float | None], str],
) -> Brief:
    """The whole brief as rich text.

    ``body_width`` is the width of the page's text area in layout units;
    ``chart_height(rows)`` the height to reserve for a chart of that many
    themes; ``cell_hex`` the colour of a compared pair's cell for its
    agreement beyond chance (None when chance is already full agreement),
    the colour the window's agreement map gives it.
    """
    dataset = dataset.counting(options.counted_kinds, options.without_chair)  # every figure below counts the kinds the user chose
    counted = bool(dataset.analysis.compared_speakers)
    units = _Units()
    speaker_id = options.speaker
    words = brief_words(dataset)
    parts = [_title_block(dataset, speaker_id, words, generated, units)]
    chart_size = None
    if options.includes("judgements"):
        if speaker_id:
            parts.append(_speaker_glance(dataset, speaker_id, units))
        else:
            parts.append(_judgements(dataset, words, units))
    if options.includes("chart") and not counted:
        parts.append(_nothing_counted("chart", units))
    elif options.includes("chart"):
        chart_size = (body_width, chart_height(len(dataset.themes)))
        parts.append(_chart_section(dataset, speaker_id, chart_size, units))
    if options.includes("themes"):
        parts.append(_theme_table(dataset, units))
    if options.includes("agree_split") and not speaker_id:
        parts.append(_agree_and_split(dataset, units) if counted else _nothing_counted("agree_split", units))
    if options.includes("discussion") and not speaker_id:
        parts.append(_discussion(dataset, units))
    if options.includes("forecasts"):
        parts.append(_forecasts(dataset, speaker_id, units))
    if options.includes("agreement"):
        parts.append(_agreement(dataset, speaker_id, cell_hex, units) if counted else _nothing_counted("agreement", units))
    if options.includes("method"):
        parts.append(_method(dataset, units))
    if options.includes("source"):
        parts.append(_source(dataset, words, generated, units))
    # A speaker's own brief gives their profile with their summary at a glance; a panel's, as its appendix.
    if options.includes("speakers") or (speaker_id and options.includes("judgements")):
        parts.append(_speaker_profiles(dataset, speaker_id, units))
    elif is_large(dataset) and not speaker_id:
        parts.append(_speaker_index(dataset, units))
    return Brief("".join(parts), chart_size, units.keep_with_next)


# -- 1. title block ------------------------------------------------------------------------------


def _title_block(dataset: Dataset, speaker_id: str | None, words: BriefWords, generated: dt.date, units: _Units) -> str:
    seminar = dataset.seminar
    kicker = f"{APP_NAME} {'speaker brief' if speaker_id else 'brief'} \u00b7 {long_date(generated)}"
    if words.preparer:
        kicker += f" \u00b7 prepared by {words.preparer}"
    parts = [f'<p class="kicker" style="{units.start()}">{esc(kicker.upper())}</p>']
    parts.append(f"<h1>{esc(seminar.question)}</h1>")
    event = f"On \u201c{seminar.title}\u201d"
    if speaker_id:
        event = f"{dataset.speaker(speaker_id).display_name} at \u201c{seminar.title}\u201d"
    facts = [seminar.organiser, f"{mode_label(seminar).lower()} event, {seminar.venue}", long_date(seminar.date, weekday=True)]
    if seminar.start_time:
        time = f"{seminar.start_time:%H:%M}"
        if seminar.end_time:
            time += f"\u2013{seminar.end_time:%H:%M}"
        facts[-1] += f", {time}"
    chair = dataset.chair
    if chair:
        facts.append(f"{leader_label(chair)}: {chair.display_name}")
    parts.append(
        f'<p style="font-size:10.5pt; margin-bottom:2px;">{esc(event)}</p>'
        f'<p class="muted" style="margin-bottom:8px;">{esc(SEPARATOR.join(facts))}</p>'
    )
    return "".join(parts)


# -- 2. bottom line, key judgements, what to watch -----------------------------------------------


def _point_rows(points: list[Point], marker: str, units: _Units) -> str:
    """One small table per point, each its own unit, so a long list breaks between points, not inside one."""
    rows = []
    for point in points:
        evidence = (
            f'<br><span class="muted small">Rests on: {esc(point.evidence)}</span>' if point.evidence else ""
        )
        rows.append(
            f'<table cellspacing="0" cellpadding="0" style="{units.start()}"><tr>'
            f'<td width="14" valign="top" style="color:{ACCENT};">{marker}</td>'
            f'<td style="padding-bottom:5px;">{esc(point.text)}{evidence}</td></tr></table>'
        )
    return "".join(rows)


def _judgements(dataset: Dataset, words: BriefWords, units: _Units) -> str:
    label = (
        f'<p style="color:#8a5a00; font-weight:700; font-size:8pt; margin-bottom:4px;">{esc(DRAFTED_LABEL.upper())}</p>'
        if words.drafted
        else ""
    )
    parts = [
        f'<h2 style="{units.start()} margin-top:6px;">Bottom line</h2>',
        label,
        (
            f'<table width="100%" cellspacing="0" cellpadding="8" style="background-color:{BOX}; margin-bottom:4px;">'
            f'<tr><td style="font-size:10pt;">{esc(words.bottom_line) or "The file gives no bottom line."}</td></tr></table>'
        ),
    ]
    if words.key_judgements:
        parts.append(f'<h2 style="{units.start(keep_with_next=True)}">Key judgements</h2>')
        parts.append(_point_rows(words.key_judgements, "\u25aa", units))
    if words.what_to_watch:
        parts.append(f'<h2 style="{units.start(keep_with_next=True)}">What to watch</h2>')
        parts.append(_point_rows(words.what_to_watch, "\u25b8", units))
    analysis = dataset.analysis
    counted = [p for p in dataset.model.positions if p.kind in analysis.counted_kinds and p.speaker not in analysis.left_out]
    if not analysis.compared_speakers:
        parts.append(f'<p style="margin-top:6px;">{esc(_nothing_counted_words(dataset))}</p>')
        return "".join(parts)
    context = len(dataset.model.positions) - len(counted)
    context_words = (
        f"; {context:,} further position{'s' if context != 1 else ''} shown as context only" if context else ""
    )
    basis = (
        f"Based on {len(counted):,} counted positions taken by {len(analysis.compared_speakers):,} speakers "
        f"on {_themes_addressed(analysis)} "
        f"({_kinds_words(analysis)} counted{context_words})."
    )
    parts.append(f'<p class="muted small" style="margin-top:6px;">{esc(basis)}</p>')
    return "".join(parts)


def _themes_addressed(analysis: SeminarAnalysis) -> str:
    addressed = sum(1 for m in analysis.themes.values() if m.n)
    return f"{addressed:,} theme{'' if addressed == 1 else 's'}"


KIND_SINGULAR = {
    Kind.ASSESSMENT: "assessment",
    Kind.PREDICTION: "forecast",
    Kind.PRESCRIPTION: "recommendation",
    Kind.QUESTION: "open question",
    Kind.HISTORY: "history",
    Kind.SUMMARY: "chair\u2019s summary",
}
"""Each kind of position as the brief names one: a prediction is a forecast, a prescription a recommendation."""


def _kinds_words(analysis: SeminarAnalysis, counted: bool = True) -> str:
    return kinds_phrase([kind for kind in Kind if (kind in analysis.counted_kinds) == counted])


def _nothing_counted_words(dataset: Dataset) -> str:
    """What a brief says in place of figures when no position of the counted kinds has been coded yet."""
    analysis = dataset.analysis
    total = len(dataset.model.positions)
    kinds = _kinds_words(analysis)
    awaiting = len(dataset.awaiting)
    if not total:
        why = "no position has been coded"
    elif awaiting == total:
        why = "the one position coded awaits a stance" if total == 1 else f"all {total:,} positions coded await a stance"
    elif total == 1:
        why = f"the one position coded is not of a counted kind ({kinds})"
    else:
        why = f"none of the {total:,} positions coded is of a counted kind ({kinds})"
    return f"Nothing is counted yet: {why}, so there is no chart, verdict or speaker agreement to show."


_NOTHING_TO_SHOW = {
    "chart": "Nothing is counted yet, so there is no chart to draw.",
    "agree_split": "Nothing is counted yet, so no theme has a verdict to quote.",
    "agreement": "Nothing is counted yet, so there are no speakers to compare.",
}
"""What a section whose figures would all be empty says instead."""


def _nothing_counted(section: str, units: _Units) -> str:
    """A section whose figures would all be empty: its heading and one plain line saying that nothing is counted yet."""
    return (
        f'<h2 style="{units.start(keep_with_next=True)}">{esc(SECTION_TITLES[section])}</h2>'
        f'<p style="{units.start()}">{esc(_NOTHING_TO_SHOW[section])}</p>'
    )


def _sentence_html(sentence: Sentence) -> str:
    return "".join(f"<b>{esc(text)}</b>" if strong else esc(text) for text, strong in sentence.parts)


def _speaker_glance(dataset: Dataset, speaker_id: str, units: _Units) -> str:
    items = "".join(
        f'<tr><td width="14" valign="top" style="color:{ACCENT};">\u25aa</td>'
        f'<td style="padding-bottom:5px;">{_sentence_html(sentence)}</td></tr>'
        for sentence in speaker_sentences(dataset, speaker_id)
    )
    return f'<h2 style="{units.start()}">At a glance</h2><table cellspacing="0" cellpadding="0">{items}</table>'


# -- 3. chart ------------------------------------------------------------------------------------


def _chart_section(dataset: Dataset, speaker_id: str | None, size: tuple[int, int], units: _Units) -> str:
    speaker_name = dataset.speaker(speaker_id).name if speaker_id else None
    note = esc(chart_note(dataset.seminar.scale, speaker_name))
    width, height = size
    return (
        f'<h2 style="{units.start()}">{esc(SECTION_TITLES["chart"])}</h2>'
        f'<p style="margin-top:4px; margin-bottom:4px;"><img src="{CHART_IMAGE}" width="{width}" height="{height}"></p>'
        f'<p class="muted small">{note}</p>'
    )


# -- 4. theme table ------------------------------------------------------------------------------


def voices_words(dataset: Dataset, metrics: ThemeMetrics) -> str:
    """``2 voices: Shagina mixed, Gardiner divergence``: the stances themselves where no verdict is given."""
    scale = dataset.seminar.scale
    stances = ", ".join(
        f"{short_name(dataset, speaker)} {stance_label(stance, scale)}" for speaker, stance in metrics.stances.items()
    )
    return f"{metrics.n} voice{'s' if metrics.n != 1 else ''}: {stances}"


def _verdict_cell(dataset: Dataset, metrics: ThemeMetrics) -> str:
    scale = dataset.seminar.scale
    if metrics.verdict is Verdict.TOO_FEW_VOICES:
        return f'<span style="color:{MUTED};">too few voices ({esc(voices_words(dataset, metrics))})</span>'
    if metrics.verdict is Verdict.NOT_ADDRESSED:
        context = sorted({KIND_SINGULAR[p.kind] for p in dataset.positions_on(metrics.theme_id)})
        words = f"no counted position ({', '.join(context)} only)" if context else "not addressed"
        return f'<span style="color:{MUTED};">{esc(words)}</span>'
    colour = _VERDICT_COLOURS[metrics.verdict]
    label = esc(verdict_label(metrics.verdict, scale))
    if not metrics.tentative:
        return f'<span style="color:{colour}; font-weight:600;">{label}</span> <span class="muted">(firm)</span>'
    flips = describe_flips(metrics.flips[:1], lambda s: short_name(dataset, s), scale)
    others = len(metrics.flips) - 1
    more = f"; {others} other single change{'s' if others != 1 else ''} would also alter it" if others else ""
    return (
        f'<span style="color:{colour}; font-weight:600;">{label}</span> <i>(tentative)</i>'
        f'<br><span class="muted small">{esc(capital(flips[0]) + more)}</span>'
    )


def _chair_note(dataset: Dataset, metrics: ThemeMetrics) -> str:
    """The line under a verdict that stands only while the chair is counted; nothing otherwise."""
    words = needs_chair_words(dataset, metrics)
    return f'<br><span class="muted small">{esc(words)}</span>' if words else ""


_THEME_COLUMNS = (
    ("Theme", 19, "left"), ("n", 7, "right"), ("\u22122", 5, "right"), ("\u22121", 5, "right"), ("0", 5, "right"),
    ("+1", 5, "right"), ("+2", 5, "right"), ("Median", 9, "right"), ("Cns.", 6, "right"), ("Verdict", 34, "left"),
)
"""Heading, width in per cent, and alignment of each column of the theme table."""


def _theme_rows(dataset: Dataset) -> tuple[list[ThemeMetrics], int]:
    """The themes the table lists, and how many it leaves out (a summarised brief lists the most-voiced)."""
    all_metrics = [dataset.analysis.themes[theme.id] for theme in dataset.themes]
    if not is_large(dataset) or len(all_metrics) <= TOP_THEMES:
        return all_metrics, 0
    chosen = sorted(all_metrics, key=lambda m: -m.n)[:TOP_THEMES]
    keep = {m.theme_id for m in chosen}
    return [m for m in all_metrics if m.theme_id in keep], len(all_metrics) - len(chosen)


def _theme_table(dataset: Dataset, units: _Units) -> str:
    scale = dataset.seminar.scale
    cell = f"padding:3px 3px; border-bottom:1px solid {RULE};"
    header = "".join(
        f'<th width="{width}%" align="{align}" style="{cell} font-size:8pt;">{esc(name)}</th>'
        for name, width, align in _THEME_COLUMNS
    )
    rows = []
    shown, left_out = _theme_rows(dataset)
    for metrics in shown:
        counts = [f"{metrics.counts[stance]:,}" if metrics.counts[stance] else "\u00b7" for stance in (-2, -1, 0, 1, 2)]
        values = [
            esc(dataset.theme(metrics.theme_id).label),
            f"{metrics.n:,}",
            *counts,
            esc(format_measure(metrics.median)),
            esc(format_measure(metrics.consensus)),
            _verdict_cell(dataset, metrics) + _chair_note(dataset, metrics),
        ]
        cells = "".join(
            f'<td align="{align}" valign="top" style="{cell}">{value}</td>'
            for value, (_, _, align) in zip(values, _THEME_COLUMNS, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    omitted = (
        f'<p class="muted small" style="margin-top:4px;">The {len(shown)} themes with most voices; '
        f"{left_out} more themes are in the application and the theme CSV.</p>"
        if left_out
        else ""
    )
    definitions = (
        f"<b>n</b>: speakers with a counted position on the theme. <b>\u22122 \u2026 +2</b>: how many of them hold each stance "
        f"(their median), from strong {esc(scale.negative)} to strong {esc(scale.positive)}. <b>Median</b>: the middle stance. "
        "<b>Cns.</b>: ordinal consensus (Tastle &amp; Wierman; 1 = all alike, 0 = split between the extremes). "
        "<b>Tentative</b>: the verdict changes if one speaker is dropped or one stance moves a step; what changes it is named."
    )
    return (
        f'<h2 style="{units.start()}">{esc(SECTION_TITLES["themes"])}</h2>'
        f'<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
        f"<thead><tr>{header}</tr></thead>{''.join(rows)}</table>{omitted}"
        f'<p class="muted small" style="margin-top:6px;">{definitions}</p>'
    )


# -- 5. where they agree, where they split -------------------------------------------------------


def shortened(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` cut at a word before ``limit`` characters, the cut marked with an ellipsis in brackets."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " [\u2026]"


def _quotes_for(dataset: Dataset, metrics: ThemeMetrics, sign: int) -> list[str]:
    return [_quote(dataset, position) for position in positions_to_quote(dataset, metrics, sign, QUOTES_PER_SIDE)]


def _quote(dataset: Dataset, position: Position) -> str:
    scale = dataset.seminar.scale
    speaker = dataset.speaker(position.speaker)
    stance = position.stance or 0  # only counted positions are quoted (see positions_to_quote)
    return (
        '<table cellspacing="0" cellpadding="0" style="margin-top:3px; margin-bottom:3px; margin-left:10px;"><tr>'
        f'<td width="3" style="background-color:{stance_hex(max(-2, min(2, stance)))};"></td>'
        f'<td style="padding-left:8px;">\u201c{esc(shortened(position.excerpt))}\u201d'
        f' \u2014 <b>{esc(speaker.display_name)}</b>'
        f' <span class="muted small">({esc(stance_words(stance, scale))}, {esc(KIND_SINGULAR[position.kind])})</span>'
        "</td></tr></table>"
    )


def _theme_heading(dataset: Dataset, metrics: ThemeMetrics, units: _Units) -> str:
    scale = dataset.seminar.scale
    poles = f"{metrics.convergent:,} {scale.positive}, {metrics.mixed:,} {scale.neutral}, {metrics.divergent:,} {scale.negative}"
    return (
        f'<h3 style="{units.start()}">{esc(dataset.theme(metrics.theme_id).label)}'
        f' <span style="font-weight:400; color:{MUTED}; font-size:8.5pt;">\u2014 {esc(verdict_label(metrics.verdict, scale))}, '
        f"{esc(firmness(metrics))}; n = {metrics.n:,} ({esc(poles)})</span></h3>"
    )


def _agree_and_split(dataset: Dataset, units: _Units) -> str:
    analysis = dataset.analysis
    scale = dataset.seminar.scale
    def by_voices(theme_ids: Iterable[str]) -> list[ThemeMetrics]:
        return sorted((analysis.themes[t] for t in theme_ids), key=lambda m: (m.tentative, -m.n))

    agreed = by_voices(analysis.themes_with(Verdict.CONSENSUS_POSITIVE, Verdict.CONSENSUS_NEGATIVE))
    split = by_voices(analysis.themes_with(Verdict.CONTESTED))
    parts = [f'<h2 style="{units.start(keep_with_next=True)}">Where they agree</h2>']
    if not any(metrics.verdict.is_stated for metrics in analysis.themes.values()):
        parts.append(
            f'<p style="{units.start()}">No theme drew the {MIN_VOICES} voices a verdict needs, so the coding shows neither '
            "agreement nor a split; the theme table lists each voice.</p>"
        )
        return "".join(parts)
    if not agreed:
        parts.append(
            f'<p style="{units.start()}">No theme reached a consensus: none had more than half its voices on one pole '
            "with nobody on the other.</p>"
        )
    for metrics in agreed[:QUOTED_THEMES]:
        sign = 1 if metrics.verdict is Verdict.CONSENSUS_POSITIVE else -1
        parts.append(_theme_heading(dataset, metrics, units))
        parts.extend(_quotes_for(dataset, metrics, sign))
    parts.append(f'<h2 style="{units.start(keep_with_next=True)}">Where they split</h2>')
    if not split:
        parts.append(f'<p style="{units.start()}">No theme was contested: none had voices on both poles in strength.</p>')
    for metrics in split[:QUOTED_THEMES]:
        parts.append(_theme_heading(dataset, metrics, units))
        for sign, pole in ((1, scale.positive), (-1, scale.negative)):
            quotes = _quotes_for(dataset, metrics, sign)
            if quotes:
                parts.append(f'<p class="muted small" style="margin-bottom:0px; margin-top:2px;">Leaning to {esc(pole)}:</p>')
                parts.extend(quotes)
    left_out = max(0, len(agreed) - QUOTED_THEMES) + max(0, len(split) - QUOTED_THEMES)
    note = "Quotations are verbatim from the source; [\u2026] marks a cut. Firm verdicts come first."
    if left_out:
        note += (
            f" {left_out} further theme{'s' if left_out != 1 else ''} with a verdict "
            f"{'are' if left_out != 1 else 'is'} in the theme table."
        )
    parts.append(f'<p class="muted small" style="margin-top:4px;">{esc(note)}</p>')
    return "".join(parts)


# -- 6. forecasts and recommendations ------------------------------------------------------------


def _discussion(dataset: Dataset, units: _Units) -> str:
    """How the discussion went, when there is something true to say (turn times, or repeated positions); else nothing."""
    points = discussion_points(dataset, dataset.analysis)
    if not points:
        return ""
    heading = f'<h2 style="{units.start(keep_with_next=True)}">{esc(SECTION_TITLES["discussion"])}</h2>'
    return heading + _point_rows([Point(point) for point in points], "\u25aa", units)


def _forecasts(dataset: Dataset, speaker_id: str | None, units: _Units) -> str:
    positions = list(dataset.positions_of(speaker_id)) if speaker_id else _in_speaking_order(dataset)
    # A forecast awaiting a stance is not yet coded: the brief lists only what it counts or shows as context.
    positions = [position for position in positions if position.stance is not None]
    parts = [f'<h2 style="{units.start(keep_with_next=True)}">{esc(SECTION_TITLES["forecasts"])}</h2>']
    parts.append(
        '<p class="muted small">Each entry is the analyst\u2019s paraphrase of what the speaker said, not a quotation.</p>'
    )
    limit = REGISTER_ROWS if is_large(dataset) and not speaker_id else None
    for kind, title, empty in (
        (Kind.PREDICTION, "Forecasts", "No forecast was recorded."),
        (Kind.PRESCRIPTION, "Recommendations", "No recommendation was recorded."),
    ):
        chosen = [position for position in positions if position.kind is kind]
        parts.append(f'<h3 style="{units.start()}">{esc(title)}</h3>')
        if not chosen:
            parts.append(f'<p class="muted">{esc(empty)}</p>')
            continue
        if limit is not None and len(chosen) > limit:
            chosen.sort(key=lambda p: (-abs(p.stance or 0), -dataset.analysis.themes[p.theme].n))
            parts.append(_forecast_table(dataset, chosen[:limit]))
            parts.append(
                f'<p class="muted small">The {limit} strongest of {len(chosen):,}; the rest are in the application '
                "and the positions CSV.</p>"
            )
        else:
            parts.append(_forecast_table(dataset, chosen))
    return "".join(parts)


def _in_speaking_order(dataset: Dataset) -> list[Position]:
    return [position for speaker in dataset.speakers for position in dataset.positions_of(speaker.id)]


def _forecast_table(dataset: Dataset, positions: list[Position]) -> str:
    scale = dataset.seminar.scale
    cell = f'style="padding:4px 8px 4px 0px; border-bottom:1px solid {RULE};"'
    header = (
        f'<tr><th width="20%" {cell}>Who</th><th width="20%" {cell}>Theme</th>'
        f"<th {cell}>In the analyst\u2019s words</th></tr>"
    )
    rows = []
    for position in positions:
        speaker = dataset.speaker(position.speaker)
        chip = position_chip(position.stance, scale)
        rows.append(
            f'<tr><td valign="top" {cell}><b>{esc(speaker.display_name)}</b></td>'
            f'<td valign="top" {cell}>{esc(dataset.theme(position.theme).label)}</td>'
            f'<td valign="top" {cell}><span style="white-space:nowrap;">{chip}</span>&nbsp; {esc(position.summary)}</td></tr>'
        )
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
        f"<thead>{header}</thead>{''.join(rows)}</table>"
    )


# -- 7. agreement --------------------------------------------------------------------------------


_NOTE_AGREEMENT = (
    "Each cell: agreement over the k themes both speakers addressed, 1 \u2212 mean gap between their stances / 4 "
    "(1 = the same stance everywhere, 0 = opposite extremes), with k below it. Two speakers choosing stances at "
    "random with these speakers\u2019 own stance mixes would score {chance} on average, so only values well above that "
    "say much; the colour shows how far each pair is above its own chance level. Cells with k < {min_k} are hatched: "
    "too few shared themes to compare. {left_out}"
)


def _agreement(dataset: Dataset, speaker_id: str | None, cell_hex: Callable[[float | None], str], units: _Units) -> str:
    summary = dataset.analysis.extreme_pairs(DIVIDED_PAIRS)  # streamed: never the n × n matrix
    chance = format_measure(summary.chance) if summary.chance is not None else "\u2013"
    note = _NOTE_AGREEMENT.format(min_k=MIN_SHARED_THEMES, chance=chance, left_out=left_out_words(dataset, dataset.analysis))
    heading = f'<h2 style="{units.start()}">{esc(SECTION_TITLES["agreement"])}</h2>'
    if speaker_id:
        return heading + _agreement_list(dataset, speaker_id, cell_hex) + _agreement_legend() + f'<p class="muted small">{esc(note)}</p>'
    speakers = list(dataset.analysis.compared_speakers)
    if len(speakers) > LARGE_PANEL:
        return heading + _divided_pairs(dataset, cell_hex, summary) + _agreement_legend() + f'<p class="muted small" style="margin-top:6px;">{esc(note)}</p>'
    by_id = initials_by_id(dataset.speakers)
    tags = [by_id[s] for s in speakers]
    tables = []
    for start in range(0, len(speakers), MATRIX_COLUMNS):
        tables.append(_matrix_table(dataset, speakers, tags, start, cell_hex, units))
    return heading + "".join(tables) + _agreement_legend() + f'<p class="muted small" style="margin-top:6px;">{esc(note)}</p>'


def _matrix_table(
    dataset: Dataset, speakers: list[str], tags: list[str], first: int, cell_hex: Callable[[float | None], str], units: _Units
) -> str:
    columns = speakers[first : first + MATRIX_COLUMNS]
    head_cell = f'style="padding:3px 4px; border-bottom:1px solid {RULE};"'
    header = f"<th {head_cell}></th>" + "".join(
        f'<th {head_cell} align="center">{esc(tags[first + index])}</th>' for index in range(len(columns))
    )
    rows = []
    for row, speaker in enumerate(speakers):
        cells = []
        for other in columns:
            if other == speaker:
                cells.append(f'<td align="center" style="background-color:{SHADE}; color:{MUTED};">\u00b7</td>')
                continue
            pair = dataset.analysis.pair(speaker, other)
            if pair.agreement is None:
                cells.append(f'<td align="center" style="color:{MUTED}; font-size:7pt;">\u2014<br>k 0</td>')
                continue
            value = format_measure(pair.agreement)
            if not pair.comparable:
                cells.append(
                    f'<td align="center" style="background-color:{THIN_PAIR_SHADE}; color:{MUTED}; padding:2px 2px; font-size:7.5pt;">'
                    f"({value})<br>k {pair.shared_themes}</td>"
                )
                continue
            colour = cell_hex(pair.chance_corrected)
            cells.append(
                f'<td align="center" style="background-color:{colour}; color:{figure_ink(colour)}; padding:2px 2px;">'
                f'<b>{value}</b><br><span style="font-size:7pt;">k {pair.shared_themes}</span></td>'
            )
        name = dataset.speaker(speaker).display_name
        rows.append(
            f'<tr><td style="padding:3px 8px 3px 0px;">{esc(name)} <span class="muted">({esc(tags[row])})</span></td>'
            f"{''.join(cells)}</tr>"
        )
    caption = (
        ""
        if first == 0
        else f'<p class="muted small" style="margin-top:10px; {units.start()}">Continued: columns {first + 1}\u2013{first + len(columns)}</p>'
    )
    return (
        caption + '<table class="whole" width="100%" cellspacing="1" cellpadding="0">'
        f"<thead><tr>{header}</tr></thead>{''.join(rows)}</table>"
    )


def _agreement_legend() -> str:
    """The map's legend, as under the window's: the colour scale's key and the hatching's, each with its words."""
    rows = "".join(
        f'<tr><td valign="middle" style="padding:1px 6px 1px 0px;"><img src="{image}" width="{width}" height="{height}"></td>'
        f'<td valign="middle" class="small">{esc(words)}</td></tr>'
        for image, (width, height), words in (
            (SCALE_KEY_IMAGE, SCALE_KEY_SIZE, SCALE_LEGEND),
            (THIN_KEY_IMAGE, THIN_KEY_SIZE, THIN_LEGEND),
        )
    )
    return f'<table cellspacing="0" cellpadding="0" style="margin-top:6px;">{rows}</table>'


def _divided_pairs(dataset: Dataset, cell_hex: Callable[[float | None], str], summary: ExtremePairs) -> str:
    """For a large panel: the most divided and the closest pairs with enough shared themes, not the whole matrix."""
    ids = dataset.analysis.compared_speakers
    cell = f'style="padding:3px 6px; border-bottom:1px solid {RULE};"'

    def table(pairs: Iterable[PairAgreement]) -> str:
        lines = []
        for pair in pairs:
            value = pair.agreement if pair.agreement is not None else 0.0
            colour = cell_hex(pair.chance_corrected)
            lines.append(
                f"<tr><td {cell}>{esc(dataset.speaker(pair.speaker_a).display_name)}</td>"
                f"<td {cell}>{esc(dataset.speaker(pair.speaker_b).display_name)}</td>"
                f'<td align="center" style="padding:3px 6px; background-color:{colour}; color:{figure_ink(colour)};">'
                f"{format_measure(value)}</td>"
                f'<td {cell} align="right">{pair.shared_themes}</td></tr>'
            )
        header = f"<tr><th {cell}>Speaker</th><th {cell}>Speaker</th><th {cell}>Agreement</th><th {cell}>k</th></tr>"
        return (
            '<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
            f"<thead>{header}</thead>{''.join(lines)}</table>"
        )

    if not summary.comparable:
        return "<p>No two speakers shared enough themes to be compared.</p>"
    return (
        f"<p>With {len(ids):,} compared speakers the matrix would hold {len(ids) * (len(ids) - 1) // 2:,} pairs; "
        f"{summary.comparable:,} share at least {MIN_SHARED_THEMES} themes. The application\u2019s Agreement tab shows them all.</p>"
        f"<h3>Most divided pairs</h3>{table(summary.lowest)}"
        f"<h3>Closest pairs</h3>{table(summary.highest)}"
    )


def _agreement_list(dataset: Dataset, speaker_id: str, cell_hex: Callable[[float | None], str]) -> str:
    others = [other for other in dataset.analysis.compared_speakers if other != speaker_id]
    pairs = [dataset.analysis.pair(speaker_id, other) for other in others]
    pairs.sort(key=lambda pair: (not pair.comparable, -(pair.agreement or 0), dataset.speaker_rank(pair.speaker_b)))
    cell = f'style="padding:4px 6px; border-bottom:1px solid {RULE};"'
    rows = []
    for pair in pairs:
        other = dataset.speaker(pair.speaker_b)
        if pair.agreement is None or not pair.comparable:
            shown = "\u2014" if pair.agreement is None else f"({format_measure(pair.agreement)})"
            shade = SHADE if pair.agreement is None else THIN_PAIR_SHADE
            value = f'<td {cell} align="center" style="color:{MUTED}; background-color:{shade};">{shown}</td>'
        else:
            colour = cell_hex(pair.chance_corrected)
            value = (
                f'<td align="center" style="padding:4px 6px; background-color:{colour}; color:{figure_ink(colour)};">'
                f"{format_measure(pair.agreement)}</td>"
            )
        rows.append(f"<tr><td {cell}>{esc(other.display_name)}</td>{value}<td {cell} align=\"right\">{pair.shared_themes}</td></tr>")
    name = esc(dataset.speaker(speaker_id).display_name)
    header = f"<tr><th {cell}>{name} and \u2026</th><th {cell} align=\"center\">Agreement</th><th {cell} align=\"right\">k</th></tr>"
    return (
        '<table width="70%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
        f"<thead>{header}</thead>{''.join(rows)}</table>"
    )


# -- 8. method and caveats -----------------------------------------------------------------------


def _kinds_counted(analysis: SeminarAnalysis) -> str:
    """The method box's account of the counted kinds, saying so when they are the user's choice rather than the default."""
    context = [kind for kind in Kind if kind not in analysis.counted_kinds]
    if analysis.counted_kinds == COUNTED_KINDS_DEFAULT:
        return f"{_kinds_words(analysis)}; {_kinds_words(analysis, counted=False)} are shown as context, never counted."
    chosen = "all six kinds of position: " if not context else ""
    default = kinds_phrase(COUNTED_KINDS_DEFAULT)
    text = f"{chosen}{_kinds_words(analysis)}, as chosen for this brief (by default only {default} count)"
    return text + (f"; {_kinds_words(analysis, counted=False)} are shown as context, not counted." if context else ".")


def _method(dataset: Dataset, units: _Units) -> str:
    analysis = dataset.analysis
    scale = dataset.seminar.scale
    text = (
        f"<b>Kinds counted:</b> {esc(_kinds_counted(analysis))}{esc(chair_left_out_words(dataset, analysis))} "
        + "Stances are a coding of the source, from \u22122 (strong "
        f"{esc(scale.negative)}) to +2 (strong {esc(scale.positive)}); a speaker\u2019s stance on a theme is the median of "
        "their counted positions there, rounded toward 0 when it falls between two steps, and a speaker silent on a "
        "theme is left out of it. "
        f"<b>Verdicts:</b> none below {MIN_VOICES} voices (the stances are listed instead); consensus needs more than half "
        "the voices on one pole and nobody on the other (a mixed voice is not support); contested needs voices on both poles, "
        f"the smaller side at least {CONTESTED_MIN_SHARE:.0%} of all; otherwise mixed. <b>Tentative</b> verdicts change if any "
        "one speaker is dropped or any one stance moves a step. <b>Pairs</b> are compared only over at least "
        f"{MIN_SHARED_THEMES} shared themes. <b>Limits:</b> the panel is "
        f"{len(analysis.compared_speakers)} people chosen by the organiser, not a sample of anyone; a verdict describes what "
        "these speakers said in this source, and one recoded position can change a verdict on a small theme."
    )
    awaiting = awaiting_sentence(dataset)
    if awaiting is not None:
        text += f" <b>Awaiting a stance:</b> {esc(awaiting)}"
    reliability = reliability_line(dataset)
    if reliability is not None:
        text += f" <b>Reliability:</b> {esc(reliability)}"
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" style="margin-top:14px; background-color:{BOX}; {units.start()}">'
        f'<tr><td><p style="font-weight:700; color:{ACCENT}; margin-bottom:3px;">{esc(SECTION_TITLES["method"])}</p>'
        f'<p class="small" style="margin-bottom:0px;">{text}</p></td></tr></table>'
    )


# -- 9. source and provenance --------------------------------------------------------------------


def _source(dataset: Dataset, words: BriefWords, generated: dt.date, units: _Units) -> str:
    seminar = dataset.seminar
    source = seminar.source
    published = long_date(source.published) if source.published else "publication date not given"
    address = esc(source.url) if source.url else "no web address given"
    cited = f"<i>{esc(source.title)}</i>. {esc(source.publisher)}; {published}; {address}."
    event = (
        f"{esc(seminar.title)}. {esc(seminar.organiser)}, {esc(seminar.venue)}, {long_date(seminar.date)}."
    )
    made = f"Prepared by {esc(words.preparer)}, with" if words.preparer else "Made with"
    file_name = f" from {esc(dataset.path.name)}" if dataset.path else ""
    credits = (
        f"{esc(coding_credit(dataset, words.preparer))} {esc(judgements_credit(dataset, words.preparer, words.drafted))}"
    )
    return (
        f'<h2 style="{units.start(keep_with_next=True)}">{esc(SECTION_TITLES["source"])}</h2>'
        f'<table cellspacing="0" cellpadding="0" style="{units.start()}">'
        f'<tr><td width="90" class="muted" style="padding:2px 10px 2px 0px;">Source</td><td style="padding:2px 0px;">{cited}</td></tr>'
        f'<tr><td class="muted" style="padding:2px 10px 2px 0px;">Event</td><td style="padding:2px 0px;">{event}</td></tr>'
        f'<tr><td class="muted" style="padding:2px 10px 2px 0px;">This brief</td><td style="padding:2px 0px;">'
        f"{made} {esc(APP_NAME)} {esc(__version__)}{file_name}, on {long_date(generated)}. "
        f"{credits} It is an analysis of the source, not a publication of {esc(seminar.organiser)}; quotations are "
        "verbatim from the source, and everything else is the coder\u2019s wording.</td></tr></table>"
    )


# -- 10. appendix: speaker profiles, or an index of a large panel -------------------------------


def _speaker_profiles(dataset: Dataset, speaker_id: str | None, units: _Units) -> str:
    speakers = [dataset.speaker(speaker_id)] if speaker_id else list(dataset.speakers)
    title = "Speaker" if speaker_id else SECTION_TITLES["speakers"]
    parts = [f'<h2 style="{units.start(keep_with_next=True)}">{esc(title)}</h2>']
    for speaker in speakers:
        parts.append(_profile(dataset, speaker.id, units, with_quotes=speaker_id is not None))
    return "".join(parts)


def _profile(dataset: Dataset, speaker_id: str, units: _Units, with_quotes: bool) -> str:
    """One compact block: name, role and affiliation, the analyst's summary, and a line per theme."""
    speaker = dataset.speaker(speaker_id)
    scale = dataset.seminar.scale
    colour = speaker_hex(dataset.speaker_rank(speaker_id))
    line = speaker_line(speaker)
    head = (
        f'<b>{esc(speaker.display_name)}</b> <span class="muted">\u00b7 {esc(role_label(speaker.role))}'
        + (f" \u00b7 {esc(line)}" if line else "")
        + "</span>"
    )
    body = [f'<p style="margin:0px;">{head}</p>']
    if speaker.summary:
        body.append(f'<p class="small" style="margin:2px 0px 0px 0px;"><i>Summary (paraphrase):</i> {esc(speaker.summary)}</p>')
    positions = dataset.positions_of(speaker_id)
    if not positions:
        body.append('<p class="muted small" style="margin:2px 0px 0px 0px;">No position recorded (chaired, or spoke to no theme).</p>')
    stances = dataset.analysis.speaker_stances(speaker_id)
    themes = list(dict.fromkeys(p.theme for p in positions))
    items = []
    for theme_id in themes:
        label = esc(dataset.theme(theme_id).label)
        if theme_id in stances:
            divided = " (divided)" if dataset.analysis.is_divided(speaker_id, theme_id) else ""
            items.append(f"{label}: <b>{esc(stance_label(stances[theme_id], scale))}</b>{divided}")
        else:
            kinds = sorted({kind_label(p.kind).lower() for p in positions if p.theme == theme_id})
            items.append(f'{label}: <span class="muted">{esc(", ".join(kinds))} only</span>')
    if items:
        body.append(f'<p class="small" style="margin:2px 0px 0px 0px;">{SEPARATOR.join(items)}</p>')
    if with_quotes:
        for position in positions:
            body.append(_quote(dataset, position))
    return (
        f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:8px; {units.start()}"><tr>'
        f'<td width="3" style="background-color:{colour};"></td>'
        f'<td style="padding:1px 0px 2px 8px;">{"".join(body)}</td></tr></table>'
    )


def _speaker_index(dataset: Dataset, units: _Units) -> str:
    """For a large panel without the appendix: every compared speaker by name, with their counted themes."""
    analysis = dataset.analysis
    entries = [
        f"{esc(dataset.speaker(s).display_name)}&nbsp;({len(analysis.speaker_stances(s))})" for s in analysis.compared_speakers
    ]
    parts = [
        (
            f'<h2 style="{units.start(keep_with_next=True)}">Speaker index</h2>'
            '<p class="muted small">Every speaker with a counted position, in speaking order, with the number of themes '
            "they took a counted position on. A profile of each is an option of the export (the speakers appendix).</p>"
        )
    ]
    for start in range(0, len(entries), INDEX_NAMES_PER_BLOCK):
        block = " \u00b7 ".join(entries[start : start + INDEX_NAMES_PER_BLOCK])
        parts.append(f'<p class="small" style="{units.start()}">{block}</p>')
    return "".join(parts)


