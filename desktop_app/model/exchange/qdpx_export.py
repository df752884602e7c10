"""A seminar as a REFI-QDA project (QDPX): ``project.qde`` and the source text in ``sources/``.

What goes where:

- the source text is a UTF-8 text source (no byte-order mark), stored as
  ``sources/GUID.txt`` and referenced as ``internal://GUID.txt``; its line
  endings are written as the seminar holds them, so offsets and text agree;
- the codebook has one code per theme, described by what it covers and its
  definition, with one child code per stance step named in the seminar's
  scale words and described by the theme's anchor for it (:mod:`.codebook`);
- each speaker is a case with the variables Role and Affiliation, and a
  reference to each selection of theirs;
- each position is a plain-text selection at its excerpt's offsets, counted
  in code points (Python's own), coded with its stance step (or with the theme
  itself while it awaits a stance); its kind, summary and note are a note on it;
- the coder is the project's user.

GUIDs are derived from the seminar's ids (:mod:`.guids`), so two exports agree.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping

from ..format.excerpts import Span
from ..format.schema import Scale, SeminarFile, Theme
from .codebook import write_codes
from .guids import Guids
from .qdpx_names import AFFILIATION_VARIABLE, NAMESPACE, ORIGIN, ROLE_VARIABLE, position_note

PROJECT_FILE = "project.qde"
SOURCES_FOLDER = "sources"  # lower case: some tools look for this exact name


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


_ATTRIBUTE = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;",
})
"""An attribute's value escaped, its line breaks and tabs kept as characters (a parser turns raw ones into spaces)."""
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


class _Writer:
    """REFI-QDA XML written as text, element by element (ElementTree takes seconds for a 10,000-position seminar)."""

    def __init__(self) -> None:
        self.parts: list[str] = ['<?xml version="1.0" encoding="utf-8"?>\n']

    @staticmethod
    def _attributes(attributes: dict[str, str | None]) -> str:
        return "".join(f' {key}="{value.translate(_ATTRIBUTE)}"' for key, value in attributes.items() if value is not None)

    def open(self, element: str, /, **attributes: str | None) -> None:
        self.parts.append(f"<{element}{self._attributes(attributes)}>")

    def close(self, element: str) -> None:
        self.parts.append(f"</{element}>")

    def leaf(self, element: str, text: str | None = None, /, **attributes: str | None) -> None:
        if text is None:
            self.parts.append(f"<{element}{self._attributes(attributes)}/>")
        else:
            self.parts.append(f"<{element}{self._attributes(attributes)}>{text.translate(_TEXT)}</{element}>")

    def raw(self, markup: str) -> None:
        self.parts.append(markup)


def _codebook(themes: list[Theme], scale: Scale, guid: Guids) -> str:
    ET.register_namespace("", NAMESPACE)
    book = ET.Element(_tag("CodeBook"))
    write_codes(ET.SubElement(book, _tag("Codes")), themes, scale, guid, _tag)
    return ET.tostring(book, encoding="unicode").replace(f' xmlns="{NAMESPACE}"', "", 1)


def project_xml(model: SeminarFile, spans: Mapping[str, Span], *, coder: str | None = None) -> tuple[bytes, str]:
    """``project.qde`` for ``model`` (whose excerpts are at ``spans``), and the name of its text file in ``sources/``."""
    guid = Guids(model)
    seminar = model.seminar
    coder_name = coder or (model.coding.coder if model.coding and model.coding.coder else "Coder")
    user = guid("user", coder_name)
    out = _Writer()
    out.open("Project", xmlns=NAMESPACE, name=seminar.title, origin=ORIGIN, creatingUserGUID=user)
    out.open("Users")
    out.leaf("User", guid=user, name=coder_name)
    out.close("Users")

    themes = sorted(model.themes, key=lambda t: t.order)
    if themes:  # the schema wants at least one code
        out.raw(_codebook(themes, seminar.scale, guid))

    role_guid, affiliation_guid = guid("variable", ROLE_VARIABLE), guid("variable", AFFILIATION_VARIABLE)
    out.open("Variables")
    out.leaf("Variable", guid=role_guid, name=ROLE_VARIABLE, typeOfVariable="Text")
    out.leaf("Variable", guid=affiliation_guid, name=AFFILIATION_VARIABLE, typeOfVariable="Text")
    out.close("Variables")

    source_guid = guid("source")
    placed = [position for position in model.positions if position.id in spans]
    placed.sort(key=lambda p: (spans[p.id].start, spans[p.id].end))
    speakers = sorted(model.speakers, key=lambda s: s.order)
    by_speaker: dict[str, list[str]] = {}
    for position in placed:
        by_speaker.setdefault(position.speaker, []).append(position.id)
    if speakers:  # and at least one case
        out.open("Cases")
        for speaker in speakers:
            out.open("Case", guid=guid("speaker", speaker.id), name=speaker.name)
            if speaker.bio:
                out.leaf("Description", speaker.bio)
            for variable, value in ((role_guid, speaker.role.value), (affiliation_guid, speaker.affiliation)):
                if value:
                    out.open("VariableValue")
                    out.leaf("VariableRef", targetGUID=variable)
                    out.leaf("TextValue", value)
                    out.close("VariableValue")
            out.leaf("SourceRef", targetGUID=source_guid)  # every speaker spoke in the one source
            for position_id in by_speaker.get(speaker.id, ()):
                out.leaf("SelectionRef", targetGUID=guid("selection", position_id))
            out.close("Case")
        out.close("Cases")

    text_file = f"{source_guid}.txt"
    out.open("Sources")
    out.open("TextSource", guid=source_guid, name=seminar.source.title, plainTextPath=f"internal://{text_file}", creatingUser=user)
    for position in placed:
        span = spans[position.id]
        out.open(
            "PlainTextSelection", guid=guid("selection", position.id), name=position.excerpt,
            startPosition=str(span.start), endPosition=str(span.end), creatingUser=user,
        )
        target = guid("theme", position.theme) if position.stance is None else guid("step", f"{position.theme}:{position.stance}")
        out.open("Coding", guid=guid("coding", position.id), creatingUser=user)
        out.leaf("CodeRef", targetGUID=target)
        out.close("Coding")
        out.leaf("NoteRef", targetGUID=guid("note", position.id))
        out.close("PlainTextSelection")
    out.close("TextSource")
    out.close("Sources")

    if placed:  # an empty Notes element is not allowed
        out.open("Notes")
        for position in placed:
            out.open("Note", guid=guid("note", position.id), name=f"Position {position.id}", creatingUser=user)
            out.leaf("PlainTextContent", position_note(position.kind, position.summary, position.note))
            out.close("Note")
        out.close("Notes")
    out.leaf("Description", seminar.question)
    out.close("Project")
    return "".join(out.parts).encode("utf-8"), text_file


def qdpx_bytes(model: SeminarFile, spans: Mapping[str, Span], *, coder: str | None = None) -> bytes:
    """The whole QDPX archive: ``project.qde`` and ``sources/GUID.txt``, compressed."""
    xml, text_file = project_xml(model, spans, coder=coder)
    buffer = io.BytesIO()
    # The fastest deflate: a large project shrinks almost as much, in a fifth of the time.
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(PROJECT_FILE, xml)
        archive.writestr(f"{SOURCES_FOLDER}/{text_file}", model.seminar.source.text.encode("utf-8"))
    return buffer.getvalue()
