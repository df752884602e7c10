"""Decode a text file's bytes (UTF-8 with or without a BOM, UTF-16 with a BOM, else cp1252) and normalise it.

Line endings become ``\\n`` and control characters the file format refuses are
removed before any offset is taken, so turn offsets index the text as stored.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
_LINE_BREAKS = re.compile(r"\r\n?|\u2028|\u2029|\x0c|\x0b|\x85")
_REFUSED_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")  # controls no text uses, and undecodable bytes
NOT_TEXT_SAMPLE = 65_536
"""Characters looked at to tell text from binary data."""
MAX_NOT_TEXT_SHARE = 0.05
"""Above this share of control codes and undecodable bytes, a file is refused as not text.
Random bytes read as Windows-1252 or Latin-1 give about 23 %; real text, with a stray control or two, well under 1 %."""


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding it was read in."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):] if codec != "utf-8-sig" else data
            return body.decode(codec, errors="replace"), name
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16.upper().replace("UTF-16-", "UTF-16 ")
    # cp1252 leaves five bytes undefined; Latin-1 reads them, so the fallback never fails.
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when most odd (or even) bytes of ASCII-heavy text are NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def normalise(text: str) -> str:
    """``text`` with every line ending as ``\\n``, without a leading BOM or refused control characters."""
    text = text.lstrip("\ufeff")  # an editor that adds a byte-order mark to a file that had one leaves two
    text = _LINE_BREAKS.sub("\n", text)
    if not text.isprintable():
        text = _REFUSED_CONTROLS.sub("", text)
    return text


def decode_text(data: bytes) -> tuple[str, str]:
    """Decoded and normalised text, with the encoding's name."""
    text, name = decode(data)
    return normalise(text), name


def not_text_share(text: str) -> tuple[float, int]:
    """The share of control codes and undecodable bytes in the start of a decoded text, and how many characters were looked at."""
    sample = text[:NOT_TEXT_SAMPLE]
    if not sample:
        return 0.0, 0
    return len(_NOT_TEXT.findall(sample)) / len(sample), len(sample)
