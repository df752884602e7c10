"""Opening a version-1 file: the chair's assessments are offered, once, for re-kinding as summaries, as one undoable edit."""

from __future__ import annotations

from desktop_app.model.editing.chair_summaries import as_summaries, chair_assessments
from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Kind
from desktop_app.ui.files.chair_offer import UNDO_TEXT
from tests.factories import coded_panel, to_bytes

# ``host`` chairs; the round-up on "ties" is coded as an assessment, the third voice behind the consensus.
POSITIONS = [
    ("host", "ties", 1, "assessment"),
    ("host", "trade", 0, "summary"),
    ("ada", "ties", 1, "assessment"),
    ("bo", "ties", 2, "prediction"),
    ("ada", "trade", -1, "assessment"),
]


def _file(tmp_path, version: str = "seminar-lens/1"):
    data = coded_panel(POSITIONS)
    data["format"] = version
    path = tmp_path / "old.seminar.json"
    path.write_bytes(to_bytes(data))
    return path


def _kinds(document) -> dict[str, Kind]:
    return {position.id: position.kind for position in document.dataset.positions}


def test_only_the_chairs_assessments_in_a_version_1_file_are_offered(tmp_path):
    """The chair's assessment is found; their summary, the panellists' positions and a version-2 file are not."""
    old = load_bytes(_file(tmp_path).read_bytes())
    assert [position.id for position in chair_assessments(old)] == ["p0"]
    assert chair_assessments(load_bytes(_file(tmp_path, "seminar-lens/2").read_bytes())) == ()
    after = old.model.model_copy(update={"positions": [p.model_copy(update={"kind": Kind.SUMMARY}) for p in old.model.positions]})
    assert as_summaries(old, chair_assessments(old)).edits[0].entry == after.positions[0]


def test_saying_yes_rekinds_them_and_the_verdict_no_longer_rests_on_the_chair(window, dialogs, tmp_path):
    """Yes: the round-up becomes a summary, the theme drops to two voices, and one undo puts it back."""
    dialogs.ask_answer = True
    window.opener.open(_file(tmp_path))
    (question,) = [text for text in dialogs.named("ask") if "format version 1" in text]
    assert "The chair, Speaker Host, has 1 position coded as an assessment (Ties)" in question
    assert _kinds(window.document)["p0"] is Kind.SUMMARY
    assert window.document.dataset.analysis_for(window.document.counted_kinds).themes["ties"].n == 2
    assert window.document.undo_stack.undoText() == UNDO_TEXT
    window.document.undo_stack.undo()
    assert _kinds(window.document)["p0"] is Kind.ASSESSMENT


def test_saying_no_leaves_the_file_as_it_was(window, dialogs, tmp_path):
    """No: nothing changes and nothing is left to undo."""
    dialogs.ask_answer = False
    window.opener.open(_file(tmp_path))
    assert any("format version 1" in text for text in dialogs.named("ask"))
    assert _kinds(window.document)["p0"] is Kind.ASSESSMENT
    assert not window.document.undo_stack.canUndo()


def test_a_version_2_file_is_not_asked_about(window, dialogs, tmp_path):
    """The current format has a summary kind, so its chair's assessments are taken as coded."""
    window.opener.open(_file(tmp_path, "seminar-lens/2"))
    assert not any("format version 1" in text for text in dialogs.named("ask"))
