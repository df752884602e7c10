"""File ▸ New from Transcript or Report in the window: the new seminar opens unsaved; bad files leave the open one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop_app.model.edits import Insert
from desktop_app.model.importers.mapping import LabelMapping, build_seminar
from desktop_app.model.loader import load, save
from desktop_app.model.schema import Kind, Position, Theme
from desktop_app.presentation.detail_html import Ink, speaker_html
from desktop_app.report.csv_export import position_rows
from desktop_app.ui.import_actions import open_imported
from tests.model.importers.checks import FIXTURES
from tests.model.importers.test_pdf import text_pdf


def code_one_position(window, speaker: str, excerpt: str) -> None:
    """What the coding editor will do: add a theme, then a position on it, through the document."""
    window.document.apply(Insert(Theme(id="quay", label="The quay", order=1)))
    window.document.apply(
        Insert(
            Position(
                id="p1", speaker=speaker, theme="quay", stance=-1, kind=Kind.ASSESSMENT,
                summary="The quay floods too often.", excerpt=excerpt,
            )
        )
    )


def test_the_menu_offers_the_import_between_new_and_open(window):
    """File lists New, then New from Transcript or Report, then Open, enabled once a seminar shows."""
    actions = window.file_menu.actions()
    at = actions.index(window.imports.action)
    assert actions[at - 1] is window.saving.new_action and actions[at + 1] is window.open_action
    assert window.imports.action.isEnabled()


def test_an_imported_vtt_opens_as_a_new_unsaved_seminar(window, dialogs, qtbot):
    """Picking a Zoom VTT and confirming the preview opens its speakers and turns, with no path, marked modified."""
    dialogs.transcript_answer = str(FIXTURES / "zoom.vtt")
    with qtbot.waitSignal(window.imports.opened):
        window.imports.action.trigger()
    dataset = window.document.dataset
    assert dataset.path is None and dataset.seminar.title == "zoom"
    assert [s.name for s in dataset.speakers] == ["Mira Castellan", "Joss Whitlock"]
    assert len(dataset.seminar.source.turns) == 3 and dataset.positions == ()
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    assert window.speaker_list.proxy.rowCount() == 2


def test_cancelling_the_preview_creates_nothing(window, dialogs, default_dataset):
    """Cancel in the preview leaves the open seminar as it was."""
    dialogs.transcript_answer = str(FIXTURES / "zoom.vtt")
    dialogs.preview_answer = None
    window.imports.choose_and_import()
    assert dialogs.named("import_preview") and window.document.dataset is default_dataset


@pytest.mark.parametrize(
    ("name", "where", "said"),
    [("no_header.vtt", "line 1", "WEBVTT"), ("truncated.srt", "cue 2", ""), ("overlap.vtt", "cue", "")],
)
def test_a_bad_file_is_explained_and_the_open_seminar_stays(window, dialogs, default_dataset, name, where, said):
    """A malformed transcript shows its problem and where it is, and the seminar already open stays open."""
    title = window.windowTitle()
    window.imports.import_path(FIXTURES / name)
    [(heading, message, _)] = dialogs.named("show_error")
    assert heading == "Import failed" and f"{name}: " in message and where in message and said in message
    assert "stays open" in message and "Traceback" not in message
    assert window.document.dataset is default_dataset and window.windowTitle() == title
    assert not dialogs.named("import_preview")


def test_a_pdf_is_read_in_the_background_then_previewed(window, dialogs, qtbot, tmp_path):
    """A PDF report is read off the GUI thread, page by page, and opens as a source with no turns."""
    path = tmp_path / "harbour-report.pdf"
    path.write_bytes(text_pdf([["The council met on a windy Tuesday."], ["The meeting closed at nine."]]))
    pages: list[tuple[int, int]] = []
    window.imports.progressed.connect(lambda done, total: pages.append((done, total)))
    window.imports.progress_after_ms = 0
    progress_seen: list[bool] = []

    def confirm(parent, path, transcript, reread):
        # The progress dialog is put away for good before the preview shows, not left to reappear over it.
        progress_seen.append(any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
        return build_seminar(transcript, LabelMapping.initial(transcript), "Harbour report")

    dialogs.preview_answer = confirm
    with qtbot.waitSignal(window.imports.opened, timeout=20_000):
        window.imports.import_path(path)
    assert not window.imports.busy and pages[-1] == (2, 2) and progress_seen == [False]
    source = window.document.dataset.seminar.source
    assert source.turns == [] and "windy Tuesday" in source.text and "closed at nine" in source.text


def test_an_empty_pdf_in_the_background_is_explained(window, dialogs, qtbot, tmp_path, default_dataset):
    """A file named .pdf that is no PDF fails in the worker with its message, and nothing changes."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"not a pdf at all")
    with qtbot.waitSignal(window.imports.failed, timeout=20_000):
        window.imports.import_path(path)
    [(_, message, _)] = dialogs.named("show_error")
    assert "scan.pdf: (file): this is not a PDF file" in message
    assert window.document.dataset is default_dataset


