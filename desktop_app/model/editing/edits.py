"""Edits of a seminar, each with the edit that undoes it, checked where they touch the file.

A :class:`Dataset` never changes: :func:`apply_edit` makes the dataset an edit
leads to and the edit that leads back.  The dataset it starts from is known to
be sound, so only what the edit touches is checked, by the same rules and in
the same words as a loaded file: the changed entry's fields, the references
to and from it (a position's speaker and theme, the chair, the brief, the
transcript turns) and a changed excerpt.  The excerpts of every other
position keep their places, so an edit costs the same on ten positions as on
ten thousand.

The edits:

- :class:`Insert`, :class:`Replace`, :class:`Remove`: one speaker, theme or position;
- :class:`ReplaceSeminar`: the event's details (title, question, scale words, date, citation, memo...);
- :class:`ReplaceSource`: the source text, with every excerpt's new place (see :mod:`.reanchor`);
- :class:`ReplaceBrief`: the analyst's brief;
- :class:`SetOrders`: the speaking order of speakers or the order of themes;
- :class:`Compound`: several edits applied as one, all or none.

A position whose excerpt is no longer found in the source text (after the
text changed) stays in the dataset without a span: see
:attr:`Dataset.unanchored <.dataset.Dataset.unanchored>`.  Saving refuses
such a dataset, the analyst re-selects the excerpt or removes the position.
The builders at the end (:func:`remove_speaker`, :func:`merge_themes`,
:func:`split_position`, :func:`move_entry`, ...) make the compound edits the
window offers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ValidationError

from ..dataset import Dataset
from ..format.coding import Coding
from ..format.excerpts import Span, matches_at
from ..format.problems import DatasetError, Problem, quoted
from ..format.recording import Recording
from ..format.references import TurnParts, _check_turns
from ..format.schema import FORMAT, Brief, Judgement, Position, Seminar, SeminarFile, Speaker, Theme, Turn
from .reanchor import Reanchoring, reanchor

EntryKind = Literal["speaker", "theme", "position"]
Entry = Speaker | Theme | Position

_SECTION: dict[EntryKind, str] = {"speaker": "speakers", "theme": "themes", "position": "positions"}
_SOURCE = "<seminar>"


def kind_of(entry: Entry) -> EntryKind:
    if isinstance(entry, Speaker):
        return "speaker"
    if isinstance(entry, Theme):
        return "theme"
    if isinstance(entry, Position):
        return "position"
    raise TypeError(f"not a seminar entry: {type(entry).__name__}")


class _OfOneEntry:
    """What an edit that carries a whole entry says of it: its kind and id, read from the entry."""

    entry: Entry

    @property
    def kind(self) -> EntryKind:
        return kind_of(self.entry)

    @property
    def entry_id(self) -> str:
        return self.entry.id


@dataclass(frozen=True)
class Insert(_OfOneEntry):
    """Add a new entry; at ``index`` in its section of the file, or at its end.

    For a position, ``span`` says where its excerpt sits (a selection in the
    source); without one the excerpt is looked for.  ``unanchored`` puts back a
    position whose excerpt is not in the source text (only undo does that).
    """

    entry: Entry
    index: int | None = None
    span: Span | None = None
    unanchored: bool = False


@dataclass(frozen=True)
class Replace(_OfOneEntry):
    """Put ``entry`` in place of the entry with the same id (``span`` and ``unanchored`` as for :class:`Insert`)."""

    entry: Entry
    span: Span | None = None
    unanchored: bool = False


@dataclass(frozen=True)
class Remove:
    """Take out the entry of this kind with this id."""

    kind: EntryKind
    entry_id: str


@dataclass(frozen=True)
class ReplaceSeminar:
    """New details of the event; its source text and turns stay (see :class:`ReplaceSource`)."""

    seminar: Seminar
    kind: Literal["seminar"] = "seminar"
    entry_id: str = "seminar"


@dataclass(frozen=True)
class ReplaceSource:
    """A new source text, with where each position's unchanged excerpt now sits.

    Positions left out of ``spans`` become unanchored.  ``turns`` are the
    transcript's turns over the new text.
    """

    text: str
    spans: Mapping[str, Span]
    turns: tuple[Turn, ...] = ()
    kind: Literal["seminar"] = "seminar"
    entry_id: str = "source"


@dataclass(frozen=True)
class ReplaceBrief:
    """A new brief (None takes it out)."""

    brief: Brief | None
    kind: Literal["seminar"] = "seminar"
    entry_id: str = "brief"


@dataclass(frozen=True)
class ReplaceCoding:
    """A new coding block: who coded the file and its last comparison with other coders (None takes it out)."""

    coding: Coding | None
    kind: Literal["seminar"] = "seminar"
    entry_id: str = "coding"


@dataclass(frozen=True)
class ReplaceRecording:
    """A new reference to the seminar's recording (None takes it out)."""

    recording: Recording | None
    kind: Literal["seminar"] = "seminar"
    entry_id: str = "recording"


