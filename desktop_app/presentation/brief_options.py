"""What goes into a PDF brief: page size, sections, and the whole panel or one speaker.

Shared by the export dialog and the command line, so both offer exactly the
same choices.  Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAGE_SIZES = ("a4", "letter")
PAGE_SIZE_LABELS = {"a4": "A4", "letter": "Letter"}

SECTIONS = ("glance", "chart", "themes", "speakers", "agreement", "forecasts", "source")
"""Optional sections, in the order the brief prints them (the title block always comes first)."""
SECTION_TITLES = {
    "glance": "At a glance",
    "chart": "Stances by theme",
    "themes": "Themes",
    "speakers": "Speakers",
    "agreement": "Speaker agreement",
    "forecasts": "Forecasts and recommendations",
    "source": "Source",
}

SECTION_CHOICES = {
    "glance": "At a glance",
    "chart": "Chart of stances by theme",
    "themes": "Theme table",
    "speakers": "Speaker cards",
    "agreement": "Speaker agreement matrix",
    "forecasts": "Forecasts and recommendations",
    "source": "Source attribution",
}
"""How the export dialog names each section when offering it."""


@dataclass(frozen=True)
class ReportOptions:
    """The choices for one export.  ``speaker`` set means a brief on that speaker only."""

    page_size: str = "a4"
    sections: tuple[str, ...] = field(default=SECTIONS)
    speaker: str | None = None

    def __post_init__(self) -> None:
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
    """``"glance,chart"`` → ("glance", "chart"); ValueError naming an unknown or missing section."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not names:
        raise ValueError(f"name at least one section: {', '.join(SECTIONS)}")
    for name in names:
        if name not in SECTIONS:
            raise ValueError(f"unknown section {name!r}; choose from {', '.join(SECTIONS)}")
    return tuple(names)
