"""Typed transcripts: every label style, and the traps (clock times, list items, continuation lines)."""

from __future__ import annotations

import pytest

from desktop_app.model.importers.common import ImportFailed
from desktop_app.model.importers.reading import import_bytes, import_file

from .checks import FIXTURES, assert_turns_valid, turn_texts


def test_name_colon_turns_keep_their_continuation_lines():
    """Lines and paragraphs after a 'Name:' line stay with that turn until the next speaker."""
    transcript = import_file(FIXTURES / "colon.txt")
    assert_turns_valid(transcript)
    turns = turn_texts(transcript)
    assert [label for label, _ in turns] == ["Hana Ostrova", "Pieter Lund", "Hana Ostrova", "Pieter Lund"]
    assert turns[0][1].endswith("Second paragraph of Hana's turn, still hers.")
    assert not transcript.text[: transcript.turns[0].start].count("Hana Ostrova:")


def test_clock_times_and_list_items_are_not_speakers():
    """'17:30', 'at 10:15 we…', a one-off 'Note:' and '- Action:' items stay inside the turn."""
    transcript = import_file(FIXTURES / "colon.txt")
    assert set(transcript.labels()) == {"Hana Ostrova", "Pieter Lund"}
    hana, pieter = turn_texts(transcript)[:2]
    assert "at 10:15 we counted the hives.\nNote: the count was lower" in hana[1]
    assert pieter[1].endswith("- Budget: from the spring fund")
    assert transcript.single_labels == ("Note",)


def test_a_one_off_label_counts_once_the_user_confirms_it():
    """Confirming 'Note' makes it a speaker of its own, cutting Hana's turn."""
    transcript = import_file(FIXTURES / "colon.txt", confirmed=["note"])
    assert [label for label, _ in turn_texts(transcript)][:2] == ["Hana Ostrova", "Note"]


def test_upper_case_labels():
    """'NAME:' labels in capitals are speakers."""
    transcript = import_file(FIXTURES / "upper.txt")
    assert transcript.labels() == ["RUTH ADEYEMI", "DANIEL FROST"]
    assert len(transcript.turns) == 4


def test_labels_differing_only_in_case_are_one_label():
    """'BOB:' and 'Bob:' are the same person, written as first seen."""
    transcript = import_bytes(b"BOB: one\nBob: two\n", "t.txt")
    assert transcript.labels() == ["BOB"] and len(transcript.turns) == 2


def test_bracket_and_brace_labels_in_markdown():
    """'[Name]' and '{Name}' open turns, with or without a colon; the heading before them is no turn."""
    transcript = import_file(FIXTURES / "brackets.md")
    assert_turns_valid(transcript)
    assert turn_texts(transcript) == [
        ("Noor Haddad", "[Noor Haddad] We read the first three chapters.\nThe pacing was slow."),
        ("Elias Brandt", "{Elias Brandt} I liked the slow start."),
        ("Noor Haddad", "[Noor Haddad]: Fair enough."),
        ("Elias Brandt", "{Elias Brandt} Next month, poetry."),
    ]


def test_bracketed_times_are_not_labels():
    """'[10:15]' at a line start is a time, not a speaker, however often it recurs."""
    transcript = import_bytes(b"[10:15] Ada: hi\n[10:16] Ada: again\n", "t.txt")
    assert transcript.turns == ()


def test_name_with_role_gives_a_role_hint():
    """'Name (Chair):' makes Name the label and 'chair' the role hint."""
    transcript = import_file(FIXTURES / "roles.txt")
    assert transcript.labels() == ["Greta Solheim", "Arun Mehta"]
    assert [turn.role_hint for turn in transcript.turns[:2]] == ["chair", "witness"]


def test_custom_pattern_with_a_speaker_group():
    """A user's regex with a 'speaker' group finds labels; a one-off one needs confirming."""
    pattern = r">> (?P<speaker>[^|]+?) \| "
    transcript = import_file(FIXTURES / "custom.txt", pattern=pattern)
    assert transcript.labels() == ["Lena Marsh"] and transcript.single_labels == ("Omar Quist",)
    confirmed = import_file(FIXTURES / "custom.txt", pattern=pattern, confirmed=["Omar Quist"])
    assert [label for label, _ in turn_texts(confirmed)] == ["Lena Marsh", "Omar Quist", "Lena Marsh"]


@pytest.mark.parametrize(("pattern", "said"), [("(?P<speaker>[a-z", "not a valid regular expression"), (r"(\w+):", "named group")])
def test_a_bad_custom_pattern_is_explained(pattern, said):
    """A pattern that does not compile, or has no 'speaker' group, is refused in plain words."""
    with pytest.raises(ImportFailed, match=said):
        import_file(FIXTURES / "custom.txt", pattern=pattern)


def test_prose_without_labels_has_no_turns():
    """A report in prose is text with no turns."""
    transcript = import_bytes(b"The council met on Tuesday.\nIt discussed the bridge.\n", "report.txt")
    assert transcript.turns == () and transcript.text.startswith("The council met")


def test_a_recurring_label_the_user_rejects_stays_inside_the_turns():
    """'Note:' used twice becomes a label by recurrence; rejected, its lines stay in the speaker's turn."""
    data = b"Ada: one\nNote: first\nBo: two\nNote: second\nAda: three\nBo: four\n"
    assert "Note" in import_bytes(data, "t.txt").labels()
    transcript = import_bytes(data, "t.txt", rejected=["note"])
    assert turn_texts(transcript)[:2] == [("Ada", "Ada: one\nNote: first"), ("Bo", "Bo: two\nNote: second")]
    assert transcript.single_labels == ()
