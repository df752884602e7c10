"""What goes into a PDF brief: page size, sections, and the whole panel or one speaker.

Shared by the export dialog and the command line, so both offer exactly the
same choices.  Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from ..model.format.schema import Kind
from .chart_sorts import SORTS

PAGE_SIZES = ("a4", "letter")
PAGE_SIZE_LABELS = {"a4": "A4", "letter": "Letter"}

SECTIONS = ("judgements", "chart", "themes", "agree_split", "discussion", "forecasts", "agreement", "method", "source", "speakers")
"""Optional sections, in the order the brief prints them (the title block always comes first)."""
DEFAULT_SECTIONS = tuple(name for name in SECTIONS if name != "speakers")
"""What a brief holds unless asked otherwise: everything but the appendix of speaker profiles."""
SECTION_TITLES = {
    "judgements": "Bottom line",
    "agree_split": "Where they agree and where they split",
    "discussion": "How the discussion went",
    "method": "Method and caveats",
    "chart": "Stances by theme",
    "themes": "Themes",
    "speakers": "Appendix: speaker profiles",
    "agreement": "Speaker agreement",
    "forecasts": "Forecasts and recommendations",
    "source": "Source and provenance",
}

SECTION_CHOICES = {
    "judgements": "Bottom line, key judgements, what to watch",
    "agree_split": "Where they agree and where they split (quoted)",
    "discussion": "How the discussion went (when there are turn times or repeated positions)",
    "method": "Method and caveats",
    "chart": "Chart of stances by theme",
    "themes": "Theme table",
    "speakers": "Appendix: a profile of every speaker",
    "agreement": "Speaker agreement matrix",
    "forecasts": "Forecasts and recommendations",
    "source": "Source and provenance",
}
"""How the export dialog names each section when offering it."""


@dataclass(frozen=True)
class ReportOptions:
    """The choices for one export.  ``speaker`` set means a brief on that speaker only."""

    page_size: str = "a4"
    sections: tuple[str, ...] = field(default=DEFAULT_SECTIONS)
    speaker: str | None = None
    counted_kinds: frozenset[Kind] = COUNTED_KINDS_DEFAULT
    """The kinds of position the brief's figures count (the window's View ▸ Counted Kinds)."""
    without_chair: bool = False
    """Whether the chair's positions are left out of the figures (View ▸ Counted Kinds ▸ Leave Out the Chair)."""
    chart_sort: str = "report"
    """The order of the chart's rows (one of chart_sorts.SORTS): the window passes its chart's."""

    def __post_init__(self) -> None:
        if self.chart_sort not in SORTS:
            raise ValueError(f"chart sort must be one of {', '.join(SORTS)}, not {self.chart_sort!r}")
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {self.page_size!r}")
        unknown = [name for name in self.sections if name not in SECTIONS]
        if unknown:
            raise ValueError(f"unknown section {unknown[0]!r}; choose from {', '.join(SECTIONS)}")
        # Whatever order they were given in, sections print in the brief's order, once each.
        object.__setattr__(self, "sections", tuple(name for name in SECTIONS if name in self.sections))

    def includes(self, section: str) -> bool:
        return section in self.sections


def parse_sections(text: str) -> tuple[str, ...]:
    """``"judgements,chart"`` → ("judgements", "chart"); ValueError naming an unknown or missing section."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not names:
        raise ValueError(f"name at least one section: {', '.join(SECTIONS)}")
    for name in names:
        if name not in SECTIONS:
            raise ValueError(f"unknown section {name!r}; choose from {', '.join(SECTIONS)}")
    return tuple(names)
