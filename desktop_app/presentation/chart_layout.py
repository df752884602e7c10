"""Where each block of the themes chart goes and what it says: pure geometry and words, no Qt.

One row per theme.  Each speaker with a counted position on the theme is one
block, one unit wide, coloured by their stance (the median of their counted
positions there).  Likert style, the blocks at the neutral stance are centred
on zero, the negative ones run to the left of them and the positive ones to
the right, so a row's position shows where the panel stood and its spread how
split it was.  Blocks are drawn apart, so the voices can be counted.

The horizontal axis carries no numbers: since the neutral blocks straddle the
centre, a count from zero would fall inside blocks.  Each row says its n
instead, beside its verdict, and the legend says that one block is one speaker.

The Themes tab (pyqtgraph) and the brief (QPainter on a PDF) both draw from
these rows, columns and legend, so screen and paper say the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..model.analysis.seminar_analysis import (
    SeminarAnalysis,
    ThemeMetrics,
    describe_flips,
    stance_label,
    verdict_label,
)
from ..model.dataset import Dataset
from ..model.format.schema import Scale
from .chart_sorts import SORTS
from .coder_agreement import CODER_MARK_SHORT, coder_dependent

BANDS = (-2, -1, 0, 1, 2)
"""Stances, left to right."""
STRONG_AT = 1.5
"""A mean stance at or beyond this (either way) falls in a strong band."""
BAR_HEIGHT = 0.62
"""Height of a bar, in rows."""
MIN_ROWS = 8
"""A chart of fewer themes keeps room for this many rows, so its bars stay a readable height."""
MAX_LABEL = 40
"""Longest theme label on the axis, in characters, before any measuring; longer ones are elided."""
MARKER_SPREAD = 0.31
"""How far below its row's centre a mark sits, in rows: on the lower edge of the block."""
SEPARATED_FROM = 5.0
"""Fewest pixels per speaker at which blocks are drawn apart; narrower, a stance's blocks are drawn as one bar."""
SEPARATOR = 1.5
"""Width of the gap between two blocks, in pixels."""
LABEL_SHARE = 0.34
"""Most of the chart's width the theme labels may take."""
NOTE_SHARE = 0.26
"""Most of the chart's width the column of n and verdicts may take."""
LABEL_GAP = 8
"""Space between a column of text and the plot, in pixels."""
LEGEND_NOTE = "darker = stronger"
LEGEND_SWATCH = 13
"""Side of a colour swatch in the legend, in pixels."""
LEGEND_GAP = 18
"""Space between the legend's entries on one line, in pixels."""
LEGEND_LINE = 20
"""Height of one line of the legend, in pixels."""
LEGEND_LABEL = 28
"""Longest word of the scale in the legend, in characters."""
TENTATIVE = "tentative"
TENTATIVE_SHORT = "tent."
"""What a row too narrow for "tentative" writes instead (the legend spells it out)."""


def band_of(mean_stance: float) -> int:
    if mean_stance == 0:
        return 0
    strength = 2 if abs(mean_stance) >= STRONG_AT else 1
    return strength if mean_stance > 0 else -strength


@dataclass(frozen=True)
class Block:
    """One speaker on one theme: a unit-wide block at ``start``, in the colour of ``stance``."""

    speaker_id: str
    stance: int
    start: float
    divided: bool = False
    """The speaker's counted positions on the theme span both poles."""

    @property
    def end(self) -> float:
        return self.start + 1

    @property
    def centre(self) -> float:
        return self.start + 0.5


@dataclass(frozen=True)
class Segment:
    """All the blocks of one stance in a row, side by side."""

    band: int
    start: float  # x of the left edge, in speakers
    width: float
    speakers: tuple[str, ...]  # ids, left to right

    @property
    def end(self) -> float:
        return self.start + self.width

    @property
    def centre(self) -> float:
        return self.start + self.width / 2


