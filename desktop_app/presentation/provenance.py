"""Who coded a seminar and who wrote its brief's judgements, in the words the brief's provenance uses.

The file records at most one name for the work, ``brief.preparer``; the
seminar shipped with the application records none, because its coding is the
application's own.  The brief says which of these it is, never crediting an
analyst with judgements that came with the application or were drafted by it.
Pure Python, no Qt.
"""

from __future__ import annotations

from pathlib import Path

from ..assets import default_seminar_path
from ..model.dataset import Dataset

DEFAULT_CODING = "Seminar Lens\u2019s default coding"
JUDGEMENTS = "The bottom line, key judgements and what to watch"


def is_shipped(dataset: Dataset) -> bool:
    """Whether the seminar was read from the file the application ships (its default seminar)."""
    return dataset.path is not None and _same_file(dataset.path, default_seminar_path())


def coding_credit(dataset: Dataset, preparer: str | None) -> str:
    """Who coded the positions: the person or body the file names, else the shipped coding, else the analyst."""
    if preparer:
        return f"Positions coded by {preparer}."
    if is_shipped(dataset):
        return f"Positions coded with {DEFAULT_CODING}, which ships with the application."
    return "Positions are the analyst\u2019s coding; the file names no coder."


def judgements_credit(dataset: Dataset, preparer: str | None, drafted: bool) -> str:
    """Who wrote the bottom line, key judgements and what to watch."""
    if drafted:
        return f"{JUDGEMENTS} were drafted by the application from the coding and have not been reviewed."
    if preparer:
        return f"{JUDGEMENTS} were written by {preparer}, as recorded in the seminar file."
    if is_shipped(dataset):
        return f"{JUDGEMENTS} were written with the default coding and ship with it in the seminar file."
    return f"{JUDGEMENTS} are the analyst\u2019s, as recorded in the seminar file."


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
