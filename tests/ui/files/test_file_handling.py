"""Files: a failed "Open it now?", the last folder, several files dropped, the on-screen sort in the PDF, long paths."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QLabel

from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.presentation.chart_layout import chart_rows
from desktop_app.presentation.elide import elide_long_words, elide_middle
from desktop_app.ui.dialogs import ProblemsDialog
from tests.factories import debate, panel, to_bytes


def _drop(window, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_open_it_now_says_plainly_when_no_viewer_opens_the_pdf(window, dialogs, tmp_path):
    """When no application opens the exported PDF, the user is told so, with where the file is."""
    dialogs.options_answer = ReportOptions(sections=("judgements",))
    dialogs.save_answer = str(tmp_path / "brief.pdf")
    dialogs.ask_answer = True
    dialogs.opens_externally = False
    window.exports.export_pdf()
    assert dialogs.named("open_externally") == [str(tmp_path / "brief.pdf")]
    (_title, message, _details), = dialogs.named("show_error")
    assert "No application opened brief.pdf" in message and str(tmp_path) in message


def test_file_dialogs_start_in_the_last_folder_used(window, dialogs, settings, tmp_path):
    """After saving a CSV into a folder, the next open and save dialogs start there."""
    folder = tmp_path / "work"
    folder.mkdir()
    dialogs.save_answer = str(folder / "positions.csv")
    window.exports.export_csv("positions")
    assert settings.last_folder == str(folder)
    window.choose_and_open()
    assert dialogs.named("open_seminar_path")[-1] == str(folder)
    dialogs.save_answer = None
    window.exports.export_csv("themes")
    _title, suggested, _filter = dialogs.named("save_path")[-1]
    assert suggested.startswith(str(folder))


def test_a_drop_of_several_files_opens_the_first_seminar_and_names_the_skipped(window, dialogs, tmp_path, qtbot):
    """Dropping a PNG, a broken file and a seminar opens the seminar and says the other two were skipped."""
    picture = tmp_path / "chart.png"
    picture.write_bytes(b"\x89PNG\r\n")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    good = tmp_path / "debate.seminar.json"
    good.write_bytes(to_bytes(debate()))
    extra = tmp_path / "panel.seminar.json"
    extra.write_bytes(to_bytes(panel()))
    _drop(window, [picture, broken, good, extra])
    qtbot.waitUntil(lambda: window.document.dataset.path == good)
    message = window.statusBar().currentMessage()
    assert "Opened debate.seminar.json" in message
    assert "chart.png" in message and "broken.json" in message and "panel.seminar.json" in message
    assert len(dialogs.named("show_problems")) == 1  # the broken file's problems were listed


def test_the_pdf_chart_follows_the_sort_on_screen(window, dialogs, tmp_path, monkeypatch):
    """With the chart sorted by controversy, the exported brief's chart is sorted the same way."""
    window.set_chart_sort("controversy")
    chosen = []

    def export_pdf(dataset, path, options, **_kwargs):
        chosen.append(options)
        raise __import__("desktop_app.report.errors", fromlist=["ExportFailed"]).ExportFailed("stopped by the test")

    monkeypatch.setattr("desktop_app.report.pdf.export_pdf", export_pdf)
    monkeypatch.setattr("desktop_app.report.pdf_job.export_pdf", export_pdf)  # the worker's own reference
    dialogs.options_answer = ReportOptions()
    dialogs.save_answer = str(tmp_path / "brief.pdf")
    window.exports.export_pdf()
    assert chosen[0].chart_sort == "controversy"
    rows = [row.theme_id for row in chart_rows(window.document.dataset, "controversy")]
    assert [row.theme_id for row in window.chart.rows()] == rows


def test_an_over_long_path_is_elided_in_the_middle_with_the_full_text_kept(window, qtbot):
    """A 100,000-character path in the banner is shown short, start and file name kept, and whole in the tooltip."""
    path = "/home/ana/" + "x" * 100_000 + "/seminar.json"
    window.set_banner(f"The last file opened, {path}, could not be opened.")
    shown = window.banner.message.text()
    assert len(shown) < 300 and shown.startswith("The last file opened, /home/ana/") and "seminar.json," in shown
    assert path in window.banner.message.toolTip()
    assert elide_middle("short.json") == "short.json"
    assert elide_long_words("a b c") == "a b c"


def test_the_problems_dialog_elides_an_over_long_file_name(qtbot):
    """The problems dialog's heading shows a 5,000-character file name shortened."""
    from desktop_app.model.format.problems import DatasetError, Problem

    error = DatasetError("/tmp/" + "n" * 5000 + ".json", [Problem((), "not JSON")])
    dialog = ProblemsDialog(error)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("was not opened" in text and len(text) < 400 for text in texts)


def test_screenshot_size_800x600_is_exactly_that(tmp_path):
    """--screenshot --size 800x600 gives an 800×600 picture; a size below the window's minimum is refused, with why."""
    out = tmp_path / "small.png"
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--screenshot", str(out), "--size", "800x600"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)
    refused = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--screenshot", str(out), "--size", "700x500"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert refused.returncode == 2 and "800x600 (the window's smallest)" in refused.stderr
