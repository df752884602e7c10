"""A Word document's zip package checked before python-docx reads it: its parts, its zip features, and bounds.

python-docx unpacks every part into memory and builds objects for every
paragraph, so a few hundred KiB on disk could cost minutes and gigabytes.
Here each part is unpacked once as a stream, in chunks, counting the bytes as
they come: the sizes the zip declares are checked first, but not trusted (a
part that runs past its declared size is cut there by the zip module, and
its checksum then fails).  The document part's paragraphs and elements are
counted on the way; the first bound passed refuses the file, naming the bound.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..format.json_text import human_size
from .common import ImportFailed

MAX_UNPACKED_BYTES = 256 * 1024 * 1024
"""Most bytes a Word document's parts may unpack to, all together."""
MAX_PARAGRAPHS = 50_000
"""Most paragraphs read from a Word document (a three-hour transcript has a few thousand)."""
MAX_ELEMENTS = 2_000_000
"""Most XML elements in the document part (runs, text, formatting: a few dozen a paragraph)."""

DOCUMENT_PART = "word/document.xml"
_CONTENT_TYPES = "[Content_Types].xml"
_PARAGRAPH = re.compile(rb"<w:p[\s/>]")
_ELEMENT = re.compile(rb"<[A-Za-z_]")
_CHUNK = 1024 * 1024


def check_package(data: bytes) -> None:
    """Refuse, with ImportFailed naming the problem, a .docx that is damaged or passes a bound."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportFailed("this is not a Word document (.docx): it is not even a zip archive")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if DOCUMENT_PART not in names:
                raise ImportFailed(f"this is a zip archive, but not a Word document: it has no {DOCUMENT_PART}")
            if _CONTENT_TYPES not in names:
                raise ImportFailed(
                    f"this Word document is damaged: it has no {_CONTENT_TYPES} (the list of its parts' types)"
                )
            declared = sum(info.file_size for info in infos)
            if declared > MAX_UNPACKED_BYTES:
                raise ImportFailed(_too_big(f"says it unpacks to {human_size(declared)}"))
            unpacked = 0
            for info in infos:
                unpacked = _unpack(archive, info, unpacked)
    except ImportFailed:
        raise
    except NotImplementedError as exc:  # a zip version or compression method the zipfile module does not know
        version = str(exc).removeprefix("zip file version ")
        if version != str(exc):
            raise ImportFailed(
                f"this Word document's zip archive asks for zip version {version}, newer than the "
                f"{zipfile.MAX_EXTRACT_VERSION / 10:.1f} that can be read here"
            ) from None
        raise ImportFailed(f"this Word document uses a zip feature that cannot be read here ({exc})") from None
    except RuntimeError as exc:  # an encrypted member
        raise ImportFailed(f"this Word document is encrypted or protected ({exc})") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise ImportFailed(f"this Word document is damaged: {exc}") from None
    except Exception as exc:  # noqa: BLE001 (zlib and friends raise their own kinds on damaged data)
        raise ImportFailed(f"this Word document is damaged: {type(exc).__name__}: {exc}") from None


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, unpacked: int) -> int:
    """``unpacked`` plus the bytes of ``info``'s part, read in chunks and counted, not believed."""
    counting = info.filename == DOCUMENT_PART
    paragraphs = elements = 0
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > MAX_UNPACKED_BYTES:
                raise ImportFailed(_too_big(f"unpacks to more than {human_size(MAX_UNPACKED_BYTES)}"))
            if counting:
                # A tag cut by the chunk boundary is counted once: the tail kept is shorter than any whole tag.
                window = tail + chunk
                paragraphs += len(_PARAGRAPH.findall(window))
                elements += len(_ELEMENT.findall(window, max(0, len(tail) - 1)))
                tail = chunk[-4:]
                if paragraphs > MAX_PARAGRAPHS:
                    raise ImportFailed(
                        f"this Word document has more than {MAX_PARAGRAPHS:,} paragraphs, the most an import reads"
                    )
                if elements > MAX_ELEMENTS:
                    raise ImportFailed(
                        f"this Word document has more than {MAX_ELEMENTS:,} XML elements, the most an import reads"
                    )
    return unpacked


def _too_big(what: str) -> str:
    return f"this Word document {what}, more than the {human_size(MAX_UNPACKED_BYTES)} an import unpacks (a zip bomb?)"
