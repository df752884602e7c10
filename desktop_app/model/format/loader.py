"""Load, check and save seminar files.

:func:`load` and :func:`load_bytes` turn a file into a :class:`~.dataset.Dataset`, or raise
:class:`~.problems.DatasetError` listing *every* problem found, each located by JSON path
and, where the text has one, line and column.  Checks run in three layers that
all report together: the bytes and JSON syntax (:mod:`.json_text`), the shape
and values of each field (:mod:`.schema`), and the rules that need the whole
file (:mod:`.references`: unique ids, references between sections, excerpts
found in the source, transcript turns).

A load can be followed and stopped through a :class:`~.progress.Monitor`: it
hears of each phase and of the progress through the long ones, and raises
:class:`~.progress.LoadCancelled` at those points once the caller asks.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from pydantic import BaseModel, ValidationError

from ...atomic import write_text_atomic
from ..dataset import Dataset
from . import json_text
from .coding import omit_unset_coding
from .problems import MAX_PROBLEMS, DatasetError, Problem, quoted, shown
from .progress import Monitor
from .references import STEP_ENTRIES, SeminarParts, check_references
from .schema import (
    FORMAT,
    READABLE_FORMATS,
    Position,
    Seminar,
    SeminarFile,
    Speaker,
    Theme,
    has_control_characters,
)

__all__ = ["cycle_collection_paused", "dumps", "from_model", "load", "load_bytes", "load_shipped", "save"]

_Result = TypeVar("_Result")

READ_PIECE = 4 * 1024 * 1024
"""Bytes read at a time when a monitor follows the load."""
LONG_TEXT = 1024 * 1024
"""Characters of a source text past which its checks run a piece at a time (see :func:`_validated_seminar`)."""


def load(path: str | os.PathLike[str], *, monitor: Monitor | None = None) -> Dataset:
    """Read and check a seminar file; raise DatasetError with every problem found.

    With a ``monitor``, the load reports its progress to it and stops with
    LoadCancelled when it is asked to.
    """
    file_path = Path(path)
    label = str(path)
    try:
        status = file_path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a device could block for ever, or never end: only ordinary files are read.
            raise DatasetError(label, [Problem((), "this is not an ordinary file (a pipe, socket or device)")])
        size = status.st_size
        if size > json_text.MAX_FILE_BYTES:
            raise DatasetError(label, [_too_big(size)])
        with file_path.open("rb") as handle:
            data = _read(handle, size, monitor)
    except FileNotFoundError:
        raise DatasetError(label, [Problem((), "no such file")]) from None
    except IsADirectoryError:
        raise DatasetError(label, [Problem((), "this is a folder, not a file")]) from None
    except PermissionError:
        raise DatasetError(label, [Problem((), "permission denied: the file cannot be read")]) from None
    except OSError as exc:
        raise DatasetError(label, [Problem((), f"the file cannot be read: {exc.strerror or exc}")]) from None
    return load_bytes(data, label, path=file_path, monitor=monitor)


def load_shipped(path: str | os.PathLike[str], sha256: str) -> Dataset:
    """A seminar shipped with the application: if its bytes have the digest ``sha256``, its fields are taken as they stand.

    Bytes with that digest are those the tests checked in full, so their
    fields are not checked one by one again (see :mod:`.trusted`); the rules
    that need the whole file still run, and give the places of the excerpts.
    Any other bytes, or a file that cannot be taken as it stands, are loaded by
    :func:`load`, which raises DatasetError with their problems.
    """
    import hashlib

    from .trusted import trusted_model

    try:
        data = Path(path).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            return load(path)
        raw = json_text.parse(json_text.decode(data)).value
        if not isinstance(raw, dict) or _format_problem(raw) is not None:
            return load(path)
        model = trusted_model(raw)
    except (OSError, ValueError, json_text.JsonProblem):
        return load(path)
    spans, problems = check_references(SeminarParts.from_raw(raw))
    if problems:
        return load(path)
    return Dataset(model, spans, Path(path))


def _read(handle: BinaryIO, size: int, monitor: Monitor | None) -> bytes:
    """The file's bytes; in pieces when a monitor follows, so it sees progress and can stop the read."""
    # Read one byte past the limit so a file that grows after stat() is still refused.
    limit = json_text.MAX_FILE_BYTES + 1
    if monitor is None:
        return handle.read(limit)
    monitor.begin("reading")
    pieces: list[bytes] = []
    read = 0
    while read < limit:
        piece = handle.read(min(READ_PIECE, limit - read))
        if not piece:
            break
        pieces.append(piece)
        read += len(piece)
        monitor.advance(read, size)
    return b"".join(pieces)


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the block, and leave the collector as it was.

    Loading allocates millions of objects, and the collector, set off by the
    allocations, walks the growing heap again and again for nothing: none of
    it is cyclic garbage.  After a block that ends normally every tracked
    object, the new dataset among them, is filed under the oldest generation,
    which is where the collector would move the dataset after two more walks
    of its own; cyclic garbage from elsewhere then waits for the next full
    collection.  Blocks may nest.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if not gc.get_freeze_count():  # never thaw what the application froze itself
            gc.freeze()
            gc.unfreeze()  # thawed objects go back into the oldest generation
    finally:
        if was_enabled:
            gc.enable()


