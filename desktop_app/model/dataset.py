"""Load, check and save seminar files.

:func:`load` and :func:`load_bytes` turn a file into a :class:`Dataset`, or raise
:class:`DatasetError` listing *every* problem found, each located by JSON path
and, where the text has one, line and column.  Checks run in three layers that
all report together: the bytes and JSON syntax (:mod:`.json_text`), the shape
and values of each field (:mod:`.schema`), and the rules that need the whole
file (unique ids, references between sections, excerpts found in the source).

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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from pydantic import ValidationError

from ..atomic import write_text_atomic
from . import json_text
from .analysis import COUNTED_KINDS_DEFAULT, SeminarAnalysis
from .excerpts import ExcerptFinder, Span, normalise
from .problems import MAX_PROBLEMS, DatasetError, Problem, printable, quoted
from .progress import LoadCancelled, Monitor
from .schema import FORMAT, READABLE_FORMATS, Kind, Position, Seminar, SeminarFile, Speaker, Theme, has_control_characters

__all__ = [
    "Dataset", "DatasetError", "LoadCancelled", "Monitor", "Problem", "Span",
    "load", "load_bytes", "from_model", "dumps", "save",
]

_Result = TypeVar("_Result")

READ_PIECE = 4 * 1024 * 1024
"""Bytes read at a time when a monitor follows the load."""
LONG_TEXT = 1024 * 1024
"""Characters of a source text past which its checks run a piece at a time (see :func:`_validated_seminar`)."""
STEP_ENTRIES = 1024
"""Entries checked between two reports to the monitor."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """A checked seminar: the file's model, where each excerpt sits in the source, and lookups.

    Immutable: an edit makes a new dataset, so anything derived from one (the
    analysis, a view's rows) stays valid for as long as it is held.
    """

    model: SeminarFile
    spans: Mapping[str, Span]
    path: Path | None = None

    @property
    def seminar(self):
        return self.model.seminar

    @cached_property
    def speakers(self) -> tuple[Speaker, ...]:
        """Speakers in speaking order."""
        return tuple(sorted(self.model.speakers, key=lambda s: s.order))

    @cached_property
    def themes(self) -> tuple[Theme, ...]:
        """Themes in the report's order."""
        return tuple(sorted(self.model.themes, key=lambda t: t.order))

    @cached_property
    def positions(self) -> tuple[Position, ...]:
        return tuple(self.model.positions)

    @cached_property
    def _speaker_index(self) -> dict[str, Speaker]:
        return {speaker.id: speaker for speaker in self.speakers}

    @cached_property
    def _theme_index(self) -> dict[str, Theme]:
        return {theme.id: theme for theme in self.themes}

    @cached_property
    def _position_index(self) -> dict[str, Position]:
        return {position.id: position for position in self.positions}

    @cached_property
    def _by_speaker(self) -> dict[str, tuple[Position, ...]]:
        return _group(self.positions, "speaker", self._theme_order)

    @cached_property
    def _by_theme(self) -> dict[str, tuple[Position, ...]]:
        return _group(self.positions, "theme", self._speaker_order)

    @cached_property
    def _theme_order(self) -> dict[str, int]:
        return {theme.id: rank for rank, theme in enumerate(self.themes)}

    @cached_property
    def _speaker_order(self) -> dict[str, int]:
        return {speaker.id: rank for rank, speaker in enumerate(self.speakers)}

    def speaker(self, speaker_id: str) -> Speaker:
        return self._speaker_index[speaker_id]

    def theme(self, theme_id: str) -> Theme:
        return self._theme_index[theme_id]

    def position(self, position_id: str) -> Position:
        return self._position_index[position_id]

    def has_speaker(self, speaker_id: str) -> bool:
        return speaker_id in self._speaker_index

    def has_theme(self, theme_id: str) -> bool:
        return theme_id in self._theme_index

    def positions_of(self, speaker_id: str) -> tuple[Position, ...]:
        """A speaker's positions, in theme order, then file order."""
        return self._by_speaker.get(speaker_id, ())

    def positions_on(self, theme_id: str) -> tuple[Position, ...]:
        """The positions taken on a theme, in speaking order, then file order."""
        return self._by_theme.get(theme_id, ())

    def speaker_rank(self, speaker_id: str) -> int:
        """Place of the speaker in speaking order, from 0."""
        return self._speaker_order[speaker_id]

    @cached_property
    def analysis(self) -> SeminarAnalysis:
        """Theme metrics and speaker agreement counting the default kinds, computed on first use and kept."""
        return SeminarAnalysis(
            self.positions, [theme.id for theme in self.themes], [speaker.id for speaker in self.speakers]
        )

    def analysis_for(self, counted_kinds: Iterable[Kind]) -> SeminarAnalysis:
        """The analysis counting only ``counted_kinds``, worked out once per choice and kept."""
        kinds = frozenset(counted_kinds)
        if kinds == COUNTED_KINDS_DEFAULT:
            return self.analysis
        found = self._analyses.get(kinds)
        if found is None:
            found = SeminarAnalysis(
                self.positions, [theme.id for theme in self.themes], [speaker.id for speaker in self.speakers], kinds
            )
            self._analyses[kinds] = found
        return found

    @cached_property
    def _analyses(self) -> dict[frozenset[Kind], SeminarAnalysis]:
        return {}

    def precompute(self, monitor: Monitor | None = None) -> None:
        """Work out now what is otherwise worked out on first use: the lookups, the analysis, the agreement matrix.

        A load in a background thread calls this, so the window does not do the
        work while it shows the seminar.  Reports the "analysis" phase.
        """
        monitor = monitor or Monitor()
        monitor.begin("analysis")
        for name in ("_speaker_index", "_theme_index", "_position_index", "_by_speaker", "_by_theme"):
            getattr(self, name)
        monitor.advance(1, 3)
        analysis = self.analysis
        monitor.advance(2, 3)
        analysis.matrix  # noqa: B018 (a cached property, worked out here)

    def derived(self, make: Callable[[Dataset], _Result]) -> _Result:
        """``make(self)``, worked out once for this dataset and kept.

        Views keep here what they derive from a whole seminar (search text, the
        layout of the report), so that a background load can work it out before
        the window shows the dataset.  ``make`` must not touch Qt objects.
        """
        cache = self._derived
        if make not in cache:
            cache[make] = make(self)
        return cache[make]

    @cached_property
    def _derived(self) -> dict[Callable[[Dataset], Any], Any]:
        return {}

    @property
    def chair(self) -> Speaker | None:
        chair_id = self.seminar.chair
        return self._speaker_index.get(chair_id) if chair_id else None

    @property
    def name(self) -> str:
        """File name to show, or the seminar's title for a dataset not read from a file."""
        return self.path.name if self.path else self.seminar.title


def _group(positions: Sequence[Position], key: str, order: Mapping[str, int]) -> dict[str, tuple[Position, ...]]:
    other = "theme" if key == "speaker" else "speaker"
    groups: dict[str, list[Position]] = {}
    for index, position in enumerate(positions):
        groups.setdefault(getattr(position, key), []).append(position)
    file_order = {position.id: index for index, position in enumerate(positions)}
    return {
        owner: tuple(sorted(items, key=lambda p: (order.get(getattr(p, other), 0), file_order[p.id])))
        for owner, items in groups.items()
    }


# ---------------------------------------------------------------------------
# Loading


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
    spans, cross_problems = check_references(_Refs.from_raw(raw), monitor)
    problems.extend(cross_problems)
    if problems:
        problems = parsed.locator.place(problems)
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise DatasetError(source, problems)
    assert model is not None
    return Dataset(model, spans, path)


def from_model(model: SeminarFile, path: Path | None = None, source: str = "<seminar>") -> Dataset:
    """A dataset from a model built in code; the whole-file rules are checked as on loading."""
    spans, problems = check_references(_Refs.from_model(model))
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
    found = _json_type(declared) if isinstance(declared, (list, dict)) else _shown(declared)
    return Problem(("format",), f"format must be '{FORMAT}', found {found}")


_ENTRY_MODELS = {"themes": Theme, "speakers": Speaker, "positions": Position}


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
        return f"{_shown(value)} is not a valid id: use lower-case letters and digits, words joined by '-' or '_'"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    message = message[:1].lower() + message[1:]
    if isinstance(value, (str, int, float, bool)) or value is None:
        message += f" (found {_shown(value)})"
    else:
        message += f" (found {_json_type(value)})"
    return message


def _shown(value: Any, limit: int = 60) -> str:
    """A scalar from the file as JSON, cut to ``limit`` characters, fit for a one-line message."""
    if isinstance(value, str):
        value = value[:limit]  # a label can be megabytes long; only its start is shown
    text = printable(json.dumps(value, ensure_ascii=False))
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class _Refs:
    """The parts of a seminar that the whole-file rules look at, however it was read.

    From raw JSON every entry is taken as it is, well-formed or not, so these
    rules report alongside the schema's problems rather than after them.
    """

    themes: list[tuple[int, Any]]
    speakers: list[tuple[int, Any]]
    positions: list[tuple[int, Any, Any, Any, Any]]  # index, id, speaker, theme, excerpt
    chair: Any
    source_text: Any

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> _Refs:
        def entries(section: str) -> list[tuple[int, dict[str, Any]]]:
            items = raw.get(section)
            if not isinstance(items, list):
                return []
            return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]

        seminar = raw.get("seminar") if isinstance(raw.get("seminar"), dict) else {}
        source = seminar.get("source") if isinstance(seminar.get("source"), dict) else {}
        return cls(
            themes=[(i, item.get("id")) for i, item in entries("themes")],
            speakers=[(i, item.get("id")) for i, item in entries("speakers")],
            positions=[
                (i, item.get("id"), item.get("speaker"), item.get("theme"), item.get("excerpt"))
                for i, item in entries("positions")
            ],
            chair=seminar.get("chair"),
            source_text=source.get("text"),
        )

    @classmethod
    def from_model(cls, model: SeminarFile) -> _Refs:
        return cls(
            themes=list(enumerate(theme.id for theme in model.themes)),
            speakers=list(enumerate(speaker.id for speaker in model.speakers)),
            positions=[(i, p.id, p.speaker, p.theme, p.excerpt) for i, p in enumerate(model.positions)],
            chair=model.seminar.chair,
            source_text=model.seminar.source.text,
        )


