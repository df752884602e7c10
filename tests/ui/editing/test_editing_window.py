"""Editing in the real window: a seminar built from nothing, undone to nothing, redone; saving, prompts and the History panel."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop_app.model.editing.edits import Insert, Replace
from desktop_app.model.editing.new_seminar import new_seminar_details
from desktop_app.model.format.excerpts import Span
from desktop_app.model.format.loader import dumps, load, load_bytes
from desktop_app.model.format.schema import FORMAT, Position, Speaker, Theme
from desktop_app.ui.editing.undo_commands import push_edit
from desktop_app.ui.files.file_opener import OpenOutcome
from desktop_app.ui.files.saving import NEWER_FORMAT_NOTE
from tests.factories import debate, to_bytes

SOURCE = (
    "The chair opened the hearing on river water.\n\n"
    "Dr Ana Silva said the river is cleaner than ten years ago. She warned that farm run-off will rise.\n"
    "Mr Ben Okafor said the river is dirtier every summer, and that fines must double.\n"
    "Both agreed that monitoring is thin."
)

SPEAKERS = [Speaker(id="silva", name="Ana Silva", role="panellist", order=0), Speaker(id="okafor", name="Ben Okafor", role="panellist", order=1)]
THEMES = [Theme(id="quality", label="Water quality", order=0), Theme(id="policy", label="Policy", order=1)]
CODED = [  # id, speaker, theme, stance, kind, excerpt
    ("silva-quality", "silva", "quality", 1, "assessment", "the river is cleaner than ten years ago"),
    ("silva-runoff", "silva", "quality", -1, "prediction", "farm run-off will rise"),
    ("okafor-quality", "okafor", "quality", -2, "assessment", "the river is dirtier every summer"),
    ("okafor-fines", "okafor", "policy", 1, "prescription", "fines must double"),
    ("okafor-monitoring", "okafor", "policy", 0, "assessment", "monitoring is thin"),
]


@pytest.fixture
def empty_window(open_window, panel_dataset, dialogs):
    """The window after File ▸ New on a placeholder text, then Edit ▸ Replace Source Text with the hearing's record."""
    window = open_window(panel_dataset)
    dialogs.new_seminar_answer = new_seminar_details("placeholder")
    assert window.saving.new_seminar()
    return window


def code_everything(window) -> None:
    document = window.document
    assert window.editing.replace_source(SOURCE) is not None
    for speaker in SPEAKERS:
        assert push_edit(document, Insert(speaker), f"Add speaker {speaker.name}", dialogs=window.dialogs, parent=window)
    for theme in THEMES:
        assert push_edit(document, Insert(theme), f"Add theme {theme.label}", dialogs=window.dialogs, parent=window)
    for position_id, speaker, theme, stance, kind, excerpt in CODED:
        start = SOURCE.index(excerpt)
        position = Position(id=position_id, speaker=speaker, theme=theme, stance=stance, kind=kind, summary=f"Coded {position_id}.", excerpt=excerpt)
        assert push_edit(document, Insert(position, span=Span(start, start + len(excerpt))), f"Code {position_id}", dialogs=window.dialogs, parent=window)


def test_a_seminar_built_from_nothing_undoes_to_nothing_and_redoes_to_the_same_file(qtbot, empty_window):
    """New, a source text, two speakers, two themes and five positions; undo all gives the empty seminar, redo all the same file."""
    window = empty_window
    empty = dumps(window.document.dataset.model)
    assert window.document.undo_stack.count() == 0 and not window.isWindowModified()
    code_everything(window)
    coded = dumps(window.document.dataset.model)
    assert window.status_counts.text().startswith("2 speakers \u00b7 2 themes \u00b7 5 positions")
    assert window.isWindowModified()
    assert window.editing.undo_action.text() == "&Undo Code okafor-monitoring"
    steps = window.document.undo_stack.count()
    assert steps == 10
    for _ in range(steps):
        window.editing.undo_action.trigger()
    assert dumps(window.document.dataset.model) == empty
    assert not window.isWindowModified()
    for _ in range(steps):
        window.editing.redo_action.trigger()
    assert dumps(window.document.dataset.model) == coded
    window.show_tab("source")
    qtbot.waitUntil(lambda: window.source.text.toPlainText().startswith("The chair opened"))


def test_ctrl_z_and_ctrl_y_undo_and_redo_from_the_keyboard(qtbot, empty_window):
    """Ctrl+Z takes the last speaker away, Ctrl+Shift+Z and Ctrl+Y bring edits back."""
    window = empty_window
    window.activateWindow()
    push_edit(window.document, Insert(SPEAKERS[0]), "Add speaker Ana Silva")
    push_edit(window.document, Insert(SPEAKERS[1]), "Add speaker Ben Okafor")
    target = window.speaker_list.list
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.dataset.speakers) == 0
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(target, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.dataset.speakers) == 2


