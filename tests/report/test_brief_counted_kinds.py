"""The brief counts the kinds the user chose, in the window (View ▸ Counted Kinds) and with --counted-kinds, and says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Kind
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings import AppSettings
from tests.factories import to_bytes, transport_panel
from tests.fakes import FakeDialogs

from .conftest import read_pdf
from .test_export_commands import run, without_display

DEFAULT_BASIS = "Based on 14 counted positions taken by 5 speakers"
DEFAULT_METHOD = (
    "Kinds counted: assessments, predictions and prescriptions; questions, history and chair's summaries are shown as "
    "context, never counted."
)


@pytest.fixture
def window(qtbot, tmp_path):
    """The window on the transport panel (a chair's summary, history and a question beside 14 counted positions)."""
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    dialogs = FakeDialogs()
    main = MainWindow(load_bytes(to_bytes(transport_panel())), settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main, dialogs


def test_window_brief_counts_all_six_kinds_when_all_are_ticked(window, tmp_path):
    """With every kind ticked in View ▸ Counted Kinds, the exported brief counts all 17 positions and its method box says so."""
    main, dialogs = window
    for action in main.analysis_actions.kind_actions.values():
        if not action.isChecked():
            action.trigger()
    assert main.document.counted_kinds == frozenset(Kind)
    dialogs.options_answer = ReportOptions()
    dialogs.save_answer = str(tmp_path / "brief.pdf")
    assert main.exports.export_pdf() == tmp_path / "brief.pdf"
    text = read_pdf(tmp_path / "brief.pdf").text
    assert "Based on 17 counted positions taken by 6 speakers" in text
    assert (
        "(assessments, predictions, prescriptions, questions, history and chair's summaries counted)"
    ) in text
    assert "0 further positions" not in text
    assert (
        "Kinds counted: all six kinds of position: assessments, predictions, prescriptions, questions, history and "
        "chair's summaries, as chosen for this brief (by default only assessments, predictions and prescriptions count)."
    ) in text
    assert "assessments, predictions and prescriptions counted" not in text
    assert "no counted position (history only)" not in text  # the old trams now have their one voice


def test_window_brief_with_the_default_kinds_is_unchanged(window, tmp_path):
    """With the default kinds the brief counts the 14 assessments, forecasts and recommendations, as before."""
    main, dialogs = window
    dialogs.options_answer = ReportOptions()
    dialogs.save_answer = str(tmp_path / "brief.pdf")
    assert main.exports.export_pdf() == tmp_path / "brief.pdf"
    text = read_pdf(tmp_path / "brief.pdf").text
    assert DEFAULT_BASIS in text and DEFAULT_METHOD in text
    assert "no counted position (history only)" in text


def test_command_line_brief_counts_the_kinds_named(tmp_path):
    """--export-pdf with --counted-kinds assessment,history counts those two kinds, and the method box names the choice."""
    data = tmp_path / "transport.seminar.json"
    data.write_bytes(to_bytes(transport_panel()))
    out = tmp_path / "brief.pdf"
    result = run("--export-pdf", str(out), "--counted-kinds", "assessment,history", str(data), env=without_display())
    assert result.returncode == 0, result.stderr
    text = read_pdf(out).text
    assert "Based on 10 counted positions" in text
    assert "(assessments and history counted; 7 further positions shown as context only)" in text
    assert (
        "Kinds counted: assessments and history, as chosen for this brief (by default only assessments, predictions and "
        "prescriptions count); predictions, prescriptions, questions and chair's summaries are shown as context, not counted."
    ) in text
    plain = tmp_path / "plain.pdf"
    assert run("--export-pdf", str(plain), str(data), env=without_display()).returncode == 0
    assert DEFAULT_BASIS in read_pdf(plain).text and DEFAULT_METHOD in read_pdf(plain).text
