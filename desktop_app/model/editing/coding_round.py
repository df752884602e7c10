"""A copy of a seminar for a second coder: same source, turns, speakers, themes and codebook; the first coder's reading removed.

*Independent*: no positions, so the second coder finds and codes passages
from scratch.  *Blind re-rating*: the first coder's passages, each now a
position awaiting a stance, with its summary and note removed, so the second
coder rates the same units without seeing the first reading.

Anything else that carries the first coder's reading goes too, so it cannot
steer the second: the brief, the speakers' argument summaries, and the
seminar's and themes' working memos.  The codebook (definitions and anchors)
stays: both coders code by it.
"""

from __future__ import annotations

from ..format.coding import Coding, CodingMode
from ..format.schema import SeminarFile

MODE_WORDS = {
    CodingMode.INDEPENDENT: "independent coding: find and code passages from scratch",
    CodingMode.BLIND: "blind re-rating: give each passage a stance of your own",
}
"""How the window names each mode when a round's file is opened."""


def coding_round(model: SeminarFile, coder: str, round_label: str, mode: CodingMode) -> SeminarFile:
    """The copy of ``model`` a second coder ``coder`` works on in round ``round_label``, in ``mode``."""
    if mode is CodingMode.INDEPENDENT:
        positions = []
    else:
        positions = [position.model_copy(update={"stance": None, "summary": "", "note": ""}) for position in model.positions]
    seminar = model.seminar.model_copy(update={"memo": ""})
    return model.model_copy(
        update={
            "seminar": seminar,
            "speakers": [speaker.model_copy(update={"summary": ""}) for speaker in model.speakers],
            "themes": [theme.model_copy(update={"memo": ""}) for theme in model.themes],
            "positions": positions,
            "brief": None,
            "coding": Coding(coder=coder, round=round_label, mode=mode),
        }
    )


def round_banner(coding: Coding | None) -> str | None:
    """What the window says on opening a coding round's file; none for an original coding."""
    if coding is None or coding.mode is None:
        return None
    return f"Coding round {coding.round or ''} by {coding.coder or 'another coder'}: {MODE_WORDS[coding.mode]}.".replace("round  by", "round by")
