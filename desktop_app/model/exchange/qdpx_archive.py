"""Reading a QDPX archive safely: bounded sizes, no zip bomb, no entities, nothing written to disk.

A QDPX file is a zip holding ``project.qde`` (REFI-QDA XML) and a ``sources``
folder.  Everything is read into memory, member by member, with limits on the
archive's size, on each member's and on their total, and on how much a member
may expand; XML with a document type declaration (the door to entity
expansion) is refused before it is parsed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..importers.common import ImportFailed

MAX_ARCHIVE_BYTES = 256 * 1024 * 1024
MAX_MEMBER_BYTES = 128 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_RATIO = 200
"""A member that expands more than this many times (and beyond a megabyte) is taken for a zip bomb."""


@dataclass(frozen=True)
class Archive:
    """The members of a QDPX file that an import may read: the project XML, and the files under ``sources/``."""

    project: ET.Element
    sources: dict[str, bytes]  # by file name inside the sources folder (as written, any case of "sources")


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    if info.file_size > MAX_MEMBER_BYTES or info.file_size > budget:
        raise ImportFailed(f"{info.filename} would unpack to {info.file_size:,} bytes, more than the import allows")
    if info.compress_size and info.file_size > 1024 * 1024 and info.file_size / info.compress_size > MAX_RATIO:
        raise ImportFailed(f"{info.filename} expands {info.file_size // info.compress_size:,} times: refused as a zip bomb")
    with archive.open(info) as stream:
        data = stream.read(info.file_size + 1)  # a header that understates the size is caught here
    if len(data) > info.file_size:
        raise ImportFailed(f"{info.filename} holds more than its header says: refused")
    return data


def parse_project_xml(data: bytes, name: str = "project.qde") -> ET.Element:
    """The root element of a REFI-QDA project, refusing entity declarations and anything that is not a Project."""
    return parse_xml(data, name, "Project")


def parse_xml(data: bytes, name: str, root_name: str) -> ET.Element:
    """The root element of REFI-QDA XML whose root must be ``root_name``; entity declarations are refused unparsed."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ImportFailed(f"{name} declares a document type or entities, which a REFI-QDA project never needs: refused")
    if not head.startswith(b"<"):
        raise ImportFailed(f"{name} is not XML")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        line, column = error.position
        raise ImportFailed(f"{name} is not well-formed XML: {error.msg if hasattr(error, 'msg') else error}", f"line {line}, column {column}") from None
    if root.tag.rsplit("}", 1)[-1] != root_name:
        found = root.tag.rsplit("}", 1)[-1]
        raise ImportFailed(f"{name} is not a REFI-QDA {'project' if root_name == 'Project' else 'codebook'}: its root element is {found}, not {root_name}")
    return root


def read_archive(path: Path) -> Archive:
    """The project XML and source files of the QDPX at ``path``; ImportFailed with a plain reason otherwise."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportFailed(f"cannot read the project: {error.strerror or error}") from None
    if size > MAX_ARCHIVE_BYTES:
        raise ImportFailed(f"the project is {size:,} bytes, larger than the {MAX_ARCHIVE_BYTES // (1024 * 1024)} MB limit")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise ImportFailed(f"the project holds {len(members):,} files, more than the {MAX_MEMBERS:,} an import reads")
            project_info = next(
                (info for info in members if "/" not in info.filename and info.filename.lower().endswith(".qde")), None
            )
            if project_info is None:
                raise ImportFailed("the archive holds no project.qde, so it is not a REFI-QDA project (QDPX)")
            budget = MAX_TOTAL_BYTES
            project_data = _bounded_read(archive, project_info, budget)
            budget -= len(project_data)
            sources: dict[str, bytes] = {}
            for info in members:
                folder, _, name = info.filename.partition("/")
                if folder.lower() != "sources" or not name or "/" in name or info.is_dir():
                    continue
                data = _bounded_read(archive, info, budget)
                budget -= len(data)
                sources[name] = data
    except zipfile.BadZipFile:
        raise ImportFailed("the file is not a zip archive, so it is not a REFI-QDA project (QDPX)") from None
    except OSError as error:
        raise ImportFailed(f"cannot read the project: {error.strerror or error}") from None
    return Archive(parse_project_xml(project_data, project_info.filename), sources)
