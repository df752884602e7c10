"""The names a REFI-QDA project gives what Seminar Lens holds, shared by the export and the import.

A theme is a code; its stance steps are child codes named with the step and
the seminar's own scale words (``+2 strong convergence``, ``0 mixed``), so that
another tool shows the stance as a sub-code and the import reads it back from
the leading figure.  A position's kind, summary and the coder's note travel as a
note on its selection, in the plain layout of :func:`position_note`.
"""

from __future__ import annotations

import re

from ..format.schema import STANCE_MAX, STANCE_MIN, Kind, Scale

NAMESPACE = "urn:QDA-XML:project:1.0"
CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Seminar Lens"
"""The project's ``origin``: how an import knows the project is one of ours."""
ROLE_VARIABLE = "Role"
AFFILIATION_VARIABLE = "Affiliation"

_STEP = re.compile(r"^\s*([+\-\u2212]?)([0-2])(?:\s|$)")
_KIND_LINE = "Kind: "
_SUMMARY_LINE = "Summary:"
_NOTE_LINE = "Coder\u2019s note:"


def step_name(stance: int, scale: Scale) -> str:
    """``+2 strong convergence``, ``+1 convergence``, ``0 mixed``, ``-1 divergence`` (a plain minus, for every tool)."""
    if stance == 0:
        return f"0 {scale.neutral}"
    pole = scale.positive if stance > 0 else scale.negative
    strength = "strong " if abs(stance) == STANCE_MAX else ""
    return f"{stance:+d} {strength}{pole}"


def step_of(name: str) -> int | None:
    """The stance a code's name starts with (``+1 support`` → 1, ``−2 …`` → −2), or None."""
    found = _STEP.match(name)
    if found is None:
        return None
    sign, digit = found.groups()
    value = -int(digit) if sign in ("-", "\u2212") else int(digit)
    return value if STANCE_MIN <= value <= STANCE_MAX else None


def position_note(kind: Kind, summary: str, note: str) -> str:
    """The text of a position's note: its kind, then the summary, then the coder's note if any."""
    parts = [f"{_KIND_LINE}{kind.value}", _SUMMARY_LINE, summary]
    if note:
        parts += [_NOTE_LINE, note]
    return "\n".join(parts)


def read_position_note(text: str) -> tuple[Kind, str, str] | None:
    """(kind, summary, note) from a note in the layout of :func:`position_note`, or None for any other note."""
    first, _, rest = text.partition("\n")
    if not first.startswith(_KIND_LINE) or not rest.startswith(_SUMMARY_LINE):
        return None
    try:
        kind = Kind(first.removeprefix(_KIND_LINE).strip())
    except ValueError:
        return None
    body = rest.removeprefix(_SUMMARY_LINE).removeprefix("\n")
    summary, marker, note = body.rpartition(f"\n{_NOTE_LINE}\n")
    if not marker:
        summary, note = body, ""
    return kind, summary, note
