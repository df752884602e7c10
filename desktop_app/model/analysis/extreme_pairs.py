"""The extremes of a large panel's pairs: how many can be compared, their chance level, and the least and most agreeing.

What a summarised brief says of the pairs instead of printing the whole
matrix.  The pairs are streamed a block of speakers at a time
(:func:`~.pairs.pairs_by_row`), never held as an n × n matrix, so the memory
follows the positions: a 5,000-speaker panel's 12.5 million pairs pass
through a few megabytes.  Each step is short, so a window exporting in the
background keeps repainting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .pairs import MIN_SHARED_THEMES, PairAgreement, compared_speakers, pairs_by_row


@dataclass(frozen=True)
class ExtremePairs:
    """The comparable pairs in brief: their number, their mean chance level, and the extremes."""

    comparable: int
    """Pairs sharing at least MIN_SHARED_THEMES themes."""
    chance: float | None
    """Mean agreement by chance over the comparable pairs; None when there are none."""
    lowest: tuple[PairAgreement, ...]
    """The least agreeing comparable pairs, lowest first (ties in speaking order)."""
    highest: tuple[PairAgreement, ...]
    """The most agreeing comparable pairs, highest first (ties in speaking order)."""


def extreme_pairs(speaker_ids: Sequence[str], stances: Mapping[str, Mapping[str, int]], keep: int) -> ExtremePairs:
    """The comparable pairs of the speakers with a stance (``{speaker: {theme: stance}}``), keeping the ``keep`` lowest and highest.

    Pairs are ranked by agreement, then by the first speaker's place, then the
    second's, so equal figures come out in speaking order, as a scan of the
    whole matrix would give them.
    """
    import numpy as np  # imported here: only the agreement section needs it, and it costs start-up time

    included = compared_speakers(speaker_ids, stances)
    comparable = 0
    chance_sum = 0.0
    # (agreement, row, offset, pair) for the lowest; (-agreement, row, offset, pair) for the highest.
    lowest: list[tuple[float, int, int, PairAgreement]] = []
    highest: list[tuple[float, int, int, PairAgreement]] = []
    for pairs in pairs_by_row(included, stances):
        usable = np.flatnonzero(pairs.shared_themes >= MIN_SHARED_THEMES)
        if not len(usable):
            continue
        values = pairs.agreement[usable]
        comparable += len(usable)
        chance_sum += float(pairs.expected[usable].sum())
        for signed, kept in ((values, lowest), (-values, highest)):
            candidates = usable
            if len(kept) == keep:
                # Only a strictly better figure can enter: on a tie the earlier row already there wins.
                better = np.flatnonzero(signed < kept[-1][0])
                if not len(better):
                    continue
                candidates, signed = usable[better], signed[better]
            for index in np.argsort(signed, kind="stable")[:keep]:
                offset = int(candidates[index])
                kept.append((float(signed[index]), pairs.row, offset, pairs.pair(included, offset)))
            kept.sort(key=lambda item: item[:3])
            del kept[keep:]
    return ExtremePairs(
        comparable,
        chance_sum / comparable if comparable else None,
        tuple(pair for *_, pair in lowest),
        tuple(pair for *_, pair in highest),
    )
