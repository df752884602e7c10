"""The chair rule: a verdict that stands only on the chair's voice says so, and the map's caption says who is left out."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.chair_words import left_out_words, needs_chair_words
from desktop_app.presentation.detail_html import Ink, theme_html
from desktop_app.report.csv_export import theme_rows
from tests.factories import coded_panel, to_bytes

# ``host`` chairs (coded_panel's first speaker) and rounds up "ties" as an assessment: the third voice a verdict needs.
ON_THE_CHAIR = [("host", "ties", 1, "assessment"), ("ada", "ties", 1, "assessment"), ("bo", "ties", 2, "prediction")]
WITHOUT_THE_CHAIR = [*ON_THE_CHAIR, ("cy", "ties", 1, "assessment")]
INK = Ink(text="#000000", muted="#555555", link="#0000ff", rule="#cccccc")


def _dataset(positions, speakers=()):
    return load_bytes(to_bytes(coded_panel(positions, speakers=speakers)))


def test_a_verdict_the_chair_carries_says_so():
    """Three voices, one of them the chair's: without it there would be too few voices, and the words say so."""
    dataset = _dataset(ON_THE_CHAIR)
    metrics = dataset.analysis.themes["ties"]
    assert needs_chair_words(dataset, metrics) == (
        "Needs the chair\u2019s voice: without Speaker Host (chair) it would be too few voices."
    )


def test_a_verdict_that_stands_without_the_chair_says_nothing_of_them():
    """With a fourth voice the consensus holds without the chair: no note."""
    dataset = _dataset(WITHOUT_THE_CHAIR)
    assert needs_chair_words(dataset, dataset.analysis.themes["ties"]) is None


def test_the_window_and_the_csv_carry_it():
    """The theme page shows the note; the themes CSV's needs_chair column is true there and false where it stands."""
    carried = _dataset(ON_THE_CHAIR)
    assert "Needs the chair\u2019s voice" in theme_html(carried, "ties", INK)
    header, row = theme_rows(carried)
    assert dict(zip(header, row, strict=True))["needs_chair"] == "true"
    header, row = theme_rows(_dataset(WITHOUT_THE_CHAIR))
    assert dict(zip(header, row, strict=True))["needs_chair"] == "false"


def test_the_caption_names_the_chair_as_compared_or_left_out_as_is_true():
    """A chair with counted positions is in the map and the caption says so; a chair without any is left out."""
    coding = _dataset(ON_THE_CHAIR)
    assert "host" in coding.analysis.compared_speakers
    assert left_out_words(coding, coding.analysis).startswith("The chair, Speaker Host, is compared like any speaker")
    silent = _dataset(ON_THE_CHAIR[1:], speakers=("host",))
    assert "host" not in silent.analysis.compared_speakers
    assert left_out_words(silent, silent.analysis).startswith("The chair, Speaker Host, has no counted position and is left out")
