"""Encodings are detected and line endings normalised, so offsets index the text as stored."""

from __future__ import annotations

import codecs

import pytest

from desktop_app.model.importers.encoding import decode_text
from desktop_app.model.importers.reading import import_bytes

from .checks import FIXTURES, turn_texts

ORIGINAL = (FIXTURES / "colon.txt").read_text(encoding="utf-8").replace("Pieter", "Pïeter").replace("Hana", "Hanà")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (ORIGINAL.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + ORIGINAL.encode("utf-8"), "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE + ORIGINAL.encode("utf-16-le"), "UTF-16 LE"),
        (codecs.BOM_UTF16_BE + ORIGINAL.encode("utf-16-be"), "UTF-16 BE"),
        (ORIGINAL.encode("cp1252"), "Windows-1252"),
        (ORIGINAL.replace("\n", "\r\n").encode("cp1252"), "Windows-1252"),
    ],
)
def test_each_encoding_gives_the_same_text_and_turns(data, name):
    """UTF-8 with or without BOM, UTF-16 LE/BE with BOM and cp1252, with LF or CRLF, import alike."""
    expected = import_bytes(ORIGINAL.encode("utf-8"), "colon.txt")
    transcript = import_bytes(data, "colon.txt")
    assert transcript.encoding == name
    assert transcript.text == expected.text and turn_texts(transcript) == turn_texts(expected)
    assert transcript.labels() == ["Hanà Ostrova", "Pïeter Lund"]


def test_old_mac_line_endings_and_control_characters():
    """Lone CR ends a line; a form feed becomes a line break and other control characters are dropped."""
    text, _ = decode_text(b"one\rtwo\x0cthree\x07\n")
    assert text == "one\ntwo\nthree\n"


def test_crlf_offsets_match_the_lf_text():
    """With CRLF input, each turn's offsets pick out the same words as with LF."""
    data = b"Ada: one\r\nmore\r\nBo: two\r\nAda: three\r\nBo: four\r\n"
    transcript = import_bytes(data, "t.txt")
    assert turn_texts(transcript)[0] == ("Ada", "Ada: one\nmore")
