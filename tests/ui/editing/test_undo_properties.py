"""Property: any sequence of edits, undone in full, gives back the original seminar exactly; redone in full, the edited one."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_app.model.editing.edits import (
    Insert,
    Remove,
    Replace,
    ReplaceSeminar,
    merge_themes,
    move_entry,
    remove_with_positions,
    replace_source_text,
    split_position,
)
from desktop_app.model.format.loader import dumps, from_model, load_bytes
from desktop_app.model.format.schema import Speaker, Theme
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.editing.undo_commands import push_edit
from tests.factories import debate, to_bytes

OPERATIONS = (
    "add speaker", "rename speaker", "delete speaker", "add theme", "move speaker", "move theme", "stance",
    "summary", "delete position", "merge themes", "split position", "title", "source before", "source inside", "source cut",
)


def _state(document: SeminarDocument) -> tuple[str, dict, tuple[str, ...]]:
    dataset = document.dataset
    return dumps(dataset.model), dict(dataset.spans), dataset.unanchored


def _edit(document: SeminarDocument, data: st.DataObject, operation: str, step: int):
    dataset = document.dataset
    speakers = [s.id for s in dataset.speakers]
    themes = [t.id for t in dataset.themes]
    positions = [p.id for p in dataset.positions]
    text = dataset.seminar.source.text
    def pick(items):
        return data.draw(st.sampled_from(items))

    if operation == "add speaker":
        return Insert(Speaker(id=f"s{step}", name=f"Speaker {step}", role="panellist", order=data.draw(st.integers(0, 9))))
    if operation == "add theme":
        return Insert(Theme(id=f"t{step}", label=f"Theme {step}", order=data.draw(st.integers(0, 9))))
    if operation == "title":
        return ReplaceSeminar(dataset.seminar.model_copy(update={"title": f"Title {step}"}))
    if operation == "source before":
        return replace_source_text(dataset, f"Note {step}. " + text)[0]
    if operation == "source inside" and len(text) > 20:
        at = data.draw(st.integers(1, len(text) - 1))
        return replace_source_text(dataset, text[:at] + f" [{step}] " + text[at:])[0]
    if operation == "source cut" and len(text) > 40:
        at = data.draw(st.integers(0, len(text) - 30))
        return replace_source_text(dataset, text[:at] + text[at + data.draw(st.integers(1, 25)) :])[0]
    if operation == "rename speaker" and speakers:
        return Replace(dataset.speaker(pick(speakers)).model_copy(update={"name": f"Renamed {step}"}))
    if operation == "delete speaker" and speakers:
        return remove_with_positions(dataset, "speaker", pick(speakers))[0]
    if operation == "move speaker" and speakers:
        return move_entry(dataset, "speaker", pick(speakers), data.draw(st.integers(0, len(speakers))))
    if operation == "move theme" and themes:
        return move_entry(dataset, "theme", pick(themes), data.draw(st.integers(0, len(themes))))
    if operation == "merge themes" and len(themes) > 1:
        keep, absorbed = data.draw(st.permutations(themes))[:2]
        return merge_themes(dataset, keep, absorbed)[0]
    if operation in {"stance", "summary", "delete position", "split position"} and positions:
        position = dataset.position(pick(positions))
        if operation == "stance":
            return Replace(position.model_copy(update={"stance": data.draw(st.integers(-2, 2).filter(lambda v: v != position.stance))}))
        if operation == "summary":
            return Replace(position.model_copy(update={"summary": f"Summary {step}"}))
        if operation == "delete position":
            return Remove("position", position.id)
        span = dataset.spans.get(position.id)
        if span is not None and span.end - span.start > 2:
            try:
                return split_position(dataset, position.id, data.draw(st.integers(span.start + 1, span.end - 1)), f"split-{step}")
            except ValueError:
                return None
    return None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), operations=st.lists(st.sampled_from(OPERATIONS), min_size=1, max_size=12))
def test_undo_all_restores_the_original_and_redo_all_the_edited_seminar(qapp, data, operations):
    """Whatever edits are made (some refused), undoing them all gives the file back byte for byte, and redoing them all the edited one."""
    document = SeminarDocument(load_bytes(to_bytes(debate()), "debate.seminar.json"))
    original = _state(document)
    for step, operation in enumerate(operations):
        edit = _edit(document, data, operation, step)
        if edit is not None and push_edit(document, edit, operation) is not None and not document.dataset.unanchored:
            from_model(document.dataset.model)  # valid by construction: the whole-file check agrees
    edited = _state(document)
    stack = document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert _state(document) == original
    while stack.canRedo():
        stack.redo()
    assert _state(document) == edited
    stack.clear()


def _fresh_figures(dataset):
    from desktop_app.model.analysis.seminar_analysis import SeminarAnalysis

    fresh = SeminarAnalysis(dataset.positions, [t.id for t in dataset.themes], [s.id for s in dataset.speakers])
    return fresh.themes, {s.id: dict(fresh.speaker_stances(s.id)) for s in dataset.speakers}


@settings(max_examples=40, deadline=None)
@given(data=st.data(), operations=st.lists(st.sampled_from(("stance", "delete position", "split position", "merge themes", "title")), min_size=1, max_size=8))
def test_figures_worked_out_again_only_for_what_changed_equal_those_worked_out_afresh(qapp, data, operations):
    """After any edits of positions, the analysis and lookups carried over from before equal ones made from scratch."""
    document = SeminarDocument(load_bytes(to_bytes(debate()), "debate.seminar.json"))
    document.dataset.precompute()
    applied = 0
    for step, operation in enumerate(operations):
        edit = _edit(document, data, operation, step)
        before = document.dataset.model
        if edit is None or push_edit(document, edit, operation) is None:
            continue
        applied += 1
        dataset = document.dataset
        assert dataset.model != before, f"{operation} was accepted but changed nothing"
        themes, stances = _fresh_figures(dataset)
        assert dataset.analysis.themes == themes
        assert {s.id: dict(dataset.analysis.speaker_stances(s.id)) for s in dataset.speakers} == stances
        rebuilt = load_bytes(dumps(dataset.model).encode("utf-8"))
        for speaker in dataset.speakers:
            assert dataset.positions_of(speaker.id) == rebuilt.positions_of(speaker.id)
        for theme in dataset.themes:
            assert dataset.positions_on(theme.id) == rebuilt.positions_on(theme.id)
    document.undo_stack.clear()
    # Examples where every edit was refused check nothing; let hypothesis look for others.
    assume(applied > 0)
