"""A seminar with no counted position yet (a fresh import, or only context kinds counted) exports every brief and CSV."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QSettings

from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Kind
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.report.csv_export import CSV_KINDS, ENCODING
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings import AppSettings
from tests.factories import coded_panel, to_bytes
from tests.fakes import FakeDialogs

from .conftest import read_pdf
from .test_export_commands import run, without_display

NOTHING_COUNTED = "Nothing is counted yet"
CHART_NOTE = "Each block is one speaker"
"""The chart's caption, printed under a drawn chart."""


def no_positions() -> dict:
    """Speakers and themes, no position: what an import gives before any coding."""
    return coded_panel([], speakers=("chair", "ann", "bob"), themes=("trade", "energy"))


def only_context() -> dict:
    """Positions of uncounted kinds only: a chair's summary and an open question."""
    return coded_panel([("ann", "trade", 1, "summary"), ("bob", "trade", -1, "question")], speakers=("chair",))


def assessed() -> dict:
    """Three assessments on one theme: counted by default, nothing of them under ``--counted-kinds summary``."""
    return coded_panel([("ann", "trade", 1, "assessment"), ("bob", "trade", 2, "assessment"), ("cid", "trade", -1, "assessment")])


def all_awaiting() -> dict:
    """Assessments that all await a stance: what a project imported from another tool gives."""
    return coded_panel([("ann", "trade", None, "assessment"), ("bob", "trade", None, "assessment")], speakers=("chair",))


CASES = {
    "no positions": (no_positions, ()),
    "every position awaiting a stance": (all_awaiting, ()),
    "only context kinds": (only_context, ()),
    "counting summaries only": (assessed, ("--counted-kinds", "summary")),
}


@pytest.mark.parametrize("case", CASES)
def test_command_line_exports_a_seminar_with_nothing_counted(case, tmp_path):
    """--export-pdf and every --csv-kind exit 0 on a seminar with no counted position, and the brief says so plainly."""
    make, extra = CASES[case]
    data = tmp_path / "fresh.seminar.json"
    data.write_bytes(to_bytes(make()))
    out = tmp_path / "brief.pdf"
    result = run("--export-pdf", str(out), *extra, str(data), env=without_display())
    assert result.returncode == 0, result.stderr
    assert "unexpected error" not in result.stderr
    brief = read_pdf(out)
    assert NOTHING_COUNTED in brief.text
    assert "so there is no chart to draw" in brief.text
    assert "so there are no speakers to compare" in brief.text
    assert CHART_NOTE not in brief.text  # no empty chart drawn
    for kind in CSV_KINDS:
        table = tmp_path / f"{kind}.csv"
        result = run("--export-csv", str(table), "--csv-kind", kind, *extra, str(data))
        assert result.returncode == 0, (kind, result.stderr)
        with open(table, newline="", encoding=ENCODING) as stream:
            rows = list(csv.reader(stream))
        assert rows[0], kind
    with open(tmp_path / "pairs.csv", newline="", encoding=ENCODING) as stream:
        assert len(list(csv.reader(stream))) == 1  # the header, and no pair


def test_the_brief_names_why_nothing_is_counted(export_brief):
    """The bottom line says whether nothing was coded or what was coded is not of a counted kind."""
    empty = export_brief(load_bytes(to_bytes(no_positions())), name="empty.pdf")
    assert "Nothing is counted yet: no position has been coded" in empty.text
    awaiting = export_brief(load_bytes(to_bytes(all_awaiting())), name="awaiting.pdf")
    assert "Nothing is counted yet: all 2 positions coded await a stance" in awaiting.text
    assert "2 positions await a stance and are left out of every figure" in awaiting.text  # the method box
    context = export_brief(load_bytes(to_bytes(only_context())), name="context.pdf")
    assert "none of the 2 positions coded is of a counted kind (assessments, predictions and prescriptions)" in context.text


def open_window(qtbot, tmp_path, data: dict) -> tuple[MainWindow, FakeDialogs]:
    """The window on ``data``, its settings in ``tmp_path`` and its dialogs answered by a stand-in."""
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    dialogs = FakeDialogs()
    main = MainWindow(load_bytes(to_bytes(data)), settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main, dialogs


@pytest.mark.parametrize("case", ["no positions", "counting summaries only"])
def test_window_exports_a_seminar_with_nothing_counted(case, qtbot, tmp_path):
    """The window's PDF export (Ctrl+E's) and every Export CSV entry write their file, with no error dialog."""
    window, dialogs = open_window(qtbot, tmp_path, CASES[case][0]())
    if case == "counting summaries only":
        window.document.set_counted_kinds({Kind.SUMMARY})
    dialogs.options_answer = ReportOptions()
    dialogs.save_answer = str(tmp_path / "brief.pdf")
    assert window.exports.export_pdf() == tmp_path / "brief.pdf"
    brief = read_pdf(tmp_path / "brief.pdf")
    assert NOTHING_COUNTED in brief.text and CHART_NOTE not in brief.text
    for kind in CSV_KINDS:
        dialogs.save_answer = str(tmp_path / f"{kind}.csv")
        assert window.exports.export_csv(kind) == tmp_path / f"{kind}.csv"
        assert (tmp_path / f"{kind}.csv").stat().st_size > 0
    assert dialogs.named("show_error") == []