@dataclass(frozen=True)
class SetOrders:
    """Give speakers or themes these ``order`` values (id, order), the others keeping theirs."""

    kind: Literal["speaker", "theme"]
    orders: tuple[tuple[str, int], ...]

    @property
    def entry_id(self) -> str:
        return self.orders[0][0] if self.orders else ""


@dataclass(frozen=True)
class Compound:
    """Several edits applied in turn as one: all of them, or none when one is refused."""

    edits: tuple[Edit, ...] = field(default_factory=tuple)
    kind: Literal["compound"] = "compound"
    entry_id: str = ""


Edit = (
    Insert | Replace | Remove | ReplaceSeminar | ReplaceSource | ReplaceBrief | ReplaceCoding | ReplaceRecording | SetOrders
    | Compound
)
EntryEdit = Insert | Replace | Remove


class EditRefused(ValueError):
    """An edit that names an entry that is not there, or one that is there already."""


def leaves(edit: Edit) -> Iterator[Edit]:
    """The single edits a compound edit is made of, in the order they apply (the edit itself if it is single)."""
    if isinstance(edit, Compound):
        for part in edit.edits:
            yield from leaves(part)
    else:
        yield edit


def apply_edit(dataset: Dataset, edit: Edit) -> tuple[Dataset, Edit]:
    """The dataset ``edit`` leads to, and the edit that leads back.

    Raises :class:`EditRefused` when the edit does not fit the dataset, and
    :class:`~.problems.DatasetError` when its result breaks a rule of the file
    (a position left pointing at a removed speaker, an excerpt not in the source).
    Either way nothing changes: datasets are never modified.
    """
    if isinstance(edit, Compound):
        inverses: list[Edit] = []
        for part in edit.edits:
            dataset, inverse = apply_edit(dataset, part)
            inverses.append(inverse)
        return dataset, Compound(tuple(reversed(inverses)))
    if isinstance(edit, (Insert, Replace, Remove)):
        return _apply_entry_edit(dataset, edit)
    if isinstance(edit, ReplaceSeminar):
        return _replace_seminar(dataset, edit)
    if isinstance(edit, ReplaceSource):
        return _replace_source(dataset, edit)
    if isinstance(edit, ReplaceBrief):
        return _replace_brief(dataset, edit)
    if isinstance(edit, SetOrders):
        return _set_orders(dataset, edit)
    if isinstance(edit, ReplaceCoding):
        model = dataset.model.model_copy(update={"coding": edit.coding})
        following = dataset.succeeded_by(model, dataset.spans)
        following.inherit_everything(dataset)
        return following, ReplaceCoding(dataset.model.coding)
    if isinstance(edit, ReplaceRecording):
        model = dataset.model.model_copy(update={"recording": edit.recording})
        following = dataset.succeeded_by(model, dataset.spans)
        following.inherit_everything(dataset)
        return following, ReplaceRecording(dataset.model.recording)
    raise TypeError(f"not an edit: {type(edit).__name__}")


# -- one entry --------------------------------------------------------------------


