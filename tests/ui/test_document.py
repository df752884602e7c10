"""The open seminar's document: its edits, the signals that announce them, and the derived data beside it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoCommand

from desktop_app.model.editing.edits import EditRefused, Insert, Remove, Replace, ReplaceSource
from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.problems import DatasetError
from desktop_app.model.format.schema import Position, Speaker, Theme
from desktop_app.ui.derived import DerivedData
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.selection import Selection
from tests.factories import debate, to_bytes

NEW_SPEAKER = Speaker(id="lee", name="Kim Lee", role="panellist", order=3)
NEW_THEME = Theme(id="jobs", label="Jobs", order=4)
NEW_POSITION = Position(
    id="speaker-question",
    speaker="speaker",
    theme="emissions",
    stance=0,
    kind="assessment",
    summary="Puts the question to the house.",
    excerpt="the Speaker asked whether the Clean Air Bill should pass",
)


def debate_dataset():
    return load_bytes(to_bytes(debate()), "debate.seminar.json")


@pytest.fixture
def document(qtbot):
    return SeminarDocument(debate_dataset())


def _recorder(document: SeminarDocument) -> list[tuple[str, object]]:
    """Every signal the document emits, in order, as (name, argument)."""
    heard: list[tuple[str, object]] = []
    for kind in ("speaker", "theme", "position"):
        for verb in ("Added", "Changed", "Removed"):
            name = f"{kind}{verb}"
            getattr(document, name).connect(lambda entry_id, name=name: heard.append((name, entry_id)))
    document.reset.connect(lambda: heard.append(("reset", None)))
    document.edited.connect(lambda edit: heard.append(("edited", type(edit).__name__)))
    return heard


EDITS = [
    ("speakerAdded", "lee", [Insert(NEW_SPEAKER)]),
    ("speakerChanged", "obi", [Replace(debate_dataset().speaker("obi").model_copy(update={"name": "Ada Obi-Smith"}))]),
    ("speakerRemoved", "lee", [Insert(NEW_SPEAKER), Remove("speaker", "lee")]),
    ("themeAdded", "jobs", [Insert(NEW_THEME)]),
    ("themeChanged", "costs", [Replace(debate_dataset().theme("costs").model_copy(update={"label": "Costs"}))]),
    ("themeRemoved", "jobs", [Insert(NEW_THEME), Remove("theme", "jobs")]),
    ("positionAdded", "speaker-question", [Insert(NEW_POSITION)]),
    ("positionChanged", "roe-costs", [Replace(debate_dataset().position("roe-costs").model_copy(update={"stance": -1}))]),
    ("positionRemoved", "roe-costs", [Remove("position", "roe-costs")]),
]


@pytest.mark.parametrize(("signal", "entry_id", "edits"), EDITS, ids=[signal for signal, *_ in EDITS])
def test_each_edit_is_announced_by_its_own_signal_then_by_edited(document, signal, entry_id, edits):
    """Adding, changing or removing a speaker, theme or position names that entry in the matching signal."""
    *setup, edit = edits
    for earlier in setup:
        document.apply(earlier)
    heard = _recorder(document)
    document.apply(edit)
    assert heard == [(signal, entry_id), ("edited", type(edit).__name__)]


def test_an_edit_makes_a_new_dataset_and_its_inverse_brings_the_old_one_back(document):
    """An edit never changes the dataset it started from, and the edit it returns undoes it."""
    before = document.dataset
    inverse = document.apply(Replace(before.speaker("obi").model_copy(update={"name": "Ada Obi-Smith"})))
    assert before.speaker("obi").name == "Ada Obi"
    assert document.dataset.speaker("obi").name == "Ada Obi-Smith"
    document.apply(inverse)
    assert document.dataset.model == before.model
    removed = document.apply(Remove("position", "roe-costs"))
    assert not document.dataset.positions_of("roe")
    document.apply(removed)
    assert [p.id for p in document.dataset.positions] == [p.id for p in before.positions]


def test_an_edit_that_breaks_the_file_is_refused_and_announces_nothing(document):
    """Removing a theme positions still use, or adding an id twice, leaves the seminar as it was, silently."""
    before = document.dataset
    heard = _recorder(document)
    with pytest.raises(DatasetError, match="unknown theme 'costs'"):
        document.apply(Remove("theme", "costs"))
    with pytest.raises(EditRefused, match="already a speaker with the id 'obi'"):
        document.apply(Insert(before.speaker("obi")))
    with pytest.raises(EditRefused, match="no position with the id 'nowhere'"):
        document.apply(Remove("position", "nowhere"))
    assert document.dataset is before and heard == []


def test_opening_another_seminar_resets_the_document_and_its_undo_history(document):
    """A new seminar is announced once by reset, and the undo history of the old one is dropped."""
    document.undo_stack.push(QUndoCommand("an edit of the old seminar"))
    assert document.undo_stack.count() == 1
    heard = _recorder(document)
    other = debate_dataset()
    document.replace_dataset(other)
    assert heard == [("reset", None)]
    assert document.dataset is other and document.undo_stack.count() == 0


def test_derived_data_is_worked_out_once_and_renewed_with_every_change(document):
    """What the views derive is computed on first request, kept, and computed afresh after an edit."""
    calls = []

    def speaker_names(dataset):
        calls.append(dataset)
        return [speaker.name for speaker in dataset.speakers]

    assert document.derived.get(speaker_names) == document.derived.get(speaker_names)
    assert len(calls) == 1
    document.apply(Insert(NEW_SPEAKER))
    assert document.derived.get(speaker_names)[-1] == "Kim Lee"
    assert len(calls) == 2


def test_what_depends_on_the_report_text_alone_outlives_edits_that_keep_the_text(document):
    """Worked out from the report's text, a value survives an edit of a speaker and is worked out again when the text changes."""
    calls = []

    def text_length(text):
        calls.append(text)
        return len(text)

    original = document.dataset.seminar.source.text
    assert document.derived.of_source_text(text_length) == len(original)
    document.apply(Insert(NEW_SPEAKER))
    assert document.derived.of_source_text(text_length) == len(original)
    assert len(calls) == 1
    spans = {position.id: document.dataset.spans[position.id] for position in document.dataset.positions}
    document.apply(ReplaceSource(original + "\nA closing remark.", spans))
    assert document.derived.of_source_text(text_length) == len(original) + len("\nA closing remark.")
    assert len(calls) == 2


