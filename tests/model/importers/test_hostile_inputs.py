"""Malformed and hostile transcripts are refused in plain words, naming the problem and the bound passed."""

from __future__ import annotations

import codecs
import io
import random
import zipfile

import pytest

from desktop_app.model.importers import pdf_bounds, word_package
from desktop_app.model.importers.common import ImportFailed
from desktop_app.model.importers.reading import import_bytes, import_file
from tests.synthetic import hostile_imports as hostile

from .checks import turn_texts


def refusal(data: bytes, name: str) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        import_bytes(data, name)
    return caught.value


def test_a_5000_digit_number_in_whisper_json_names_the_field(tmp_path):
    failure = refusal(hostile.whisper_long_number(tmp_path / "long.json").read_bytes(), "long.json")
    assert failure.location == "segments[0].start (line 1, column 25)"
    assert failure.message == "a number with 5,000 digits is too long (at most 100 digits)"


def test_a_whisper_time_of_1e400_is_too_large_not_infinity():
    failure = refusal(b'{"segments": [{"start": 0, "end": 1e400, "text": "Hello."}]}', "t.json")
    assert failure.location == "segments[0].end (line 1, column 35)"
    assert failure.message == "the number 1e400 is too large" and "Infinity" not in str(failure)


def test_whisper_json_after_repeated_byte_order_marks_reads():
    """Byte-order marks an editor piled up at the start are not taken for JSON."""
    data = codecs.BOM_UTF8 * 3 + b'{"segments": [{"start": 0, "end": 1, "text": "Hello.", "speaker": "S1"}]}'
    assert turn_texts(import_bytes(data, "t.json")) == [("S1", "Hello.")]


def test_a_docx_whose_zip_asks_for_version_7_6(tmp_path):
    failure = refusal(hostile.zip_version_76(tmp_path / "v76.docx").read_bytes(), "v76.docx")
    assert failure.message == "this Word document's zip archive asks for zip version 7.6, newer than the 6.3 that can be read here"


def test_a_docx_without_content_types_is_named_damaged(tmp_path):
    failure = refusal(hostile.docx(tmp_path / "bare.docx", hostile.PANEL, content_types=False).read_bytes(), "bare.docx")
    assert failure.message == "this Word document is damaged: it has no [Content_Types].xml (the list of its parts' types)"


def test_a_small_docx_made_the_same_way_imports(tmp_path):
    """The hostile files' good twin: the generator's package reads, so the refusals above are about what they break."""
    transcript = import_file(hostile.docx(tmp_path / "panel.docx", hostile.PANEL))
    assert [label for label, _ in turn_texts(transcript)] == ["Ilse Varga", "Tobias Renn", "Ilse Varga", "Tobias Renn"]


def test_a_docx_bomb_is_refused_from_its_declared_size(tmp_path):
    failure = refusal(hostile.docx_bomb(tmp_path / "bomb.docx", 300).read_bytes(), "bomb.docx")
    assert failure.message == (
        "this Word document says it unpacks to 300 MiB, more than the 256 MiB an import unpacks (a zip bomb?)"
    )


def test_a_docx_that_understates_its_size_is_stopped_while_unpacking(tmp_path, monkeypatch):
    """A part claiming 1 KiB that unpacks to 6 MiB is stopped where its claim ends, and named damaged."""
    monkeypatch.setattr(word_package, "MAX_UNPACKED_BYTES", 4 * hostile.MIB)
    path = hostile.docx_bomb(tmp_path / "bomb.docx", 6)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        size = archive.getinfo("word/document.xml").file_size
    assert data.count(size.to_bytes(4, "little")) == 2  # the local and the central header
    data = data.replace(size.to_bytes(4, "little"), (1024).to_bytes(4, "little"))
    failure = refusal(bytes(data), "bomb.docx")
    assert failure.message == "this Word document is damaged: Bad CRC-32 for file 'word/document.xml'"


def test_a_docx_of_two_million_paragraphs_is_refused_at_the_paragraph_bound(tmp_path):
    failure = refusal(hostile.docx_paragraphs(tmp_path / "many.docx").read_bytes(), "many.docx")
    assert failure.message == "this Word document has more than 50,000 paragraphs, the most an import reads"


def test_paragraphs_are_counted_across_unpacking_chunks(tmp_path, monkeypatch):
    """A paragraph tag cut by a chunk boundary counts once: 40 paragraphs are within a bound of 40, 41 are not."""
    monkeypatch.setattr(word_package, "_CHUNK", 7)
    monkeypatch.setattr(word_package, "MAX_PARAGRAPHS", 44)  # the panel's four and forty more
    import_file(hostile.docx_paragraphs(tmp_path / "forty.docx", 40))
    with pytest.raises(ImportFailed, match="more than 44 paragraphs"):
        import_file(hostile.docx_paragraphs(tmp_path / "forty-one.docx", 41))


def test_a_docx_of_too_many_elements_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(word_package, "MAX_ELEMENTS", 1_000)
    body = b"<w:p><w:r><w:t>a</w:t></w:r>" + b"<w:r/>" * 1_000 + b"</w:p>"
    with pytest.raises(ImportFailed, match="more than 1,000 XML elements"):
        import_file(hostile.docx(tmp_path / "runs.docx", hostile.PANEL + body))


def test_a_pdf_deflate_bomb_is_refused_naming_its_object(tmp_path):
    failure = refusal(hostile.pdf_bomb(tmp_path / "bomb.pdf", 100).read_bytes(), "bomb.pdf")
    assert failure.message == (
        "this PDF cannot be read safely: one of its streams (object 4) inflates to more than 64 MiB, "
        "the most an import unpacks (a decompression bomb?)"
    )


def test_a_pdf_under_the_stream_bound_reads_and_the_total_is_bounded_too(tmp_path, monkeypatch):
    path = hostile.pdf_bomb(tmp_path / "small.pdf", 2)
    assert import_file(path).text == "Harbour panel, spring session"
    monkeypatch.setattr(pdf_bounds, "MAX_STREAMS_BYTES", hostile.MIB)
    with pytest.raises(ImportFailed, match="its streams inflate to more than 1 MiB together"):
        import_file(path)


def test_a_pdf_of_too_many_pages_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_bounds, "MAX_PAGES", 0)
    with pytest.raises(ImportFailed, match="this PDF has 1 pages, more than the 0 an import reads"):
        import_file(hostile.pdf_bomb(tmp_path / "one.pdf", 0))


@pytest.mark.parametrize(
    "data",
    [
        random.Random(8).randbytes(8192),
        b"Ilse Varga: yes\x00\x00\x00\x00\x00\x00\n" * 200,
        "Ilse Varga: \ufffd\ufffd\ufffd\ufffd ok\n".encode() * 200,
    ],
    ids=["random bytes", "NULs", "replacement characters"],
)
def test_a_text_file_that_is_mostly_not_text_is_refused(data):
    failure = refusal(data, "notes.txt")
    assert failure.message.startswith("this does not look like text: ")
    assert "are control codes or bytes that cannot be decoded" in failure.message


def test_text_with_a_stray_control_character_still_reads():
    data = ("Ilse Varga: The quay floods.\n" * 40 + "Tobias Renn: \x07Not this year.\n" * 2).encode()
    assert {label for label, _ in turn_texts(import_bytes(data, "notes.txt"))} == {"Ilse Varga", "Tobias Renn"}
