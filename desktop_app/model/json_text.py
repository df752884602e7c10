"""Read JSON from untrusted bytes, and find where a JSON path sits in the text (line and column).

The standard ``json`` module parses; this module adds what it lacks for
reporting problems to a person: a clear message for every way bytes can fail
to be a JSON document (encoding, size, nesting, duplicate keys, NaN), and a
single-pass scanner that maps JSON paths back to line and column.  The
scanner only runs when there is a problem to locate, so a good file pays
nothing for it.
"""

from __future__ import annotations

import bisect
import codecs
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .problems import Path, Problem

MAX_FILE_BYTES = 128 * 1024 * 1024
"""Largest file read, in bytes; a larger one is refused before it is read."""

MAX_DEPTH = 500
"""Nesting reported as too deep when the parser gives up (it stops near 1,000 levels).

A seminar file needs five levels; anything near this is hostile or broken."""

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)
_NON_FINITE = {"NaN", "Infinity", "-Infinity"}


def human_size(size: int) -> str:
    """``128 MiB``-style size for messages."""
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.0f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


class JsonProblem(Exception):
    """The bytes are not a usable JSON document; carries the located problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def decode(data: bytes) -> str:
    """UTF-8 text from bytes (a UTF-8 byte-order mark is allowed); any other encoding is a problem."""
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise JsonProblem([Problem((), f"the file is encoded as {name}; save it as UTF-8")])
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        if b"\x00" in data[:64]:
            message = "the file is not UTF-8 text (it looks like UTF-16 or binary data); save it as UTF-8"
        else:
            message = f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        raise JsonProblem([Problem((), message, line, column)]) from None


@dataclass
class ParsedJson:
    """A parsed document with its text, and what the parse noticed that JSON itself allows."""

    text: str
    value: Any
    suspicious: bool = False
    _locator: TextLocator | None = field(default=None, repr=False)

    @property
    def locator(self) -> TextLocator:
        if self._locator is None:
            self._locator = TextLocator(self.text)
        return self._locator


def parse(text: str) -> ParsedJson:
    """Parse JSON text; a syntax error becomes a located problem."""
    if not text or text.isspace():  # without copying a large text to strip it
        raise JsonProblem([Problem((), "the file is empty")])
    flags = {"suspicious": False}

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            flags["suspicious"] = True
        return result

    def constant_hook(name: str) -> None:
        flags["suspicious"] = True
        return None

    try:
        value = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=constant_hook)
    except json.JSONDecodeError as exc:
        message = exc.msg[:1].lower() + exc.msg[1:]
        if exc.pos >= len(text.rstrip()):
            message = f"the JSON ends too early ({message}); the file may be truncated"
        raise JsonProblem([Problem((), f"not valid JSON: {message}", exc.lineno, exc.colno)]) from None
    except RecursionError:
        raise JsonProblem(TextLocator(text).structure_problems() or [_too_deep(())]) from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise JsonProblem([Problem((), f"not valid JSON: {exc}")]) from None
    parsed = ParsedJson(text, value, flags["suspicious"])
    if parsed.suspicious:
        problems = parsed.locator.structure_problems()
        if problems:
            raise JsonProblem(problems)
    return parsed


def _too_deep(path: Path, line: int | None = None, column: int | None = None) -> Problem:
    return Problem(path, f"arrays and objects are nested more than {MAX_DEPTH} levels deep", line, column)


class TextLocator:
    """Maps JSON paths to line and column by scanning the text once, iteratively (no recursion)."""

    def __init__(self, text: str):
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._offsets: dict[Path, int] | None = None
        self._problems: list[Problem] = []

    def line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def locate(self, path: Path) -> tuple[int, int] | None:
        """Line and column of the value at ``path``, or of its nearest existing ancestor."""
        offsets = self._scan()
        for length in range(len(path), -1, -1):
            offset = offsets.get(tuple(path[:length]))
            if offset is not None:
                return self.line_column(offset)
        return None

    def place(self, problems: Iterable[Problem]) -> list[Problem]:
        """The same problems with line and column filled in from their paths."""
        placed = []
        for problem in problems:
            where = self.locate(problem.path) if problem.line is None else None
            if where is not None:
                problem = Problem(problem.path, problem.message, *where)
            placed.append(problem)
        return placed

    def structure_problems(self) -> list[Problem]:
        """Duplicate keys, NaN or Infinity, and nesting too deep, each located."""
        self._scan()
        return list(self._problems)

    def _scan(self) -> dict[Path, int]:
        if self._offsets is not None:
            return self._offsets
        offsets: dict[Path, int] = {}
        # Each frame: [path, is_object, key_or_index, expecting_key, seen_keys]
        stack: list[list[Any]] = []
        overflow = 0  # containers opened beyond MAX_DEPTH: counted, never given paths

        for match in _TOKEN.finditer(self._text):
            token = match.group()
            if overflow:
                overflow += token in "{["
                overflow -= token in "}]"
                continue
            frame = stack[-1] if stack else None
            if token in ",:":
                if frame is not None and token == ",":
                    if frame[1]:
                        frame[3] = True
                    else:
                        frame[2] += 1
                continue
            if token in "}]":
                if stack:
                    stack.pop()
                continue
            start = match.start()
            if frame is not None and frame[1] and frame[3]:
                key = _string_value(token)
                if key in frame[4]:
                    where = self.line_column(start)
                    self._problems.append(Problem((*frame[0], key), f"the key '{key}' appears twice in one object", *where))
                frame[4].add(key)
                frame[2], frame[3] = key, False
                continue
            path = (*frame[0], frame[2]) if frame is not None else ()
            offsets.setdefault(path, start)
            if token in _NON_FINITE:
                self._problems.append(Problem(path, f"{token} is not a number JSON allows", *self.line_column(start)))
            elif token in "{[":
                if len(stack) >= MAX_DEPTH:
                    self._problems.append(_too_deep(path, *self.line_column(start)))
                    overflow = 1
                else:
                    stack.append([path, token == "{", 0, token == "{", set()])
        self._offsets = offsets
        return offsets


def _string_value(token: str) -> str:
    try:
        value = json.loads(token)
    except ValueError:
        return token
    return value if isinstance(value, str) else token
