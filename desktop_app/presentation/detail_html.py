"""The detail panel's body as rich text: a speaker's positions, a theme's panel, two speakers compared.

Pure functions of the dataset (no Qt), so they are cheap to test.  Links use
the application's own schemes only (``source:``, ``speaker:``, ``theme:``);
the panel handles them itself and never navigates anywhere else.

A page is a :class:`Page`: a style sheet and a run of sections, each opening
with an anchor named by its key (a position's id, or ``page:…`` and
``heading:…`` for the rest) and always with the same kind of block.  After an
edit the panel compares the new page with the one it shows and replaces only
the sections that differ, so a stance changed on a long page costs that
position's block, not the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.analysis.seminar_analysis import (
    MIN_VOICES,
    STANCES,
    SeminarAnalysis,
    ThemeMetrics,
    Verdict,
    describe_flips,
    format_measure,
    stance_label,
    verdict_label,
)
from ..model.dataset import Dataset
from ..model.format.schema import Position, Scale
from .awaiting import awaiting_sentence
from .chair_words import chair_left_out_words, needs_chair_words
from .coder_agreement import CODER_MARK, coder_dependent, coders_verdicts
from .colours import INK, MUTED, speaker_hex
from .glance import panel_sentences
from .names import speaker_short_name
from .next_step import next_step
from .reading import counting_sentence, metric_label
from .richtext import esc, position_chip, quotation
from .turns import clock, position_time
from .wording import (
    kind_label,
    leader_label,
    mode_label,
    seminar_when,
    signed,
    unbreakable,
)

if TYPE_CHECKING:
    from .discussion import Movement

# The discussion's words (movement, replies) are imported where a speaker, theme or pair page needs them:
# the seminar's first page does not, and the window shows it sooner without them.

PLAY_TURN_SCHEME = "play"
"""Links ``play:POSITION`` play the recording from the start of the position's turn."""
PLAY_PASSAGE_SCHEME = "passage"
"""Links ``passage:POSITION`` play it from the passage's estimated start."""
METRIC_SCHEME = "metric"
"""Links ``metric:median`` name a measure: the panel shows its definition on hover or click (:mod:`.reading`)."""


@dataclass(frozen=True)
class Ink:
    """Colours of the current palette that the rich text needs."""

    text: str = INK
    muted: str = MUTED
    link: str = "#1a5fb4"
    rule: str = "#d0d0d0"


def page_style(ink: Ink) -> str:
    """The style sheet of every page (CSS, without the ``<style>`` element)."""
    return (
        f"body {{ color:{ink.text}; }}"
        f"a {{ color:{ink.link}; text-decoration:none; }}"
        f".muted {{ color:{ink.muted}; }}"
        "h2 { font-size:large; font-weight:600; margin-top:18px; margin-bottom:6px; }"
        "h3 { font-size:medium; font-weight:600; margin-top:14px; margin-bottom:4px; }"
        "p { margin-top:2px; margin-bottom:6px; }"
    )


@dataclass(frozen=True)
class Page:
    """A page of the detail panel: its style sheet, and its sections as ``(key, markup)`` in order.

    Each section's markup opens with an anchor named by its key; keys are unique on a page.
    """

    style: str
    sections: tuple[tuple[str, str], ...]

    @property
    def body(self) -> str:
        """The sections' markup, for a document whose default style sheet is :attr:`style`."""
        return "".join(markup for _, markup in self.sections)

    @property
    def html(self) -> str:
        """The whole page as one rich-text document, style sheet included."""
        return f"<style>{self.style}</style>{self.body}"


def _page(ink: Ink, sections: list[tuple[str, str]]) -> Page:
    """A page of ``sections``, each given the anchor of its key."""
    return Page(page_style(ink), tuple((key, f'<a name="{esc(key)}"></a>{markup}') for key, markup in sections))


def _analysis(dataset: Dataset, analysis: SeminarAnalysis | None) -> SeminarAnalysis:
    return analysis if analysis is not None else dataset.analysis


def metric_link(key: str, text: str | None = None) -> str:
    """A measure's label as a link whose hover or click shows its definition."""
    return f'<a href="{METRIC_SCHEME}:{key}">{esc(text if text is not None else metric_label(key))}</a>'