def check_references(refs: _Refs, monitor: Monitor | None = None) -> tuple[dict[str, Span], list[Problem]]:
    """Unique ids, references that resolve, excerpts found in the source; and each excerpt's span."""
    monitor = monitor or Monitor()
    problems: list[Problem] = []
    theme_ids = _unique_ids("themes", refs.themes, problems)
    speaker_ids = _unique_ids("speakers", refs.speakers, problems)
    _unique_ids("positions", [(i, pid) for i, pid, *_ in refs.positions], problems)

    if isinstance(refs.chair, str) and refs.chair not in speaker_ids:
        problems.append(Problem(("seminar", "chair"), f"the chair {quoted(refs.chair)} is not one of the speakers"))

    finder = ExcerptFinder(refs.source_text) if isinstance(refs.source_text, str) else None
    spans: dict[str, Span] = {}
    total = len(refs.positions)
    for number, (index, position_id, speaker_id, theme_id, excerpt) in enumerate(refs.positions):
        if number % STEP_ENTRIES == 0:
            monitor.advance(number, total)
        if len(problems) > MAX_PROBLEMS:
            break  # enough to report; the rest of a hostile file is not worth the time
        if isinstance(speaker_id, str) and speaker_id not in speaker_ids:
            problems.append(Problem(("positions", index, "speaker"), f"unknown speaker {quoted(speaker_id)}"))
        if isinstance(theme_id, str) and theme_id not in theme_ids:
            problems.append(Problem(("positions", index, "theme"), f"unknown theme {quoted(theme_id)}"))
        if finder is None or not isinstance(excerpt, str) or not excerpt.strip():
            continue
        span = finder.find(excerpt)
        if span is None:
            problems.append(Problem(("positions", index, "excerpt"), _excerpt_missing(finder, excerpt)))
        elif isinstance(position_id, str):
            spans[position_id] = span
    return spans, problems


