"""A REFI-QDA project (QDPX) made into a new seminar, as far as the seminar's model holds.

- A text source becomes the seminar's source; with several, the caller names
  one (:class:`SeveralSources` lists them).
- Cases become speakers, with Role and Affiliation from their variables; with
  no case, speaker labels in the text (``NAME:`` at a line's start) do, as in a
  transcript import, and give the turns.
- Codes become themes: the codes at the chosen ``level`` of the codebook (1 is
  the top), each deeper code counting for its ancestor at that level.  A code
  named with a stance step (``+1 support``, as Seminar Lens writes its
  sub-codes) gives its parent theme that stance.
- Each coded selection becomes a position on each theme it is coded with: with
  the stance its step code gives, else *awaiting a stance*.  A note on it in
  Seminar Lens's layout gives its kind, summary and note; any other note becomes
  the coder's note.
- Whatever has no place (pictures, PDFs, media, the other text sources, sets,
  graphs, links, variables without a home, uncoded selections) is listed in
  :attr:`ImportedProject.left_out`, never dropped silently.
"""

from __future__ import annotations

import bisect
import functools
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..format.excerpts import normalise
from ..format.schema import MAX_LINE, Kind, Position, Role, SeminarFile, Speaker, Theme, Turn
from ..importers.common import ImportedTranscript, ImportFailed
from ..importers.mapping import LabelMapping, build_seminar, role_from_words, slug, title_from_path
from ..importers.plain_text import parse_text
from .codebook import read_theme_description
from .qdpx_archive import Archive, read_archive
from .qdpx_names import AFFILIATION_VARIABLE, NAMESPACE, ROLE_VARIABLE, read_position_note, step_of

UNATTRIBUTED = "Unattributed"
"""The speaker given selections that no case or speaker label claims."""


class SeveralSources(ImportFailed):
    """The project has several text sources and none was chosen; ``names`` lists them."""

    def __init__(self, names: list[str]):
        listed = ", ".join(repr(name) for name in names)
        super().__init__(f"the project holds {len(names)} text sources; choose one with --source NAME ({listed})")
        self.names = names


@dataclass
class ImportedProject:
    """The new seminar, and what the project held that it could not take."""

    model: SeminarFile
    source_name: str
    left_out: list[str] = field(default_factory=list)

    @property
    def awaiting(self) -> int:
        return sum(1 for position in self.model.positions if position.stance is None)


def _local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


@functools.cache
def _tags(name: str) -> tuple[str, str]:
    return f"{{{NAMESPACE}}}{name}", name


def _children(element: ET.Element | None, name: str) -> Iterator[ET.Element]:
    """The children named ``name``, in the REFI-QDA namespace (or in none, as a careless writer leaves them)."""
    if element is None:
        return iter(())
    wanted = _tags(name)
    return (child for child in element if child.tag in wanted)


def _first(element: ET.Element | None, name: str) -> ET.Element | None:
    return next(_children(element, name), None)


def _text_of(element: ET.Element | None, name: str) -> str:
    found = _first(element, name)
    return (found.text or "") if found is not None else ""


def _guid(value: str | None) -> str:
    return (value or "").strip("{}").lower()


@dataclass(frozen=True)
class _Code:
    guid: str
    name: str
    description: str
    depth: int  # 1 for a top-level code
    parent: str | None


def codebook_codes(root: ET.Element) -> list[_Code]:
    """Every code of the project's codebook, depth first, in the codebook's order."""
    found: list[_Code] = []

    def walk(holder: ET.Element, depth: int, parent: str | None) -> None:
        for code in _children(holder, "Code"):
            guid = _guid(code.get("guid"))
            found.append(_Code(guid, (code.get("name") or "").strip(), _text_of(code, "Description"), depth, parent))
            walk(code, depth + 1, guid)

    walk(_first(_first(root, "CodeBook"), "Codes") or ET.Element("none"), 1, None)
    return found


def codebook_depth(codes: list[_Code]) -> int:
    """How many levels the codebook has, leaving out stance-step codes under a theme."""
    return max((code.depth for code in codes if not (code.parent and step_of(code.name) is not None)), default=0)


