"""Exporting from the window: Ctrl+E and the File menu, with the dialogs answered by a stand-in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings import AppSettings
from tests.fakes import FakeDialogs

from .conftest import read_pdf


@pytest.fixture
def fake_dialogs():
    return FakeDialogs()


@pytest.fixture
def window(qtbot, panel_dataset, fake_dialogs, tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(panel_dataset, settings=settings, dialogs=fake_dialogs)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def test_ctrl_e_exports_the_pdf_and_offers_to_open_it(qtbot, window, fake_dialogs, tmp_path):
    """Ctrl+E asks for options and a file name, writes the brief, then opens it when the user says yes."""
    fake_dialogs.options_answer = ReportOptions(page_size="letter")
    fake_dialogs.save_answer = str(tmp_path / "my brief")  # no suffix typed: .pdf is added
    fake_dialogs.ask_answer = True
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    out = tmp_path / "my brief.pdf"
    qtbot.waitUntil(lambda: fake_dialogs.named("open_externally") == [str(out)])
    brief = read_pdf(out)
    assert {round(float(page.mediabox.width)) for page in brief.reader.pages} == {612}
    _title, suggested, file_filter = fake_dialogs.named("save_path")[0]
    assert suggested.endswith("panel-on-a-partnership.pdf")
    assert "*.pdf" in file_filter
    assert f"({len(brief.pages)} pages)" in fake_dialogs.named("ask")[0]
    assert fake_dialogs.named("show_error") == []


def test_the_selected_speaker_is_offered_to_the_options(qtbot, window, fake_dialogs, tmp_path):
    """With a speaker selected, the options dialog is told who, and the file name carries their name."""
    window.selection.select_speaker("ben")
    fake_dialogs.options_answer = ReportOptions(speaker="ben", sections=("speakers",))
    fake_dialogs.save_answer = str(tmp_path / "ben.pdf")
    assert window.exports.export_pdf() == tmp_path / "ben.pdf"
    assert fake_dialogs.named("export_options")[0] == ("ben", None)
    assert fake_dialogs.named("save_path")[0][1].endswith("-ben-bly.pdf")
    assert "Hill University" in read_pdf(tmp_path / "ben.pdf").text
    assert fake_dialogs.named("open_externally") == []  # the user said no


def test_cancelling_the_options_writes_nothing(qtbot, window, fake_dialogs, tmp_path):
    """Cancelling the options dialog asks for no file name and writes nothing."""
    fake_dialogs.options_answer = None
    assert window.exports.export_pdf() is None
    assert fake_dialogs.named("save_path") == []
    assert list(tmp_path.glob("*.pdf")) == []


def test_cancelling_the_file_dialog_writes_nothing(qtbot, window, fake_dialogs, tmp_path):
    """Choosing options, then cancelling the file dialog, writes nothing and offers nothing to open."""
    fake_dialogs.options_answer = ReportOptions()
    fake_dialogs.save_answer = None
    assert window.exports.export_pdf() is None
    assert fake_dialogs.named("ask") == []


def test_a_failed_export_shows_why(qtbot, window, fake_dialogs, tmp_path):
    """Exporting into a missing folder shows an error dialog naming the reason; the app carries on."""
    fake_dialogs.options_answer = ReportOptions(sections=("themes",))
    fake_dialogs.save_answer = str(tmp_path / "gone" / "brief.pdf")
    assert window.exports.export_pdf() is None
    (title, message, _details), = fake_dialogs.named("show_error")
    assert title == "Export failed"
    assert "the folder does not exist" in message
    assert fake_dialogs.named("ask") == []
    assert window.exports.last_options == ReportOptions(sections=("themes",))


def test_export_actions_sit_in_the_file_menu_above_quit(window):
    """File lists Export PDF… (Ctrl+E) and the Export CSV submenu before Quit; the toolbar has Export PDF…."""
    texts = [action.text() for action in window.file_menu.actions()]
    assert texts.index("Export &PDF\u2026") < texts.index("&Quit")
    assert texts.index("Export &CSV") < texts.index("&Quit")
    assert window.exports.pdf_action.shortcut().toString() == "Ctrl+E"
    assert window.exports.pdf_action in window.toolbar.actions()


@pytest.mark.parametrize(
    "kind, header", [("positions", "position_id"), ("matrix", "speaker_id"), ("themes", "theme_id"), ("pairs", "speaker_a_id")]
)
def test_csv_menu_exports(qtbot, window, fake_dialogs, tmp_path, kind, header):
    """The Export CSV entries write the positions, the stance matrix, the themes or the pairs to the chosen file."""
    fake_dialogs.save_answer = str(tmp_path / f"{kind}.csv")
    getattr(window.exports, f"csv_{kind}_action").trigger()
    text = (tmp_path / f"{kind}.csv").read_text(encoding="utf-8-sig")
    assert text.startswith(header)
    assert fake_dialogs.named("show_error") == []


def test_cancelling_the_pdf_progress_leaves_the_old_file_untouched(qtbot, window, fake_dialogs, tmp_path, monkeypatch):
    """Clicking Cancel in the export's progress dialog writes nothing: the file already there keeps its bytes."""
    import threading

    from PySide6.QtWidgets import QPushButton

    from desktop_app.report import pdf_job

    folder = tmp_path / "briefs"
    folder.mkdir()
    old = folder / "brief.pdf"
    old.write_bytes(b"%PDF-1.4 the brief exported last week")
    fake_dialogs.options_answer = ReportOptions()
    fake_dialogs.save_answer = str(old)
    window.exports.progress_after_ms = 0
    clicked = threading.Event()
    real_export = pdf_job.export_pdf

    def export_held_after_the_first_page(*args, progress, **kwargs):
        # The worker waits on page 1 until the test has clicked Cancel, however fast the brief is.
        def painted(done: int, total: int) -> None:
            progress(done, total)
            if done == 1:
                clicked.wait(10)

        return real_export(*args, progress=painted, **kwargs)

    monkeypatch.setattr(pdf_job, "export_pdf", export_held_after_the_first_page)
    steps: list[tuple[str, float]] = []

    def click_cancel_on_the_first_page(words: str, share: float) -> None:
        steps.append((words, share))
        dialog = window.exports.progress_dialog
        if words.startswith("Writing page 1 ") and not clicked.is_set():
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
            clicked.set()

    window.exports.pdfProgressed.connect(click_cancel_on_the_first_page)
    assert window.exports.export_pdf() is None
    assert clicked.is_set()
    assert old.read_bytes() == b"%PDF-1.4 the brief exported last week"
    assert list(folder.iterdir()) == [old]  # no temporary file left beside it either
    assert steps[-1][0].startswith("Writing page 1 ")  # nothing reported after the Cancel
    assert "PDF export cancelled" in window.statusBar().currentMessage()
    assert fake_dialogs.named("show_error") == [] and fake_dialogs.named("ask") == []
    assert window.exports.progress_dialog is None