@dataclass(frozen=True)
class ChartRow:
    theme_id: str
    label: str
    metrics: ThemeMetrics
    segments: dict[int, Segment]  # every band, empty ones with zero width at their place
    blocks: tuple[Block, ...] = ()
    """One per voice, left to right."""

    @property
    def left(self) -> float:
        return self.segments[-2].start

    @property
    def right(self) -> float:
        return self.segments[2].end

    @property
    def tentative(self) -> bool:
        """The row's verdict is stated but one voice could overturn it: drawn faded and hatched."""
        return self.metrics.tentative

    def segment_at(self, x: float) -> Segment | None:
        for band in BANDS:
            segment = self.segments[band]
            if segment.width and segment.start <= x <= segment.end:
                return segment
        return None

    def block_at(self, x: float) -> Block | None:
        """The block under ``x``, a shared edge going to the block on its right."""
        for block in self.blocks:
            if block.start <= x < block.end:
                return block
        if self.blocks and x == self.blocks[-1].end:
            return self.blocks[-1]
        return None

    def block_of(self, speaker_id: str) -> Block | None:
        for block in self.blocks:
            if block.speaker_id == speaker_id:
                return block
        return None


def chart_rows(
    dataset: Dataset,
    sort: str = "report",
    analysis: SeminarAnalysis | None = None,
    earlier: Mapping[str, ChartRow] | None = None,
) -> list[ChartRow]:
    """Rows top to bottom in the chosen order: report order, by median stance, or most divided first.

    ``analysis`` is the one counting the window's chosen kinds; the dataset's default one otherwise.
    ``earlier`` are rows made before, by theme, for the same speakers in the same order: a theme
    whose label and metrics (the very object) are unchanged keeps its row, so an edit on one
    theme of a large panel lays out that row alone.
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; expected one of {SORTS}")
    analysis = analysis if analysis is not None else dataset.analysis
    earlier = earlier or {}
    rows = []
    dependent = coder_dependent(dataset)
    for theme in dataset.themes:
        metrics = analysis.themes[theme.id]
        kept = earlier.get(theme.id)
        label = f"{theme.label} ({CODER_MARK_SHORT})" if theme.id in dependent else theme.label
        if kept is not None and kept.metrics is metrics and kept.label == label:
            rows.append(kept)
            continue
        by_band: dict[int, list[str]] = {band: [] for band in BANDS}
        for speaker_id, stance in sorted(metrics.stances.items(), key=lambda item: dataset.speaker_rank(item[0])):
            by_band[band_of(stance)].append(speaker_id)
        neutral = len(by_band[0])
        segments = {0: Segment(0, -neutral / 2, neutral, tuple(by_band[0]))}
        edge = -neutral / 2
        for band in (-1, -2):
            width = len(by_band[band])
            segments[band] = Segment(band, edge - width, width, tuple(by_band[band]))
            edge -= width
        edge = neutral / 2
        for band in (1, 2):
            width = len(by_band[band])
            segments[band] = Segment(band, edge, width, tuple(by_band[band]))
            edge += width
        blocks = tuple(
            Block(speaker_id, band, segments[band].start + place, speaker_id in metrics.divided)
            for band in BANDS
            for place, speaker_id in enumerate(segments[band].speakers)
        )
        rows.append(ChartRow(theme.id, label, metrics, segments, blocks))
    if sort == "balance":
        rows.sort(key=lambda r: (r.metrics.n == 0, -(r.metrics.median or 0)))
    elif sort == "controversy":
        # Least consensus first: the most divided themes lead.
        rows.sort(
            key=lambda r: (r.metrics.n == 0, r.metrics.consensus if r.metrics.consensus is not None else 1, -r.metrics.n)
        )
    return rows


def half_width(rows: list[ChartRow]) -> float:
    """Half the x range that shows every row, symmetric about zero (at least 1)."""
    return max([1.0] + [max(-row.left, row.right) for row in rows])


def x_span(rows: list[ChartRow]) -> float:
    """Half the x range the chart shows: every row, and half a speaker's margin."""
    return half_width(rows) + 0.5


def y_range(rows: list[ChartRow]) -> tuple[float, float]:
    """Top and bottom of the chart in rows (row ``i`` centred on ``i``), room for at least :data:`MIN_ROWS`."""
    return -0.6, max(len(rows), MIN_ROWS) - 0.4


def elide(text: str, limit: int = MAX_LABEL) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def separated(pixels_per_speaker: float) -> bool:
    """Whether blocks this wide are drawn one by one with gaps between them (else one bar per stance)."""
    return pixels_per_speaker >= SEPARATED_FROM


# -- the words of a row ------------------------------------------------------------------------