def text_sources(root: ET.Element) -> list[ET.Element]:
    return list(_children(_first(root, "Sources"), "TextSource"))


def project_depth(path: Path) -> int:
    """How many levels the codebook of the project at ``path`` has (for asking which level to take)."""
    return codebook_depth(codebook_codes(read_archive(path).project))


def project_sources(path: Path) -> list[str]:
    """The names of the project's text sources, in its order."""
    return [_source_name(source, index) for index, source in enumerate(text_sources(read_archive(path).project))]


def _source_name(source: ET.Element, index: int) -> str:
    return (source.get("name") or "").strip() or f"text source {index + 1}"


def _source_text(source: ET.Element, archive: Archive, name: str) -> str:
    inline = _first(source, "PlainTextContent")
    if inline is not None and inline.text:
        return inline.text
    path = source.get("plainTextPath") or ""
    if not path.startswith("internal://"):
        raise ImportFailed(
            f"the text of {name!r} is outside the project ({path or 'no path given'}); export it with its sources included"
        )
    file_name = path.removeprefix("internal://")
    data = archive.sources.get(file_name)
    if data is None:
        data = next((value for key, value in archive.sources.items() if key.lower() == file_name.lower()), None)
    if data is None:
        raise ImportFailed(f"the text of {name!r} ({file_name}) is missing from the project's sources folder")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ImportFailed(f"the text of {name!r} is not UTF-8 (byte {error.start})") from None


def import_project(path: Path, *, source: str | None = None, level: int = 1) -> ImportedProject:
    """The seminar made from the QDPX at ``path`` (its text source ``source``, themes at codebook ``level``)."""
    archive = read_archive(path)
    root = archive.project
    sources = text_sources(root)
    if not sources:
        raise ImportFailed("the project holds no text source, so there is nothing a seminar can be made from")
    names = [_source_name(element, index) for index, element in enumerate(sources)]
    if source is None:
        if len(sources) > 1:
            raise SeveralSources(names)
        chosen_index = 0
    elif source in names:
        chosen_index = names.index(source)
    else:
        raise ImportFailed(f"no text source named {source!r} (the project holds {', '.join(repr(n) for n in names)})")
    chosen = sources[chosen_index]
    text = _source_text(chosen, archive, names[chosen_index])
    if not text.strip():
        raise ImportFailed(f"the text source {names[chosen_index]!r} is empty")
    left_out = _left_out(root, names, chosen_index)
    title = " ".join((root.get("name") or "").split())[:MAX_LINE] or title_from_path(path)
    try:
        return _Builder(root, chosen, text, level, left_out).build(title, names[chosen_index])
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        raise ImportFailed(f"the project cannot be made into a seminar: {place}: {first['msg']}") from None


def _left_out(root: ET.Element, names: list[str], chosen_index: int) -> list[str]:
    notes: list[str] = []
    other = [name for index, name in enumerate(names) if index != chosen_index]
    if other:
        notes.append(f"{len(other)} other text source{'s' if len(other) != 1 else ''} ({', '.join(other)}): a seminar has one source")
    holder = _first(root, "Sources")
    for kind, words in (("PictureSource", "picture"), ("PDFSource", "PDF"), ("AudioSource", "audio"), ("VideoSource", "video")):
        count = sum(1 for _ in _children(holder, kind))
        if count:
            notes.append(f"{count} {words} source{'s' if count != 1 else ''}: only text can be a seminar's source")
    for kind, words in (("Sets", "Set"), ("Graphs", "Graph"), ("Links", "Link")):
        count = sum(1 for _ in _children(_first(root, kind), words))
        if count:
            notes.append(f"{count} {words.lower()}{'s' if count != 1 else ''}: a seminar has no place for them")
    return notes


