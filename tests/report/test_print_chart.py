"""The brief's chart hatches its tentative rows, as its caption says and as the window does, in the PDF as written."""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
from PySide6.QtGui import QColor

from desktop_app.model.format.loader import load_bytes
from desktop_app.painting.chart_glyphs import TENTATIVE_FILL, mixed
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.presentation.chart_layout import chart_rows
from desktop_app.presentation.colours import PAPER, hex_to_rgb, stance_hex
from desktop_app.report.pdf import export_pdf
from tests.factories import coded_panel, to_bytes


def one_theme(stances: list[int]):
    """A seminar with a silent chair and one theme, on which speakers a, b, c, ... take ``stances``."""
    positions = [(chr(ord("a") + number), "t", stance, "assessment") for number, stance in enumerate(stances)]
    return load_bytes(to_bytes(coded_panel(positions, speakers=("chair",))))


def fill_pixels(dataset, tmp_path, band: int) -> tuple[int, int]:
    """Pixels of the chart's page in the faded fill of ``band``'s tentative blocks, and in ``band``'s full colour."""
    out = tmp_path / "chart.pdf"
    export_pdf(dataset, out, ReportOptions(sections=("chart",)))
    page = pdfium.PdfDocument(str(out))[0]
    pixels = page.render(scale=2, rev_byteorder=True).to_numpy()[:, :, :3].astype(int)
    full = QColor(stance_hex(band))
    faded = mixed(full, QColor(PAPER), TENTATIVE_FILL)

    def count(colour: QColor) -> int:
        return int((np.abs(pixels - np.array(hex_to_rgb(colour.name()))).max(axis=2) <= 8).sum())

    return count(faded), count(full)


def test_a_tentative_row_is_hatched_in_the_pdf(qapp, tmp_path):
    """Three voices where dropping the one dissenter flips the verdict: the PDF shows the row's blocks faded between hatch lines."""
    tentative = one_theme([1, 1, -1])
    (row,) = chart_rows(tentative)
    assert row.tentative
    # The dissenter's colour: the legend's own tentative key is drawn in the other pole's.
    faded, full = fill_pixels(tentative, tmp_path, -1)
    assert faded > 100, "the faded fill between the hatch lines"
    assert full > 300, "the hatch lines and outline in the block's full colour"


def test_a_firm_row_is_solid_in_the_pdf(qapp, tmp_path):
    """Five voices that no single drop or step can reconcile: the PDF shows the row's blocks solid, with no faded fill."""
    firm = one_theme([1, 1, 1, -1, -1])
    (row,) = chart_rows(firm)
    assert not row.tentative
    faded, full = fill_pixels(firm, tmp_path, -1)
    assert faded < 20
    assert full > 1000


def test_a_row_below_three_voices_says_too_few_voices_in_the_pdf(qapp, tmp_path):
    """Two voices: the printed chart's note reads "too few voices", as the window's does."""
    out = tmp_path / "chart.pdf"
    export_pdf(one_theme([1, -1]), out, ReportOptions(sections=("chart",)))
    text = pdfium.PdfDocument(str(out))[0].get_textpage().get_text_range()
    assert "too few voices" in text
