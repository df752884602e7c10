"""The chair in the brief: a verdict carried by the chair's voice says so, and the map's caption tells the truth about the chair."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.brief_options import ReportOptions
from tests.factories import coded_panel, to_bytes

from .conftest import normalised

CHAIR_CARRIES = [("host", "ties", 1, "assessment"), ("ada", "ties", 1, "assessment"), ("bo", "ties", 2, "prediction")]


def test_the_theme_table_says_a_verdict_needs_the_chairs_voice(export_brief):
    """The verdict that falls to too few voices without the chair carries the note under it."""
    text = export_brief(load_bytes(to_bytes(coded_panel(CHAIR_CARRIES))), ReportOptions(sections=("themes",))).text
    assert normalised("Needs the chair\u2019s voice: without Speaker Host (chair) it would be too few voices.") in text


def test_the_agreement_caption_says_the_chair_is_compared_when_the_chair_is_in_the_matrix(export_brief):
    """A chair with counted positions has a row in the matrix, and the caption no longer says they are left out."""
    text = export_brief(load_bytes(to_bytes(coded_panel(CHAIR_CARRIES))), ReportOptions(sections=("agreement",))).text
    assert "Speaker Host" in text
    assert normalised("The chair, Speaker Host, is compared like any speaker, having counted positions") in text
    assert "is left out." not in text.replace("anyone with no counted position is left out.", "")


def test_the_agreement_caption_says_the_chair_is_left_out_when_the_chair_coded_nothing(export_brief):
    """A chair who only chaired has no row, and the caption says why."""
    data = coded_panel([*CHAIR_CARRIES[1:], ("cy", "ties", 1, "assessment")], speakers=("host",))
    text = export_brief(load_bytes(to_bytes(data)), ReportOptions(sections=("agreement",))).text
    assert normalised("The chair, Speaker Host, has no counted position and is left out") in text
