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
from ..format.schema import SeminarFile
from .codebook import write_codes
from .guids import Guids
from .qdpx_names import AFFILIATION_VARIABLE, NAMESPACE, ORIGIN, ROLE_VARIABLE, position_note

PROJECT_FILE = "project.qde"
SOURCES_FOLDER = "sources"  # lower case: some tools look for this exact name


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _child(parent: ET.Element, element_name: str, text: str | None = None, /, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(element_name), {key: value for key, value in attributes.items() if value is not None})
    if text is not None:
        element.text = text
    return element


def project_xml(model: SeminarFile, spans: Mapping[str, Span], *, coder: str | None = None) -> tuple[bytes, str]:
    """``project.qde`` for ``model`` (whose excerpts are at ``spans``), and the name of its text file in ``sources/``."""
    ET.register_namespace("", NAMESPACE)
    guid = Guids(model)
    seminar = model.seminar
    coder_name = coder or (model.coding.coder if model.coding and model.coding.coder else "Coder")
    user = guid("user", coder_name)
    root = ET.Element(_tag("Project"), {"name": seminar.title, "origin": ORIGIN, "creatingUserGUID": user})
    _child(_child(root, "Users"), "User", guid=user, name=coder_name)

    themes = sorted(model.themes, key=lambda t: t.order)
    if themes:  # the schema wants at least one code
        write_codes(_child(_child(root, "CodeBook"), "Codes"), themes, seminar.scale, guid, _tag)

    variables = _child(root, "Variables")
    role_guid, affiliation_guid = guid("variable", ROLE_VARIABLE), guid("variable", AFFILIATION_VARIABLE)
    _child(variables, "Variable", guid=role_guid, name=ROLE_VARIABLE, typeOfVariable="Text")
    _child(variables, "Variable", guid=affiliation_guid, name=AFFILIATION_VARIABLE, typeOfVariable="Text")

    source_guid = guid("source")
    placed = [position for position in model.positions if position.id in spans]
    placed.sort(key=lambda p: (spans[p.id].start, spans[p.id].end))
    speakers = sorted(model.speakers, key=lambda s: s.order)
    cases = _child(root, "Cases") if speakers else root  # and at least one case
    for speaker in speakers:
        case = _child(cases, "Case", guid=guid("speaker", speaker.id), name=speaker.name)
        if speaker.bio:
            _child(case, "Description", speaker.bio)
        for variable, value in ((role_guid, speaker.role.value), (affiliation_guid, speaker.affiliation)):
            if value:
                holder = _child(case, "VariableValue")
                _child(holder, "VariableRef", targetGUID=variable)
                _child(holder, "TextValue", value)
        _child(case, "SourceRef", targetGUID=source_guid)  # every speaker spoke in the one source
        for position in placed:
            if position.speaker == speaker.id:
                _child(case, "SelectionRef", targetGUID=guid("selection", position.id))

    sources = _child(root, "Sources")
    text_file = f"{source_guid}.txt"
    source = _child(
        sources, "TextSource", guid=source_guid, name=seminar.source.title, plainTextPath=f"internal://{text_file}",
        creatingUser=user,
    )
    for position in placed:
        span = spans[position.id]
        selection = _child(
            source, "PlainTextSelection", guid=guid("selection", position.id), name=position.excerpt,
            startPosition=str(span.start), endPosition=str(span.end), creatingUser=user,
        )
        target = guid("theme", position.theme) if position.stance is None else guid("step", f"{position.theme}:{position.stance}")
        coding = _child(selection, "Coding", guid=guid("coding", position.id), creatingUser=user)
        _child(coding, "CodeRef", targetGUID=target)
        _child(selection, "NoteRef", targetGUID=guid("note", position.id))

    if placed:  # an empty Notes element is not allowed
        notes = _child(root, "Notes")
        for position in placed:
            note = _child(notes, "Note", guid=guid("note", position.id), name=f"Position {position.id}", creatingUser=user)
            _child(note, "PlainTextContent", position_note(position.kind, position.summary, position.note))
    _child(root, "Description", seminar.question)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), text_file


def qdpx_bytes(model: SeminarFile, spans: Mapping[str, Span], *, coder: str | None = None) -> bytes:
    """The whole QDPX archive: ``project.qde`` and ``sources/GUID.txt``, compressed."""
    xml, text_file = project_xml(model, spans, coder=coder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PROJECT_FILE, xml)
        archive.writestr(f"{SOURCES_FOLDER}/{text_file}", model.seminar.source.text.encode("utf-8"))
    return buffer.getvalue()