def _position_block(
    dataset: Dataset, position: Position, ink: Ink, analysis: SeminarAnalysis, *, with_speaker: bool = False
) -> str:
    scale = dataset.seminar.scale
    speaker = dataset.speaker(position.speaker)
    rule = speaker_hex(dataset.speaker_rank(speaker.id))
    lead = ""
    if with_speaker:
        lead = f'<a href="speaker:{esc(speaker.id)}"><b>{esc(speaker.display_name)}</b></a>&nbsp;&nbsp;'
    kind = esc(kind_label(position.kind))
    if position.stance is None:
        kind = f"<i>{kind} \u00b7 not counted until it has a stance</i>"
    elif position.kind not in analysis.counted_kinds:
        kind = f"<i>{kind} \u00b7 context, not counted</i>"
    note = f'<p class="muted">Coder\u2019s note: {esc(position.note)}</p>' if position.note else ""
    return (
        f"<p>{lead}{position_chip(position.stance, scale)}"
        f'&nbsp;&nbsp;<span class="muted">{kind}{_time_note(dataset, position)}</span></p>'
        f"<p>{esc(position.summary)}</p>"
        f"{quotation(position.excerpt, rule)}"
        f"{note}"
        # Reading on the left, changing on the right: Delete sits a column away from "Show in source".
        f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td><a href="source:{esc(position.id)}">Show in source \u203a</a></td>'
        f'<td align="right"><small><a href="edit:{esc(position.id)}">Edit</a> \u00b7 <a href="split:{esc(position.id)}">Split</a>'
        f' \u00b7 <a href="delete:{esc(position.id)}">Delete</a></small></td></tr></table>'
    )


def _time_note(dataset: Dataset, position: Position) -> str:
    """`` · at 12:30``: when the transcript turn holding the excerpt began, or nothing."""
    seconds = position_time(dataset, position.id)
    if seconds is None:
        return ""
    if dataset.model.recording is None:
        return f" \u00b7 at {clock(seconds)}"
    # With a recording, the time plays the turn and the passage can be played from its estimated start.
    return (
        f' \u00b7 <a href="{PLAY_TURN_SCHEME}:{esc(position.id)}">at {clock(seconds)} \u25b6</a>'
        f' \u00b7 <a href="{PLAY_PASSAGE_SCHEME}:{esc(position.id)}">play this passage</a>'
    )


def speaker_page(dataset: Dataset, speaker_id: str, ink: Ink, analysis: SeminarAnalysis | None = None) -> Page:
    """Bio, argument, then positions grouped by theme in report order (uncounted kinds marked as context)."""
    analysis = _analysis(dataset, analysis)
    speaker = dataset.speaker(speaker_id)
    sections: list[tuple[str, str]] = []
    if speaker.bio:
        sections.append(("page:bio", f"<p>{esc(speaker.bio)}</p>"))
    if speaker.summary:
        sections.append(("page:argument", f"<h2>Argument</h2><p>{esc(speaker.summary)}</p>"))
    positions = dataset.positions_of(speaker_id)
    heading = f"<h2>Positions <span class=\"muted\">({len(positions)})</span></h2>"
    if not positions:
        step = None if dataset.positions else next_step(dataset)  # a seminar with no position yet says what to do next
        heading += f'<p class="muted">{esc(step) if step else "The report records no position for this speaker."}</p>'
    from .discussion import speaker_movements

    moves = _movement_section(
        dataset, [(dataset.theme(m.theme).label, m) for m in speaker_movements(dataset, speaker_id, analysis)]
    )
    if moves:
        sections.append(("page:movement", moves))
    sections.append(("page:positions", heading))
    current_theme = None
    for position in positions:
        if position.theme != current_theme:
            current_theme = position.theme
            theme = dataset.theme(current_theme)
            divided = " <span class=\"muted\">(divided)</span>" if analysis.is_divided(speaker_id, theme.id) else ""
            sections.append(
                (f"heading:{position.id}", f'<h3><a href="theme:{esc(theme.id)}">{esc(theme.label)}</a>{divided}</h3>')
            )
        sections.append((position.id, _position_block(dataset, position, ink, analysis)))
    return _page(ink, sections)