def test_clicking_an_entry_in_the_history_goes_back_to_it(qtbot, empty_window):
    """In View ▸ History, clicking the first added speaker undoes everything after it."""
    window = empty_window
    code_everything(window)
    window.editing.history_action.trigger()
    assert window.editing.history_dock.isVisible()
    view = window.editing.history
    rect = view.visualRect(view.model().index(2, 0))  # row 0 is "Opened", row 1 the source text
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.undo_stack.index() == 2
    assert [s.id for s in window.document.dataset.speakers] == ["silva"]


def test_saving_writes_a_file_that_loads_as_the_same_seminar(qtbot, empty_window, dialogs, tmp_path):
    """Save As writes the coded seminar; loading it back gives an equal seminar and the title loses its marker."""
    window = empty_window
    code_everything(window)
    target = tmp_path / "hearing.seminar.json"
    dialogs.save_answer = str(target)
    window.saving.save_action.trigger()
    assert not window.isWindowModified()
    reloaded = load(target)
    assert reloaded.model == window.document.dataset.model
    assert dict(reloaded.spans) == dict(window.document.dataset.spans)
    assert window.document.dataset.path == target.resolve()
    push_edit(window.document, Replace(SPEAKERS[0].model_copy(update={"name": "Ana M. Silva"})), "Rename")
    window.saving.save()  # the file has a name now: no question asked
    assert [name for name, _ in dialogs.calls].count("save_path") == 1
    assert load(target).speaker("silva").name == "Ana M. Silva"


def test_an_older_file_is_saved_in_the_current_format_with_a_note(qtbot, open_window, dialogs, tmp_path):
    """A seminar-lens/1 file saved again becomes seminar-lens/2, and the window says older versions cannot open it."""
    path = tmp_path / "old.seminar.json"
    path.write_bytes(to_bytes(debate()))
    window = open_window(load(path))
    position = window.document.dataset.position("roe-costs")
    push_edit(window.document, Replace(position.model_copy(update={"stance": -1})), "Change stance")
    assert window.saving.save()
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == FORMAT
    assert window.banner.isVisible() and NEWER_FORMAT_NOTE in window.banner.text()


@pytest.mark.parametrize(("answer", "closes"), [("cancel", False), ("discard", True), ("save", True)])
def test_closing_with_unsaved_changes_asks_first(qtbot, open_window, dialogs, tmp_path, answer, closes):
    """Closing a changed seminar asks Save / Discard / Cancel; Cancel keeps the window, Save writes the file."""
    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate()))
    window = open_window(load(path))
    push_edit(window.document, Insert(Speaker(id="lee", name="Kim Lee", role="panellist", order=3)), "Add speaker Kim Lee")
    dialogs.save_changes_answer = answer
    assert window.close() is closes
    assert dialogs.named("ask_save_changes")[0][1] == "closing"
    assert load(path).has_speaker("lee") is (answer == "save")
    if not closes:
        dialogs.save_changes_answer = "discard"


def test_opening_another_file_with_unsaved_changes_can_be_cancelled(qtbot, open_window, dialogs, tmp_path, panel_dataset):
    """Choosing Cancel at the prompt keeps the changed seminar open; the other file is not read."""
    window = open_window(panel_dataset)
    push_edit(window.document, Insert(Speaker(id="lee", name="Kim Lee", role="panellist", order=30)), "Add speaker Kim Lee")
    dialogs.save_changes_answer = "cancel"
    other = tmp_path / "other.seminar.json"
    other.write_bytes(to_bytes(debate()))
    assert window.open_path(other) is OpenOutcome.KEPT
    assert window.document.dataset.has_speaker("lee")
    dialogs.save_changes_answer = "discard"
    assert window.open_path(other) is OpenOutcome.OPENED
    assert window.document.dataset.seminar.title == debate()["seminar"]["title"]


def test_a_lost_excerpt_is_listed_and_blocks_saving_until_fixed(qtbot, empty_window, dialogs, tmp_path):
    """Deleting a coded sentence from the source lists its position as lost, refuses to save, and deleting it lets the save through."""
    window = empty_window
    code_everything(window)
    window.editing.replace_source(SOURCE.replace(" and that fines must double", ""))
    assert window.document.dataset.unanchored == ("okafor-fines",)
    assert window.editing.lost_list.count() == 1
    assert "okafor-fines" not in window.editing.lost_list.item(0).text() and "no longer found" in window.editing.lost_list.item(0).text()
    dialogs.save_answer = str(tmp_path / "hearing.seminar.json")
    assert not window.saving.save()
    assert "no longer found" in dialogs.named("show_error")[-1][1]
    window.editing.delete_selected_lost()
    assert window.saving.save()
    assert load_bytes((tmp_path / "hearing.seminar.json").read_bytes()).unanchored == ()


