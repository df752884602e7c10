"""Problems found in a seminar file, each with its place in the file, and the error that carries them."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PathPart = str | int
Path = tuple[PathPart, ...]

MAX_PROBLEMS = 1_000
"""Most problems listed for one file; past this a hostile or badly broken file gets a note instead."""

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")
_PATH_ENDS_SHOWN = 6  # parts shown at each end of a very deep path


def quoted(value: str, limit: int = 60) -> str:
    """A string from a file, fit to go in a one-line message: single-quoted, cut to ``limit``
    characters, with control, invisible and direction-changing characters written as escapes."""
    return f"'{printable(value[:limit])}{'…' if len(value) > limit else ''}'"


def printable(text: str) -> str:
    """The text with every character that is not printable (line breaks, control and format
    characters, unpaired surrogates) written as a ``\\x``, ``\\u`` or ``\\U`` escape."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def shown(value: object, limit: int = 60) -> str:
    """A scalar from a file as JSON, cut to ``limit`` characters, fit for a one-line message."""
    if isinstance(value, str):
        value = value[:limit]  # a label can be megabytes long; only its start is shown
    text = printable(json.dumps(value, ensure_ascii=False))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def format_path(path: Path) -> str:
    """A JSON path as a reader writes it: ``positions[3].excerpt``; the whole file is ``(file)``.

    Keys that are not plain words are quoted (``seminar['a.b']``), and the middle of a
    very deep path is left out, so a location always fits on a line.
    """
    steps = []
    for part in path:
        if isinstance(part, int):
            steps.append(f"[{part}]")
        elif _PLAIN_KEY.fullmatch(part):
            steps.append(f".{part}" if steps else part)
        else:
            steps.append(f"[{quoted(part, 40)}]")
    if len(steps) > 2 * _PATH_ENDS_SHOWN:
        hidden = len(steps) - 2 * _PATH_ENDS_SHOWN
        steps = [*steps[:_PATH_ENDS_SHOWN], f"…({hidden} levels)…", *steps[-_PATH_ENDS_SHOWN:]]
    return "".join(steps) or "(file)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and what is wrong, in plain words."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None

    @property
    def location(self) -> str:
        """``positions[3].excerpt (line 120, column 18)``, or as much of it as is known."""
        where = format_path(self.path) if self.path else ""
        if self.line is None:
            return where or "(file)"
        at = f"line {self.line}, column {self.column}"
        return f"{where} ({at})" if where else at

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


TOO_MANY_PROBLEMS = (
    f"there are more problems than the {MAX_PROBLEMS:,} listed here; correct these and check the file again"
)


class DatasetError(Exception):
    """A seminar file could not be used; ``problems`` lists every problem found, in file order.

    At most MAX_PROBLEMS are kept; when there were more, a last problem says so.
    """

    def __init__(self, source: str, problems: Iterable[Problem]):
        self.source = source
        listed = list(itertools.islice(problems, MAX_PROBLEMS + 1))
        if len(listed) > MAX_PROBLEMS:
            listed[MAX_PROBLEMS:] = [Problem((), TOO_MANY_PROBLEMS)]
        self.problems: Sequence[Problem] = tuple(listed)
        count = len(self.problems)
        first = str(self.problems[0]) if self.problems else "unknown problem"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"{source}: {first}{more}")

    def lines(self) -> list[str]:
        """One ``SOURCE: LOCATION: MESSAGE`` line per problem, as ``--check`` prints them."""
        return [f"{self.source}: {problem}" for problem in self.problems]