def _movement_section(dataset: Dataset, moves: list[tuple[str, Movement]]) -> str:
    """"Over the discussion": who moved or held, first against last counted position; nothing when nobody took two at different times."""
    if not moves:
        return ""
    axis = "turn" if dataset.seminar.source.turns else "place in the report"
    from .discussion import movement_sentence

    items = "".join(f"<li>{esc(movement_sentence(dataset, movement, name=name))}</li>" for name, movement in moves)
    return (
        f"<h2>Over the discussion</h2><ul style=\"margin-top:0px;\">{items}</ul>"
        f'<p class="muted">The first counted position against the last, by {axis}: '
        "\u201cmoved\u201d when the stance changed by a step or more, \u201cheld\u201d otherwise.</p>"
    )


def speaker_html(dataset: Dataset, speaker_id: str, ink: Ink, analysis: SeminarAnalysis | None = None) -> str:
    """:func:`speaker_page` as one rich-text document."""
    return speaker_page(dataset, speaker_id, ink, analysis).html


def voices_sentence(dataset: Dataset, metrics: ThemeMetrics) -> str:
    """``2 voices: Shagina mixed, Gardiner divergence (divided)``: each voice and how it counted (plain text)."""
    scale = dataset.seminar.scale
    voices = [
        f"{speaker_short_name(dataset.speaker(speaker_id))} {stance_label(stance, scale)}"
        + (" (divided)" if speaker_id in metrics.divided else "")
        for speaker_id, stance in sorted(metrics.stances.items(), key=lambda item: dataset.speaker_rank(item[0]))
    ]
    noun = "voice" if metrics.n == 1 else "voices"
    return f"{metrics.n} {noun}: " + ", ".join(voices)


def verdict_text(metrics: ThemeMetrics, scale: Scale) -> str:
    """The verdict as a reader sees it: ``consensus: convergence (tentative)``, ``too few voices``."""
    return verdict_label(metrics.verdict, scale) + (" (tentative)" if metrics.tentative else "")


def counts_text(metrics: ThemeMetrics) -> str:
    """``−2: 0 · −1: 1 · 0: 2 · +1: 1 · +2: 0``, plain text."""
    # No-break spaces inside each item: a narrow panel wraps between stances, never within one.
    return " \u00b7 ".join(f"{signed(stance)}:\u00a0{metrics.counts[stance]}" for stance in STANCES)


def _figures_table(figures: list[tuple[str, str]]) -> str:
    """Measures as a two-column table: each label a link to its definition, each value in bold."""
    rows = "".join(
        f'<tr><td style="padding-right:18px;">{metric_link(key)}</td><td><b>{esc(value)}</b></td></tr>'
        for key, value in figures
    )
    return f'<table cellspacing="0" cellpadding="2">{rows}</table>'


THEME_PAGE_POSITIONS = 60
"""Positions a theme's page lists before it offers the rest behind a link (a large panel's theme holds hundreds)."""
SHOW_ALL_SCHEME = "all"
"""Links ``all:THEME_ID`` ask for a theme's page with every position on it."""


