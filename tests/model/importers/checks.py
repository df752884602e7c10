"""Shared checks for importer tests: the fixture folder, and the rules the loader applies to turns."""

from __future__ import annotations

from pathlib import Path

from desktop_app.model.importers.common import ImportedTranscript

FIXTURES = Path(__file__).parent / "fixtures"


def turn_texts(transcript: ImportedTranscript) -> list[tuple[str, str]]:
    """Each turn as (label, its text)."""
    return [(turn.label, transcript.text[turn.start:turn.end]) for turn in transcript.turns]


def assert_turns_valid(transcript: ImportedTranscript) -> None:
    """Turns are in order, do not overlap, lie within the text and never start or end in white space."""
    previous_end = 0
    for turn in transcript.turns:
        assert previous_end <= turn.start < turn.end <= len(transcript.text)
        span = transcript.text[turn.start:turn.end]
        assert span == span.strip()
        if turn.start_time is not None and turn.end_time is not None:
            assert turn.start_time <= turn.end_time
        previous_end = turn.end