def _unique_ids(section: str, entries: Sequence[tuple[int, Any]], problems: list[Problem]) -> set[str]:
    first_seen: dict[str, int] = {}
    for index, entry_id in entries:
        if not isinstance(entry_id, str):
            continue
        if entry_id in first_seen:
            if len(problems) > MAX_PROBLEMS:
                continue  # the ids are still collected: references are checked against them
            problems.append(
                Problem(
                    (section, index, "id"),
                    f"duplicate id {quoted(entry_id)} (already used by {section}[{first_seen[entry_id]}])",
                )
            )
        else:
            first_seen[entry_id] = index
    return set(first_seen)


def _excerpt_missing(finder: ExcerptFinder, excerpt: str) -> str:
    needle = normalise(excerpt)
    matched = finder.matching_prefix(excerpt)
    if matched < 12:
        return "the excerpt does not occur in the source text"
    tail = needle[matched : matched + 30]
    return (
        f"the excerpt does not occur in the source text: its first {matched} characters match, "
        f"then it differs at {_shown(tail, 40)}"
    )


# ---------------------------------------------------------------------------
# Saving


def dumps(model: SeminarFile) -> str:
    """The file text for a model: UTF-8 JSON, two-space indent, fields in schema order."""
    data = model.model_dump(mode="json", exclude_none=False)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(model: SeminarFile, path: str | os.PathLike[str]) -> None:
    """Write a model atomically: the old file stays intact if anything fails."""
    write_text_atomic(Path(path), dumps(model))
