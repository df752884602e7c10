"""Fixtures for the export tests: briefs built once, read back with pypdf, and odd seminars to export."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest

from desktop_app.model.dataset import Dataset
from desktop_app.model.format.loader import load_bytes
from tests.factories import debate, to_bytes

GENERATED = dt.date(2025, 3, 14)
"""The generation date the test briefs carry, so their footers are known."""


def normalised(text: str) -> str:
    """Text as pypdf's reading of it can be compared.

    Every run of white space becomes one space (pypdf reads Qt's PDFs with tabs
    between words); a space pypdf puts between a bold word and the punctuation
    after it goes, and so does a line break after a hyphen ("Sino-" / "Russian").
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([,.;:)])", r"\1", text)
    return re.sub(r"(\w[-\u2011]) (\w)", r"\1\2", text)


@dataclass
class ReadPdf:
    """A PDF read back: its reader, and the normalised text of each page."""

    path: Path
    reader: pypdf.PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def read_pdf(path: Path) -> ReadPdf:
    reader = pypdf.PdfReader(str(path))
    return ReadPdf(path, reader, [normalised(page.extract_text() or "") for page in reader.pages])


@pytest.fixture(scope="session")
def export_brief(qapp, tmp_path_factory):
    """Builds a brief into a fresh folder and reads it back: ``export_brief(dataset, options)``."""
    from desktop_app.report.pdf import export_pdf

    def build(dataset: Dataset, options=None, name: str = "brief.pdf") -> ReadPdf:
        out = tmp_path_factory.mktemp("pdf") / name
        export_pdf(dataset, out, options, generated=GENERATED)
        return read_pdf(out)

    return build


@pytest.fixture(scope="session")
def default_brief(export_brief, default_dataset) -> ReadPdf:
    """The default seminar's whole brief on A4, built once for the session."""
    return export_brief(default_dataset)


@pytest.fixture(scope="session")
def rumer_brief(export_brief, default_dataset) -> ReadPdf:
    """A brief on one speaker of the default seminar (Eugene Rumer), on Letter paper."""
    from desktop_app.presentation.brief_options import ReportOptions

    return export_brief(default_dataset, ReportOptions(page_size="letter", speaker="rumer"))


MARKUP_NAME = "<b>Bob</b> & co"
MARKUP_THEME = "<i>Costs</i> & <u>benefits</u>"
MARKUP_TITLE = "A <script>alert(1)</script> debate & more"


def markup_debate_dict() -> dict[str, Any]:
    """The debate with markup in a name, a theme label, the title and a summary: all must show literally."""
    data = debate()
    data["seminar"]["title"] = MARKUP_TITLE
    data["speakers"][2]["name"] = MARKUP_NAME
    data["speakers"][2]["honorific"] = None
    data["themes"][1]["label"] = MARKUP_THEME
    data["positions"][1]["summary"] = 'Says "delay", then <br> costs, rising; a summary with, commas\nand a new line.'
    return data


@pytest.fixture(scope="session")
def markup_dataset() -> Dataset:
    return load_bytes(to_bytes(markup_debate_dict()), "markup.seminar.json")


@pytest.fixture(scope="session")
def debate_dataset() -> Dataset:
    return load_bytes(to_bytes(debate()), "debate.seminar.json")


