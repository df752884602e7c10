"""Where each bar of the consensus-versus-divergence chart goes: pure geometry, no Qt.

One row per theme.  Each speaker who addressed the theme counts one unit in
the band of their mean stance: strong negative, negative, neutral, positive,
strong positive.  Likert style, the neutral band is centred on zero, the
negative bands extend to the left of it and the positive bands to the right,
so a row's position shows where the panel stood and its spread how split it
was.  The band of a speaker agrees with the metrics: a mean above zero counts
as convergent, and so on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.analysis import ThemeMetrics
from ..model.dataset import Dataset
from ..model.schema import Scale
from .chart_sorts import SORTS

BANDS = (-2, -1, 0, 1, 2)
"""Stance bands, left to right."""
STRONG_AT = 1.5
"""A mean stance at or beyond this (either way) falls in a strong band."""
BAR_HEIGHT = 0.62
"""Height of a bar, in rows."""
MIN_ROWS = 8
"""A chart of fewer themes keeps room for this many rows, so its bars stay a readable height."""
MAX_LABEL = 40
"""Longest theme label on the axis, in characters; longer ones are elided."""
MARKER_SPREAD = 0.22
"""Vertical distance, in rows, between a speaker's several markers on one theme."""
LEGEND_NOTE = "darker = stronger"
LEGEND_SWATCH = 13
"""Side of a colour swatch in the legend, in pixels."""
LEGEND_GAP = 22
"""Space between the legend's groups, in pixels."""
LEGEND_LABEL = 28
"""Longest word of the scale in the legend, in characters."""
NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000)
"""Candidate distances between the count axis's ticks, in speakers."""


def band_of(mean_stance: float) -> int:
    if mean_stance == 0:
        return 0
    strength = 2 if abs(mean_stance) >= STRONG_AT else 1
    return strength if mean_stance > 0 else -strength


@dataclass(frozen=True)
class Segment:
    band: int
    start: float  # x of the left edge, in speakers
    width: float
    speakers: tuple[str, ...]  # ids, in speaking order

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

    @property
    def left(self) -> float:
        return self.segments[-2].start

    @property
    def right(self) -> float:
        return self.segments[2].end

    def segment_at(self, x: float) -> Segment | None:
        for band in BANDS:
            segment = self.segments[band]
            if segment.width and segment.start <= x <= segment.end:
                return segment
        return None


def chart_rows(dataset: Dataset, sort: str = "report") -> list[ChartRow]:
    """Rows top to bottom in the chosen order: report order, by median stance, or most divided first."""
    analysis = dataset.analysis
    rows = []
    for theme in dataset.themes:
        metrics = analysis.themes[theme.id]
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
        rows.append(ChartRow(theme.id, theme.label, metrics, segments))
    if sort == "balance":
        rows.sort(key=lambda r: (r.metrics.n == 0, -(r.metrics.median or 0)))
    elif sort == "controversy":
        # Least consensus first: the most divided themes lead.
        rows.sort(
            key=lambda r: (r.metrics.n == 0, r.metrics.consensus if r.metrics.consensus is not None else 1, -r.metrics.n)
        )
    elif sort != "report":
        raise ValueError(f"unknown sort {sort!r}; expected one of {SORTS}")
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


def legend_groups(scale: Scale) -> list[tuple[tuple[int, ...], str]]:
    """The legend's groups of bands, each under the scale's own word for it."""
    return [((-2, -1), scale.negative), ((0,), scale.neutral), ((1, 2), scale.positive)]


@dataclass(frozen=True)
class LegendPiece:
    """One thing in the legend's line: a swatch of a band's colour (``band`` set) or a text (``text`` set)."""

    x: float
    width: float
    band: int | None = None
    text: str | None = None
    muted: bool = False


def legend_pieces(scale: Scale, text_width: Callable[[str], float], width: float) -> list[LegendPiece]:
    """The legend's swatches and words left to right, centred in ``width``; ``text_width`` measures a text.

    ``■■ divergence   ■ mixed   ■■ convergence   darker = stronger``
    """
    groups = [(bands, elide(label, LEGEND_LABEL)) for bands, label in legend_groups(scale)]
    group_widths = [len(bands) * (LEGEND_SWATCH + 2) + 5 + text_width(text) for bands, text in groups]
    note_width = text_width(LEGEND_NOTE)
    total = sum(group_widths) + LEGEND_GAP * len(groups) + note_width
    x = max(0.0, (width - total) / 2)
    pieces = []
    for (bands, text), group_width in zip(groups, group_widths):
        for band in bands:
            pieces.append(LegendPiece(x, LEGEND_SWATCH, band=band))
            x += LEGEND_SWATCH + 2
        x += 3
        pieces.append(LegendPiece(x, group_width, text=text))
        x += text_width(text) + LEGEND_GAP
    pieces.append(LegendPiece(x, note_width + 4, text=LEGEND_NOTE, muted=True))
    return pieces


def axis_title(scale: Scale) -> str:
    """The count axis's title, in the scale's words (plain text)."""
    return f"Speakers \u2190 {scale.negative}   \u00b7   {scale.positive} \u2192"


def tick_step(low: float, high: float, pixels: float) -> int:
    """Whole speakers between ticks of the count axis, spaced so that labels never run into each other."""
    span = max(high - low, 1e-9)
    digits = len(str(int(max(abs(low), abs(high)))))
    needed = 12 + 7 * digits  # a label's width and a gap, in pixels
    for step in NICE_STEPS:
        if pixels * step / span >= needed:
            return step
    return NICE_STEPS[-1]


@dataclass(frozen=True)
class Mark:
    """One of the selected speaker's positions on the chart: where its marker goes and what it stands for."""

    x: float
    y: float
    theme_id: str
    stance: int


def speaker_marks(dataset: Dataset, rows: list[ChartRow], speaker_id: str | None) -> list[Mark]:
    """Markers for each position of ``speaker_id``, on the segment of its stance in its theme's row."""
    if not speaker_id or not dataset.has_speaker(speaker_id):
        return []
    by_theme: dict[str, list[int]] = {}
    for position in dataset.positions_of(speaker_id):
        by_theme.setdefault(position.theme, []).append(position.stance)
    marks = []
    for index, row in enumerate(rows):
        stances = by_theme.get(row.theme_id, [])
        for order, stance in enumerate(stances):
            segment = row.segments[stance]
            x = segment.centre if segment.width else segment.start
            offset = (order - (len(stances) - 1) / 2) * MARKER_SPREAD
            marks.append(Mark(x, index + offset, row.theme_id, stance))
    return marks