def _validated(entry: BaseModel, path: tuple[str | int, ...]) -> None:
    """Check an entry's fields as loading would (an entry made with ``model_copy`` was never checked)."""
    try:
        type(entry).model_validate(entry.model_dump(mode="json"))
    except ValidationError as exc:
        problems = [Problem((*path, *error["loc"]), error["msg"].removeprefix("Value error, ")) for error in exc.errors(include_url=False)]
        raise DatasetError(_SOURCE, problems) from None


def _apply_entry_edit(dataset: Dataset, edit: EntryEdit) -> tuple[Dataset, Edit]:
    section = _SECTION[edit.kind]
    entries = list(getattr(dataset.model, section))
    at = next((i for i, entry in enumerate(entries) if entry.id == edit.entry_id), None)
    spans = dict(dataset.spans)
    problems: list[Problem] = []
    inverse: Edit
    if isinstance(edit, Insert):
        if at is not None:
            raise EditRefused(f"there is already a {edit.kind} with the id {edit.entry_id!r}")
        index = len(entries) if edit.index is None else max(0, min(edit.index, len(entries)))
        _validated(edit.entry, (section, index))
        entries.insert(index, edit.entry)
        inverse = Remove(edit.kind, edit.entry_id)
        if isinstance(edit.entry, Position):
            _check_position(dataset, edit.entry, index, edit.span, edit.unanchored, None, spans, problems)
    elif at is None:
        raise EditRefused(f"there is no {edit.kind} with the id {edit.entry_id!r}")
    elif isinstance(edit, Replace):
        old = entries[at]
        _validated(edit.entry, (section, at))
        inverse = Replace(old, dataset.spans.get(old.id), old.id not in dataset.spans) if isinstance(old, Position) else Replace(old)
        entries[at] = edit.entry
        if isinstance(edit.entry, Position):
            assert isinstance(old, Position)
            _check_position(dataset, edit.entry, at, edit.span, edit.unanchored, old, spans, problems)
    else:
        old = entries.pop(at)
        if isinstance(old, Position):
            inverse = Insert(old, at, dataset.spans.get(old.id), old.id not in dataset.spans)
            spans.pop(old.id, None)
            _check_position_unused(dataset, old.id, problems)
        else:
            inverse = Insert(old, at)
            _check_unused(dataset, edit.kind, old.id, problems)
    if problems:
        raise DatasetError(_SOURCE, problems)
    model = dataset.model.model_copy(update={section: entries})
    following = dataset.succeeded_by(model, spans)
    if edit.kind == "position":
        before = None if isinstance(edit, Insert) else dataset.position(edit.entry_id)
        after = edit.entry if isinstance(edit, Insert | Replace) and isinstance(edit.entry, Position) else None
        following.inherit_lookups(dataset, before, after)
    return following, inverse


def _check_position(
    dataset: Dataset,
    position: Position,
    index: int,
    span: Span | None,
    unanchored: bool,
    old: Position | None,
    spans: dict[str, Span],
    problems: list[Problem],
) -> None:
    """The position's speaker and theme exist, and its excerpt is in the source (its span put in ``spans``)."""
    if not dataset.has_speaker(position.speaker):
        problems.append(Problem(("positions", index, "speaker"), f"unknown speaker {quoted(position.speaker)}"))
    if not dataset.has_theme(position.theme):
        problems.append(Problem(("positions", index, "theme"), f"unknown theme {quoted(position.theme)}"))
    spans.pop(position.id, None)
    if unanchored:
        return
    finder = dataset.excerpt_finder
    if span is None and old is not None and old.excerpt == position.excerpt and old.id in dataset.spans:
        span = dataset.spans[old.id]  # the excerpt is unchanged: so is its place
    if span is not None:
        if not finder.matches_at(position.excerpt, span):
            problems.append(Problem(("positions", index, "excerpt"), "the excerpt is not the text at the place given for it"))
            return
    else:
        span = finder.find(position.excerpt)
        if span is None:
            problems.append(Problem(("positions", index, "excerpt"), "the excerpt does not occur in the source text"))
            return
    spans[position.id] = span


