"""Analysis ▸ Compare with Another Coding: alpha and the queue beside the seminar, and settling a disagreement."""

from __future__ import annotations

import copy

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.chart_layout import chart_rows
from desktop_app.presentation.detail_html import theme_heading
from tests.factories import panel, to_bytes


def _second_coding(tmp_path):
    data = copy.deepcopy(panel())
    for position in data["positions"]:
        if position["theme"] == "energy":
            position["stance"] = -position["stance"]
    data["positions"].append(
        {"id": "fay-trade", "speaker": "fay", "theme": "trade", "stance": 1, "kind": "assessment",
         "summary": "Fay on trade.", "excerpt": "Fay Fox judged talks at +0 on the scale", "note": "Read as guarded support."}
    )
    data["coding"] = {"coder": "Second reader", "round": "2", "mode": "independent"}
    path = tmp_path / "second.seminar.json"
    path.write_bytes(to_bytes(data))
    return path


def _window(open_window, tmp_path):
    original = tmp_path / "panel.seminar.json"
    original.write_bytes(to_bytes(panel()))
    return open_window(load_bytes(original.read_bytes(), str(original), path=original))


def test_comparing_shows_alpha_the_queue_and_marks_the_coder_dependent_verdict(open_window, dialogs, tmp_path):
    """A second coder who reversed energy: alpha below .667, energy first in the queue, its verdict marked everywhere."""
    window = _window(open_window, tmp_path)
    dialogs.coding_paths_answer = [str(_second_coding(tmp_path))]
    window.compare_codings.choose_and_compare()
    panel_ = window.compare_codings.dialog
    assert panel_ is not None and panel_.isVisible()
    assert "Krippendorff\u2019s \u03b1 (ordinal)" in panel_.summary.text() and "not reliable" in panel_.summary.text()
    first = window.compare_codings.queue[0]
    assert first.theme_id == "energy" and first.difference == 4
    assert window.compare_codings.queue[-1].one_coder_only and window.compare_codings.queue[-1].speaker_id == "fay"
    dataset = window.document.dataset
    recorded = dataset.model.coding.comparison
    assert recorded.coders == ["panel.seminar.json", "Second reader"]
    assert [entry.theme for entry in recorded.differing] == ["energy"]
    energy = next(row for row in chart_rows(dataset) if row.theme_id == "energy")
    assert energy.label == "Energy (coder-dependent)"
    assert theme_heading(dataset, "energy")[1].endswith("depends on the coder")
    assert window.document.undo_stack.count() == 1


def test_keeping_a_coders_stance_is_one_undo_step_in_the_open_seminar(open_window, dialogs, tmp_path):
    """Keeping the second coder's stance for the first disagreement changes the open seminar once; undo puts it back."""
    window = _window(open_window, tmp_path)
    dialogs.coding_paths_answer = [str(_second_coding(tmp_path))]
    window.compare_codings.choose_and_compare()
    compare = window.compare_codings
    entry = compare.queue[0]
    before = window.document.dataset.analysis.speaker_stances(entry.speaker_id)[entry.theme_id]
    compare.dialog.queue.setCurrentRow(0)
    steps = window.document.undo_stack.count()
    compare.keep_coder(1)
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.dataset.analysis.speaker_stances(entry.speaker_id)[entry.theme_id] == entry.values[1] != before
    assert all(d.key != entry.key for d in compare.queue)  # settled: no longer in the queue
    window.document.undo_stack.undo()
    assert window.document.dataset.analysis.speaker_stances(entry.speaker_id)[entry.theme_id] == before


def test_a_passage_only_the_other_coder_coded_can_be_taken_in(open_window, dialogs, tmp_path):
    """Keeping the second coder's stance where only they coded copies their position in, excerpt and note included."""
    window = _window(open_window, tmp_path)
    dialogs.coding_paths_answer = [str(_second_coding(tmp_path))]
    window.compare_codings.choose_and_compare()
    compare = window.compare_codings
    index = next(i for i, d in enumerate(compare.queue) if d.one_coder_only)
    compare.dialog.queue.setCurrentRow(index)
    assert "Read as guarded support." in compare.dialog.reading_texts[1].toPlainText()
    compare.keep_coder(1)
    taken = [p for p in window.document.dataset.positions if p.speaker == "fay" and p.theme == "trade"]
    assert len(taken) == 1 and taken[0].stance == 1 and taken[0].note == "Read as guarded support."


def test_marking_discussed_records_the_cell_and_sets_no_stance(open_window, dialogs, tmp_path):
    """Mark Discussed is one undo step that records the cell in the comparison; the stances stay as they were."""
    window = _window(open_window, tmp_path)
    dialogs.coding_paths_answer = [str(_second_coding(tmp_path))]
    window.compare_codings.choose_and_compare()
    compare = window.compare_codings
    compare.dialog.queue.setCurrentRow(0)
    stances = dict(window.document.dataset.analysis.speaker_stances(compare.queue[0].speaker_id))
    compare.mark_discussed()
    assert window.document.dataset.model.coding.comparison.discussed == [compare.queue[0].key]
    assert dict(window.document.dataset.analysis.speaker_stances(compare.queue[0].speaker_id)) == stances
    assert compare.dialog.queue.item(0).text().startswith("\u2713 discussed")


def test_a_file_of_another_seminar_is_refused_with_the_ids(open_window, dialogs, tmp_path):
    """A coder file with a theme the seminar lacks is not compared; the message names the theme id."""
    window = _window(open_window, tmp_path)
    data = panel()
    data["themes"].append({"id": "ports", "label": "Ports", "order": 9})
    other = tmp_path / "other.seminar.json"
    other.write_bytes(to_bytes(data))
    dialogs.coding_paths_answer = [str(other)]
    assert not window.compare_codings.choose_and_compare()
    (_title, message, _details), = dialogs.named("show_error")
    assert "theme ids only in other.seminar.json: ports" in message
    assert window.document.dataset.model.coding is None


def test_keeping_the_open_seminars_own_stance_settles_the_cell_visibly(open_window, dialogs, tmp_path):
    """Keep This Coder's Stance for the open seminar changes no stance but is one step that marks the cell discussed."""
    window = _window(open_window, tmp_path)
    dialogs.coding_paths_answer = [str(_second_coding(tmp_path))]
    window.compare_codings.choose_and_compare()
    compare = window.compare_codings
    compare.dialog.queue.setCurrentRow(0)
    entry = compare.queue[0]
    stances = dict(window.document.dataset.analysis.speaker_stances(entry.speaker_id))
    steps = window.document.undo_stack.count()
    compare.keep_coder(0)
    assert window.document.undo_stack.count() == steps + 1
    assert dict(window.document.dataset.analysis.speaker_stances(entry.speaker_id)) == stances
    assert entry.key in window.document.dataset.model.coding.comparison.discussed
    row = next(i for i, d in enumerate(compare.queue) if d.key == entry.key)
    assert compare.dialog.queue.item(row).text().startswith("\u2713 discussed")
