"""The event's own words everywhere: a seminar whose poles are "opposition" and "support" never reads "convergence"."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.report.csv_export import export_csv
from desktop_app.report.pdf import export_pdf
from desktop_app.ui.files.export_dialog import ExportOptionsDialog
from tests.factories import city_panel, to_bytes

DEFAULT_WORDS = re.compile(r"convergen|divergen|consensus and diverg", re.IGNORECASE)


@pytest.fixture
def city_dataset():
    return load_bytes(to_bytes(city_panel()), "city.seminar.json")


def _widget_strings(root: QWidget) -> list[str]:
    strings = []
    for widget in [root, *root.findChildren(QWidget)]:
        strings += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.statusTip(), widget.windowTitle()]
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            strings.append(widget.text())
        if isinstance(widget, QLineEdit):
            strings.append(widget.placeholderText())
    for action in root.findChildren(QAction):
        strings += [action.text(), action.toolTip(), action.statusTip()]
    return strings


def test_no_surface_uses_the_default_scale_words_for_a_support_opposition_seminar(open_window, city_dataset, tmp_path, qtbot):
    """Window widgets, every detail page, chart tooltips, the export dialog, the PDF and every CSV speak of support and opposition."""
    window = open_window(city_dataset)
    strings = []
    pages = [("none", None)] + [("speaker", s.id) for s in city_dataset.speakers] + [("theme", t.id) for t in city_dataset.themes]
    for kind, target in pages:
        if kind == "speaker":
            window.selection.select_speaker(target)
        elif kind == "theme":
            window.selection.select_theme(target)
        else:
            window.selection.clear()
        strings.append(window.detail.body.toPlainText())
        strings += _widget_strings(window)
    window.selection.select_pair("lin", "wu")
    strings.append(window.detail.body.toPlainText())
    chart = window.ensure_chart()
    strings += [chart.tooltip(row) for row in range(len(chart.rows()))]
    for tab in range(window.tabs.count()):
        strings.append(window.tabs.tabText(tab))

    dialog = ExportOptionsDialog(city_dataset, None, None, window)
    qtbot.addWidget(dialog)
    strings += _widget_strings(dialog)

    pdf = tmp_path / "city.pdf"
    export_pdf(city_dataset, pdf, ReportOptions())
    strings += [page.extract_text() for page in PdfReader(str(pdf)).pages]
    for kind in ("positions", "matrix", "themes", "pairs"):
        out = export_csv(city_dataset, tmp_path / f"{kind}.csv", kind)
        strings.append(out.read_text(encoding="utf-8-sig"))

    text = "\n".join(s for s in strings if s)
    assert "support" in text and "opposition" in text  # the seminar's own words are there
    found = sorted({match.group() for match in DEFAULT_WORDS.finditer(text)})
    lines = [line for line in text.splitlines() if DEFAULT_WORDS.search(line)]
    assert not found, lines[:10]


def test_the_person_who_led_the_event_is_labelled_by_their_role(open_window, city_dataset, tmp_path):
    """A moderator is called Moderator in the overview and the PDF, not Chair."""
    window = open_window(city_dataset)
    window.selection.clear()
    overview = window.detail.body.toPlainText()
    assert "Moderator" in overview and "Chair" not in overview
    pdf = tmp_path / "city.pdf"
    export_pdf(city_dataset, pdf, ReportOptions(sections=("judgements",)))
    first_page = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    assert "Moderator" in first_page and "Chair" not in first_page
