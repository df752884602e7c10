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
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .problems import MAX_PROBLEMS, Path, Problem, quoted

MAX_FILE_BYTES = 128 * 1024 * 1024
"""Largest file read, in bytes; a larger one is refused before it is read."""

MAX_DEPTH = 500
"""Deepest nesting of arrays and objects read: a seminar file needs five levels, so
anything near this is hostile or broken.  Checked after parsing (the parser itself
gives up near 1,000 levels, and its refusal is reported with the same message)."""

MAX_OBJECT_MEMBERS = 1_000
"""Most members one object may have: the format's objects have a dozen fields at most, and
each extra one is a problem to report, so a file cannot make the loader list millions."""

MAX_INTEGER_DIGITS = 100
"""Longest integer read.  Stances and orders are small; converting a number thousands of
digits long is slow, and Python refuses past 4,300 digits with a message about itself."""

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# A string token is matched as runs of ordinary characters between escapes, so a
# string megabytes long costs one regex step per run, not one per character.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)
_NON_FINITE = {"NaN", "Infinity", "-Infinity"}
_INTEGER = re.compile(r"-?[0-9]+")
# What is left after a syntax error when the text stops part-way through a number or a word.
_CUT_SHORT = re.compile(r"-?(?:t(?:r(?:u)?)?|f(?:a(?:l(?:s)?)?)?|n(?:u(?:l)?)?|[0-9]*[.eE]?[+-]?)")


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
            raise JsonProblem([Problem((), f"the file is encoded as {name}; save it as UTF-8", 1, 1)])
    without_bom = _utf16_32_without_bom(data)
    if without_bom:
        message = f"the file looks like {without_bom} text without a byte-order mark; save it as UTF-8"
        raise JsonProblem([Problem((), message, 1, 1)])
    data = data.removeprefix(codecs.BOM_UTF8)
    if data.startswith(codecs.BOM_UTF8):
        message = "the file starts with two byte-order marks (U+FEFF); remove the second one, or save it again as UTF-8"
        raise JsonProblem([Problem((), message, 1, 1)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1  # in characters, as JSON's
        if b"\x00" in data[:64]:
            message = "the file is not UTF-8 text (it looks like UTF-16 or binary data); save it as UTF-8"
        elif exc.end == len(data) and exc.reason == "unexpected end of data":
            message = "the file ends in the middle of a character; it may be truncated"
        else:
            message = f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        raise JsonProblem([Problem((), message, line, column)]) from None


def _utf16_32_without_bom(data: bytes) -> str | None:
    """The encoding of a text with no byte-order mark, when its zero bytes show UTF-16 or UTF-32.

    A JSON text starts with an ASCII character, so the zero bytes around it tell the
    encoding (RFC 4627).  ASCII text in those encodings is also valid UTF-8, with a zero
    byte beside each character, so without this it would be reported as bad JSON.
    """
    head = data[:4]
    if len(head) < 4 or b"\x00" not in head:
        return None
    if head[:3] == b"\x00\x00\x00" and head[3]:
        return "UTF-32 (big-endian)"
    if head[0] and head[1:] == b"\x00\x00\x00":
        return "UTF-32 (little-endian)"
    if not head[0] and head[1] and not head[2] and head[3]:
        return "UTF-16 (big-endian)"
    if head[0] and not head[1] and head[2] and not head[3]:
        return "UTF-16 (little-endian)"
    return None


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
        raise JsonProblem([Problem((), "the file is empty", 1, 1)])
    flags = {"suspicious": False}

    # Whatever JSON allows but a seminar file must not hold is noted here, left out of the
    # value, and then found again and located by the scanner.  Both apply the same rules below.
    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if _members_problem(len(pairs)):
            flags["suspicious"] = True
            return {}
        result = dict(pairs)
        if len(result) != len(pairs):  # a key given twice: see _duplicate_key_problem
            flags["suspicious"] = True
        return result

    def constant_hook(name: str) -> None:
        flags["suspicious"] = flags["suspicious"] or _constant_problem(name) is not None

    def int_hook(digits: str) -> int | None:
        if _integer_problem(digits):
            flags["suspicious"] = True
            return None
        return int(digits)

    def float_hook(number: str) -> float | None:
        if _number_problem(number):
            flags["suspicious"] = True
            return None
        return float(number)

    try:
        value = json.loads(
            text,
            object_pairs_hook=pairs_hook,
            parse_constant=constant_hook,
            parse_int=int_hook,
            parse_float=float_hook,
        )
    except json.JSONDecodeError as exc:
        message = exc.msg[:1].lower() + exc.msg[1:]
        if exc.msg.startswith("Unterminated string"):
            message = "the JSON ends inside the string that starts here; the file may be truncated"
        elif exc.pos >= len(text.rstrip()) or _CUT_SHORT.fullmatch(text, exc.pos, len(text.rstrip())):
            message = f"the JSON ends too early ({message}); the file may be truncated"
        raise JsonProblem([Problem((), f"not valid JSON: {message}", exc.lineno, exc.colno)]) from None
    except RecursionError:
        raise JsonProblem(TextLocator(text).structure_problems() or [Problem((), _too_deep_message())]) from None
    except ValueError as exc:  # not expected: the hooks above take every number JSON allows
        raise JsonProblem([Problem((), f"not valid JSON: {exc}", 1, 1)]) from None
    parsed = ParsedJson(text, value, flags["suspicious"] or _nested_too_deep(value))
    if parsed.suspicious:
        problems = parsed.locator.structure_problems()
        if problems:
            raise JsonProblem(problems)
    return parsed


# ---------------------------------------------------------------------------
# The rules for what JSON allows but a seminar file must not hold.  Each is written
# once, here: the parse hooks use them to notice a problem, the scanner to report it.


def _too_deep_message() -> str:
    return f"arrays and objects are nested more than {MAX_DEPTH} levels deep"


def _depth_problem(depth: int) -> str | None:
    """What is wrong with a container opened ``depth`` levels down (the outermost is level 1)."""
    return _too_deep_message() if depth > MAX_DEPTH else None


def _members_problem(count: int) -> str | None:
    """What is wrong with an object of ``count`` members, if anything."""
    if count > MAX_OBJECT_MEMBERS:
        return f"the object has more than {MAX_OBJECT_MEMBERS:,} members (a seminar file's have a dozen)"
    return None


def _duplicate_key_problem(key: str) -> str:
    return f"the key {quoted(key)} appears twice in one object"


def _constant_problem(token: str) -> str | None:
    """What is wrong with a word Python's parser reads as a number: NaN and the infinities are not JSON."""
    return f"{token} is not a number JSON allows" if token in _NON_FINITE else None


def _integer_problem(token: str) -> str | None:
    """What is wrong with an integer (an optional minus sign, then digits), if anything."""
    digits = len(token) - token.startswith("-")
    if digits > MAX_INTEGER_DIGITS:
        return f"a number with {digits:,} digits is too long (at most {MAX_INTEGER_DIGITS} digits)"
    return None


def _number_problem(token: str) -> str | None:
    """What is wrong with a number JSON allows but no seminar file needs, if anything."""
    if _INTEGER.fullmatch(token):
        return _integer_problem(token)
    try:
        value = float(token)
    except ValueError:
        return None
    if math.isinf(value):
        shown = token if len(token) <= 24 else token[:24] + "…"
        return f"the number {shown} is too large"
    return None


def _nested_too_deep(value: Any) -> bool:
    """Whether a parsed value nests arrays and objects past the limit.

    Walks the containers level by level, without recursion; checking types
    exactly keeps the walk of a large file's hundred thousand values short.
    """
    level = [value] if type(value) in (dict, list) else []
    depth = 1
    while level:
        if _depth_problem(depth):
            return True
        below: list[Any] = []
        for container in level:
            for child in container.values() if type(container) is dict else container:
                if type(child) is dict or type(child) is list:
                    below.append(child)
        level = below
        depth += 1
    return False


class TextLocator:
    """Maps JSON paths to line and column by scanning the text, iteratively (no recursion).

    A scan keeps the offsets of the paths asked for and no others, builds a value's
    path only when it is asked for or has a problem, and stops once it has what it
    needs: a hostile file with millions of values or deep nesting costs at most time
    in proportion to its length, and little memory beyond its text.
    """

    def __init__(self, text: str):
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._structure_problems: list[Problem] | None = None

    def line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def place(self, problems: Iterable[Problem]) -> list[Problem]:
        """The same problems with line and column filled in from their paths."""
        problems = list(problems)
        offsets = self._offsets([p.path for p in problems if p.line is None])
        placed = []
        for problem in problems:
            where = self._locate(problem.path, offsets) if problem.line is None else None
            if where is not None:
                problem = Problem(problem.path, problem.message, *where)
            placed.append(problem)
        return placed

    def structure_problems(self) -> list[Problem]:
        """Duplicate keys, NaN or Infinity, numbers too long or too large, objects with too many
        members and nesting too deep, each located; one more than MAX_PROBLEMS at most."""
        if self._structure_problems is None:
            self._structure_problems = []
            self._scan(set(), self._structure_problems)
        return list(self._structure_problems)

    def _offsets(self, paths: list[Path]) -> dict[Path, int]:
        return self._scan(_with_ancestors(paths), None) if paths else {}

    def _locate(self, path: Path, offsets: dict[Path, int]) -> tuple[int, int] | None:
        for length in range(len(path), -1, -1):
            offset = offsets.get(tuple(path[:length]))
            if offset is not None:
                return self.line_column(offset)
        return None

    def _scan(self, wanted: set[Path], problems: list[Problem] | None) -> dict[Path, int]:
        """Offsets of the wanted paths (which include their ancestors), or, given a list,
        the structure problems (one more than MAX_PROBLEMS at most)."""
        offsets: dict[Path, int] = {}
        pending = set(wanted)  # wanted paths neither found nor known to be absent
        below: dict[Path, list[Path]] = {}
        for wanted_path in wanted:
            for length in range(len(wanted_path)):
                below.setdefault(wanted_path[:length], []).append(wanted_path)

        def report(path_of: Any, message: str, offset: int) -> None:
            if problems is not None:
                problems.append(Problem(path_of(), message, *self.line_column(offset)))

        # Paths built from the stack, only when a problem needs one.
        def value_path() -> Path:
            return tuple(frame[_KEY] for frame in stack)

        def container_path() -> Path:
            return value_path()[:-1]

        # Each frame: [key or index of the current child, is_object, expecting_key, seen_keys,
        #              offset, members, own path if it is wanted (else None), too many members]
        stack: list[list[Any]] = []
        overflow = 0  # containers opened beyond MAX_DEPTH: counted, never given paths

        for match in _TOKEN.finditer(self._text):
            if (problems is None and not pending) or (problems is not None and len(problems) > MAX_PROBLEMS):
                break
            token = match.group()
            if overflow:
                overflow += token in "{["
                overflow -= token in "}]"
                continue
            frame = stack[-1] if stack else None
            if token in ",:":
                if frame is not None and token == ",":
                    if frame[_IS_OBJECT]:
                        frame[_EXPECTING_KEY] = True
                    else:
                        frame[_KEY] += 1
                continue
            if token in "}]":
                if stack:
                    closed = stack.pop()[_PATH]
                    if closed is not None:  # what was wanted inside it and not found is absent
                        pending.difference_update(below.get(closed, ()))
                continue
            start = match.start()
            if frame is not None and frame[_IS_OBJECT] and frame[_EXPECTING_KEY]:
                key = _string_value(token)
                frame[_MEMBERS] += 1
                if problems is not None and not frame[_TOO_MANY]:  # checking the structure, not only placing
                    members_problem = _members_problem(frame[_MEMBERS])
                    if members_problem:
                        frame[_TOO_MANY] = True  # reported once; its keys are no longer compared
                        report(container_path, members_problem, frame[_OFFSET])
                    else:
                        if key in frame[_SEEN_KEYS]:
                            report(lambda key=key: (*container_path(), key), _duplicate_key_problem(key), start)
                        frame[_SEEN_KEYS].add(key)
                frame[_KEY], frame[_EXPECTING_KEY] = key, False
                continue
            if frame is None:
                path: Path | None = ()
            elif frame[_PATH] is not None:
                path = (*frame[_PATH], frame[_KEY])
            else:
                path = None
            if path is not None and path in wanted:
                offsets.setdefault(path, start)
                pending.discard(path)
            else:
                path = None
            constant_problem = _constant_problem(token)
            if constant_problem:
                report(value_path, constant_problem, start)
            elif token in "{[":
                depth_problem = _depth_problem(len(stack) + 1)
                if depth_problem:
                    report(value_path, depth_problem, start)
                    overflow = 1
                else:
                    stack.append([0, token == "{", token == "{", set(), start, 0, path, False])
            elif token[0] in "-0123456789":
                number_problem = _number_problem(token)
                if number_problem:
                    report(value_path, number_problem, start)
        return offsets


_KEY, _IS_OBJECT, _EXPECTING_KEY, _SEEN_KEYS, _OFFSET, _MEMBERS, _PATH, _TOO_MANY = range(8)


def _with_ancestors(paths: Iterable[Path]) -> set[Path]:
    return {tuple(path[:length]) for path in paths for length in range(len(path) + 1)}


def _string_value(token: str) -> str:
    try:
        value = json.loads(token)
    except ValueError:
        return token
    return value if isinstance(value, str) else token