def verdict_words(metrics: ThemeMetrics, scale: Scale) -> str | None:
    """The verdict word as the row shows it (``contested``, ``consensus: support, tentative``); none below a verdict."""
    if not metrics.verdict.is_stated:
        return None
    words = verdict_label(metrics.verdict, scale)
    return f"{words}, {TENTATIVE}" if metrics.tentative else words


TOO_FEW = "too few voices"
"""What a row with one or two voices says in place of a verdict (a verdict needs three)."""
TOO_FEW_SHORT = "too few"
NO_VOICE = "no voices"
"""What a row with no counted position says, so that it does not stand empty without a word."""
POLE_KEPT = 4
"""Fewest letters of a pole word a squeezed verdict keeps (``consensus: conv…``)."""


def row_note(metrics: ThemeMetrics, scale: Scale) -> str:
    """The text beside a row: ``n = 5 · contested``; ``n = 2 · too few voices`` below three voices."""
    words = verdict_words(metrics, scale)
    count = f"n = {metrics.n}"
    if words is None:
        return f"{count} \u00b7 {NO_VOICE if metrics.n == 0 else TOO_FEW}"
    return f"{count} \u00b7 {words}"


def _note_forms(metrics: ThemeMetrics, scale: Scale, lines: int) -> list[str]:
    """Every way of writing a row's note, longest first; none cuts the verdict word."""
    count = f"n = {metrics.n}"
    if not metrics.verdict.is_stated:
        word = NO_VOICE if metrics.n == 0 else TOO_FEW
        forms = [f"{count} \u00b7 {word}"]
        if lines > 1:
            forms.append(f"{count}\n{word}")
        return [*forms, f"{count} \u00b7 {TOO_FEW_SHORT}" if metrics.n else forms[0]]
    tail = f" ({TENTATIVE_SHORT})" if metrics.tentative else ""
    full = row_note(metrics, scale)
    words = verdict_label(metrics.verdict, scale)
    verdict, _, pole = words.partition(": ")
    forms = [full, f"{count} \u00b7 {words}{tail}"]
    if lines > 1:
        forms += [f"{count} \u00b7 {verdict}:\n{pole}{tail}" if pole else f"{count}\n{verdict}{tail}", f"{count}\n{words}{tail}"]
    if pole:
        # The pole word is cut, never the verdict word, and keeps enough letters to tell the poles apart.
        for length in range(len(pole) - 1, POLE_KEPT - 1, -1):
            forms.append(f"{count} \u00b7 {verdict}: {pole[:length].rstrip()}\u2026{tail}")
        if lines > 1:
            for length in range(len(pole) - 1, POLE_KEPT - 1, -1):
                forms.append(f"{count} \u00b7 {verdict}:\n{pole[:length].rstrip()}\u2026{tail}")
    return forms


def fitted_note(
    metrics: ThemeMetrics, scale: Scale, text_width: Callable[[str], float], room: float, lines: int = 1
) -> str:
    """:func:`row_note` within ``room`` and ``lines`` lines: n and the whole verdict word always show.

    What gives way, in order: "tentative" becomes "(tent.)", then (given two lines) the
    note wraps, then the pole word after "consensus:" is cut to no fewer than
    :data:`POLE_KEPT` letters.  "consensus" and "contested" are never cut: when even
    the shortest form is wider than ``room``, it is returned whole (see :func:`note_floor`,
    the room a column must give).
    """
    forms = _note_forms(metrics, scale, lines)
    for form in forms:
        if max(text_width(line) for line in form.split("\n")) <= room:
            return form
    return forms[-1]


def note_floor(rows: list[ChartRow], scale: Scale, text_width: Callable[[str], float], lines: int = 1) -> float:
    """The narrowest column in which every row's note shows its n and its whole verdict word."""
    widest = 0.0
    for row in rows:
        shortest = _note_forms(row.metrics, scale, lines)[-1]
        widest = max([widest] + [text_width(line) for line in shortest.split("\n")])
    return widest


def voices_line(metrics: ThemeMetrics, dataset: Dataset, scale: Scale) -> str:
    """Each voice with its stance, for a row with too few voices: ``2 voices: Maria Shagina mixed, Barry Gardiner divergence``."""
    ordered = sorted(metrics.stances.items(), key=lambda item: dataset.speaker_rank(item[0]))
    parts = [f"{dataset.speaker(speaker_id).name} {stance_label(stance, scale)}" for speaker_id, stance in ordered]
    voices = "voice" if len(parts) == 1 else "voices"
    return f"{len(parts)} {voices}: " + ", ".join(parts) if parts else "no voice"


