"""Which passages show a theme's verdict: the strongest voices on a side, each by the excerpt that best shows their stance.

Pure Python; the brief sets the chosen positions as quotations.
"""

from __future__ import annotations

from ..model.analysis.seminar_analysis import ThemeMetrics
from ..model.dataset import Dataset
from ..model.format.schema import Kind, Position

_ADVICE_LAST = {Kind.PRESCRIPTION: 1}
"""A recommendation says what someone should do, so it shows a stance less plainly than a claim at the same step."""


def best_position(dataset: Dataset, speaker_id: str, theme_id: str, stance: int) -> Position | None:
    """The speaker's counted position on the theme that best shows their stance there.

    The nearest to the stance; among equally near ones, a claim (assessment,
    forecast) before a recommendation, then the shortest.
    """
    counted = dataset.analysis.counted_kinds
    candidates = [
        p for p in dataset.positions_of(speaker_id) if p.theme == theme_id and p.kind in counted and p.stance is not None
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda p: (abs((p.stance or 0) - stance), _ADVICE_LAST.get(p.kind, 0), len(p.excerpt)))


def positions_to_quote(dataset: Dataset, metrics: ThemeMetrics, sign: int, most: int) -> list[Position]:
    """Up to ``most`` positions on the theme from the side ``sign`` (+1, −1, or 0 for mixed).

    The strongest stances come first, then speaking order; each speaker gives
    their :func:`best_position`.
    """
    voices = [(s, st) for s, st in metrics.stances.items() if (st > 0 if sign > 0 else st < 0 if sign < 0 else st == 0)]
    voices.sort(key=lambda item: (-abs(item[1]), dataset.speaker_rank(item[0])))
    chosen = []
    for speaker_id, stance in voices[:most]:
        position = best_position(dataset, speaker_id, metrics.theme_id, stance)
        if position is not None:
            chosen.append(position)
    return chosen
