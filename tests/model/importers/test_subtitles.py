"""WebVTT and SRT subtitles become turns: speakers from prefixes and voice tags, cues merged, tags removed."""

from __future__ import annotations

import pytest

from desktop_app.model.importers.common import ImportFailed
from desktop_app.model.importers.reading import import_bytes, import_file

from .checks import FIXTURES, assert_turns_valid, turn_texts


def test_zoom_vtt_names_in_cues_become_turns_with_merged_cues():
    """Zoom's 'Name: text' cues by one speaker in a row make one turn, from its first start to its last end."""
    transcript = import_file(FIXTURES / "zoom.vtt")
    assert_turns_valid(transcript)
    assert [turn.label for turn in transcript.turns] == ["Mira Castellan", "Joss Whitlock", "Mira Castellan"]
    first, second, _ = transcript.turns
    assert (first.start_time, first.end_time) == (1.0, 8.0)
    assert (second.start_time, second.end_time) == (8.2, 15.25)
    assert turn_texts(transcript)[0][1] == (
        "Good evening, and welcome to the harbour committee. We start at 17:30 sharp, as agreed."
    )


def test_vtt_styling_tags_and_entities_are_removed_and_clock_times_stay_text():
    """<b> and <i> go, &amp; reads '&', and 'At 10:15' inside a cue is words, not a speaker."""
    transcript = import_file(FIXTURES / "zoom.vtt")
    joss = turn_texts(transcript)[1][1]
    assert joss == "Thank you. At 10:15 this morning we walked the new quay. It floods at every spring tide & that worries me."
    assert "<" not in transcript.text and "10" not in transcript.labels()


def test_teams_voice_tags_with_classes_bom_and_crlf():
    """Teams' <v.class Name> tags name speakers, with a BOM and CRLF endings, and inline timestamps go."""
    transcript = import_file(FIXTURES / "teams.vtt")
    assert transcript.encoding == "UTF-8 with BOM"
    assert "\r" not in transcript.text and "\ufeff" not in transcript.text
    assert turn_texts(transcript) == [
        ("Ilse Varga", "Shall we begin? The agenda has two items."),
        ("Tobias Renn", "I would like to add a third."),
        ("Ilse Varga", "Agreed."),
    ]
    assert transcript.turns[2].start_time == 69.0


def test_a_one_off_prefix_in_a_cue_is_words_unless_confirmed():
    """'Reminder: …' in a single cue continues the current speaker's turn; confirmed, it becomes a speaker."""
    data = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAda: One.\n\n00:00:02.000 --> 00:00:03.000\nReminder: bring maps.\n\n"
        b"00:00:03.000 --> 00:00:04.000\nAda: Two.\n"
    )
    plain = import_bytes(data, "x.vtt")
    assert turn_texts(plain) == [("Ada", "One. Reminder: bring maps. Two.")]
    assert plain.single_labels == ("Reminder",)
    confirmed = import_bytes(data, "x.vtt", confirmed=["Reminder"])
    assert [turn.label for turn in confirmed.turns] == ["Ada", "Reminder", "Ada"]


def test_vtt_without_its_header_is_refused_at_line_1():
    """A file whose first line is not WEBVTT gets a located message, not a traceback."""
    with pytest.raises(ImportFailed) as caught:
        import_file(FIXTURES / "no_header.vtt")
    assert caught.value.location == "line 1" and "WEBVTT" in caught.value.message


def test_overlapping_cues_name_the_cue_and_line():
    """A cue starting before the previous one ends is refused with its cue number and line."""
    with pytest.raises(ImportFailed) as caught:
        import_file(FIXTURES / "overlap.vtt")
    assert caught.value.location == "cue 2 (line 6)"
    assert "overlap" in caught.value.message and "00:00:04.000" in caught.value.message


def test_vtt_bad_timing_line_is_located():
    """A timing line that cannot be read names its cue and line."""
    data = b"WEBVTT\n\nNOTE a note\n\n00:00:01.000 --> 00:00:02.000\nA: x\n\n00:00:0x.000 --> 00:00:03.000\nA: y\n"
    with pytest.raises(ImportFailed) as caught:
        import_bytes(data, "x.vtt")
    assert caught.value.location == "cue 2 (line 8)"