def _check_position_unused(dataset: Dataset, position_id: str, problems: list[Problem]) -> None:
    brief = dataset.model.brief
    if brief is None:
        return
    for section in ("key_judgements", "what_to_watch"):
        for index, judgement in enumerate(getattr(brief, section)):
            for number, used in enumerate(judgement.positions):
                if used == position_id:
                    problems.append(Problem(("brief", section, index, "positions", number), f"unknown position {quoted(position_id)}"))


def _check_unused(dataset: Dataset, kind: EntryKind, entry_id: str, problems: list[Problem]) -> None:
    """Nothing refers to the speaker or theme about to go (positions, the chair, transcript turns)."""
    for index, position in enumerate(dataset.model.positions):
        if getattr(position, kind) == entry_id:
            problems.append(Problem(("positions", index, kind), f"unknown {kind} {quoted(entry_id)}"))
    if kind == "speaker":
        if dataset.seminar.chair == entry_id:
            problems.append(Problem(("seminar", "chair"), f"the chair {quoted(entry_id)} is not one of the speakers"))
        for index, turn in enumerate(dataset.seminar.source.turns):
            if turn.speaker == entry_id:
                problems.append(Problem(("seminar", "source", "turns", index, "speaker"), f"unknown speaker {quoted(entry_id)}"))


# -- the seminar, its source and its brief ----------------------------------------------


def _replace_seminar(dataset: Dataset, edit: ReplaceSeminar) -> tuple[Dataset, Edit]:
    old = dataset.seminar
    source = edit.seminar.source
    if source.text != old.source.text or source.turns != old.source.turns:
        raise EditRefused("the seminar's details cannot change its source text or turns: replace the source instead")
    _validated(edit.seminar.model_copy(update={"source": source.model_copy(update={"text": "x", "turns": []})}), ("seminar",))
    chair = edit.seminar.chair
    if chair is not None and not dataset.has_speaker(chair):
        raise DatasetError(_SOURCE, [Problem(("seminar", "chair"), f"the chair {quoted(chair)} is not one of the speakers")])
    model = dataset.model.model_copy(update={"seminar": edit.seminar})
    following = dataset.succeeded_by(model, dataset.spans)
    following.inherit_everything(dataset)
    return following, ReplaceSeminar(old)


def _replace_source(dataset: Dataset, edit: ReplaceSource) -> tuple[Dataset, Edit]:
    old_source = dataset.seminar.source
    source = old_source.model_copy(update={"text": edit.text, "turns": list(edit.turns)})
    _validated(source, ("seminar", "source"))
    problems: list[Problem] = []
    turn_parts = [TurnParts(i, t.speaker, t.start, t.end, t.start_time, t.end_time) for i, t in enumerate(edit.turns)]
    _check_turns(turn_parts, {s.id for s in dataset.model.speakers}, len(edit.text), problems)
    model = dataset.model.model_copy(update={"seminar": dataset.seminar.model_copy(update={"source": source})})
    spans: dict[str, Span] = {}
    for index, position in enumerate(dataset.model.positions):
        span = edit.spans.get(position.id)
        if span is None:
            continue
        if not matches_at(edit.text, position.excerpt, span):
            problems.append(Problem(("positions", index, "excerpt"), "the excerpt is not the text at the place given for it"))
        spans[position.id] = span
    if problems:
        raise DatasetError(_SOURCE, problems)
    inverse = ReplaceSource(old_source.text, dict(dataset.spans), tuple(old_source.turns))
    return dataset.succeeded_by(model, spans), inverse


def _replace_brief(dataset: Dataset, edit: ReplaceBrief) -> tuple[Dataset, Edit]:
    if edit.brief is not None:
        _validated(edit.brief, ("brief",))
        known = {p.id for p in dataset.model.positions}
        problems = [
            Problem(("brief", section, index, "positions", number), f"unknown position {quoted(position_id)}")
            for section in ("key_judgements", "what_to_watch")
            for index, judgement in enumerate(getattr(edit.brief, section))
            for number, position_id in enumerate(judgement.positions)
            if position_id not in known
        ]
        if problems:
            raise DatasetError(_SOURCE, problems)
    model = dataset.model.model_copy(update={"brief": edit.brief})
    following = dataset.succeeded_by(model, dataset.spans)
    following.inherit_everything(dataset)
    return following, ReplaceBrief(dataset.model.brief)


