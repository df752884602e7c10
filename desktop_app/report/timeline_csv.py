"""The timeline CSV: one row per position, in the order of the discussion.

Positions come in the order their excerpts start in the source text (for a
transcript, the order they were said); ``order`` numbers them from 1.  A
position whose excerpt is no longer found in the text comes last, with a
blank order.  ``start_time`` is when the transcript turn holding it began
(blank without turn times); ``stance`` is blank while a position awaits a
stance.  Cells are made inert by the CSV writer of :mod:`.csv_export`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.analysis.seminar_analysis import SeminarAnalysis
from ..model.dataset import Dataset
from ..presentation.discussion import dataset_moments
from ..presentation.turns import clock, position_time

TIMELINE_COLUMNS = ("speaker_id", "speaker", "theme_id", "theme", "position_id", "order", "start_time", "stance", "kind")


def timeline_rows(dataset: Dataset, analysis: SeminarAnalysis | None = None, figure: type[str] = str) -> Iterator[list[str]]:
    """Header, then each position in source order; ``figure`` marks the numbers the application wrote itself."""
    placed = dataset_moments(dataset)
    indexed = list(enumerate(dataset.positions))
    found = sorted((item for item in indexed if item[1].id in placed), key=lambda item: (placed[item[1].id].offset, item[0]))
    lost = [item for item in indexed if item[1].id not in placed]
    yield list(TIMELINE_COLUMNS)
    for rank, (_, position) in enumerate(found + lost, start=1):
        seconds = position_time(dataset, position.id)
        stance: int | None = position.stance
        yield [
            position.speaker,
            dataset.speaker(position.speaker).display_name,
            position.theme,
            dataset.theme(position.theme).label,
            position.id,
            figure(rank) if position.id in placed else "",
            "" if seconds is None else clock(seconds, with_hours=True),
            "" if stance is None else figure(stance),
            position.kind.value,
        ]
