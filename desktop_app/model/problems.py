"""Problems found in a seminar file, each with its place in the file, and the error that carries them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PathPart = str | int
Path = tuple[PathPart, ...]


def format_path(path: Path) -> str:
    """A JSON path as a reader writes it: ``positions[3].excerpt``; the whole file is ``(file)``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(file)"


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


class DatasetError(Exception):
    """A seminar file could not be used; ``problems`` lists every problem found, in file order."""

    def __init__(self, source: str, problems: Iterable[Problem]):
        self.source = source
        self.problems: Sequence[Problem] = tuple(problems)
        count = len(self.problems)
        first = str(self.problems[0]) if self.problems else "unknown problem"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"{source}: {first}{more}")

    def lines(self) -> list[str]:
        """One ``SOURCE: LOCATION: MESSAGE`` line per problem, as ``--check`` prints them."""
        return [f"{self.source}: {problem}" for problem in self.problems]
