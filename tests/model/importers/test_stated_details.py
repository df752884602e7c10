"""The title and date a document states at its top become the import's defaults, and only when they are clear."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from desktop_app.model.importers.reading import import_bytes

HEADED = (
    "Harbour Futures: a public panel\n"
    "Held at the Old Customs House, Wednesday 25 August 2021\n\n"
    "Mira Castellan: Welcome, everyone.\n"
    "Joss Whitlock: Thank you.\n"
    "Mira Castellan: Let us begin with the quay.\n"
)


def test_a_heading_and_a_written_date_at_the_top_are_the_title_and_date():
    transcript = import_bytes(HEADED.encode(), "panel.txt")
    assert transcript.title == "Harbour Futures: a public panel" and transcript.title_from == "line 1"
    assert transcript.date == dt.date(2021, 8, 25) and transcript.date_from == "line 2"


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("2021-08-25", dt.date(2021, 8, 25)),
        ("August 25th, 2021", dt.date(2021, 8, 25)),
        ("Recorded on 3 Sept. 2019 in Leeds", dt.date(2019, 9, 3)),
    ],
)
def test_an_iso_or_written_date_is_found(head, date):
    transcript = import_bytes(f"River panel\n{head}\n\nAna: Hello.\nBen: Hi.\nAna: Bye.\n".encode(), "p.txt")
    assert transcript.date == date


@pytest.mark.parametrize(
    "text",
    [
        "Minutes of the meeting, as agreed.\n\nAna: Hello.\nBen: Hi.\nAna: Bye.\n",  # a sentence, not a heading
        "Ana: Hello, it is 25 August 2021.\nBen: Hi.\nAna: Bye.\n",  # speech, not a head
        "25 August 2021\n\nAna: Hello.\nBen: Hi.\nAna: Bye.\n",  # a date alone is no title
    ],
    ids=["sentence", "speech", "date-alone"],
)
def test_no_title_is_guessed_from_a_sentence_speech_or_a_date(text):
    assert import_bytes(text.encode(), "p.txt").title is None


def test_two_dates_at_the_top_give_no_date():
    """Published on one day about an event on another: no guess beats a wrong one."""
    text = "Harbour panel\nPublished 2 May 2022, on the panel of 25 August 2021\n\nAna: Hello.\nBen: Hi.\nAna: Bye.\n"
    transcript = import_bytes(text.encode(), "p.txt")
    assert transcript.date is None and transcript.date_from is None and transcript.title == "Harbour panel"


def test_a_subtitle_files_words_are_never_read_as_a_title_or_date():
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHarbour Futures panel 25 August 2021\n"
    transcript = import_bytes(vtt.encode(), "p.vtt")
    assert transcript.title is None and transcript.date is None


def test_a_word_title_paragraph_is_the_title_and_a_written_date_beats_the_files_creation():
    """With no title in the properties, the Title-styled paragraph is the title, even below a first line that is not."""
    document = docx.Document()
    document.core_properties.title = ""
    document.core_properties.created = dt.datetime(2026, 5, 1, 9, 0)
    document.add_paragraph("Harbour Authority.")
    document.add_paragraph("Ferry hearing", style="Title")
    document.add_paragraph("14 March 2026")
    for words in ("Ana: Hello.", "Ben: Hi.", "Ana: Bye."):
        document.add_paragraph(words)
    buffer = io.BytesIO()
    document.save(buffer)
    transcript = import_bytes(buffer.getvalue(), "hearing.docx")
    assert transcript.title == "Ferry hearing" and transcript.title_from == "its Title paragraph"
    assert transcript.date == dt.date(2026, 3, 14) and transcript.date_from == "paragraph 3"
