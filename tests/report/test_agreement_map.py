"""The brief's agreement map reads as the window's: the same colour for the same cell, the same hatching, the same legend."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QTextDocument, QTextFormat, QTextTable

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.agreement_legend import SCALE_LEGEND, THIN_LEGEND
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.report.agreement_keys import KEY_NAME, KEY_OBJECT, paint_agreement_parts
from desktop_app.report.brief_html import SCALE_KEY_IMAGE, THIN_KEY_IMAGE, THIN_PAIR_SHADE, build_brief
from desktop_app.report.pdf import pair_cell_hex
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.views.agreement_view import AgreementModel
from tests.factories import coded_panel, to_bytes

# a, b and c share four themes with different stance mixes; d shares one theme with each of them.
POSITIONS = [
    ("a", "one", 1, "assessment"), ("b", "one", 1, "assessment"), ("c", "one", -1, "assessment"),
    ("a", "two", 2, "prediction"), ("b", "two", 1, "prediction"), ("c", "two", 2, "prescription"),
    ("a", "three", -1, "assessment"), ("b", "three", -2, "assessment"), ("c", "three", 0, "assessment"),
    ("a", "four", 0, "assessment"), ("b", "four", 2, "assessment"), ("c", "four", 1, "assessment"),
    ("d", "one", 0, "assessment"),
]


@pytest.fixture
def dataset():
    return load_bytes(to_bytes(coded_panel(POSITIONS, speakers=("chair",))))


class _Cells(HTMLParser):
    """The background colour of every ``<td>`` of the matrix (the tables of class "whole"), row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str | None]] = []
        self._in_matrix = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self._in_matrix = attributes.get("class") == "whole"
        elif self._in_matrix and tag == "tr":
            self.rows.append([])
        elif self._in_matrix and tag == "td" and self.rows:
            style = attributes.get("style") or ""
            colour = next((part.split(":", 1)[1].strip() for part in style.split(";") if part.strip().startswith("background-color")), None)
            self.rows[-1].append(colour)

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_matrix = False


def brief_html(dataset) -> str:
    return build_brief(
        dataset,
        ReportOptions(sections=("agreement",)),
        generated=dt.date(2025, 3, 14),
        body_width=640,
        chart_height=lambda rows: 100,
        cell_hex=pair_cell_hex,
    ).html


def test_every_cell_has_the_windows_colour_in_the_brief(qapp, dataset):
    """Cell by cell, the brief's matrix fills a compared pair with the colour the window's map gives it, and a thin pair with the hatching's shade."""
    model = AgreementModel(SeminarDocument(dataset))
    parser = _Cells()
    parser.feed(brief_html(dataset))
    rows = [cells[1:] for cells in parser.rows if cells]  # the first cell is the speaker's name
    count = model.rowCount()
    assert count == 4 and len(rows) == count
    compared = thin = 0
    for row in range(count):
        for column in range(count):
            if row == column:
                continue
            shown = model.index(row, column).data(Qt.ItemDataRole.BackgroundRole)
            printed = rows[row][column]
            if isinstance(shown, QBrush):
                assert shown.style() == Qt.BrushStyle.BDiagPattern
                assert printed == THIN_PAIR_SHADE
                thin += 1
            elif shown is not None:
                assert printed == shown.name()
                compared += 1
    assert compared == 6 and thin == 6
    colours = {rows[row][column] for row in range(3) for column in range(3) if row != column}
    assert len(colours) > 1, "the pairs' colours differ, so the comparison says something"


def test_the_brief_paints_the_windows_keys_and_hatches_thin_pairs(qapp, dataset):
    """Laid out, the brief's map holds the scale's and the hatching's keys as painted objects, and its thin pairs' cells are hatched as in the window."""
    html = brief_html(dataset)
    assert SCALE_KEY_IMAGE in html and THIN_KEY_IMAGE in html
    document = QTextDocument()
    document.setHtml(html)
    handler = paint_agreement_parts(document, document)
    assert handler is not None
    keys = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            text_format = fragments.fragment().charFormat()
            if text_format.objectType() == KEY_OBJECT:
                keys.append(text_format.property(KEY_NAME))
            fragments += 1
        block = block.next()
    assert keys == [SCALE_KEY_IMAGE, THIN_KEY_IMAGE]
    model = AgreementModel(SeminarDocument(dataset))
    window_hatching = model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole)  # a and d share one theme
    assert isinstance(window_hatching, QBrush)
    hatched = []
    frames = list(document.rootFrame().childFrames())
    while frames:
        frame = frames.pop()
        frames.extend(frame.childFrames())
        if isinstance(frame, QTextTable):
            for row in range(frame.rows()):
                for column in range(frame.columns()):
                    cell_format = frame.cellAt(row, column).format()
                    if cell_format.hasProperty(QTextFormat.Property.BackgroundBrush):
                        brush = cell_format.background()
                        if brush.style() == Qt.BrushStyle.BDiagPattern:
                            hatched.append(brush.color())
    assert len(hatched) == 6
    assert all(colour == window_hatching.color() for colour in hatched)


def test_the_pdf_gives_the_windows_legend(export_brief, dataset):
    """The written PDF's agreement section carries the window's two legend lines."""
    text = export_brief(dataset, ReportOptions(sections=("agreement",))).text
    assert SCALE_LEGEND in text.replace("\u2019", "'")
    assert THIN_LEGEND in text


class _Inks(HTMLParser):
    """Every ``<td>`` that sets both a fill and an ink: ``(background, colour)``."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag != "td":
            return
        parts = {
            key.strip(): value.strip()
            for key, _, value in (part.partition(":") for part in (dict(attrs).get("style") or "").split(";"))
        }
        if "background-color" in parts and "color" in parts:
            self.pairs.append((parts["background-color"], parts["color"]))


@pytest.mark.parametrize("speaker", [None, "a"], ids=["matrix", "one speaker's list"])
def test_every_agreement_figure_in_the_brief_reads_at_wcag_aa_over_the_whole_scale(qapp, dataset, speaker):
    """Whatever step of the colour scale a pair's cell takes, its figure's ink has at least 4.5:1 contrast with it."""
    from desktop_app.presentation.colours import beyond_chance_hex
    from desktop_app.presentation.contrast import contrast_ratio

    steps = [beyond_chance_hex(step / 200) for step in range(201)]
    waiting = list(steps)
    printed: set[str] = set()
    while waiting:
        parser = _Inks()
        parser.feed(
            build_brief(
                dataset,
                ReportOptions(sections=("agreement",), speaker=speaker),
                generated=dt.date(2025, 3, 14),
                body_width=640,
                chart_height=lambda rows: 100,
                cell_hex=lambda corrected: waiting.pop() if waiting else steps[0],
            ).html
        )
        assert parser.pairs
        for fill, ink in parser.pairs:
            printed.add(fill)
            assert contrast_ratio(ink, fill) >= 4.5, f"{ink} on {fill}"
    assert set(steps) <= printed
