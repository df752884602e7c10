"""Leaving the chair out: none of the chair's positions counted, kept through an edit's partial re-analysis."""

from __future__ import annotations

from desktop_app.model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT, WITHOUT_CHAIR
from desktop_app.model.editing.edits import Replace, apply_edit
from desktop_app.model.format.loader import load_bytes
from tests.factories import coded_panel, to_bytes

POSITIONS = [("host", "ties", 1, "assessment"), ("ada", "ties", 1, "assessment"), ("bo", "ties", 2, "prediction")]


def _dataset():
    return load_bytes(to_bytes(coded_panel(POSITIONS)))


def test_the_chairs_positions_are_not_counted_when_left_out():
    """Three voices with the chair, two without, and the chair is no longer compared."""
    dataset = _dataset()
    counted = dataset.analysis_for(COUNTED_KINDS_DEFAULT)
    without = dataset.analysis_for(COUNTED_KINDS_DEFAULT, without_chair=True)
    assert counted.themes["ties"].n == 3 and without.themes["ties"].n == 2
    assert "host" in counted.compared_speakers and "host" not in without.compared_speakers
    assert without.counted_kinds_text == f"assessment;prediction;prescription;{WITHOUT_CHAIR}"
    assert dataset.counting(COUNTED_KINDS_DEFAULT, without_chair=True).analysis is without
    assert dataset.counting(COUNTED_KINDS_DEFAULT) is dataset


def test_an_edit_keeps_the_chair_left_out():
    """After an edit of the chair's position, the revised analysis still leaves the chair out."""
    dataset = _dataset()
    dataset.analysis_for(COUNTED_KINDS_DEFAULT, without_chair=True)  # worked out before the edit, revised after it
    position = dataset.position("p0")
    edited, _ = apply_edit(dataset, Replace(position.model_copy(update={"stance": -2})))
    assert edited.analysis_for(COUNTED_KINDS_DEFAULT, without_chair=True).themes["ties"].stances == {"ada": 1, "bo": 2}
    assert edited.analysis_for(COUNTED_KINDS_DEFAULT).themes["ties"].stances["host"] == -2
