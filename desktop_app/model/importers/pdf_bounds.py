"""A PDF's compressed streams measured before PDFium reads it, so a deflate bomb is refused, not unpacked.

PDFium inflates a page's content stream whole, in memory, to read its text:
a few hundred KiB of Flate data can become gigabytes.  Every Flate stream
that is not an image (PDFium leaves images packed when it reads text) is
inflated here in bounded chunks and only counted; the first stream, or the
total, that passes its bound refuses the file, naming the object.  Streams
that do not inflate (encrypted, damaged or in other filters) are left to
PDFium.  The pages are bounded too, once PDFium has counted them.
"""

from __future__ import annotations

import re
import zlib

from ..format.json_text import human_size
from .common import ImportFailed

MAX_STREAM_BYTES = 64 * 1024 * 1024
"""Most bytes one stream may inflate to (a dense page's text takes a few hundred KiB)."""
MAX_STREAMS_BYTES = 256 * 1024 * 1024
"""Most bytes all the measured streams may inflate to, together."""
MAX_PAGES = 10_000
"""Most pages read from a PDF."""

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_OBJECT = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_DICTIONARY_REACH = 4096  # bytes looked back from a stream for its object's dictionary
_IN = 64 * 1024
_OUT = 1024 * 1024


def check_streams(data: bytes) -> None:
    """Refuse, with ImportFailed naming the object, a PDF whose Flate streams inflate past a bound."""
    total = 0
    for found in _STREAM.finditer(data):
        head = data[max(0, found.start() - _DICTIONARY_REACH):found.start()]
        if not head.rstrip().endswith(b">>"):
            continue  # the word "stream" in some other place, not a stream's start
        objects = list(_OBJECT.finditer(head))
        dictionary = head[objects[-1].end():] if objects else head
        if b"/FlateDecode" not in dictionary or _IMAGE.search(dictionary):
            continue
        where = f"object {int(objects[-1].group(1))}" if objects else f"the stream at byte {found.end():,}"
        size = _inflated_size(data, found.end(), MAX_STREAM_BYTES)
        if size > MAX_STREAM_BYTES:
            raise ImportFailed(_refusal(f"one of its streams ({where}) inflates to more than {human_size(MAX_STREAM_BYTES)}"))
        total += size
        if total > MAX_STREAMS_BYTES:
            raise ImportFailed(_refusal(f"its streams inflate to more than {human_size(MAX_STREAMS_BYTES)} together"))


def check_pages(count: int) -> None:
    if count > MAX_PAGES:
        raise ImportFailed(f"this PDF has {count:,} pages, more than the {MAX_PAGES:,} an import reads")


def _inflated_size(data: bytes, start: int, limit: int) -> int:
    """How many bytes the zlib stream at ``start`` inflates to, counting no further than just past ``limit``."""
    inflater = zlib.decompressobj()
    size = 0
    at = start
    view = memoryview(data)
    try:
        while at < len(data) and not inflater.eof:
            pending = bytes(view[at:at + _IN])
            at += _IN
            while pending and not inflater.eof:  # past the end, zlib may keep offering the same tail
                size += len(inflater.decompress(pending, _OUT))
                if size > limit:
                    return size
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # not (or no longer) Flate data: PDFium will say what it makes of it
    return size


def _refusal(what: str) -> str:
    return f"this PDF cannot be read safely: {what}, the most an import unpacks (a decompression bomb?)"