def theme_page(
    dataset: Dataset, theme_id: str, ink: Ink, analysis: SeminarAnalysis | None = None, *, show_all: bool = False
) -> Page:
    """Description, the evidence behind the verdict, then the speakers' positions on the theme in speaking order.

    Past :data:`THEME_PAGE_POSITIONS` positions the page lists that many and a link to show them all,
    unless ``show_all``: the figures above always count every voice.
    """
    analysis = _analysis(dataset, analysis)
    theme = dataset.theme(theme_id)
    metrics = analysis.themes[theme_id]
    scale = dataset.seminar.scale
    sections: list[tuple[str, str]] = []
    if theme.description:
        sections.append(("page:description", f"<p>{esc(theme.description)}</p>"))
    parts: list[str] = []
    figures = [
        ("n", str(metrics.n)),
        ("counts", counts_text(metrics)),
        ("median", format_measure(metrics.median)),
        ("consensus", format_measure(metrics.consensus)),
        ("verdict", verdict_text(metrics, scale)),
    ]
    if metrics.robust is not None:
        figures.append(("robust", "holds against any one change" if metrics.robust else "tentative"))
    parts.append(f"<h2>How the panel stood</h2>{_figures_table(figures)}")
    by_coder = coders_verdicts(dataset, theme_id)
    if by_coder is not None:
        parts.append(f"<p><b>The verdict {esc(CODER_MARK)}:</b> {esc(by_coder)}.</p>")
    if metrics.n:
        parts.append(f"<p>{esc(voices_sentence(dataset, metrics))}</p>")
    chair_words = needs_chair_words(dataset, metrics)
    if chair_words:
        parts.append(f"<p>{esc(chair_words)}</p>")
    if metrics.verdict is Verdict.TOO_FEW_VOICES:
        parts.append(f'<p class="muted">Too few voices for a verdict: it needs {MIN_VOICES} voices.</p>')
    if metrics.divided:
        names = ", ".join(esc(dataset.speaker(s).display_name) for s in metrics.divided)
        parts.append(
            f'<p class="muted">{metric_link("divided", "Divided")}: {names} took positions on both poles here;'
            " the median of their positions is counted.</p>"
        )
    if metrics.flips:
        def surname(speaker_id: str) -> str:
            return speaker_short_name(dataset.speaker(speaker_id))

        flips = "; ".join(esc(text) for text in describe_flips(metrics.flips, surname, scale))
        parts.append(f"<p>Tentative, since one voice would change it: {flips}.</p>")
    parts.append(f'<p class="muted">{esc(counting_sentence(analysis.counted_kinds) + chair_left_out_words(dataset, analysis))}</p>')
    from .discussion import theme_movements

    parts.append(_movement_section(
        dataset, [(speaker_short_name(dataset.speaker(m.speaker)), m) for m in theme_movements(dataset, theme_id, analysis)]
    ))
    positions = dataset.positions_on(theme_id)
    parts.append(f"<h2>Positions <span class=\"muted\">({len(positions)})</span></h2>")
    if not positions:
        parts.append('<p class="muted">No speaker addressed this theme.</p>')
    silent = [s for s in dataset.speakers if s.id not in metrics.stances]
    listed = positions if show_all else positions[:THEME_PAGE_POSITIONS]
    sections.append(("page:figures", "".join(parts)))
    for position in listed:
        sections.append((position.id, _position_block(dataset, position, ink, analysis, with_speaker=True)))
    if len(listed) < len(positions):
        sections.append((
            "page:more",
            f'<p><a href="{SHOW_ALL_SCHEME}:{esc(theme_id)}">Show all {len(positions):,} positions</a>'
            f'<span class="muted"> (the first {len(listed)} are listed, in speaking order)</span></p>',
        ))
    if silent and positions:
        names = ", ".join(esc(unbreakable(s.display_name)) for s in silent)
        sections.append(("page:silent", f'<p class="muted">No counted position on this theme: {names}.</p>'))
    return _page(ink, sections)


def theme_html(
    dataset: Dataset, theme_id: str, ink: Ink, analysis: SeminarAnalysis | None = None, *, show_all: bool = False
) -> str:
    """:func:`theme_page` as one rich-text document."""
    return theme_page(dataset, theme_id, ink, analysis, show_all=show_all).html


def pair_page(
    dataset: Dataset, speaker_a: str, speaker_b: str, ink: Ink, analysis: SeminarAnalysis | None = None
) -> Page:
    """Two speakers side by side, theme by theme, over the themes either addressed, with k, agreement and chance."""
    analysis = _analysis(dataset, analysis)
    first, second = dataset.speaker(speaker_a), dataset.speaker(speaker_b)
    pair = analysis.pair(speaker_a, speaker_b)
    scale = dataset.seminar.scale
    parts: list[str] = []
    if pair.agreement is None:
        parts.append('<p class="muted">These two speakers addressed no theme in common with a counted position.</p>')
    else:
        figures = [
            ("shared", str(pair.shared_themes)),
            ("agreement", format_measure(pair.agreement)),
            ("chance", format_measure(pair.expected_by_chance)),
            ("corrected", format_measure(pair.chance_corrected)),
        ]
        parts.append(_figures_table(figures))
        if not pair.comparable:
            parts.append(
                f'<p class="muted">Only {pair.shared_themes} shared theme{"s" if pair.shared_themes != 1 else ""}:'
                " too few to compare this pair with others.</p>"
            )
    if dataset.seminar.source.turns:
        parts.append(_replies_paragraph(dataset, analysis, speaker_a, speaker_b))
    parts.append(f'<p class="muted">{esc(counting_sentence(analysis.counted_kinds) + chair_left_out_words(dataset, analysis))}</p>')
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
            f'<td valign="top">{_column(mine, scale, analysis)}</td><td valign="top">{_column(theirs, scale, analysis)}</td></tr>'
        )
    if rows:
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:8px;">{header}{"".join(rows)}</table>'
        )
    return _page(ink, [("page:pair", "".join(parts))])