def _without_cycle_collection(function: Callable[..., _Result]) -> Callable[..., _Result]:
    """Run ``function`` inside :func:`cycle_collection_paused`."""

    @functools.wraps(function)
    def paused(*args: Any, **kwargs: Any) -> _Result:
        with cycle_collection_paused():
            return function(*args, **kwargs)

    return paused


@_without_cycle_collection
def load_bytes(
    data: bytes, source: str = "<data>", *, path: Path | None = None, monitor: Monitor | None = None
) -> Dataset:
    """Check the bytes of a seminar file; ``source`` names it in problems.  ``monitor`` as for :func:`load`."""
    monitor = monitor or Monitor()
    if len(data) > json_text.MAX_FILE_BYTES:
        raise DatasetError(source, [_too_big(len(data))])
    try:
        monitor.begin("decoding")
        text = json_text.decode(data)
        monitor.begin("parsing")
        parsed = json_text.parse(text)
    except json_text.JsonProblem as exc:
        raise DatasetError(source, exc.problems) from None
    raw = parsed.value
    if not isinstance(raw, dict):
        found = _json_type(raw)
        raise DatasetError(source, [Problem((), f"the file must hold a JSON object, not {found}", 1, 1)])

    problems: list[Problem] = []
    model: SeminarFile | None = None
    monitor.begin("fields")
    format_problem = _format_problem(raw)
    if format_problem:
        problems.append(format_problem)
    else:
        model = _validate(raw, problems, monitor)
    monitor.begin("excerpts")
    spans, cross_problems = check_references(SeminarParts.from_raw(raw), monitor)
    problems.extend(cross_problems)
    if problems:
        problems = parsed.locator.place(problems)
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise DatasetError(source, problems)
    assert model is not None
    return Dataset(model, spans, path)


def from_model(model: SeminarFile, path: Path | None = None, source: str = "<seminar>") -> Dataset:
    """A dataset from a model built in code; the whole-file rules are checked as on loading."""
    spans, problems = check_references(SeminarParts.from_model(model))
    if problems:
        raise DatasetError(source, problems)
    return Dataset(model, spans, path)


def _too_big(size: int) -> Problem:
    limit = json_text.human_size(json_text.MAX_FILE_BYTES)
    shown = json_text.human_size(size)
    if shown == limit:  # just over the limit: the rounded sizes would read the same
        shown = f"{size:,} bytes"
    return Problem((), f"the file is {shown}, larger than the {limit} limit for seminar files")


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a number"


def _format_problem(raw: dict[str, Any]) -> Problem | None:
    declared = raw.get("format")
    if declared in READABLE_FORMATS:
        return None
    if declared is None:
        return Problem(("format",), f"missing field 'format': this does not look like a seminar file ({FORMAT})")
    if isinstance(declared, str) and declared.startswith("seminar-lens/"):
        return Problem(("format",), f"format {quoted(declared)} is not one this version reads (it reads {' and '.join(READABLE_FORMATS)})")
    found = _json_type(declared) if isinstance(declared, (list, dict)) else shown(declared)
    return Problem(("format",), f"format must be '{FORMAT}', found {found}")


_ENTRY_MODELS: dict[str, type[BaseModel]] = {"themes": Theme, "speakers": Speaker, "positions": Position}