def _set_orders(dataset: Dataset, edit: SetOrders) -> tuple[Dataset, Edit]:
    section = _SECTION[edit.kind]
    entries = list(getattr(dataset.model, section))
    wanted = dict(edit.orders)
    where = {entry.id: index for index, entry in enumerate(entries)}
    missing = [entry_id for entry_id in wanted if entry_id not in where]
    if missing:
        raise EditRefused(f"there is no {edit.kind} with the id {missing[0]!r}")
    previous: list[tuple[str, int]] = []
    for entry_id, order in wanted.items():
        index = where[entry_id]
        entry = entries[index]
        previous.append((entry_id, entry.order))
        if not (0 <= order <= 1_000_000):
            raise DatasetError(_SOURCE, [Problem((section, index, "order"), f"the order {order} is out of range (0 to 1,000,000)")])
        entries[index] = entry.model_copy(update={"order": order})
    model = dataset.model.model_copy(update={section: entries})
    return dataset.succeeded_by(model, dataset.spans), SetOrders(edit.kind, tuple(previous))


# -- builders: the compound edits the window offers -----------------------------------------


def remove_with_positions(dataset: Dataset, kind: Literal["speaker", "theme"], entry_id: str) -> tuple[Compound, int]:
    """Removing a speaker or theme together with its positions (and their place in the brief), and how many positions go.

    A removed chair is no longer the chair.  Transcript turns of a removed
    speaker are not removed with it: the edit is refused while they remain.
    """
    if kind == "speaker":
        if not dataset.has_speaker(entry_id):
            raise EditRefused(f"there is no speaker with the id {entry_id!r}")
        gone = dataset.positions_of(entry_id)
    else:
        if not dataset.has_theme(entry_id):
            raise EditRefused(f"there is no theme with the id {entry_id!r}")
        gone = dataset.positions_on(entry_id)
    gone_ids = {p.id for p in gone}
    edits: list[Edit] = []
    brief = dataset.model.brief
    if brief is not None and gone_ids:
        edits.append(ReplaceBrief(_brief_without(brief, gone_ids)))
    edits.extend(Remove("position", p.id) for p in dataset.model.positions if p.id in gone_ids)
    if kind == "speaker" and dataset.seminar.chair == entry_id:
        edits.append(ReplaceSeminar(dataset.seminar.model_copy(update={"chair": None})))
    edits.append(Remove(kind, entry_id))
    return Compound(tuple(edits)), len(gone_ids)


def _brief_without(brief: Brief, position_ids: set[str]) -> Brief:
    def trimmed(judgements: list[Judgement]) -> list[Judgement]:
        return [j.model_copy(update={"positions": [p for p in j.positions if p not in position_ids]}) for j in judgements]

    return brief.model_copy(update={"key_judgements": trimmed(brief.key_judgements), "what_to_watch": trimmed(brief.what_to_watch)})


def merge_themes(dataset: Dataset, keep: str, absorbed: str) -> tuple[Compound, int]:
    """Merging theme ``absorbed`` into ``keep``: its positions move to ``keep``, then it goes; and how many moved."""
    if keep == absorbed:
        raise EditRefused("a theme cannot be merged into itself")
    for theme_id in (keep, absorbed):
        if not dataset.has_theme(theme_id):
            raise EditRefused(f"there is no theme with the id {theme_id!r}")
    moved = [p for p in dataset.model.positions if p.theme == absorbed]
    edits: list[Edit] = [Replace(p.model_copy(update={"theme": keep})) for p in moved]
    edits.append(Remove("theme", absorbed))
    return Compound(tuple(edits)), len(moved)


