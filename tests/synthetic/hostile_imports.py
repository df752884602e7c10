"""Hostile files for the importers, small on disk and written where a test asks: each aims at one bound.

- :func:`whisper_long_number`: a whisper JSON whose start time has 5,000 digits;
- :func:`zip_version_76`: a .docx whose zip headers ask for zip version 7.6;
- :func:`docx_bomb`: a .docx whose document part unpacks to hundreds of MiB;
- :func:`docx_paragraphs`: a .docx of two million empty paragraphs (a few hundred KiB);
- :func:`pdf_bomb`: a one-page PDF whose content stream inflates to hundreds of MiB.

The .docx files are written from scratch (content types, relationships and
the document part), so they need nothing but the standard library.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

MIB = 1024 * 1024
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
_DOCUMENT_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'.encode()
_DOCUMENT_TAIL = b"</w:body></w:document>"


def paragraph(words: str) -> bytes:
    return f"<w:p><w:r><w:t>{words}</w:t></w:r></w:p>".encode()


def docx(path: Path, body: bytes = b"", *, content_types: bool = True) -> Path:
    """A small, valid .docx whose body is ``body`` (paragraph XML); without its content types if asked."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if content_types:
            archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", _DOCUMENT_HEAD + body + _DOCUMENT_TAIL)
    return path


PANEL = b"".join(
    paragraph(words)
    for words in ("Ilse Varga: The quay must be rebuilt.", "Tobias Renn: Not this year.", "Ilse Varga: Then next spring.",
                  "Tobias Renn: We shall see.")
)


def whisper_long_number(path: Path, digits: int = 5_000) -> Path:
    path.write_text('{"segments": [{"start": ' + "7" * digits + ', "end": 1, "text": "Hello."}]}', encoding="utf-8")
    return path


def zip_version_76(path: Path) -> Path:
    """A valid small .docx with every zip header claiming it needs version 7.6 of the zip format to unpack."""
    data = bytearray(docx(path, PANEL).read_bytes())
    for signature, offset in ((b"PK\x03\x04", 4), (b"PK\x01\x02", 6)):
        at = data.find(signature)
        while at >= 0:
            data[at + offset:at + offset + 2] = struct.pack("<H", 76)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def docx_bomb(path: Path, unpacked_mib: int = 400) -> Path:
    """A .docx whose document part is a few paragraphs and then ``unpacked_mib`` MiB of spaces."""
    head = _DOCUMENT_HEAD + PANEL
    document, crc, _ = _deflated([head, *[b" " * MIB] * unpacked_mib, _DOCUMENT_TAIL])
    size = len(head) + unpacked_mib * MIB + len(_DOCUMENT_TAIL)
    members = [_stored_member(name, text.encode()) for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS))]
    members.append(("word/document.xml", document, crc, size))
    _write_zip(path, members)
    return path


def _deflated(pieces: list[bytes]) -> tuple[bytes, int, int]:
    """The pieces as raw deflate data, with their CRC-32 and Adler-32; a piece repeated (the same object) is compressed once.

    After a full flush a deflate stream starts afresh, so the bytes for one
    piece can be written again for each repetition: a bomb of hundreds of MiB
    takes a fraction of a second to make.
    """
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    out: list[bytes] = []
    crc, adler = 0, 1
    done: dict[int, bytes] = {}
    for piece in pieces:
        crc, adler = zlib.crc32(piece, crc), zlib.adler32(piece, adler)
        if id(piece) in done:
            out.append(done[id(piece)])
            continue
        out.append(squeeze.compress(piece) + squeeze.flush(zlib.Z_FULL_FLUSH))
        if any(other is piece for other in pieces[pieces.index(piece) + 1:]):
            # The first copy may lean on what came before it; the second stands alone and is reused.
            again = squeeze.compress(piece) + squeeze.flush(zlib.Z_FULL_FLUSH)
            done[id(piece)] = again
    out.append(squeeze.flush())
    return b"".join(out), crc, adler


def _stored_member(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    squeezed = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, squeezed.compress(data) + squeezed.flush(), zlib.crc32(data), len(data)


def _write_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip archive of deflated members (name, raw deflate bytes, CRC-32, unpacked size), written by hand."""
    out = bytearray()
    central = bytearray()
    for name, data, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
        out += encoded + data
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset
        )
        central += encoded
    start = len(out)
    out += central
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0)
    path.write_bytes(bytes(out))


def docx_paragraphs(path: Path, count: int = 2_000_000) -> Path:
    """A .docx of ``count`` empty paragraphs after a short panel: tiny on disk, millions of elements inside."""
    return docx(path, PANEL + b"<w:p/>" * count)


def pdf_bomb(path: Path, inflated_mib: int = 400) -> Path:
    """A one-page PDF with a line of text, then ``inflated_mib`` MiB of spaces in the same Flate content stream."""
    text = b"BT /F1 12 Tf 72 720 Td (Harbour panel, spring session) Tj ET\n"
    deflated, _, adler = _deflated([text, *[b" " * MIB] * inflated_mib])
    stream = b"\x78\xda" + deflated + struct.pack(">I", adler)  # the zlib wrapping a Flate stream has
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
