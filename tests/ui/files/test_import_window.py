"""File ▸ New from Transcript or Report in the window: the new seminar opens unsaved; bad files leave the open one."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop_app.model.editing.edits import Insert
from desktop_app.model.format.loader import load
from desktop_app.model.format.schema import Kind, Position, Theme
from desktop_app.model.importers.mapping import LabelMapping, build_seminar
from desktop_app.model.importers.reading import import_file
from desktop_app.presentation.detail_html import Ink, speaker_html
from desktop_app.report.csv_export import position_rows
from desktop_app.ui.files.import_actions import open_imported, placeholder_text
from desktop_app.ui.files.import_dialog import ImportDialog
from tests.model.importers.checks import FIXTURES
from tests.model.importers.test_pdf import text_pdf
from tests.ui.editing.test_coding import code_from_keyboard, select


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


def test_import_code_save_load_round_trip(qtbot, window, dialogs, tmp_path):
    """Import a Teams VTT through the menu, code one position from a selection, Save (asked where), load: the same seminar, turns and all."""
    dialogs.transcript_answer = str(FIXTURES / "teams.vtt")
    window.imports.action.trigger()
    add_theme(window, dialogs)
    code_from_keyboard(qtbot, window, "I would like to add a third.", Qt.Key.Key_1, Qt.Key.Key_W, Qt.Key.Key_S, "Wants a third item.")
    [position] = window.document.dataset.positions
    assert position.speaker == "tobias-renn" and position.excerpt == "I would like to add a third."
    path = tmp_path / "agenda.seminar.json"
    dialogs.save_answer = str(path)
    window.saving.save_action.trigger()
    assert dialogs.named("save_path") and not window.isWindowModified()
    saved = window.document.dataset.model
    assert window.open_path(path) is not None
    loaded = window.document.dataset
    assert load(path).model == saved == loaded.model and loaded.path == path.resolve()
    assert [turn.speaker for turn in loaded.seminar.source.turns] == ["ilse-varga", "tobias-renn", "ilse-varga"]


def add_theme(window, dialogs) -> None:
    """Add one theme through Edit ▸ Add Theme (the coding editor needs one)."""
    dialogs.theme_answer = Theme(id="new", label="The agenda", order=0)
    window.coding.manager.add_theme_action.trigger()


def imported_model(name: str):
    """The seminar the preview confirms for a fixture, as the fake dialogs build it."""
    from desktop_app.model.importers.mapping import title_from_path
    from desktop_app.model.importers.reading import import_file

    transcript = import_file(FIXTURES / name)
    return build_seminar(transcript, LabelMapping.initial(transcript), title_from_path(str(FIXTURES / name)))


def test_the_import_is_one_step_that_undo_takes_back_to_an_empty_new_seminar(window, dialogs):
    """Undo after an import leaves an empty new seminar (no speakers, turns or path); Redo brings the import back exactly."""
    dialogs.transcript_answer = str(FIXTURES / "zoom.vtt")
    window.imports.action.trigger()
    stack = window.document.undo_stack
    assert stack.count() == 1 and window.editing.undo_action.text() == "&Undo Import zoom.vtt"
    imported = window.document.dataset.model
    assert imported == imported_model("zoom.vtt").model_copy(update={"format": imported.format})
    window.editing.undo_action.trigger()
    empty = window.document.dataset
    assert empty.path is None and empty.speakers == () and empty.themes == () and empty.positions == ()
    assert empty.seminar.source.text == placeholder_text("zoom.vtt") and empty.seminar.source.turns == []
    assert empty.seminar.title == "zoom" and window.speaker_list.proxy.rowCount() == 0
    window.editing.redo_action.trigger()
    assert window.document.dataset.model == imported and window.speaker_list.proxy.rowCount() == 2
    assert window.isWindowModified()


def test_unsaved_changes_are_asked_about_before_an_import_and_cancel_keeps_them(window, dialogs):
    """With unsaved edits, the import first asks Save / Discard / Cancel; Cancel keeps the seminar and its edits, Discard goes on."""
    add_theme(window, dialogs)
    edited = window.document.dataset
    dialogs.save_changes_answer = "cancel"
    dialogs.transcript_answer = str(FIXTURES / "zoom.vtt")
    window.imports.action.trigger()
    assert dialogs.named("ask_save_changes") == [(edited.name, "importing a transcript or report")]
    assert not dialogs.named("transcript_path") and window.document.dataset is edited
    assert window.isWindowModified() and window.document.undo_stack.count() == 1
    dialogs.save_changes_answer = "discard"
    window.imports.import_path(FIXTURES / "zoom.vtt")
    assert window.document.dataset.seminar.title == "zoom" and len(dialogs.named("ask_save_changes")) == 2


def test_an_imported_seminar_stays_marked_modified_through_further_edits_and_their_undo(window, dialogs, tmp_path):
    """The title keeps its modified marker after more edits, a redraw and undoing them; autosave keeps it; Save asks where."""
    dialogs.transcript_answer = str(FIXTURES / "zoom.vtt")
    window.imports.action.trigger()
    add_theme(window, dialogs)
    assert window.isWindowModified() and window.windowTitle() == "zoom[*] — Seminar Lens"
    window.editing.undo_action.trigger()  # the theme goes; the import stays, unsaved
    window._show_dataset_facts()  # the title drawn again
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    assert window.saving.autosave()
    dialogs.save_answer = None
    assert not window.saving.save()
    [(_, suggested, _)] = dialogs.named("save_path")
    assert suggested.endswith("zoom.seminar.json") and window.isWindowModified()


def test_code_selection_in_a_turn_suggests_that_turns_speaker(qtbot, window, dialogs):
    """After a VTT import, selecting words in Joss Whitlock's turn and choosing Code Selection suggests Joss Whitlock."""
    dialogs.transcript_answer = str(FIXTURES / "zoom.vtt")
    window.imports.action.trigger()
    add_theme(window, dialogs)
    text = window.document.dataset.seminar.source.text
    for words, speaker in [("walked the new quay", "joss-whitlock"), ("Noted", "mira-castellan"), ("17:30 sharp", "mira-castellan")]:
        start = text.index(words)
        select(window, start, start + len(words))
        qtbot.keyClick(window.source.text, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        assert window.coding.editor.isVisible() and window.coding.editor.draft().speaker == speaker
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_open_imported_replaces_the_seminar_and_clears_the_selection(window, default_dataset):
    """open_imported, the one door for an imported seminar, shows it in every view at once."""
    from desktop_app.model.importers.reading import import_file

    window.selection.select_speaker(default_dataset.speakers[0].id)
    transcript = import_file(FIXTURES / "panel.srt")
    open_imported(window.document, window.show_status, build_seminar(transcript, LabelMapping.initial(transcript), "Library panel"))
    assert window.windowTitle().startswith("Library panel[*]")
    assert window.selection.focus.speaker is None
    assert window.speaker_list.proxy.rowCount() == 2
    assert window.status_counts.text().startswith("2 speakers")


HEADED_REPORT = (
    "Harbour Futures: a public panel\n"
    "Held at the Old Customs House, 25 August 2021\n\n"
    "Mira Castellan: Welcome, everyone.\n"
    "Joss Whitlock: Thank you.\n"
    "Mira Castellan: Let us begin with the quay.\n"
)


def test_the_preview_takes_the_title_and_date_the_document_states(window, dialogs, qtbot, tmp_path):
    """The real preview offers the report's heading and written date, says where they came from, and the seminar gets them."""
    path = tmp_path / "panel_notes.txt"
    path.write_text(HEADED_REPORT, encoding="utf-8")
    shown: list[tuple[str, str, str]] = []

    def through_the_preview(parent, path, transcript, reread):
        dialog = ImportDialog(path, transcript, reread, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        shown.append((dialog.title_edit.text(), dialog.date_edit.text(), dialog.stated_label.text()))
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == dialog.DialogCode.Accepted
        return dialog.seminar_file()

    dialogs.preview_answer = through_the_preview
    dialogs.transcript_answer = str(path)
    with qtbot.waitSignal(window.imports.opened):
        window.imports.action.trigger()
    assert shown == [("Harbour Futures: a public panel", "2021-08-25", "Title from line 1; date from line 2.")]
    seminar = window.document.dataset.seminar
    assert (seminar.title, seminar.date) == ("Harbour Futures: a public panel", dt.date(2021, 8, 25))


def test_a_date_not_written_yyyy_mm_dd_keeps_the_preview_open(window, qtbot, tmp_path):
    """A mistyped date is named in the preview, which stays open; nothing is created."""
    path = tmp_path / "panel_notes.txt"
    path.write_text(HEADED_REPORT, encoding="utf-8")
    dialog = ImportDialog(str(path), import_file(path), lambda *_: import_file(path), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setText("25/08/2021")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted and "'25/08/2021'" in dialog.problem.text()
