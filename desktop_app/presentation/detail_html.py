"""The detail panel's body as rich text: a speaker's positions, a theme's panel, two speakers compared.

Pure functions of the dataset (no Qt), so they are cheap to test.  Links use
the application's own schemes only (``source:``, ``speaker:``, ``theme:``);
the panel handles them itself and never navigates anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.analysis import describe_flips, format_measure, verdict_label
from .colours import INK, MUTED, speaker_hex
from ..model.dataset import Dataset
from ..model.schema import Position
from .glance import panel_sentences
from .richtext import esc, quotation, stance_chip
from .turns import clock, position_time
from .wording import kind_label, metrics_summary, mode_label, number, seminar_when, stance_words


@dataclass(frozen=True)
class Ink:
    """Colours of the current palette that the rich text needs."""

    text: str = INK
    muted: str = MUTED
    link: str = "#1a5fb4"
    rule: str = "#d0d0d0"


def _style(ink: Ink) -> str:
    return (
        "<style>"
        f"body {{ color:{ink.text}; }}"
        f"a {{ color:{ink.link}; text-decoration:none; }}"
        f".muted {{ color:{ink.muted}; }}"
        "h2 { font-size:large; font-weight:600; margin-top:18px; margin-bottom:6px; }"
        "h3 { font-size:medium; font-weight:600; margin-top:14px; margin-bottom:4px; }"
        "p { margin-top:2px; margin-bottom:6px; }"
        "</style>"
    )


def _position_block(dataset: Dataset, position: Position, ink: Ink, *, with_speaker: bool = False) -> str:
    scale = dataset.seminar.scale
    speaker = dataset.speaker(position.speaker)
    rule = speaker_hex(dataset.speaker_rank(speaker.id))
    lead = ""
    if with_speaker:
        lead = f'<a href="speaker:{esc(speaker.id)}"><b>{esc(speaker.display_name)}</b></a>&nbsp;&nbsp;'
    return (
        f'<a name="{esc(position.id)}"></a>'
        f"<p>{lead}{stance_chip(position.stance, stance_words(position.stance, scale))}"
        f'&nbsp;&nbsp;<span class="muted">{esc(kind_label(position.kind))}{_time_note(dataset, position)}</span></p>'
        f"<p>{esc(position.summary)}</p>"
        f"{quotation(position.excerpt, rule)}"
        f'<p><a href="source:{esc(position.id)}">Show in source \u203a</a></p>'
    )


def _time_note(dataset: Dataset, position: Position) -> str:
    """`` · at 12:30``: when the transcript turn holding the excerpt began, or nothing."""
    seconds = position_time(dataset, position.id)
    return "" if seconds is None else f" \u00b7 at {clock(seconds)}"


def speaker_html(dataset: Dataset, speaker_id: str, ink: Ink) -> str:
    """Bio, argument, then positions grouped by theme in report order."""
    speaker = dataset.speaker(speaker_id)
    parts = [_style(ink)]
    if speaker.bio:
        parts.append(f"<p>{esc(speaker.bio)}</p>")
    if speaker.summary:
        parts.append(f"<h2>Argument</h2><p>{esc(speaker.summary)}</p>")
    positions = dataset.positions_of(speaker_id)
    count = len(positions)
    parts.append(f"<h2>Positions <span class=\"muted\">({count})</span></h2>")
    if not positions:
        parts.append('<p class="muted">The report records no position for this speaker.</p>')
    current_theme = None
    for position in positions:
        if position.theme != current_theme:
            current_theme = position.theme
            theme = dataset.theme(current_theme)
            parts.append(f'<h3><a href="theme:{esc(theme.id)}">{esc(theme.label)}</a></h3>')
        parts.append(_position_block(dataset, position, ink))
    return "".join(parts)


def theme_html(dataset: Dataset, theme_id: str, ink: Ink) -> str:
    """Description, metrics, then every speaker's positions on the theme in speaking order."""
    theme = dataset.theme(theme_id)
    metrics = dataset.analysis.themes[theme_id]
    scale = dataset.seminar.scale
    parts = [_style(ink)]
    if theme.description:
        parts.append(f"<p>{esc(theme.description)}</p>")
    rows = "".join(
        f'<tr><td class="muted" style="padding-right:18px;">{esc(name)}</td><td><b>{esc(value)}</b></td></tr>'
        for name, value in metrics_summary(metrics, scale)
    )
    parts.append(f'<h2>How the panel stood</h2><table cellspacing="0" cellpadding="2">{rows}</table>')
    if metrics.flips:
        def surname(speaker_id: str) -> str:
            return dataset.speaker(speaker_id).name

        flips = "; ".join(esc(text) for text in describe_flips(metrics.flips, surname, scale))
        parts.append(f'<p class="muted">Tentative: the verdict {flips}.</p>')
    positions = dataset.positions_on(theme_id)
    parts.append(f"<h2>Positions <span class=\"muted\">({len(positions)})</span></h2>")
    if not positions:
        parts.append('<p class="muted">No speaker addressed this theme.</p>')
    silent = [s for s in dataset.speakers if s.id not in metrics.stances]
    for position in positions:
        parts.append(_position_block(dataset, position, ink, with_speaker=True))
    if silent and positions:
        names = ", ".join(esc(s.display_name) for s in silent)
        parts.append(f'<p class="muted">Silent on this theme: {names}.</p>')
    return "".join(parts)


