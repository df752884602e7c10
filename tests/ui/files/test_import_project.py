"""File ▸ New from Transcript or Report with a REFI-QDA project: the source and level asked, the queue announced."""

from __future__ import annotations

from desktop_app.model.exchange.qdpx_export import qdpx_bytes
from tests.model.exchange.foreign_project import write_empty_project, write_foreign_project


def test_another_tools_project_opens_with_its_positions_awaiting_a_stance(window, dialogs, tmp_path, qtbot):
    """The user picks the interview and level 1; the new seminar holds four awaiting positions, and says what stayed out."""
    dialogs.transcript_answer = str(write_foreign_project(tmp_path / "port.qdpx"))
    dialogs.item_answer = "Interview 1"
    dialogs.level_answer = 1
    with qtbot.waitSignal(window.imports.opened):
        window.imports.action.trigger()
    (asked,) = dialogs.named("choose_item")
    assert asked[2] == ["Interview 1", "Field notes"]
    assert dialogs.named("choose_level")[0][2] == 3  # Economy > Trade > Tariffs
    dataset = window.document.dataset
    assert len(dataset.awaiting) == len(dataset.positions) == 4 and dataset.path is None
    _title, said = dialogs.named("show_info")[-1]
    assert "4 positions await a stance" in said and "Ctrl+J" in said and "1 PDF source" in said
    assert window.awaiting.action.isEnabled()
    window.document.undo_stack.undo()  # the import is one step
    assert not window.document.dataset.positions


def test_cancelling_the_source_choice_leaves_the_seminar_open(window, dialogs, tmp_path):
    before = window.document.dataset
    dialogs.transcript_answer = str(write_foreign_project(tmp_path / "port.qdpx"))
    dialogs.item_answer = None
    window.imports.action.trigger()
    assert window.document.dataset is before


def test_an_empty_project_is_refused_and_the_seminar_stays(window, dialogs, tmp_path):
    before = window.document.dataset
    dialogs.transcript_answer = str(write_empty_project(tmp_path / "empty.qdpx"))
    window.imports.action.trigger()
    (error,) = dialogs.named("show_error")
    assert "holds no text source" in error[1] and window.document.dataset is before


def test_the_file_menu_exports_a_project_and_a_network(window, dialogs, tmp_path, default_dataset):
    """Export REFI-QDA Project… writes what the command line writes; Export Network (GraphML)… a network."""
    texts = [action.text() for action in window.file_menu.actions()]
    assert "Export REFI-QDA Pro&ject\u2026" in texts and "Export Net&work (GraphML)\u2026" in texts
    dialogs.save_answer = str(tmp_path / "seminar.qdpx")
    assert window.exports.export_qdpx() == tmp_path / "seminar.qdpx"
    assert (tmp_path / "seminar.qdpx").read_bytes() == qdpx_bytes(default_dataset.model, default_dataset.spans)
    dialogs.save_answer = str(tmp_path / "seminar.graphml")
    assert window.exports.export_graphml() == tmp_path / "seminar.graphml"
    assert (tmp_path / "seminar.graphml").read_text(encoding="utf-8").startswith("<?xml")


def test_a_codebook_exported_from_one_seminar_adds_its_themes_to_another(open_window, dialogs, tmp_path, default_dataset):
    """Export REFI-QDA Codebook… then Add Themes from Codebook… in a fresh seminar: one undo step, definitions kept."""
    window = open_window(default_dataset)
    dialogs.save_answer = str(tmp_path / "themes.qdc")
    assert window.exports.export_qdc() == tmp_path / "themes.qdc"
    from desktop_app.model.editing.new_seminar import new_seminar_details

    dialogs.new_seminar_answer = new_seminar_details("A fresh panel.")
    assert window.saving.new_seminar()
    dialogs.codebook_answer = str(tmp_path / "themes.qdc")
    assert window.codebook.choose_and_add() == len(default_dataset.themes)
    themes = window.document.dataset.themes
    assert [t.label for t in themes] == [t.label for t in default_dataset.themes]
    assert [t.definition for t in themes] == [t.definition for t in default_dataset.themes]
    assert [t.anchors for t in themes] == [t.anchors for t in default_dataset.themes]
    assert window.codebook.add_from(tmp_path / "themes.qdc") == 0  # all there already: nothing added
    assert "Already here" in dialogs.named("show_info")[-1][1]
    window.document.undo_stack.undo()
    assert not window.document.dataset.themes
