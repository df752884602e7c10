"""The preview's turn list: label, time and first words of each detected turn."""

from __future__ import annotations

from desktop_app.model.importers.preview import TurnPreview, turn_previews
from desktop_app.model.importers.reading import import_file

from .checks import FIXTURES


def test_turn_rows_show_label_time_and_first_words():
    """Each turn of the Teams file is listed with its label, its start as m:ss and its first words."""
    rows = turn_previews(import_file(FIXTURES / "teams.vtt"), words=3)
    assert [(row.label, row.time_text, row.first_words) for row in rows] == [
        ("Ilse Varga", "0:00", "Shall we begin?"),
        ("Tobias Renn", "0:06", "I would like"),
        ("Ilse Varga", "1:09", "Agreed."),
    ]


def test_turns_without_times_and_a_row_limit():
    """A typed transcript's turns have no time; the limit cuts the list."""
    rows = turn_previews(import_file(FIXTURES / "upper.txt"), limit=2)
    assert len(rows) == 2 and rows[0].time_text == "" and rows[0].first_words.startswith("RUTH ADEYEMI:")


def test_hours_are_shown_when_the_recording_is_long():
    """A turn starting after an hour shows h:mm:ss."""
    assert TurnPreview("A", 3723.9, "x").time_text == "1:02:03"