def split_position(dataset: Dataset, position_id: str, at: int, new_id: str | None = None) -> Compound:
    """Splitting a position's excerpt at character ``at`` of the source: the first part stays, the second becomes a copy.

    The copy takes the same speaker, theme, stance and kind, so the analyst
    recodes whichever half needs it.
    """
    position = dataset.position(position_id)
    span = dataset.spans.get(position_id)
    if span is None:
        raise EditRefused("a position whose excerpt is no longer found cannot be split: re-select its excerpt first")
    text = dataset.seminar.source.text
    first, second = _trimmed(text, span.start, at), _trimmed(text, at, span.end)
    if first is None or second is None:
        raise EditRefused("split inside the excerpt, so that each part keeps some text")
    new_id = new_id or unique_id(dataset, "position", f"{position_id}-2")
    index = [p.id for p in dataset.model.positions].index(position_id)
    head = position.model_copy(update={"excerpt": text[first.start : first.end]})
    tail = position.model_copy(update={"id": new_id, "excerpt": text[second.start : second.end]})
    return Compound((Replace(head, first), Insert(tail, index + 1, second)))


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without white space at either end, or None when nothing else is left."""
    start, end = max(start, 0), min(end, len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def move_entry(dataset: Dataset, kind: Literal["speaker", "theme"], entry_id: str, index: int) -> SetOrders:
    """Moving a speaker or theme to place ``index`` of its order, the others renumbered after it.

    Orders become consecutive from the lowest one in use, so the file stays readable.
    """
    ordered: list[Speaker | Theme] = list(dataset.speakers if kind == "speaker" else dataset.themes)
    ids = [entry.id for entry in ordered]
    if entry_id not in ids:
        raise EditRefused(f"there is no {kind} with the id {entry_id!r}")
    moved = ordered.pop(ids.index(entry_id))
    ordered.insert(max(0, min(index, len(ordered))), moved)
    base = min((entry.order for entry in ordered), default=0)
    return SetOrders(kind, tuple((entry.id, base + rank) for rank, entry in enumerate(ordered) if entry.order != base + rank))


_NOT_ID = re.compile(r"[^a-z0-9]+")


def unique_id(dataset: Dataset, kind: EntryKind, wanted: str) -> str:
    """An id for a new entry made from ``wanted`` (a name or label), unused in its section."""
    base = _NOT_ID.sub("-", wanted.lower()).strip("-")[:56] or kind
    taken = {entry.id for entry in getattr(dataset.model, _SECTION[kind])}
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def next_order(entries: Iterable[Speaker | Theme]) -> int:
    """The order that places a new speaker or theme last."""
    return max((entry.order for entry in entries), default=-1) + 1


def as_edit(edits: Sequence[Edit]) -> Edit:
    """One edit for a list of them: itself when it is one, else a compound."""
    return edits[0] if len(edits) == 1 else Compound(tuple(edits))


def with_current_format(model: SeminarFile) -> SeminarFile:
    """The model marked with the format this version writes (a version-1 file is saved as version 2)."""
    return model if model.format == FORMAT else model.model_copy(update={"format": FORMAT})


def replace_source_text(dataset: Dataset, text: str, keep: Collection[str] | None = None) -> tuple[Edit, Reanchoring]:
    """Replacing the source text, each excerpt re-anchored (see :mod:`.reanchor`), and what became of them.

    Excerpts found by their context take the passage now there, those in
    ``keep`` only when it is given (the rest are left unanchored, their words
    as they were); lost ones stay as they were, unanchored, for the analyst to
    re-select or remove.
    """
    source = dataset.seminar.source
    outcome = reanchor(source.text, text, dataset.model.positions, dataset.spans, source.turns)
    return replacement_edit(dataset, text, outcome, keep), outcome


def replacement_edit(dataset: Dataset, text: str, outcome: Reanchoring, keep: Collection[str] | None = None) -> Edit:
    """The one edit that replaces the source text as ``outcome`` places the excerpts (rewritten ones in ``keep``, or all)."""
    edits: list[Edit] = [ReplaceSource(text, outcome.spans, outcome.turns)]
    for position in dataset.model.positions:
        rewritten = outcome.rewritten.get(position.id)
        if rewritten is not None and (keep is None or position.id in keep):
            excerpt, span = rewritten
            edits.append(Replace(position.model_copy(update={"excerpt": excerpt}), span))
    return as_edit(edits)
