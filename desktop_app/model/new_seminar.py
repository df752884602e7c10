"""A new, empty seminar: the event's details with sensible defaults, a source text, and nothing coded yet.

The format needs a source text that is not blank, so a new seminar starts
from the text the analyst pastes or opens; the rest (speakers, themes,
positions) is added by editing.  The default question and scale words are
offered and can be changed, here or later in the seminar's details.
"""

from __future__ import annotations

import datetime as dt

from .dataset import Dataset
from .loader import from_model
from .schema import FORMAT, Scale, Seminar, SeminarFile, Source

UNTITLED = "Untitled seminar"
DEFAULT_QUESTION = "Where do the speakers stand on each theme?"
NOT_RECORDED = "Not recorded"


def new_seminar_details(text: str, title: str = UNTITLED, question: str = DEFAULT_QUESTION, scale: Scale | None = None) -> Seminar:
    """The details of a new seminar over ``text``; fields the format requires but nobody knows yet say so."""
    return Seminar(
        title=title,
        question=question,
        scale=scale or Scale(),
        organiser=NOT_RECORDED,
        date=dt.date.today().isoformat(),
        venue=NOT_RECORDED,
        source=Source(title="Source text", publisher=NOT_RECORDED, text=text),
    )


def empty_dataset(seminar: Seminar) -> Dataset:
    """A dataset with these details and no themes, speakers or positions."""
    return from_model(SeminarFile(format=FORMAT, seminar=seminar, themes=[], speakers=[], positions=[]))