def flips_lines(metrics: ThemeMetrics, dataset: Dataset, scale: Scale) -> list[str]:
    """What would overturn a tentative verdict, in words (``flips to contested if Ben Bly is dropped``)."""
    return describe_flips(metrics.flips, lambda speaker_id: dataset.speaker(speaker_id).name, scale)


# -- columns --------------------------------------------------------------------------------------


def column_widths(total: float, label_wanted: float, note_wanted: float, note_least: float = 0.0) -> tuple[float, float]:
    """Widths of the theme labels' and the notes' columns in a chart ``total`` wide.

    Each column gets what its longest text wants, up to its share; the plot
    keeps the rest, so that long labels or pole words never squeeze it away.
    The notes' column never gets less than ``note_least`` (see :func:`note_floor`):
    a verdict is never cut.
    """
    label = min(label_wanted + LABEL_GAP, total * LABEL_SHARE)
    note = max(min(note_wanted + LABEL_GAP, total * NOTE_SHARE), min(note_least + LABEL_GAP, note_wanted + LABEL_GAP))
    return max(0.0, label), max(0.0, note)


# -- legend ---------------------------------------------------------------------------------------


def legend_groups(scale: Scale) -> list[tuple[tuple[int, ...], str]]:
    """The legend's groups of bands, each under the scale's own word for it."""
    return [((-2, -1), scale.negative), ((0,), scale.neutral), ((1, 2), scale.positive)]


@dataclass(frozen=True)
class LegendPiece:
    """One thing in the legend: a glyph (``band`` or ``glyph`` set) or a text (``text`` set), on line ``line``.

    Glyphs: ``"block"`` (one speaker), ``"mark"`` (the selected speaker's
    mark), ``"divided"`` (the notch of a divided speaker), ``"tentative"``
    (a hatched block).
    """

    x: float
    width: float
    band: int | None = None
    text: str | None = None
    muted: bool = False
    glyph: str | None = None
    line: int = 0


def legend_entries(scale: Scale, speaker_name: str | None = None) -> list[list[tuple[str, object, bool]]]:
    """The legend's entries in order, each a list of ``(what, value, muted)``: a band swatch, a glyph or a text."""
    entries: list[list[tuple[str, object, bool]]] = []
    for bands, word in legend_groups(scale):
        entries.append([("band", band, False) for band in bands] + [("text", elide(word, LEGEND_LABEL), False)])
    entries[-1].append(("text", f"({LEGEND_NOTE})", True))
    entries.append([("glyph", "block", False), ("text", "one speaker", True)])
    entries.append([("glyph", "divided", False), ("text", "divided", True)])
    entries.append([("glyph", "tentative", False), ("text", "tentative", True)])
    if speaker_name:
        entries.append([("glyph", "mark", False), ("text", elide(speaker_name, LEGEND_LABEL), True)])
    return entries


