"""Word documents: a bold run or 'Name:' opening a paragraph is the label; a zip of anything else is refused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from desktop_app.model.importers.common import ImportFailed
from desktop_app.model.importers.reading import import_bytes, import_file

from .checks import assert_turns_valid, turn_texts


def word_file(paragraphs: list[tuple[str, str]], title: str = "") -> bytes:
    """A .docx whose paragraphs each have a bold opening (may be empty) and plain words."""
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.created = dt.datetime(2026, 3, 14, 9, 0)
    for bold, plain in paragraphs:
        paragraph = document.add_paragraph()
        if bold:
            paragraph.add_run(bold).bold = True
        if plain:
            paragraph.add_run(plain)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_bold_runs_open_turns_and_plain_paragraphs_continue_them(tmp_path):
    """Bold names at paragraph starts are speakers; a plain paragraph after one stays in that turn."""
    path = tmp_path / "hearing.docx"
    path.write_bytes(
        word_file(
            [
                ("Public hearing on the ferry", ""),
                ("Ilse Varga", " The ferry runs twice a day."),
                ("", "In winter, once."),
                ("Tobias Renn:", " That is not enough."),
                ("Ilse Varga", " We agree."),
                ("Tobias Renn:", " Good."),
            ],
            title="Ferry hearing",
        )
    )
    transcript = import_file(path)
    assert_turns_valid(transcript)
    assert turn_texts(transcript) == [
        ("Ilse Varga", "Ilse Varga The ferry runs twice a day.\nIn winter, once."),
        ("Tobias Renn", "Tobias Renn: That is not enough."),
        ("Ilse Varga", "Ilse Varga We agree."),
        ("Tobias Renn", "Tobias Renn: Good."),
    ]
    assert transcript.text.startswith("Public hearing on the ferry\n")  # a bold heading is no speaker
    assert (transcript.title, transcript.date) == ("Ferry hearing", dt.date(2026, 3, 14))


def test_name_colon_in_plain_paragraphs():
    """Without bold, 'Name:' at a paragraph start is the label, as in a text file."""
    data = word_file([("", "Ada Brook: One."), ("", "Cy Lam: Two."), ("", "Ada Brook: Three."), ("", "Cy Lam: Four.")])
    transcript = import_bytes(data, "talk.docx")
    assert transcript.labels() == ["Ada Brook", "Cy Lam"] and len(transcript.turns) == 4


def test_a_zip_of_something_else_is_not_a_word_document():
    """A .docx that is really a zip of other files is refused, saying what is missing."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/beach.txt", "not a document")
    with pytest.raises(ImportFailed, match=r"not a Word document: it has no word/document\.xml"):
        import_bytes(buffer.getvalue(), "minutes.docx")


def test_a_docx_that_is_not_a_zip_is_refused():
    """Plain text named .docx is refused as not a Word document."""
    with pytest.raises(ImportFailed, match="not a Word document"):
        import_bytes(b"just some words", "minutes.docx")


def test_a_damaged_word_package_is_refused_in_plain_words():
    """A zip with a broken word/document.xml gets a message, not a traceback."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not xml")
    with pytest.raises(ImportFailed, match="Word document"):
        import_bytes(buffer.getvalue(), "minutes.docx")
