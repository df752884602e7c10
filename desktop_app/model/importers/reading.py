"""Read a transcript or report file of any supported format: size limit, format detection, the right parser."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..format.json_text import MAX_FILE_BYTES, human_size
from .common import FORMATS, ImportedTranscript, ImportFailed, Progress
from .encoding import MAX_NOT_TEXT_SHARE, decode, decode_text, normalise, not_text_share
from .labels import LabelChoices, LabelPattern
from .pdf_text import parse_pdf
from .plain_text import parse_text
from .srt import parse_srt
from .stated_details import with_stated_details
from .webvtt import parse_vtt
from .whisper import parse_whisper
from .word import parse_docx

MAX_IMPORT_BYTES = MAX_FILE_BYTES
"""Largest file imported, in bytes: the loader's limit, since the text ends up in a seminar file."""

_EXTENSIONS = {
    ".vtt": "vtt",
    ".webvtt": "vtt",
    ".srt": "srt",
    ".json": "whisper",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".docx": "docx",
    ".pdf": "pdf",
}


def import_file(
    path: str | os.PathLike[str],
    format_name: str | None = None,
    *,
    confirmed: Iterable[str] = (),
    rejected: Iterable[str] = (),
    pattern: str | None = None,
    progress: Progress | None = None,
    docx_progress: Progress | None = None,
) -> ImportedTranscript:
    """The transcript in the file at ``path``.

    ``format_name`` is one of :data:`FORMATS` (detected from the name and
    content when None); ``confirmed`` names labels to take as speakers even
    if they occur once, ``rejected`` labels never to take (case is ignored
    in both); ``pattern`` is a regex with a ``speaker`` group for
    typed transcripts; ``progress`` follows a PDF page by page, and
    ``docx_progress`` a Word document paragraph by paragraph.  Raises
    ImportFailed with a plain message (and location) for any bad input.
    """
    data = read_bytes(Path(path))
    return import_bytes(
        data,
        Path(path).name,
        format_name,
        confirmed=confirmed,
        rejected=rejected,
        pattern=pattern,
        progress=progress,
        docx_progress=docx_progress,
    )


def import_bytes(
    data: bytes,
    name: str = "",
    format_name: str | None = None,
    *,
    confirmed: Iterable[str] = (),
    rejected: Iterable[str] = (),
    pattern: str | None = None,
    progress: Progress | None = None,
    docx_progress: Progress | None = None,
) -> ImportedTranscript:
    """As :func:`import_file`, for bytes already read; ``name`` (a file name) helps detect the format."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFailed(_too_big(len(data)))
    if not data.strip():
        raise ImportFailed("the file is empty")
    format_name = format_name or detect_format(name, data)
    if format_name not in FORMATS:
        raise ImportFailed(f"unknown format {format_name!r}; choose one of {', '.join(FORMATS)}")
    try:
        label_pattern = LabelPattern(pattern) if pattern is not None else None
    except ValueError as exc:
        raise ImportFailed(str(exc)) from None
    if label_pattern is not None and format_name not in ("text", "docx", "pdf"):
        raise ImportFailed("a speaker pattern applies to text, Word and PDF files only")
    choices = LabelChoices.of(confirmed, rejected)
    if format_name == "docx":
        transcript = parse_docx(data, choices, label_pattern, docx_progress)
    elif format_name == "pdf":
        if not data.lstrip().startswith(b"%PDF"):
            raise ImportFailed("this is not a PDF file: it does not start with %PDF")
        transcript = parse_pdf(data, choices, label_pattern, progress)
    else:
        text, encoding = _decoded_text(data)
        if format_name == "vtt":
            transcript = parse_vtt(text, choices, encoding)
        elif format_name == "srt":
            transcript = parse_srt(text, choices, encoding)
        elif format_name == "whisper":
            transcript = parse_whisper(text, choices, encoding)
        else:
            transcript = parse_text(text, choices, label_pattern, encoding)
    if not transcript.text.strip():
        raise ImportFailed("the file holds no text")
    if len(transcript.text) * 4 > MAX_IMPORT_BYTES and len(transcript.text.encode("utf-8")) > MAX_IMPORT_BYTES:
        size = len(transcript.text.encode("utf-8"))
        raise ImportFailed(
            f"its text is {human_size(size)}, more than the {human_size(MAX_IMPORT_BYTES)} a seminar file may hold"
        )
    return with_stated_details(transcript)


def _decoded_text(data: bytes) -> tuple[str, str]:
    """The text of a text file, normalised, and its encoding; refused when it is empty or not text at all."""
    raw, encoding = decode(data)
    share, looked_at = not_text_share(raw)
    if share > MAX_NOT_TEXT_SHARE:
        raise ImportFailed(
            f"this does not look like text: {share:.0%} of its first {looked_at:,} characters are control codes "
            "or bytes that cannot be decoded (is it a binary file, or in another format?)"
        )
    text = normalise(raw)
    if not text.strip():
        raise ImportFailed("the file is empty")
    return text, encoding


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refused before reading when it is too big or not an ordinary file."""
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise ImportFailed("this is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            raise ImportFailed("this is not an ordinary file (a pipe, socket or device)")
        if status.st_size > MAX_IMPORT_BYTES:
            raise ImportFailed(_too_big(status.st_size))
        with path.open("rb") as handle:
            return handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise ImportFailed("no such file") from None
    except PermissionError:
        raise ImportFailed("permission denied: the file cannot be read") from None
    except OSError as exc:
        raise ImportFailed(f"the file cannot be read: {exc.strerror or exc}") from None


def detect_format(name: str, data: bytes) -> str:
    """The format a file is in, from its extension, else from its first bytes."""
    by_name = _EXTENSIONS.get(Path(name).suffix.lower())
    if by_name:
        return by_name
    head = data[:512].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    text, _ = decode_text(data[:2048])
    text = text.lstrip()
    if text.startswith("WEBVTT"):
        return "vtt"
    if (text.startswith(("{", "[")) and '"segments"' in text) or text.startswith("[{"):
        return "whisper"
    first_lines = text.split("\n", 3)
    if len(first_lines) > 1 and first_lines[0].strip().isdigit() and "-->" in first_lines[1]:
        return "srt"
    return "text"


def _too_big(size: int) -> str:
    return (
        f"the file is too big to import ({human_size(size)}; the limit is {human_size(MAX_IMPORT_BYTES)})"
    )
