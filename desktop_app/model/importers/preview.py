"""What the import preview lists: each detected turn's label, its time if any, and its first words."""

from __future__ import annotations

from dataclasses import dataclass

from .common import ImportedTranscript


@dataclass(frozen=True)
class TurnPreview:
    """One row of the preview's turn list."""

    label: str
    start_time: float | None
    first_words: str

    @property
    def time_text(self) -> str:
        """``1:02:03`` or ``2:03`` from the start of the recording, or "" when the turn has no time."""
        if self.start_time is None:
            return ""
        minutes, seconds = divmod(int(self.start_time), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def turn_previews(transcript: ImportedTranscript, words: int = 10, limit: int | None = None) -> list[TurnPreview]:
    """The first ``limit`` turns (all by default), each with its first ``words`` words."""
    turns = transcript.turns if limit is None else transcript.turns[:limit]
    rows = []
    for turn in turns:
        opening = transcript.text[turn.start:min(turn.end, turn.start + 40 * words)].split()[:words]
        rows.append(TurnPreview(turn.label, turn.start_time, " ".join(opening)))
    return rows


def stated_note(transcript: ImportedTranscript) -> str:
    """Where the preview's default title and date came from: "Title from line 1; date from line 3.", or ""."""
    parts = []
    if transcript.title_from:
        parts.append(f"title from {transcript.title_from}")
    if transcript.date_from:
        parts.append(f"date from {transcript.date_from}")
    if not parts:
        return ""
    note = "; ".join(parts)
    return note[0].upper() + note[1:] + "."
