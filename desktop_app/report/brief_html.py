"""The brief's content as Qt rich text, section by section, in the order the issue of a brief wants.

Pure Python: this module writes the markup, :mod:`.pdf` lays it out and
paints it.  Every string from the seminar file passes through
:func:`~desktop_app.presentation.richtext.esc`.  Two kinds of marker tie the markup to the
layout: an ``<img>`` naming :data:`CHART_IMAGE` reserves the chart's place,
and the user state of a block opens each *unit*, a run of content the page layout keeps
on one page where it can (a speaker's heading with their first position, a
position with its excerpt, a section heading with what follows it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import APP_NAME, __version__
from ..model.analysis import CONTESTED_MIN_SHARE, MIN_VOICES, Verdict, format_measure, verdict_label
from ..presentation.colours import INK, MUTED, speaker_hex, stance_hex, text_on
from ..model.dataset import Dataset
from ..model.schema import Kind, Position
from ..presentation.richtext import esc, stance_chip
from ..presentation.wording import kind_label, long_date, mode_label, number, role_label, speaker_line, stance_words
from ..presentation.glance import Sentence, panel_sentences, speaker_sentences
from ..presentation.brief_options import SECTION_TITLES, ReportOptions
from ..presentation.chart_layout import chart_note

CHART_IMAGE = "seminar-lens:chart"
"""Name of the placeholder image whose place the chart takes."""
# A unit's first block carries the unit's number as its user state (``QTextBlock.userState``), an
# index into ``Brief.keep_with_next``; every other block keeps Qt's default, -1.

MATRIX_COLUMNS = 14
MATRIX_MAX_SPEAKERS = 42
"""Up to this many speakers the brief prints the whole agreement matrix (three blocks of columns at most)."""
"""Most speakers side by side in one agreement table; larger panels continue in further tables."""

ACCENT = "#1f3b57"
RULE = "#d5d8dc"
SHADE = "#f2f4f6"

STYLE_SHEET = f"""
body {{ color: {INK}; }}
h1 {{ font-size: 19pt; font-weight: 700; color: {ACCENT}; margin-top: 0px; margin-bottom: 2px; }}
h2 {{ font-size: 13pt; font-weight: 700; color: {ACCENT}; margin-top: 22px; margin-bottom: 8px; }}
h3 {{ font-size: 10.5pt; font-weight: 700; color: {ACCENT}; margin-top: 12px; margin-bottom: 4px; }}
p {{ margin-top: 0px; margin-bottom: 6px; }}
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


def build_brief(
    dataset: Dataset,
    options: ReportOptions,
    *,
    generated: dt.date,
    body_width: int,
    chart_height: Callable[[int], int],
    agreement_hex: Callable[[float], str],
) -> Brief:
    """The whole brief as rich text.

    ``body_width`` is the width of the page's text area in layout units;
    ``chart_height(rows)`` the height to reserve for a chart of that many
    themes; ``agreement_hex`` the colour of an agreement value on the
    application's agreement scale.
    """
    units = _Units()
    speaker_id = options.speaker
    parts = [_title_block(dataset, speaker_id, units)]
    chart_size = None
    if options.includes("glance"):
        parts.append(_glance(dataset, speaker_id, units))
    if options.includes("chart"):
        chart_size = (body_width, chart_height(len(dataset.themes)))
        parts.append(_chart_section(dataset, speaker_id, chart_size, units))
    if options.includes("themes"):
        parts.append(_theme_table(dataset, units))
    if options.includes("speakers"):
        parts.append(_speaker_cards(dataset, speaker_id, units))
    if options.includes("agreement"):
        parts.append(_agreement(dataset, speaker_id, agreement_hex, units))
    if options.includes("forecasts"):
        parts.append(_forecasts(dataset, speaker_id, units))
    if options.includes("source"):
        parts.append(_source(dataset, generated, units))
    return Brief("".join(parts), chart_size, units.keep_with_next)


# -- 1. title block ------------------------------------------------------------------------------


