"""The chart's tooltip words, worked out without Qt: who is under the pointer, their stance group, the evidence, what flips a verdict."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.chart_layout import ChartRow, chart_rows
from desktop_app.presentation.chart_tooltip import chart_tooltip
from tests.factories import coded_panel, panel, to_bytes


def row_of(rows: list[ChartRow], theme_id: str) -> ChartRow:
    return next(row for row in rows if row.theme_id == theme_id)


def block_of(row: ChartRow, speaker_id: str) -> int:
    return next(index for index, block in enumerate(row.blocks) if block.speaker_id == speaker_id)


def test_a_tentative_row_names_the_speaker_their_group_and_what_flips_it():
    """Over Ben Bly on Borders: his name and stance, the two speakers sharing it, n and the verdict, what flips it, the metrics."""
    dataset = load_bytes(to_bytes(panel()))
    row = row_of(chart_rows(dataset), "borders")
    tip = chart_tooltip(row, dataset, block_of(row, "ben"))
    assert tip.startswith("<b>Borders</b><br><b>Ben Bly</b>: \u22121 ")
    assert "2 speakers (<i>" in tip and "Eli Eze" in tip and "Ben Bly" in tip.split("2 speakers", 1)[1]
    assert "n = 3" in tip
    assert "<b>Tentative</b>: " in tip and "if Dee Dunn is dropped" in tip
    assert "<table" in tip and "<td>Speakers</td><td>&nbsp;&nbsp;<b>3</b></td>" in tip


def test_a_row_without_a_block_gives_only_the_themes_evidence():
    """Over the row but no block: the label and the evidence, with no speaker line."""
    dataset = load_bytes(to_bytes(panel()))
    row = row_of(chart_rows(dataset), "borders")
    tip = chart_tooltip(row, dataset)
    assert tip.startswith("<b>Borders</b><br>n = 3")
    assert "Ben Bly</b>:" not in tip


def test_too_few_voices_lists_each_voice_and_a_divided_speaker_is_named_so():
    """Two voices, one of them on both sides of the theme: no verdict, each voice with its stance, and the divided mark explained."""
    data = coded_panel(
        [("a", "t", 1, "assessment"), ("a", "t", -1, "prediction"), ("b", "t", -1, "assessment")], speakers=("chair",)
    )
    dataset = load_bytes(to_bytes(data))
    (row,) = chart_rows(dataset)
    tip = chart_tooltip(row, dataset, block_of(row, "a"))
    assert "divided: their positions here fall on both sides" in tip
    assert "Too few voices for a verdict. 2 voices: Speaker A " in tip
    assert "Tentative" not in tip


def test_names_and_labels_from_the_file_are_escaped():
    """Markup in a speaker's name and a theme's label reaches the tooltip as text, not as formatting."""
    data = coded_panel([("a", "t", 1, "assessment"), ("b", "t", 1, "assessment")], speakers=("chair",))
    data["speakers"][1]["name"] = "<i>Ann</i> & Co"
    data["themes"][0]["label"] = "<b>Trade</b>"
    dataset = load_bytes(to_bytes(data))
    (row,) = chart_rows(dataset)
    tip = chart_tooltip(row, dataset, block_of(row, "a"))
    assert "&lt;b&gt;Trade&lt;/b&gt;" in tip and "<b>Trade</b>" not in tip
    assert "&lt;i&gt;Ann&lt;/i&gt; &amp; Co" in tip and "<i>Ann</i>" not in tip