def _validate(raw: dict[str, Any], problems: list[Problem], monitor: Monitor) -> SeminarFile | None:
    """The model of a parsed file, or None with its schema problems added to ``problems``.

    Entries are checked one at a time, and checking stops once more than MAX_PROBLEMS
    are found: pydantic would otherwise build an error for each of the millions of
    broken entries a hostile file of a few megabytes can hold, and run out of memory.

    No single call into pydantic gets a whole section or a whole report to
    check: pydantic holds Python's interpreter lock for as long as a call
    lasts, and a window waiting on a background load would freeze meanwhile.
    """
    found_before = len(problems)
    checked = dict(raw)
    seminar = _validated_seminar(raw.get("seminar"), monitor)
    if seminar is not None:
        checked["seminar"] = seminar
    sections = {section: raw.get(section) for section in _ENTRY_MODELS}
    total = sum(len(entries) for entries in sections.values() if isinstance(entries, list))
    done = 0
    for section, entry_model in _ENTRY_MODELS.items():
        entries = sections[section]
        if not isinstance(entries, list):
            continue
        models = []
        for index, entry in enumerate(entries):
            if index % STEP_ENTRIES == 0:
                monitor.advance(done + index, total)
            try:
                models.append(entry_model.model_validate(entry))
            except ValidationError as exc:
                problems.extend(_schema_problems(exc, (section, index)))
                if len(problems) > MAX_PROBLEMS:
                    return None
        done += len(entries)
        checked[section] = models
    # The entries are checked: the file is checked without them, then given them.
    entry_lists = {section: checked[section] for section in _ENTRY_MODELS if isinstance(sections[section], list)}
    try:
        model = SeminarFile.model_validate({**checked, **{section: [] for section in entry_lists}})
    except ValidationError as exc:
        problems.extend(_schema_problems(exc))
        return None
    if len(problems) != found_before:
        return None
    return model.model_copy(update=entry_lists)


def _validated_seminar(raw_seminar: Any, monitor: Monitor) -> Seminar | None:
    """The seminar, checked with a long source text checked apart, a piece at a time; else None.

    None leaves the seminar to be checked as part of the file, as a short text
    or any problem is (pydantic then words the problem).
    """
    if not isinstance(raw_seminar, dict) or not isinstance(raw_seminar.get("source"), dict):
        return None
    source = raw_seminar["source"]
    text = source.get("text")
    if type(text) is not str or len(text) < LONG_TEXT or not _long_text_passes(text, monitor):
        return None
    try:
        seminar = Seminar.model_validate({**raw_seminar, "source": {**source, "text": "x"}})
    except ValidationError:
        return None
    return seminar.model_copy(update={"source": seminar.source.model_copy(update={"text": text})})


def _long_text_passes(text: str, monitor: Monitor) -> bool:
    """Whether a source text passes its field's checks (not blank, no control characters), piece by piece."""
    blank = True
    for start in range(0, len(text), LONG_TEXT):
        monitor.check()
        piece = text[start : start + LONG_TEXT]
        if has_control_characters(piece):
            return False
        blank = blank and piece.isspace()
    return not blank


def _schema_problems(exc: ValidationError, within: tuple[str | int, ...] = ()) -> Iterator[Problem]:
    for error in exc.errors(include_url=False):
        path = (*within, *error["loc"])
        yield Problem(path, _friendly(error))


def _friendly(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    loc = error["loc"]
    field_name = loc[-1] if loc else ""
    value = error.get("input")
    if kind == "missing":
        return f"missing required field '{field_name}'"
    if kind == "extra_forbidden":
        return f"unknown field {quoted(str(field_name))} (not part of {FORMAT})"
    if kind == "string_pattern_mismatch" and field_name in {"id", "speaker", "theme", "chair"}:
        return f"{shown(value)} is not a valid id: use lower-case letters and digits, words joined by '-' or '_'"
    message: str = error["msg"]
    message = message.removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    if isinstance(value, (str, int, float, bool)) or value is None:
        message += f" (found {shown(value)})"
    else:
        message += f" (found {_json_type(value)})"
    return message


# ---------------------------------------------------------------------------
# Saving


def dumps(model: SeminarFile) -> str:
    """The file text for a model: UTF-8 JSON, two-space indent, fields in schema order."""
    data = omit_unset_coding(model.model_dump(mode="json", exclude_none=False))
    if data.get("recording") is None:
        data.pop("recording", None)  # a seminar without a recording saves as before
    text: str = json.dumps(data, ensure_ascii=False, indent=2)
    return text + "\n"


def save(model: SeminarFile, path: str | os.PathLike[str]) -> None:
    """Write a model atomically: the old file stays intact if anything fails."""
    write_text_atomic(Path(path), dumps(model))