def _title_block(dataset: Dataset, speaker_id: str | None, units: _Units) -> str:
    seminar = dataset.seminar
    kicker = "Speaker brief" if speaker_id else "Seminar brief"
    parts = [f'<p class="kicker" style="{units.start()}">{esc(kicker.upper())} \u00b7 {esc(seminar.organiser.upper())}</p>']
    parts.append(f"<h1>{esc(seminar.title)}</h1>")
    if seminar.subtitle:
        parts.append(f'<p class="muted" style="font-size:12pt; margin-bottom:4px;">{esc(seminar.subtitle)}</p>')
    if speaker_id:
        speaker = dataset.speaker(speaker_id)
        parts.append(f'<p style="font-size:12pt; margin-top:6px;"><b>{esc(speaker.display_name)}</b></p>')
    day = seminar.date
    facts = [("Date", long_date(day, weekday=True))]
    if seminar.start_time:
        time = f"{seminar.start_time:%H:%M}"
        if seminar.end_time:
            time += f"\u2013{seminar.end_time:%H:%M}"
        facts.append(("Time", time))
    facts.append(("Venue", f"{seminar.venue} ({mode_label(seminar).lower()})"))
    facts.append(("Organiser", seminar.organiser))
    chair = dataset.chair
    if chair:
        facts.append(("Chair", chair.display_name))
    facts.append(("Question", seminar.question))
    rows = "".join(
        f'<tr><td width="90" class="muted" style="padding:3px 12px 3px 0px;">{esc(name)}</td>'
        f'<td style="padding:3px 0px;">{esc(value)}</td></tr>'
        for name, value in facts
    )
    parts.append(f'<table cellspacing="0" cellpadding="0" style="margin-top:12px; margin-bottom:10px;">{rows}</table>')
    if seminar.summary:
        parts.append(f"<p>{esc(seminar.summary)}</p>")
    return "".join(parts)


# -- 2. at a glance ------------------------------------------------------------------------------


def _sentence_html(sentence: Sentence) -> str:
    return "".join(f"<b>{esc(text)}</b>" if strong else esc(text) for text, strong in sentence.parts)


def _glance(dataset: Dataset, speaker_id: str | None, units: _Units) -> str:
    sentences = panel_sentences(dataset)
    if speaker_id:
        sentences = speaker_sentences(dataset, speaker_id) + sentences
    items = "".join(
        f'<tr><td width="14" valign="top" style="color:{ACCENT};">\u25aa</td>'
        f'<td style="padding-bottom:5px;">{_sentence_html(sentence)}</td></tr>'
        for sentence in sentences
    )
    model = dataset.model
    basis = (
        f"Based on {len(model.positions)} positions taken by {len(model.speakers)} speakers "
        f"on {len(model.themes)} themes."
    )
    return (
        f'<h2 style="{units.start()}">{esc(SECTION_TITLES["glance"])}</h2>'
        f'<table cellspacing="0" cellpadding="0">{items}</table>'
        f'<p class="muted small" style="margin-top:4px;">{esc(basis)}</p>'
    )


# -- 3. chart ------------------------------------------------------------------------------------


def _chart_section(dataset: Dataset, speaker_id: str | None, size: tuple[int, int], units: _Units) -> str:
    speaker_name = dataset.speaker(speaker_id).name if speaker_id else None
    note = esc(chart_note(dataset.seminar.scale, speaker_name))
    width, height = size
    return (
        f'<h2 style="{units.start()}">{esc(SECTION_TITLES["chart"])}</h2>'
        f"<p><b>{esc(dataset.seminar.question)}</b></p>"
        f'<p style="margin-top:4px; margin-bottom:4px;"><img src="{CHART_IMAGE}" width="{width}" height="{height}"></p>'
        f'<p class="muted small">{note}</p>'
    )


# -- 4. theme table ------------------------------------------------------------------------------


def _verdict_html(verdict: Verdict, scale) -> str:
    return f'<span style="color:{_VERDICT_COLOURS[verdict]}; font-weight:600;">{esc(verdict_label(verdict, scale))}</span>'