def pair_html(dataset: Dataset, speaker_a: str, speaker_b: str, ink: Ink) -> str:
    """Two speakers side by side, theme by theme, over the themes either addressed."""
    first, second = dataset.speaker(speaker_a), dataset.speaker(speaker_b)
    pair = dataset.analysis.pair(speaker_a, speaker_b)
    scale = dataset.seminar.scale
    parts = [_style(ink)]
    if pair.agreement is None:
        parts.append('<p class="muted">These two speakers addressed no theme in common.</p>')
    else:
        shared = pair.shared_themes
        parts.append(
            f"<p>Agreement <b>{number(pair.agreement)}</b> over {shared} shared theme{'s' if shared != 1 else ''}"
            " (1 = same stance on every shared theme, 0 = opposite extremes); "
            f"chance alone would give {format_measure(pair.expected_by_chance)}.</p>"
        )
    header = (
        f'<tr><th width="20%"></th><th width="40%" align="left"><a href="speaker:{esc(first.id)}">{esc(first.display_name)}</a></th>'
        f'<th width="40%" align="left"><a href="speaker:{esc(second.id)}">{esc(second.display_name)}</a></th></tr>'
    )
    rows = []
    for theme in dataset.themes:
        mine = [p for p in dataset.positions_of(speaker_a) if p.theme == theme.id]
        theirs = [p for p in dataset.positions_of(speaker_b) if p.theme == theme.id]
        if not mine and not theirs:
            continue
        rows.append(
            f'<tr><td valign="top"><a href="theme:{esc(theme.id)}"><b>{esc(theme.label)}</b></a></td>'
            f'<td valign="top">{_column(mine, scale, ink)}</td><td valign="top">{_column(theirs, scale, ink)}</td></tr>'
        )
    if rows:
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:8px;">{header}{"".join(rows)}</table>'
        )
    return "".join(parts)


def _column(positions: list[Position], scale, ink: Ink) -> str:
    if not positions:
        return '<span class="muted">silent</span>'
    cells = []
    for position in positions:
        cells.append(
            f"{stance_chip(position.stance, stance_words(position.stance, scale))}<br>"
            f"{esc(position.summary)} "
            f'<a href="source:{esc(position.id)}">source\u00a0\u203a</a>'
        )
    return "<br><br>".join(cells)


def overview_html(dataset: Dataset, ink: Ink) -> str:
    """The seminar itself: its question, when and where, who chaired, what it covered."""
    seminar = dataset.seminar
    chair = dataset.chair
    facts = [
        ("Question", seminar.question),
        ("When", seminar_when(seminar)),
        ("Where", f"{seminar.venue} ({mode_label(seminar).lower()})"),
        ("Organiser", seminar.organiser),
    ]
    if chair:
        facts.append(("Chair", chair.display_name))
    facts.append(("Source", f"{seminar.source.title}, {seminar.source.publisher}"))
    rows = "".join(
        f'<tr><td class="muted" style="padding-right:18px;">{esc(name)}</td><td>{esc(value)}</td></tr>'
        for name, value in facts
    )
    parts = [_style(ink)]
    if seminar.subtitle:
        parts.append(f"<p><i>{esc(seminar.subtitle)}</i></p>")
    parts.append(f'<table cellspacing="0" cellpadding="2">{rows}</table>')
    sentences = panel_sentences(dataset)
    if sentences and dataset.positions:
        items = "".join(
            "<li>" + "".join(f"<b>{esc(text)}</b>" if strong else esc(text) for text, strong in sentence.parts) + "</li>"
            for sentence in sentences
        )
        parts.append(f"<h2>At a glance</h2><ul>{items}</ul>")
    if seminar.summary:
        parts.append(f"<h2>Summary</h2><p>{esc(seminar.summary)}</p>")
    return "".join(parts)


def theme_heading(dataset: Dataset, theme_id: str) -> tuple[str, str]:
    """Title and subtitle lines for a theme (plain text)."""
    metrics = dataset.analysis.themes[theme_id]
    subtitle = f"Theme \u00b7 {verdict_label(metrics.verdict, dataset.seminar.scale)}"
    return dataset.theme(theme_id).label, subtitle