class _Builder:
    def __init__(self, root: ET.Element, source: ET.Element, text: str, level: int, left_out: list[str]):
        self.root, self.source, self.text, self.level, self.left_out = root, source, text, max(1, level), left_out
        self.codes = {code.guid: code for code in codebook_codes(root)}
        self.notes = {_guid(note.get("guid")): _text_of(note, "PlainTextContent") for note in _children(_first(root, "Notes"), "Note")}

    # -- themes -----------------------------------------------------------------------------
    def _theme_code(self, code: _Code) -> tuple[_Code, int | None]:
        """The code that is the theme for ``code``, and the stance a step code gives."""
        stance = step_of(code.name) if code.parent else None
        if stance is not None and code.parent in self.codes:
            code = self.codes[code.parent]
        while code.depth > self.level and code.parent in self.codes:
            code = self.codes[code.parent]
        return code, stance

    def build(self, title: str, source_name: str) -> ImportedProject:
        cases = self._cases()
        transcript = parse_text(self.text) if not cases else ImportedTranscript(self.text, (), "text")
        if transcript.single_labels:  # as in a transcript import, a label seen once is not taken for a speaker
            once = ", ".join(transcript.single_labels)
            self.left_out.append(f"labels seen only once, not taken as speakers: {once} (Give This Turn To… can fix it)")
        base = build_seminar(transcript, LabelMapping.initial(transcript), title)
        speakers = list(base.speakers)
        speaker_of_selection: dict[str, str] = {}
        if cases:
            speakers = []
            taken: set[str] = set()
            for order, (case, role, affiliation, selections) in enumerate(cases, start=1):
                speaker_id = _unique(slug(case), taken)
                speakers.append(Speaker(id=speaker_id, name=case, role=role, affiliation=affiliation or None, order=order))
                for selection_guid in selections:
                    speaker_of_selection.setdefault(selection_guid, speaker_id)
        turns = base.seminar.source.turns
        turn_starts = [turn.start for turn in turns]
        themes: dict[str, Theme] = {}
        theme_ids: set[str] = set()
        for code in self.codes.values():
            theme_code, stance = self._theme_code(code)
            if theme_code.guid not in themes and stance is None and code is theme_code:
                description, definition = read_theme_description(theme_code.description)
                anchors = {
                    str(step): child.description for child in self.codes.values()
                    if child.parent == theme_code.guid and child.description and (step := step_of(child.name)) is not None
                }
                themes[theme_code.guid] = Theme.model_validate({
                    "id": _unique(slug(theme_code.name) if slug(theme_code.name) != "speaker" else "theme", theme_ids),
                    "label": " ".join(theme_code.name.split())[:MAX_LINE] or "Unnamed code",
                    "description": description, "definition": definition, "anchors": anchors, "order": len(themes) + 1,
                })
        positions: list[Position] = []
        position_ids: set[str] = set()
        unattributed = False
        for index, selection in enumerate(_children(self.source, "PlainTextSelection"), start=1):
            where = f"selection {index} ({selection.get('name') or selection.get('guid') or 'unnamed'})"
            try:
                start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
            except ValueError:
                self.left_out.append(f"{where}: its offsets are not whole numbers")
                continue
            if not 0 <= start < end <= len(self.text):
                self.left_out.append(f"{where}: offsets {start}\u2013{end} fall outside the text ({len(self.text):,} characters)")
                continue
            excerpt = self.text[start:end]
            named = selection.get("name") or ""
            if named and normalise(named) == normalise(excerpt):
                excerpt = named
            if not excerpt.strip():
                self.left_out.append(f"{where}: only white space is selected")
                continue
            guid = _guid(selection.get("guid"))
            claimed = speaker_of_selection.get(guid) or _turn_speaker(turns, turn_starts, start)
            if claimed is None:
                claimed, unattributed = slug(UNATTRIBUTED), True
            speaker_id = claimed
            kind, summary, note = self._note_of(selection)
            codings = [_guid(ref.get("targetGUID")) for coding in _children(selection, "Coding") for ref in _children(coding, "CodeRef")]
            if not codings:
                self.left_out.append(f"{where}: not coded with any code")
                continue
            for target in codings:
                found = self.codes.get(target)
                if found is None:
                    self.left_out.append(f"{where}: coded with a code that is not in the codebook ({target})")
                    continue
                theme_code, stance = self._theme_code(found)
                theme = themes.get(theme_code.guid)
                if theme is None:
                    self.left_out.append(f"{where}: its code {found.name!r} has no theme")
                    continue
                if stance is not None and not summary.strip():
                    stance = None  # a rated position needs a summary: it waits for both
                position_id = _unique(f"{speaker_id}-{theme.id}"[:60].strip("-"), position_ids)
                positions.append(Position(
                    id=position_id, speaker=speaker_id, theme=theme.id, stance=stance, kind=kind,
                    summary=summary, excerpt=excerpt, note=note,
                ))
        if unattributed:
            speakers.append(Speaker(id=slug(UNATTRIBUTED), name=UNATTRIBUTED, role=Role.SPEAKER, order=len(speakers) + 1))
            self.left_out.append(f"selections no case or speaker label claims were given to the speaker {UNATTRIBUTED!r}")
        question = _text_of(self.root, "Description").strip()
        seminar = base.seminar
        chair = next((speaker.id for speaker in speakers if speaker.role is Role.CHAIR), None)
        seminar = seminar.model_copy(update={"chair": chair})
        if question and "\n" not in question and len(question) <= MAX_LINE:
            seminar = seminar.model_copy(update={"question": question})
        seminar = seminar.model_copy(update={"source": seminar.source.model_copy(update={"title": source_name[:MAX_LINE]})})
        model = base.model_copy(update={
            "seminar": seminar, "speakers": speakers, "themes": list(themes.values()), "positions": positions,
        })
        # Every part was validated as it was made; the rules across the file (ids, excerpts in the
        # text) are the loader's, which the caller applies to the file before writing it.
        return ImportedProject(model, source_name, self.left_out)

    # -- speakers ---------------------------------------------------------------------------
    def _cases(self) -> list[tuple[str, Role, str, list[str]]]:
        """(name, role, affiliation, selection GUIDs) of each case that refers to the chosen source or its selections."""
        source_guid = _guid(self.source.get("guid"))
        selections = {_guid(s.get("guid")) for s in _children(self.source, "PlainTextSelection")}
        variables = {_guid(v.get("guid")): (v.get("name") or "").strip() for v in _children(_first(self.root, "Variables"), "Variable")}
        found = []
        for case in _children(_first(self.root, "Cases"), "Case"):
            refs = [_guid(ref.get("targetGUID")) for ref in _children(case, "SelectionRef")]
            mine = [ref for ref in refs if ref in selections]
            whole = any(_guid(ref.get("targetGUID")) == source_guid for ref in _children(case, "SourceRef"))
            name = (case.get("name") or "").strip()
            if not name or not (mine or whole):
                continue
            role, affiliation = Role.PANELLIST, ""
            for value in _children(case, "VariableValue"):
                reference = _first(value, "VariableRef")
                variable = variables.get(_guid(reference.get("targetGUID") if reference is not None else ""), "")
                written = next((child.text or "" for child in value if _local(child).endswith("Value")), "").strip()
                if variable.lower() == ROLE_VARIABLE.lower() and role_from_words(written):
                    role = role_from_words(written) or role
                elif variable.lower() == AFFILIATION_VARIABLE.lower():
                    affiliation = written[:MAX_LINE]
                elif variable:
                    self.left_out.append(f"the variable {variable!r} of case {name!r}: a speaker has no place for it")
            found.append((name[:MAX_LINE], role, affiliation, mine))
        return found

    def _note_of(self, selection: ET.Element) -> tuple[Kind, str, str]:
        for ref in _children(selection, "NoteRef"):
            written = self.notes.get(_guid(ref.get("targetGUID")))
            if written is None:
                continue
            ours = read_position_note(written)
            if ours is not None:
                return ours
            return Kind.ASSESSMENT, "", written.strip()
        description = _text_of(selection, "Description").strip()
        return Kind.ASSESSMENT, "", description


def _turn_speaker(turns: Sequence[Turn], starts: Sequence[int], offset: int) -> str | None:
    """The speaker of the turn holding ``offset`` (turns in text order, ``starts`` their starts), if any."""
    at = bisect.bisect_right(starts, offset) - 1
    if at >= 0 and offset < turns[at].end:
        return str(turns[at].speaker)
    return None


def _unique(base: str, taken: set[str]) -> str:
    base = base or "entry"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