_THEME_COLUMNS = (("Theme", 27, "left"), ("Speakers", 11, "right"), ("Split", 10, "center"), ("Median", 10, "right"),
                  ("Consensus", 13, "right"), ("Verdict", 29, "left"))
"""Heading, width in per cent, and alignment of each column of the theme table."""


def _split_html(convergent: int, mixed: int, divergent: int) -> str:
    return (
        f'<span style="color:{stance_hex(2)}; font-weight:600;">{convergent}</span>'
        f'<span style="color:{MUTED};"> \u00b7 {mixed} \u00b7 </span>'
        f'<span style="color:{stance_hex(-2)}; font-weight:600;">{divergent}</span>'
    )


def _theme_table(dataset: Dataset, units: _Units) -> str:
    scale = dataset.seminar.scale
    analysis = dataset.analysis
    cell = f"padding:3px 4px; border-bottom:1px solid {RULE};"
    header = "".join(
        f'<th width="{width}%" align="{align}" style="{cell} font-size:8pt;">{esc(name)}</th>'
        for name, width, align in _THEME_COLUMNS
    )
    rows = []
    for theme in dataset.themes:
        metrics = analysis.themes[theme.id]
        values = [
            esc(theme.label),
            str(metrics.n),
            _split_html(metrics.convergent, metrics.mixed, metrics.divergent),
            esc(format_measure(metrics.median)),
            esc(format_measure(metrics.consensus)),
            _verdict_html(metrics.verdict, scale) + (" (tentative)" if metrics.tentative else ""),
        ]
        cells = "".join(
            f'<td align="{align}" valign="top" style="{cell}">{value}</td>'
            for value, (_, _, align) in zip(values, _THEME_COLUMNS)
        )
        rows.append(f"<tr>{cells}</tr>")
    definitions = (
        f"<b>Speakers</b>: who addressed the theme. <b>Split</b>: of those, how many leaned to "
        f'<span style="color:{stance_hex(2)};">{esc(scale.positive)}</span> \u00b7 were {esc(scale.neutral)} \u00b7 leaned to '
        f'<span style="color:{stance_hex(-2)};">{esc(scale.negative)}</span>, by their median stance. '
        f"<b>Median</b>: middle stance, \u22122 ({esc(scale.negative)}) to +2 ({esc(scale.positive)}). "
        "<b>Consensus</b>: Tastle &amp; Wierman\u2019s measure, 1 + \u03a3 p\u1d62 log\u2082(1 \u2212 |X\u1d62 \u2212 \u03bc| / 4) "
        "(1 = all alike, 0 = split between the extremes). "
        f"<b>Verdict</b>: none below {MIN_VOICES} speakers; consensus when more than half are on one pole and nobody "
        f"on the other; contested when both poles have speakers, the smaller side at least {CONTESTED_MIN_SHARE:.0%}; "
        "else mixed. <b>Tentative</b>: dropping one speaker, or moving one stance by a step, would change it."
    )
    return (
        f'<h2 style="{units.start()}">{esc(SECTION_TITLES["themes"])}</h2>'
        f'<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
        f"<thead><tr>{header}</tr></thead>{''.join(rows)}</table>"
        f'<p class="muted small" style="margin-top:6px;">{definitions}</p>'
    )


# -- 5. speaker cards ----------------------------------------------------------------------------


def _speaker_cards(dataset: Dataset, speaker_id: str | None, units: _Units) -> str:
    speakers = [dataset.speaker(speaker_id)] if speaker_id else list(dataset.speakers)
    title = "Speaker" if speaker_id else SECTION_TITLES["speakers"]
    parts = [f'<h2 style="{units.start(keep_with_next=True)}">{esc(title)}</h2>']
    for speaker in speakers:
        parts.append(_card(dataset, speaker.id, units))
    return "".join(parts)