def test_seminar_details_are_edited_in_one_undoable_step(qtbot, empty_window, dialogs):
    """Changing the title and scale words through Seminar Details renames the window, and undo restores them."""
    window = empty_window
    seminar = window.document.dataset.seminar
    dialogs.details_answer = seminar.model_copy(update={"title": "River hearing", "scale": seminar.scale.model_copy(update={"positive": "cleaner"})})
    window.editing.details_action.trigger()
    assert window.windowTitle().startswith("River hearing")
    assert window.editing.undo_action.text() == "&Undo Edit seminar details"
    window.editing.undo_action.trigger()
    assert window.document.dataset.seminar.title == "Untitled seminar"


def test_deleting_a_speaker_says_how_many_positions_go_with_them(qtbot, empty_window):
    """Deleting Ben Okafor removes his three positions in one step named with the count."""
    window = empty_window
    code_everything(window)
    window.editing.delete_with_positions("speaker", "okafor")
    assert window.editing.undo_action.text() == "&Undo Delete speaker Ben Okafor and 3 positions"
    assert len(window.document.dataset.positions) == 2
    window.editing.undo_action.trigger()
    assert len(window.document.dataset.positions) == 5


def test_the_shipped_default_seminar_is_never_written_over(qtbot, window, dialogs, tmp_path):
    """Saving the default seminar after an edit asks for a new file name instead of changing the installed one."""
    push_edit(window.document, Insert(Speaker(id="lee", name="Kim Lee", role="panellist", order=99)), "Add speaker Kim Lee")
    dialogs.save_answer = None  # the user cancels the file picker
    assert not window.saving.save()
    assert dialogs.named("save_path") and window.isWindowModified()


def test_unsaved_changes_are_kept_in_a_recovery_file_until_saved(qtbot, empty_window, dialogs, tmp_path):
    """After a few steps and a pause the recovery file holds the changes; saving removes it."""
    from desktop_app.ui.files import recovery

    window = empty_window
    code_everything(window)
    own = recovery.own_file(window.saving.recovery_folder)
    qtbot.waitUntil(own.exists, timeout=5000)
    assert load(own).model == window.document.dataset.model
    dialogs.save_answer = str(tmp_path / "hearing.seminar.json")
    assert window.saving.save()
    assert not own.exists()


def test_new_with_unsaved_changes_asks_first_and_cancel_keeps_them(qtbot, empty_window, dialogs):
    """File ▸ New on a changed seminar asks; Cancel keeps the changes and shows no New dialog."""
    window = empty_window
    push_edit(window.document, Insert(SPEAKERS[0]), "Add speaker Ana Silva")
    dialogs.save_changes_answer = "cancel"
    asked_before = len(dialogs.named("new_seminar"))
    assert not window.saving.new_seminar()
    assert dialogs.named("ask_save_changes")[-1][1] == "starting a new seminar"
    assert len(dialogs.named("new_seminar")) == asked_before and window.document.dataset.has_speaker("silva")
    dialogs.save_changes_answer = "discard"


def test_a_clean_close_leaves_no_recovery_file(qtbot, empty_window, dialogs):
    """Closing and choosing Discard removes the recovery file: nothing is offered at the next start."""
    from desktop_app.ui.files import recovery

    window = empty_window
    code_everything(window)
    assert window.saving.autosave()
    folder = window.saving.recovery_folder
    assert recovery.own_file(folder).exists()
    dialogs.save_changes_answer = "discard"
    assert window.close()
    assert not recovery.own_file(folder).exists()


def test_work_with_a_lost_excerpt_is_recovered_with_the_excerpt_still_listed(qtbot, empty_window, dialogs, open_window, panel_dataset):
    """A crash while an excerpt is lost still recovers everything; the position comes back unanchored, listed to fix."""
    from desktop_app.ui.files import recovery

    window = empty_window
    code_everything(window)
    window.editing.replace_source(SOURCE.replace(" and that fines must double", ""))
    folder = window.saving.recovery_folder
    recovery.write(folder, window.document.dataset, None, pid=99_999_999)  # as if left by a process long gone
    later = open_window(panel_dataset)
    later.saving.recovery_folder = folder
    dialogs.recover_answer = True
    assert later.saving.offer_recovery()
    assert later.document.dataset.unanchored == ("okafor-fines",)
    assert len(later.document.dataset.positions) == 5 and later.editing.lost_list.count() == 1