def test_derived_data_prepared_for_the_opened_seminar_is_kept_and_any_other_is_not(document):
    """Values a background load worked out are used for its own dataset, never for another one."""
    opened = debate_dataset()
    prepared = DerivedData(opened)
    document.replace_dataset(opened, prepared)
    assert document.derived is prepared
    document.replace_dataset(debate_dataset(), prepared)
    assert document.derived is not prepared and document.derived.dataset is document.dataset


def test_removing_what_is_selected_clears_the_selection(document):
    """When the selected speaker or theme is removed, the selection falls back to nothing."""
    selection = Selection(document)
    document.apply(Insert(NEW_SPEAKER))
    selection.select_speaker("lee")
    document.apply(Remove("speaker", "lee"))
    assert selection.focus.speaker is None
    document.apply(Insert(NEW_THEME))
    selection.select_theme("jobs")
    document.apply(Remove("theme", "jobs"))
    assert selection.focus.theme is None


def test_a_new_seminar_clears_the_selection(document):
    """Opening another seminar forgets what was selected in the old one."""
    selection = Selection(document)
    selection.select_pair("obi", "roe")
    document.replace_dataset(debate_dataset())
    assert selection.focus.kind.value == "none"



def test_counting_other_kinds_renews_the_analysis_and_says_so(qtbot):
    """Choosing to count history too gives an analysis that counts it, and views are told to redraw."""
    from desktop_app.model.format.schema import Kind
    from tests.factories import coded_panel

    data = coded_panel([("a", "t", 1, "assessment"), ("b", "t", -1, "history")], speakers=("chair",))
    document = SeminarDocument(load_bytes(to_bytes(data)))
    assert document.derived.analysis.themes["t"].n == 1
    with qtbot.waitSignal(document.countedKindsChanged):
        document.set_counted_kinds({Kind.ASSESSMENT, Kind.HISTORY})
    assert document.derived.analysis.themes["t"].n == 2
    with qtbot.assertNotEmitted(document.countedKindsChanged):
        document.set_counted_kinds({Kind.HISTORY, Kind.ASSESSMENT})
