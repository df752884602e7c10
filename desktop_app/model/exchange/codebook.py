"""The themes as a REFI-QDA codebook: one code per theme, one child code per stance step.

Shared by the project (``project.qde``'s CodeBook) and the codebook file
(``.qdc``).  A theme code's description holds what the theme covers and, after
a blank line and "Counts as a position:", its definition; each step code's
description is the theme's anchor for that step.  Reading a codebook turns the
top-level codes back into themes the same way, so a codebook written here
comes back with its descriptions, definitions and anchors.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..format.schema import MAX_LINE, STANCE_MAX, STANCE_MIN, Scale, Theme
from ..importers.common import ImportFailed
from .qdpx_archive import parse_xml
from .qdpx_names import CODEBOOK_NAMESPACE, ORIGIN, step_name, step_of

DEFINITION_MARK = "Counts as a position: "


def theme_description(theme: Theme) -> str:
    """The code's description: what the theme covers, then its definition."""
    parts = [theme.description] if theme.description else []
    if theme.definition:
        parts.append(DEFINITION_MARK + theme.definition)
    return "\n\n".join(parts)


def read_theme_description(text: str) -> tuple[str, str]:
    """(description, definition) from a code's description written by :func:`theme_description`."""
    if text.startswith(DEFINITION_MARK):
        return "", text.removeprefix(DEFINITION_MARK)
    described, mark, definition = text.partition("\n\n" + DEFINITION_MARK)
    return (described, definition) if mark else (text, "")


def write_codes(
    codes: ET.Element, themes: list[Theme], scale: Scale, guid: Callable[[str, str], str], tag: Callable[[str], str]
) -> None:
    """Add a code for each theme, with its stance-step codes, to the ``Codes`` element ``codes``."""
    for theme in themes:
        code = ET.SubElement(codes, tag("Code"), {"guid": guid("theme", theme.id), "name": theme.label, "isCodable": "true"})
        described = theme_description(theme)
        if described:
            ET.SubElement(code, tag("Description")).text = described
        for stance in range(STANCE_MAX, STANCE_MIN - 1, -1):
            step = ET.SubElement(
                code, tag("Code"),
                {"guid": guid("step", f"{theme.id}:{stance}"), "name": step_name(stance, scale), "isCodable": "true"},
            )
            anchor = theme.anchors.get(str(stance))  # type: ignore[call-overload]
            if anchor:
                ET.SubElement(step, tag("Description")).text = anchor


def _local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in element if _local(child) == name)


def _description(element: ET.Element) -> str:
    found = next(_children(element, "Description"), None)
    return (found.text or "") if found is not None else ""


@dataclass(frozen=True)
class CodedTheme:
    """A top-level code read as a theme: its label, description, definition and anchors."""

    guid: str
    label: str
    description: str
    definition: str
    anchors: dict[str, str]


def read_top_codes(codes: ET.Element) -> list[CodedTheme]:
    """Each top-level code of a ``Codes`` element as a theme; anchors from its stance-step children."""
    found = []
    for code in _children(codes, "Code"):
        label = " ".join((code.get("name") or "").split())[:MAX_LINE] or "Unnamed code"
        description, definition = read_theme_description(_description(code))
        anchors = {}
        for child in _children(code, "Code"):
            step = step_of(child.get("name") or "")
            if step is not None and _description(child):
                anchors[str(step)] = _description(child)
        found.append(CodedTheme((code.get("guid") or "").strip("{}").lower(), label, description, definition, anchors))
    return found


def codebook_xml(themes: list[Theme], scale: Scale, guid: Callable[[str, str], str]) -> bytes:
    """A REFI-QDA codebook file (``.qdc``) of ``themes``."""
    ET.register_namespace("", CODEBOOK_NAMESPACE)

    def tag(name: str) -> str:
        return f"{{{CODEBOOK_NAMESPACE}}}{name}"

    root = ET.Element(tag("CodeBook"), {"origin": ORIGIN})
    write_codes(ET.SubElement(root, tag("Codes")), themes, scale, guid, tag)
    written: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return written


def read_codebook(data: bytes, name: str = "codebook") -> list[CodedTheme]:
    """The themes of a REFI-QDA codebook file; ImportFailed when it is not one or holds no code."""
    root = parse_xml(data, name, "CodeBook")
    codes = next(_children(root, "Codes"), None)
    themes = read_top_codes(codes) if codes is not None else []
    if not themes:
        raise ImportFailed(f"{name} holds no code, so there is no theme to import")
    return themes


def new_themes(themes: list[CodedTheme], existing: list[Theme]) -> tuple[list[Theme], list[str]]:
    """The codebook's themes a seminar with ``existing`` themes lacks (by label), and the labels it already has."""
    from ..importers.mapping import slug

    taken_ids = {theme.id for theme in existing}
    known = {theme.label.casefold() for theme in existing}
    order = max((theme.order for theme in existing), default=0)
    added, present = [], []
    for coded in themes:
        if coded.label.casefold() in known:
            present.append(coded.label)
            continue
        known.add(coded.label.casefold())
        base = slug(coded.label)
        base = "theme" if base == "speaker" else base
        theme_id, number = base, 2
        while theme_id in taken_ids:
            theme_id, number = f"{base}-{number}", number + 1
        taken_ids.add(theme_id)
        order += 1
        added.append(Theme.model_validate({
            "id": theme_id, "label": coded.label, "description": coded.description, "definition": coded.definition,
            "anchors": coded.anchors, "order": order,
        }))
    return added, present