def _card(dataset: Dataset, speaker_id: str, units: _Units) -> str:
    speaker = dataset.speaker(speaker_id)
    colour = speaker_hex(dataset.speaker_rank(speaker_id))
    positions = dataset.positions_of(speaker_id)
    line = speaker_line(speaker)
    first_line = (
        f'<span style="font-size:11.5pt; font-weight:700;">{esc(speaker.display_name)}</span>&nbsp;&nbsp;'
        f'<span class="muted">{esc(role_label(speaker.role))}</span>'
    )
    if line:
        first_line += f'<br><span class="muted">{esc(line)}</span>'
    head = [f'<p style="margin:0px; {units.start(keep_with_next=bool(positions))}">{first_line}</p>']
    if speaker.summary:
        head.append(f'<p style="margin-top:5px; margin-bottom:0px;">{esc(speaker.summary)}</p>')
    if not positions:
        head.append('<p class="muted" style="margin-top:5px;">The report records no position for this speaker.</p>')
    card = [
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:16px; margin-bottom:2px;"><tr>'
        f'<td width="4" style="background-color:{colour};"></td>'
        f'<td style="padding:2px 0px 4px 10px;">{"".join(head)}</td></tr></table>'
    ]
    for position in positions:
        card.append(_position_row(dataset, position, units))
    return "".join(card)


def _position_row(dataset: Dataset, position: Position, units: _Units) -> str:
    scale = dataset.seminar.scale
    theme = dataset.theme(position.theme)
    border = f"border-top:1px solid {RULE};"
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse; margin-left:14px;"><tr>'
        f'<td width="31%" valign="top" style="padding:6px 10px 6px 0px; {border}">'
        f'<p style="margin:0px; {units.start()}"><b>{esc(theme.label)}</b><br>'
        f'<span style="line-height:150%;">{stance_chip(position.stance, stance_words(position.stance, scale))}</span><br>'
        f'<span class="muted">{esc(kind_label(position.kind))}</span></p></td>'
        f'<td valign="top" style="padding:6px 0px 6px 0px; {border}">{esc(position.summary)}'
        f'<p class="muted" style="margin-top:4px; margin-bottom:0px;"><i>\u201c{esc(position.excerpt.strip())}\u201d</i></p></td>'
        "</tr></table>"
    )


# -- 6. agreement --------------------------------------------------------------------------------


def _agreement(dataset: Dataset, speaker_id: str | None, agreement_hex: Callable[[float], str], units: _Units) -> str:
    note = (
        "Agreement of two speakers over the themes both addressed: 1 \u2212 mean gap between their stances / 4 "
        "(1 = the same stance on every shared theme, 0 = opposite extremes); \u2014 when they addressed no theme in common."
    )
    heading = f'<h2 style="{units.start()}">{esc(SECTION_TITLES["agreement"])}</h2>'
    if speaker_id:
        return heading + _agreement_list(dataset, speaker_id, agreement_hex) + f'<p class="muted small">{note}</p>'
    speakers = list(dataset.speakers)
    if len(speakers) > MATRIX_MAX_SPEAKERS:
        return heading + _agreement_extremes(dataset, agreement_hex) + f'<p class="muted small" style="margin-top:6px;">{note}</p>'
    tables = []
    for start in range(0, len(speakers), MATRIX_COLUMNS):
        columns = speakers[start : start + MATRIX_COLUMNS]
        tables.append(_matrix_table(dataset, speakers, columns, start, agreement_hex, units, first=not tables))
    return heading + "".join(tables) + f'<p class="muted small" style="margin-top:6px;">{note}</p>'


def _matrix_table(dataset, speakers, columns, first_number, agreement_hex, units: _Units, first: bool) -> str:
    head_cell = f'style="padding:3px 4px; border-bottom:1px solid {RULE};"'
    header = f"<th {head_cell}></th>" + "".join(
        f'<th {head_cell} align="center">{first_number + index + 1}</th>' for index in range(len(columns))
    )
    rows = []
    for number_in_panel, speaker in enumerate(speakers, start=1):
        cells = []
        for other in columns:
            if other.id == speaker.id:
                cells.append(f'<td align="center" style="background-color:{SHADE}; color:{MUTED};">\u00b7</td>')
                continue
            pair = dataset.analysis.pair(speaker.id, other.id)
            if pair.agreement is None:
                cells.append(f'<td align="center" style="color:{MUTED};">\u2014</td>')
                continue
            colour = agreement_hex(pair.agreement)
            cells.append(
                f'<td align="center" style="background-color:{colour}; color:{text_on(colour)}; padding:3px 2px;">'
                f"{number(pair.agreement)}</td>"
            )
        rows.append(
            f'<tr><td style="padding:3px 8px 3px 0px;">{number_in_panel}&nbsp;&nbsp;{esc(speaker.display_name)}</td>'
            f"{''.join(cells)}</tr>"
        )
    continued = f"Continued: speakers {first_number + 1}\u2013{first_number + len(columns)}"
    caption = "" if first else f'<p class="muted small" style="margin-top:10px; {units.start()}">{esc(continued)}</p>'
    return (
        caption + '<table width="100%" cellspacing="1" cellpadding="0">'
        f"<thead><tr>{header}</tr></thead>{''.join(rows)}</table>"
    )