def _replies_paragraph(dataset: Dataset, analysis: SeminarAnalysis, speaker_a: str, speaker_b: str) -> str:
    """Who answered whom between the two, on which themes; or that neither took up the other's theme."""
    from .discussion import pair_replies, reply_pair_sentence

    found = pair_replies(dataset, analysis, speaker_a, speaker_b)
    if found is None:
        return '<p class="muted">Replies: neither took up a theme of the other\u2019s turn just before.</p>'
    return f"<p><b>Replies:</b> {esc(reply_pair_sentence(dataset, found))}.</p>"


def pair_html(
    dataset: Dataset, speaker_a: str, speaker_b: str, ink: Ink, analysis: SeminarAnalysis | None = None
) -> str:
    """:func:`pair_page` as one rich-text document."""
    return pair_page(dataset, speaker_a, speaker_b, ink, analysis).html


def _column(positions: list[Position], scale: Scale, analysis: SeminarAnalysis) -> str:
    if not positions:
        return '<span class="muted">silent</span>'
    cells = []
    for position in positions:
        context = "" if position.kind in analysis.counted_kinds and position.stance is not None else (
            f' <span class="muted"><i>{esc(kind_label(position.kind))}, not counted</i></span>'
        )
        cells.append(
            f"{position_chip(position.stance, scale)}{context}<br>"
            f"{esc(position.summary)} "
            f'<a href="source:{esc(position.id)}">source\u00a0\u203a</a>'
        )
    return "<br><br>".join(cells)


def overview_page(dataset: Dataset, ink: Ink, analysis: SeminarAnalysis | None = None) -> Page:
    """The seminar itself: its question, when and where, who chaired, what it covered."""
    analysis = _analysis(dataset, analysis)
    seminar = dataset.seminar
    chair = dataset.chair
    facts = [
        ("Question", seminar.question),
        ("When", seminar_when(seminar)),
        ("Where", f"{seminar.venue} ({mode_label(seminar).lower()})"),
        ("Organiser", seminar.organiser),
    ]
    if chair:
        facts.append((leader_label(chair), chair.display_name))
    facts.append(("Source", f"{seminar.source.title}, {seminar.source.publisher}"))
    rows = "".join(
        f'<tr><td class="muted" style="padding-right:18px;">{esc(name)}</td><td>{esc(value)}</td></tr>'
        for name, value in facts
    )
    parts: list[str] = []
    if seminar.subtitle:
        parts.append(f"<p><i>{esc(seminar.subtitle)}</i></p>")
    parts.append(f'<table cellspacing="0" cellpadding="2">{rows}</table>')
    step = next_step(dataset) or awaiting_sentence(dataset)
    if step:
        parts.append(f'<p class="muted" id="next-step">{esc(step)}</p>')
    sentences = panel_sentences(dataset, analysis)
    if sentences and dataset.positions:
        items = "".join(
            "<li>" + "".join(f"<b>{esc(text)}</b>" if strong else esc(text) for text, strong in sentence.parts) + "</li>"
            for sentence in sentences
        )
        parts.append(f"<h2>At a glance</h2><ul>{items}</ul>")
        parts.append(f'<p class="muted">{esc(counting_sentence(analysis.counted_kinds) + chair_left_out_words(dataset, analysis))}</p>')
    if seminar.summary:
        parts.append(f"<h2>Summary</h2><p>{esc(seminar.summary)}</p>")
    return _page(ink, [("page:overview", "".join(parts))])


def overview_html(dataset: Dataset, ink: Ink, analysis: SeminarAnalysis | None = None) -> str:
    """:func:`overview_page` as one rich-text document."""
    return overview_page(dataset, ink, analysis).html


def theme_heading(dataset: Dataset, theme_id: str, analysis: SeminarAnalysis | None = None) -> tuple[str, str]:
    """Title and subtitle lines for a theme (plain text): ``Theme · 5 voices · contested (tentative)``."""
    metrics = _analysis(dataset, analysis).themes[theme_id]
    noun = "voice" if metrics.n == 1 else "voices"
    subtitle = f"Theme \u00b7 {metrics.n} {noun} \u00b7 {verdict_text(metrics, dataset.seminar.scale)}"
    if theme_id in coder_dependent(dataset):
        subtitle += f" \u00b7 {CODER_MARK}"
    return dataset.theme(theme_id).label, subtitle
