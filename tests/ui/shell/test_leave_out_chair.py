"""View ▸ Counted Kinds ▸ Leave Out the Chair: every view counts without the chair's positions, and the window's export follows."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.ui.shell.main_window import MainWindow
from tests.factories import coded_panel, to_bytes

POSITIONS = [("host", "ties", 1, "assessment"), ("ada", "ties", 1, "assessment"), ("bo", "ties", 2, "prediction")]


def test_leaving_the_chair_out_changes_the_theme_page_and_the_exported_brief(qtbot, settings, dialogs, tmp_path):
    """Ticked: the theme drops to two voices and its page says the chair is left out; the PDF export is asked for the same."""
    main = MainWindow(load_bytes(to_bytes(coded_panel(POSITIONS))), settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    actions = main.analysis_actions
    main.selection.select_theme("ties")
    assert main.detail.subtitle.text().startswith("Theme \u00b7 3 voices")
    assert actions.chair_action is not None and not actions.chair_action.isChecked()
    actions.chair_action.trigger()
    assert main.document.without_chair
    assert main.detail.subtitle.text().startswith("Theme \u00b7 2 voices")
    assert "host" not in main.document.derived.analysis.compared_speakers
    dialogs.options_answer = ReportOptions(sections=("method",))
    dialogs.save_answer = str(tmp_path / "brief.pdf")
    main.exports.export_pdf()
    assert main.exports.last_options is not None and main.exports.last_options.without_chair
    actions.chair_action.trigger()
    assert not main.document.without_chair
    assert main.detail.subtitle.text().startswith("Theme \u00b7 3 voices")