def _agreement_extremes(dataset: Dataset, agreement_hex: Callable[[float], str]) -> str:
    """For a large panel, each speaker's closest and furthest counterpart instead of the whole matrix.

    A matrix of several hundred speakers runs to tens of pages nobody reads
    and costs gigabytes to lay out; one line per speaker says what a reader
    looks for in it.  The full matrix is in the window's Agreement tab.
    """
    matrix = dataset.analysis.matrix
    ids = matrix.speaker_ids
    cell = f'style="padding:3px 6px; border-bottom:1px solid {RULE};"'

    def value_cell(value: float) -> str:
        colour = agreement_hex(value)
        return (
            f'<td align="center" style="padding:3px 6px; background-color:{colour}; color:{text_on(colour)};">'
            f"{number(value)}</td>"
        )

    rows = []
    for row, speaker_id in enumerate(ids):
        values = [
            (float(matrix.agreement[row, column]), ids[column])
            for column in range(len(ids))
            if column != row and matrix.comparable[row, column]
        ]
        name = esc(dataset.speaker(speaker_id).display_name)
        if not values:
            rows.append(f'<tr><td {cell}>{name}</td><td {cell} colspan="4" style="color:{MUTED};">too few themes in common with anyone to compare</td></tr>')
            continue
        best = max(values, key=lambda item: (item[0], -dataset.speaker_rank(item[1])))
        worst = min(values, key=lambda item: (item[0], dataset.speaker_rank(item[1])))
        rows.append(
            f"<tr><td {cell}>{name}</td><td {cell}>{esc(dataset.speaker(best[1]).display_name)}</td>{value_cell(best[0])}"
            f"<td {cell}>{esc(dataset.speaker(worst[1]).display_name)}</td>{value_cell(worst[0])}</tr>"
        )
    intro = (
        f"<p>With {len(ids)} speakers the full matrix would hold {len(ids) * (len(ids) - 1) // 2:,} pairs; "
        "here is each speaker\u2019s closest and furthest counterpart (the Agreement tab of the application "
        "shows every pair).</p>"
    )
    header = (
        f"<tr><th {cell} align=\"left\">Speaker</th><th {cell} align=\"left\">Closest</th><th {cell}></th>"
        f"<th {cell} align=\"left\">Furthest</th><th {cell}></th></tr>"
    )
    return (
        intro + '<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
        f"<thead>{header}</thead>{''.join(rows)}</table>"
    )


def _agreement_list(dataset: Dataset, speaker_id: str, agreement_hex: Callable[[float], str]) -> str:
    pairs = [dataset.analysis.pair(speaker_id, other.id) for other in dataset.speakers if other.id != speaker_id]
    pairs.sort(key=lambda pair: (pair.agreement is None, -(pair.agreement or 0), dataset.speaker_rank(pair.speaker_b)))
    cell = f'style="padding:4px 6px; border-bottom:1px solid {RULE};"'
    rows = []
    for pair in pairs:
        other = dataset.speaker(pair.speaker_b)
        if pair.agreement is None:
            value = f'<td {cell} align="center" style="color:{MUTED};">\u2014</td>'
        else:
            colour = agreement_hex(pair.agreement)
            value = (
                f'<td align="center" style="padding:4px 6px; background-color:{colour}; color:{text_on(colour)};">'
                f"{number(pair.agreement)}</td>"
            )
        rows.append(
            f"<tr><td {cell}>{esc(other.display_name)}</td>{value}"
            f'<td {cell} align="right">{pair.shared_themes}</td></tr>'
        )
    name = esc(dataset.speaker(speaker_id).display_name)
    header = (
        f"<tr><th {cell}>{name} and \u2026</th><th {cell} align=\"center\">Agreement</th>"
        f'<th {cell} align="right">Shared themes</th></tr>'
    )
    return (
        '<table width="70%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
        f"<thead>{header}</thead>{''.join(rows)}</table>"
    )