def test_the_pdf_progress_only_grows_and_ends_on_the_last_page(qtbot, window, fake_dialogs, tmp_path):
    """The progress the window shows (read from the export's worker) only ever grows, and ends on the brief's last page."""
    fake_dialogs.options_answer = ReportOptions()
    fake_dialogs.save_answer = str(tmp_path / "brief.pdf")
    steps: list[tuple[str, float]] = []
    window.exports.pdfProgressed.connect(lambda words, share: steps.append((words, share)))
    assert window.exports.export_pdf() == tmp_path / "brief.pdf"
    pages = len(read_pdf(tmp_path / "brief.pdf").pages)
    assert steps[-1] == (f"Writing page {pages} of {pages}", 1.0)
    shares = [share for _, share in steps]
    assert shares == sorted(shares)


def test_widgets_waiting_to_be_deleted_go_before_the_export_thread_starts(qtbot, window, fake_dialogs, tmp_path, monkeypatch):
    """A widget left to deleteLater (a closed dialog) is deleted before the PDF's thread starts, never during it.

    Deleted inside the wait for the thread, its destructor would hold Qt's connection lock while waiting
    for Python's, which the thread holds while its text layout waits for that same Qt lock.
    """
    from PySide6.QtWidgets import QLabel, QWidget

    from desktop_app.report.pdf_job import PdfExportJob

    events: list[str] = []
    closed = QWidget()
    QLabel("a closed dialog's text", closed)
    closed.destroyed.connect(lambda: events.append("deleted"))
    start = PdfExportJob.start

    def started(job, *args):
        events.append("thread started")
        return start(job, *args)

    monkeypatch.setattr(PdfExportJob, "start", started)
    closed.deleteLater()
    fake_dialogs.options_answer = ReportOptions()
    fake_dialogs.save_answer = str(tmp_path / "brief.pdf")
    assert window.exports.export_pdf() == tmp_path / "brief.pdf"
    assert events == ["deleted", "thread started"]
