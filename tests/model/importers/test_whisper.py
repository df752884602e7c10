"""WhisperX and whisper JSON: segments with speakers become turns; bad segments are located."""

from __future__ import annotations

import json

import pytest

from desktop_app.model.importers.common import ImportFailed
from desktop_app.model.importers.reading import import_bytes, import_file

from .checks import FIXTURES, assert_turns_valid, turn_texts


def test_whisperx_segments_with_speaker_labels():
    """SPEAKER_00's two segments in a row make one turn with both times; each label keeps its turns."""
    transcript = import_file(FIXTURES / "whisperx.json")
    assert_turns_valid(transcript)
    assert turn_texts(transcript) == [
        ("SPEAKER_00", "Welcome to the seed library. We swap seeds every spring."),
        ("SPEAKER_01", "How many gardeners come?"),
        ("SPEAKER_00", "About forty, on a dry day."),
        ("SPEAKER_02", "Thank you."),
    ]
    assert (transcript.turns[0].start_time, transcript.turns[0].end_time) == (0.0, 5.1)


def test_plain_whisper_without_speakers_is_text_without_turns():
    """Whisper output with no diarisation gives the text and no turns."""
    data = json.dumps({"segments": [{"start": 0, "end": 1, "text": "Hello."}, {"start": 1, "end": 2, "text": "Bye."}]})
    transcript = import_bytes(data.encode(), "talk.json")
    assert transcript.text == "Hello. Bye." and transcript.turns == ()


@pytest.mark.parametrize(
    ("content", "location"),
    [
        ('{"segments": [\n{"start": 0, "end": 1, "text": "a"},\n{"start": "soon", "text": "b"}]}', "segments[1]"),
        ('{"segments": [{"start": 0, "end": 1}]}', "segments[0]"),
        ('{"segments": [\n  {"start": 0,, }]}', "line 2, column 15"),
    ],
)
def test_bad_whisper_json_is_located(content, location):
    """A bad time, a missing text or broken JSON is refused naming the segment or the line."""
    with pytest.raises(ImportFailed) as caught:
        import_bytes(content.encode(), "talk.json")
    assert caught.value.location == location


def test_control_characters_in_segments_and_speakers_are_dropped():
    """Escaped control characters in whisper's strings do not reach the text or the labels."""
    data = '{"segments": [{"start": 0, "end": 1, "text": "Bell\\u0007 rang.", "speaker": "SPK\\u0001_1"}]}'
    transcript = import_bytes(data.encode(), "t.json")
    assert transcript.text == "Bell rang." and transcript.labels() == ["SPK_1"]