def legend_pieces(
    scale: Scale, text_width: Callable[[str], float], width: float, speaker_name: str | None = None
) -> list[LegendPiece]:
    """The legend's swatches, glyphs and words, wrapped into lines no wider than ``width``, each line centred.

    ``■■ divergence   ■ mixed   ■■ convergence   darker = stronger``
    ``▯ one block = one speaker   ▽ divided   ▨ tentative   ◇ the selected speaker``
    """
    placed: list[list[tuple[float, list[LegendPiece]]]] = [[]]
    line_width = 0.0
    for entry in legend_entries(scale, speaker_name):
        pieces: list[LegendPiece] = []
        x = 0.0
        for what, value, muted in entry:
            if what == "text":
                if pieces and pieces[-1].text is None:
                    x += 3  # a little air between a glyph and its word
                text = str(value)
                text_w = text_width(text)
                while len(text) > 2 and text_width(text) > width - 2 * LEGEND_SWATCH:
                    text = text[: (len(text) - 1) * 3 // 4].rstrip() + "\u2026"  # wider than a line: cut to fit
                text_w = text_width(text)
                pieces.append(LegendPiece(x, text_w + 4, text=text, muted=muted))
                x += text_w + 4
            else:
                band = value if what == "band" and isinstance(value, int) else None
                glyph = value if what == "glyph" and isinstance(value, str) else None
                pieces.append(LegendPiece(x, LEGEND_SWATCH, band=band, glyph=glyph))
                x += LEGEND_SWATCH + (2 if what == "band" else 5)
        entry_width = x
        if placed[-1] and line_width + LEGEND_GAP + entry_width > width:
            placed.append([])
            line_width = 0.0
        start = line_width + (LEGEND_GAP if placed[-1] else 0)
        placed[-1].append((start, pieces))
        line_width = start + entry_width
    result = []
    for line, entries in enumerate(placed):
        last_start, last_pieces = entries[-1]
        used = last_start + (last_pieces[-1].x + last_pieces[-1].width if last_pieces else 0)
        offset = max(0.0, (width - used) / 2)
        for start, pieces in entries:
            for piece in pieces:
                result.append(
                    LegendPiece(offset + start + piece.x, piece.width, piece.band, piece.text, piece.muted, piece.glyph, line)
                )
    return result


def legend_lines(pieces: list[LegendPiece]) -> int:
    """How many lines the legend's pieces take."""
    return 1 + max((piece.line for piece in pieces), default=0)


def axis_title(scale: Scale, text_width: Callable[[str], float] | None = None, room: float = 0.0, lines: int = 1) -> str:
    """The horizontal axis's title, in the scale's words (plain text): which side is which.

    Given ``text_width`` and ``room``, a title too wide for one line goes on two
    (``← divergence`` over ``convergence →``) when ``lines`` allows; only then is the
    longer pole word cut (with …) until the title fits, so both sides stay named
    rather than the middle of the title going missing.
    """
    negative, positive = elide(scale.negative, LEGEND_LABEL), elide(scale.positive, LEGEND_LABEL)

    def title(left: str, right: str) -> str:
        return f"\u2190 {left} \u00b7 {right} \u2192"

    if text_width is None:
        return title(negative, positive)
    if lines > 1 and text_width(title(negative, positive)) > room:
        left, right = f"\u2190 {negative}", f"{positive} \u2192"
        if max(text_width(left), text_width(right)) <= room:
            return f"{left}\n{right}"
    while text_width(title(negative, positive)) > room and max(len(negative), len(positive)) > 2:
        if len(negative.rstrip("\u2026")) >= len(positive.rstrip("\u2026")):
            negative = negative.rstrip("\u2026")[:-1] + "\u2026"
        else:
            positive = positive.rstrip("\u2026")[:-1] + "\u2026"
    return title(negative, positive)


def chart_name(scale: Scale) -> str:
    """What the chart is, for its accessible name and headings: ``Stances by theme, divergence to convergence``."""
    return f"Stances by theme, {elide(scale.negative, LEGEND_LABEL)} to {elide(scale.positive, LEGEND_LABEL)}"


def chart_note(scale: Scale, speaker_name: str | None = None) -> str:
    """The sentence under the chart in the brief (plain text)."""
    note = (
        f"Each block is one speaker, placed by the median of their counted positions on the theme: "
        f"{scale.negative} to the left, {scale.positive} to the right, {scale.neutral} in the centre; "
        "darker blocks are stronger views. Silent speakers are left out. Each row gives n, the number of voices, "
        "and a verdict from three voices up; hatched rows are tentative, since one voice could flip them."
    )
    if speaker_name:
        note += f" Diamonds mark {speaker_name}'s own block on each theme they addressed."
    return note


@dataclass(frozen=True)
class Mark:
    """The selected speaker on one row: a mark on their own block."""

    x: float
    y: float
    theme_id: str
    stance: int
    divided: bool = False


def speaker_marks(dataset: Dataset, rows: list[ChartRow], speaker_id: str | None) -> list[Mark]:
    """One mark per row the speaker has a voice on, centred on the lower edge of that speaker's own block."""
    if not speaker_id or not dataset.has_speaker(speaker_id):
        return []
    marks = []
    for index, row in enumerate(rows):
        block = row.block_of(speaker_id)
        if block is not None:
            # On the block's lower edge: the block's initials and a divided notch at its top stay visible.
            marks.append(Mark(block.centre, index + BAR_HEIGHT / 2, row.theme_id, block.stance, block.divided))
    return marks
