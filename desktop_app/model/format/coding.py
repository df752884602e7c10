"""The coding round a seminar file belongs to: who coded it, in which round, and how the round was set up.

A file with no ``coding`` block is an original coding.  A round made for a
second coder records the coder's name, the round's short label and its mode:
*independent* (the coder found and coded passages from scratch) or *blind*
(the first coder's passages, to be re-rated without seeing the stances).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictStr

MAX_CODER = 120
"""Longest coder name or round label, in characters."""

CodingLine = Annotated[StrictStr, Field(min_length=1, max_length=MAX_CODER, pattern=r"^[^\x00-\x1f\x7f\u2028\u2029]+$")]


class CodingMode(StrEnum):
    INDEPENDENT = "independent"
    BLIND = "blind"


class Coding(BaseModel):
    """Who coded this file and in which round (optional; absent for an original coding)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    coder: CodingLine = Field(description="Name of the person who coded this file.")
    round: CodingLine = Field(description="The round it belongs to: a short label or number, e.g. '2'.")
    mode: CodingMode | None = Field(
        None,
        description="'independent' (passages found from scratch) or 'blind' (the first coder's passages, "
        "re-rated without their stances); absent for an original coding.",
    )


def omit_unset_coding(data: dict[str, object]) -> dict[str, object]:
    """The file's data without a ``coding`` key when it is unset, so a file that never had one saves as before."""
    if data.get("coding") is None:
        data.pop("coding", None)
    return data
