"""Speaker labels written in text: ``Name:``, ``NAME:``, ``[Name]``, ``{Name}``, ``Name (role):``, or a custom pattern.

A label found this way is only a candidate: a clock time never matches, and a
candidate becomes a speaker only when it recurs or the user confirms it (see
:func:`speaking_labels`), so a one-off "Note:" inside a turn stays text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

MAX_LABEL = 60
"""Longest label taken from text, in characters."""

# A name: up to six words starting with a letter; dots, apostrophes and hyphens inside.
_NAME = r"[^\W\d_][\w.'’\-]*(?:[ \t][\w.'’\-]+){0,5}"
_STANDARD = re.compile(
    rf"""^[ \t]*(?:
        \[(?P<bracket>[^\]\n]{{1,{MAX_LABEL}}})\]:?            # [Name]
      | \{{(?P<brace>[^}}\n]{{1,{MAX_LABEL}}})\}}:?            # {{Name}}
      | (?P<bold>\*\*)?(?P<name>{_NAME})                      # Name, **Name**
        (?:[ \t]*\((?P<role>[^()\n]{{1,40}})\))?                 # (role)
        (?:\*\*:|:\*\*|:)                                      # the colon, inside or outside the bold
    )(?=[ \t]|$)[ \t]*""",
    re.VERBOSE | re.MULTILINE,
)


@dataclass(frozen=True)
class LabelMatch:
    """A candidate label at the start of a line: the label, a role beside it, and where the words begin."""

    label: str
    role: str | None
    content_start: int
    """Offset, within the line, of the first character after the label."""


class LabelPattern:
    """Finds candidate labels at line starts: the standard styles, or the user's regex with a ``speaker`` group."""

    def __init__(self, custom: str | None = None):
        self.custom = None
        if custom is not None:
            try:
                compiled = re.compile(custom)
            except re.error as exc:
                raise ValueError(f"the speaker pattern is not a valid regular expression: {exc}") from None
            if "speaker" not in compiled.groupindex:
                raise ValueError("the speaker pattern needs a named group (?P<speaker>...)")
            self.custom = compiled

    def match(self, line: str) -> LabelMatch | None:
        """The label at the start of ``line``, or None."""
        if self.custom is not None:
            found = self.custom.match(line)
            if not found or not found.group("speaker") or not found.group("speaker").strip():
                return None
            role = found.groupdict().get("role")
            return LabelMatch(_clean(found.group("speaker")), role and role.strip().lower(), found.end())
        found = _STANDARD.match(line)
        if not found:
            return None
        label = found.group("bracket") or found.group("brace") or found.group("name")
        label = _clean(label)
        if not label or not any(char.isalpha() for char in label):
            return None  # "[10:15]" or "{1}" is not a name
        role = found.group("role")
        return LabelMatch(label, role.strip().lower() if role else None, found.end())


def _clean(label: str) -> str:
    return " ".join(label.replace("*", " ").split())[:MAX_LABEL]


class Spellings:
    """The first spelling of each label, so "BOB" and "Bob" count as one label, written the first way."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def __call__(self, label: str) -> str:
        return self._first.setdefault(label.casefold(), label)


@dataclass(frozen=True)
class LabelChoices:
    """The user's word on candidate labels: ``confirmed`` ones are speakers even if they occur once,
    ``rejected`` ones are never speakers (their lines stay in the turn around them).  Case is ignored."""

    confirmed: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()

    @classmethod
    def of(cls, confirmed: Iterable[str] = (), rejected: Iterable[str] = ()) -> LabelChoices:
        return cls(frozenset(label.casefold() for label in confirmed), frozenset(label.casefold() for label in rejected))


NO_CHOICES = LabelChoices()
"""No label confirmed or rejected: recurrence alone decides."""


def speaking_labels(
    labels: Iterable[str], choices: LabelChoices = NO_CHOICES, once: Callable[[str], bool] | None = None
) -> tuple[set[str], list[str]]:
    """Labels taken as speakers (seen at least twice, or confirmed, and not rejected), and the one-off labels left as text.

    ``once``, when given, says which labels count even the first time.  Labels
    compare without regard to case; pass them through one :class:`Spellings` first.
    """
    counts = Counter(labels)
    speaking = {
        label
        for label, count in counts.items()
        if (count >= 2 or label.casefold() in choices.confirmed or (once is not None and once(label)))
        and label.casefold() not in choices.rejected
    }
    single = [label for label, count in counts.items() if count == 1 and label not in speaking]
    return speaking, single