# -- 7. forecasts and recommendations ------------------------------------------------------------


def _forecasts(dataset: Dataset, speaker_id: str | None, units: _Units) -> str:
    positions = dataset.positions_of(speaker_id) if speaker_id else _in_speaking_order(dataset)
    parts = [f'<h2 style="{units.start(keep_with_next=True)}">{esc(SECTION_TITLES["forecasts"])}</h2>']
    for kind, title, empty in (
        (Kind.PREDICTION, "Forecasts", "No forecast was recorded."),
        (Kind.PRESCRIPTION, "Recommendations", "No recommendation was recorded."),
    ):
        chosen = [position for position in positions if position.kind is kind]
        parts.append(f'<h3 style="{units.start()}">{esc(title)}</h3>')
        if not chosen:
            parts.append(f'<p class="muted">{esc(empty)}</p>')
            continue
        parts.append(_forecast_table(dataset, chosen))
    return "".join(parts)


def _in_speaking_order(dataset: Dataset) -> list[Position]:
    return [position for speaker in dataset.speakers for position in dataset.positions_of(speaker.id)]


def _forecast_table(dataset: Dataset, positions: list[Position]) -> str:
    scale = dataset.seminar.scale
    cell = f'style="padding:5px 8px 5px 0px; border-bottom:1px solid {RULE};"'
    header = (
        f'<tr><th width="23%" {cell}>Who</th><th width="23%" {cell}>Theme</th><th {cell}>What they said</th></tr>'
    )
    rows = []
    for position in positions:
        speaker = dataset.speaker(position.speaker)
        chip = stance_chip(position.stance, stance_words(position.stance, scale))
        rows.append(
            f'<tr><td valign="top" {cell}><b>{esc(speaker.display_name)}</b></td>'
            f'<td valign="top" {cell}>{esc(dataset.theme(position.theme).label)}</td>'
            f'<td valign="top" {cell}><span style="white-space:nowrap;">{chip}</span>&nbsp; {esc(position.summary)}</td></tr>'
        )
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;">'
        f"<thead>{header}</thead>{''.join(rows)}</table>"
    )


# -- 8. source -----------------------------------------------------------------------------------


def _source(dataset: Dataset, generated: dt.date, units: _Units) -> str:
    seminar = dataset.seminar
    source = seminar.source
    scale = seminar.scale
    cited = f"<i>{esc(source.title)}</i>, {esc(source.publisher)}"
    if source.published:
        cited += f", {long_date(source.published)}"
    cited += "."
    if source.url:
        cited += f" {esc(source.url)}"
    file_name = f" from {esc(dataset.path.name)}" if dataset.path else ""
    return (
        f'<h2 style="{units.start()}">{esc(SECTION_TITLES["source"])}</h2>'
        f"<p>{cited}</p>"
        "<p>Stances, kinds and summaries are the analyst\u2019s coding of this source; the excerpts are quoted from it "
        f"verbatim. A stance answers the question \u201c{esc(seminar.question)}\u201d on a scale from \u22122 "
        f"(strong {esc(scale.negative)}) through 0 ({esc(scale.neutral)}) to +2 (strong {esc(scale.positive)}); a "
        "speaker with no position on a theme was silent on it and is left out of its figures.</p>"
        f'<p class="muted">Prepared with {esc(APP_NAME)} {esc(__version__)}{file_name} on '
        f"{long_date(generated)}.</p>"
    )
