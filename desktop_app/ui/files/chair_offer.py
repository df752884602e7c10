"""On opening a version-1 file: the one question whether the chair's assessments are round-ups, to be counted as summaries."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...model.editing.chair_summaries import as_summaries, chair_assessments
from ...presentation.wording import leader_label
from ..dialogs import Dialogs
from ..document import SeminarDocument
from ..editing.undo_commands import push_edit

UNDO_TEXT = "Re-kind the chair's positions as summaries"


def offer_chair_summaries(document: SeminarDocument, dialogs: Dialogs, parent: QWidget | None, name: str) -> bool:
    """Ask, once, whether a version-1 file's chair assessments are summaries; re-kind them (undoably) if so.

    True when they were re-kinded.  Nothing is asked of a file of the current
    format, or one whose chair coded no assessment.
    """
    dataset = document.dataset
    positions = chair_assessments(dataset)
    chair = dataset.chair
    if not positions or chair is None:
        return False
    role = leader_label(chair).lower()
    themes = ", ".join(dict.fromkeys(dataset.theme(position.theme).label for position in positions))
    count = "1 position coded as an assessment" if len(positions) == 1 else f"{len(positions)} positions coded as assessments"
    question = (
        f"{name} is in format version 1, which had no kind for a {role}\u2019s round-up of the panel. "
        f"The {role}, {chair.display_name}, has {count} ({themes}), "
        "and each counts as a voice in its theme\u2019s verdict.\n\n"
        f"Re-kind them as {role}\u2019s summaries, shown as context and not counted? Edit \u25b8 Undo takes this back."
    )
    if not dialogs.ask(parent, f"The {role}\u2019s positions", question):
        return False
    return push_edit(document, as_summaries(dataset, positions), UNDO_TEXT, dialogs=dialogs, parent=parent) is not None
