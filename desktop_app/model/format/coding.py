"""The coding round a seminar file belongs to: who coded it, in which round, and how the round was set up.

A file with no ``coding`` block is an original coding.  A round made for a
second coder records the coder's name, the round's short label and its mode:
*independent* (the coder found and coded passages from scratch) or *blind*
(the first coder's passages, to be re-rated without seeing the stances).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

MAX_CODER = 120
"""Longest coder name or round label, in characters."""

CodingLine = Annotated[StrictStr, Field(min_length=1, max_length=MAX_CODER, pattern=r"^[^\x00-\x1f\x7f\u2028\u2029]+$")]


class CodingMode(StrEnum):
    INDEPENDENT = "independent"
    BLIND = "blind"


class ThemeVerdicts(BaseModel):
    """A theme whose verdict differed between the codings compared, with each coding's verdict."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    theme: StrictStr = Field(description="Id of the theme.")
    verdicts: list[CodingLine] = Field(description="Each coding's verdict on it, in the order of the coders.")


class Comparison(BaseModel):
    """The last comparison of this coding with other coders' files (Analysis ▸ Compare with Another Coding)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    coders: list[CodingLine] = Field(description="The coders compared, this file's first.")
    alpha_ordinal: float | None = Field(None, description="Krippendorff's alpha, ordinal, over speaker × theme cells.")
    ci_low: float | None = Field(None, description="Lower end of its 95 % bootstrap interval.")
    ci_high: float | None = Field(None, description="Upper end of its 95 % bootstrap interval.")
    units: StrictInt = Field(0, ge=0, description="Pairable units (cells coded by at least two coders).")
    differing: list[ThemeVerdicts] = Field(default_factory=list, description="Themes whose verdict depended on the coder.")
    discussed: list[StrictStr] = Field(
        default_factory=list, description="Cells the coders discussed, as 'speaker/theme' ids."
    )


class Coding(BaseModel):
    """Who coded this file, in which round, and its last comparison with other coders (optional)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    coder: CodingLine | None = Field(None, description="Name of the person who coded this file.")
    round: CodingLine | None = Field(None, description="The round it belongs to: a short label or number, e.g. '2'.")
    mode: CodingMode | None = Field(
        None,
        description="'independent' (passages found from scratch) or 'blind' (the first coder's passages, "
        "re-rated without their stances); absent for an original coding.",
    )
    comparison: Comparison | None = Field(None, description="The last comparison with other coders' files (optional).")


def omit_unset_coding(data: dict[str, object]) -> dict[str, object]:
    """The file's data without a ``coding`` key when it is unset, so a file that never had one saves as before.

    Inside the block, too, what is unset is left out: an original coding that records a comparison
    writes no coder, round or mode.
    """
    coding = data.get("coding")
    if coding is None:
        data.pop("coding", None)
    elif isinstance(coding, dict):
        data["coding"] = {key: value for key, value in coding.items() if value is not None}
    return data