def test_the_source_margin_names_each_turns_speaker_and_time(window, dialogs):
    """After a VTT import the Source tab's margin shows each turn's speaker and start time, the text itself untouched."""
    dialogs.transcript_answer = str(FIXTURES / "zoom.vtt")
    window.imports.choose_and_import()
    window.show_tab("source")
    text = window.source.text
    assert text.margin_labels() == ["Mira Castellan \u00b7 0:01", "Joss Whitlock \u00b7 0:08", "Mira Castellan \u00b7 0:15"]
    assert text.margin.isVisible() and text.margin_width() >= 96
    assert text.toPlainText() == window.document.dataset.seminar.source.text
    place = window.document.dataset.seminar.source.text.index("walked the new quay")
    assert text.turn_at(place).name == "Joss Whitlock"


def test_the_margin_is_gone_for_a_report_without_turns(window):
    """The default seminar, a report with no turns, shows no margin."""
    window.show_tab("source")
    assert window.source.text.margin_labels() == [] and not window.source.text.margin.isVisible()


def test_a_position_in_a_turn_shows_its_time_in_detail_and_csv(window, dialogs):
    """A position coded in Joss Whitlock's turn reads 'at 0:08' in the detail panel and 0:00:08 in the CSV."""
    dialogs.transcript_answer = str(FIXTURES / "zoom.vtt")
    window.imports.choose_and_import()
    code_one_position(window, "joss-whitlock", "It floods at every spring tide")
    dataset = window.document.dataset
    assert "at 0:08" in speaker_html(dataset, "joss-whitlock", Ink())
    header, row = position_rows(dataset)
    assert header[-1] == "time" and row[-1] == "0:00:08"
    window.selection.select_speaker("joss-whitlock")
    assert "at 0:08" in window.detail.body.toPlainText()


def test_import_code_save_load_round_trip(window, dialogs, tmp_path):
    """A seminar imported in the window, with one position coded, saves and loads back equal."""
    dialogs.transcript_answer = str(FIXTURES / "teams.vtt")
    window.imports.choose_and_import()
    code_one_position(window, "tobias-renn", "I would like to add a third.")
    model = window.document.dataset.model
    path = tmp_path / "agenda.seminar.json"
    save(model, path)
    assert load(path).model == model


def test_open_imported_replaces_the_seminar_and_clears_the_selection(window, default_dataset):
    """open_imported, the one door for an imported seminar, shows it in every view at once."""
    from desktop_app.model.importers.reading import import_file

    window.selection.select_speaker(default_dataset.speakers[0].id)
    transcript = import_file(FIXTURES / "panel.srt")
    open_imported(window, build_seminar(transcript, LabelMapping.initial(transcript), "Library panel"))
    assert window.windowTitle().startswith("Library panel[*]")
    assert window.selection.focus.speaker is None
    assert window.speaker_list.proxy.rowCount() == 2
    assert window.status_counts.text().startswith("2 speakers")
