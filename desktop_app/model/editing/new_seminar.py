"""A new, empty seminar: the event's details with sensible defaults, a source text, and nothing coded yet.

The format needs a source text that is not blank, so a new seminar starts
from the text the analyst pastes or opens; the rest (speakers, themes,
positions) is added by editing.  The default question and scale words are
offered and can be changed, here or later in the seminar's details.
"""

from __future__ import annotations

import datetime as dt

from ..dataset import Dataset
from ..format.loader import from_model
from ..format.schema import FORMAT, Scale, Seminar, SeminarFile, Source
from .edits import Compound, Edit, Insert, ReplaceBrief, ReplaceSeminar, ReplaceSource

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


def imported_in_one_step(seminar_file: SeminarFile, placeholder: str) -> tuple[Dataset, Compound]:
    """A new seminar made from an import, as an empty start and the one edit that fills it.

    The start has the import's details over ``placeholder`` as its source text
    (the format needs one), with no speakers, turns or chair; the edit adds the
    speakers and themes, puts in the imported text with its turns, then the
    chair, positions and brief if the import brought any.  Undoing the edit
    returns to the empty start; applying it gives exactly ``seminar_file``.
    """
    seminar = seminar_file.seminar
    start_source = seminar.source.model_copy(update={"text": placeholder, "turns": []})
    start = empty_dataset(seminar.model_copy(update={"source": start_source, "chair": None}))
    steps: list[Edit] = [Insert(speaker) for speaker in seminar_file.speakers]
    steps += [Insert(theme) for theme in seminar_file.themes]
    steps.append(ReplaceSource(seminar.source.text, {}, tuple(seminar.source.turns)))
    if seminar.chair is not None:
        steps.append(ReplaceSeminar(seminar))
    steps += [Insert(position) for position in seminar_file.positions]
    if seminar_file.brief is not None:
        steps.append(ReplaceBrief(seminar_file.brief))
    return start, Compound(tuple(steps))
