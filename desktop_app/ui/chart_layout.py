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

from dataclasses import dataclass

from ..model.analysis import ThemeMetrics
from ..model.dataset import Dataset

BANDS = (-2, -1, 0, 1, 2)
"""Stance bands, left to right."""
STRONG_AT = 1.5
"""A mean stance at or beyond this (either way) falls in a strong band."""
SORTS = ("report", "balance", "controversy")


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
    """Rows top to bottom in the chosen order: report order, by balance, or by controversy."""
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
        rows.sort(key=lambda r: (r.metrics.n == 0, r.metrics.consensus if r.metrics.consensus is not None else 1, -r.metrics.n))
    elif sort != "report":
        raise ValueError(f"unknown sort {sort!r}; expected one of {SORTS}")
    return rows


def half_width(rows: list[ChartRow]) -> float:
    """Half the x range that shows every row, symmetric about zero (at least 1)."""
    return max([1.0] + [max(-row.left, row.right) for row in rows])