def test_srt_speakers_italics_and_position_tags():
    """SRT cues follow the same speaker rules; <i> and {\\an8} are removed and cue lines joined."""
    transcript = import_file(FIXTURES / "panel.srt")
    assert_turns_valid(transcript)
    assert turn_texts(transcript) == [
        ("Oren Pike", "Welcome to the library panel. Our first guest is Talia."),
        ("Talia Brook", "Thanks, Oren. Libraries lend more than books. They lend quiet."),
        ("Oren Pike", "Lovely."),
    ]
    assert (transcript.turns[1].start_time, transcript.turns[1].end_time) == (6.5, 11.0)


def test_truncated_srt_is_refused_with_its_cue():
    """An SRT cut off in a timing line is refused as truncated, naming the cue and line."""
    with pytest.raises(ImportFailed) as caught:
        import_file(FIXTURES / "truncated.srt")
    assert caught.value.location == "cue 2 (line 6)" and "truncated" in caught.value.message


def test_srt_cut_after_its_number_is_truncated():
    """An SRT ending right after a cue number is refused as truncated too."""
    with pytest.raises(ImportFailed) as caught:
        import_bytes(b"1\n00:00:01,000 --> 00:00:02,000\nA: x\n\n2\n", "x.srt")
    assert "truncated" in caught.value.message and caught.value.location == "cue 2 (line 5)"


def test_srt_without_blank_lines_between_cues_keeps_its_cues_and_speakers():
    """A cue number followed by a timing line opens a cue even with no blank line before it (so does a bare timing line)."""
    data = (
        b"1\n00:00:01,000 --> 00:00:03,000\nOren Pike: Welcome to the library panel.\n"
        b"2\n00:00:03,000 --> 00:00:05,000\nTalia Brook: Thanks, Oren.\nBooks are only the start.\n"
        b"3\n00:00:05,000 --> 00:00:06,000\nTalia Brook: 12 of them.\n"
        b"00:00:06,000 --> 00:00:08,000\nOren Pike: Lovely.\n"
    )
    transcript = import_bytes(data, "tight.srt")
    assert_turns_valid(transcript)
    assert turn_texts(transcript) == [
        ("Oren Pike", "Welcome to the library panel."),
        ("Talia Brook", "Thanks, Oren. Books are only the start. 12 of them."),
        ("Oren Pike", "Lovely."),
    ]
    assert "-->" not in transcript.text
    assert (transcript.turns[1].start_time, transcript.turns[1].end_time) == (3.0, 6.0)


def test_a_cue_run_together_with_the_next_names_the_right_line_when_it_is_bad():
    """Cues split without blank lines still report a bad timing at its own cue and line."""
    data = b"1\n00:00:01,000 --> 00:00:02,000\nA: x\n2\n00:00:03,000 --> 00:00:02,500\nA: y\n"
    with pytest.raises(ImportFailed) as caught:
        import_bytes(data, "x.srt")
    assert caught.value.location == "cue 2 (line 5)" and "before it starts" in caught.value.message


def test_zoom_speakers_who_speak_once_are_kept():
    """In a VTT, a cue-initial 'First Last:' is a speaker the first time; their name leaves the text."""
    data = (
        b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nMira Castellan: Welcome, everyone.\n\n"
        b"2\n00:00:04.000 --> 00:00:07.000\nMira Castellan: Two guests tonight.\n\n"
        b"3\n00:00:07.000 --> 00:00:09.000\nJoss Whitlock: The quay floods.\n\n"
        b"4\n00:00:09.000 --> 00:00:11.000\nAna de la Cruz: The budget is spent.\n\n"
        b"5\n00:00:11.000 --> 00:00:12.000\nMira Castellan: Thank you both.\n"
    )
    transcript = import_bytes(data, "zoom.vtt")
    assert turn_texts(transcript) == [
        ("Mira Castellan", "Welcome, everyone. Two guests tonight."),
        ("Joss Whitlock", "The quay floods."),
        ("Ana de la Cruz", "The budget is spent."),
        ("Mira Castellan", "Thank you both."),
    ]
    assert transcript.single_labels == ()


@pytest.mark.parametrize(
    "words", ["The point is simple: we wait.", "So what: nothing changed.", "Reminder: bring maps.", "In Lisbon Today: rain."]
)
def test_sentence_text_with_a_colon_in_a_single_cue_stays_text(words):
    """Sentence words before a colon, or a lone word, are not a one-off speaker in a subtitle file."""
    data = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAda Lind: One.\n\n"
        f"00:00:02.000 --> 00:00:03.000\n{words}\n\n00:00:03.000 --> 00:00:04.000\nAda Lind: Two.\n"
    ).encode()
    assert turn_texts(import_bytes(data, "x.vtt")) == [("Ada Lind", f"One. {words} Two.")]
