"""PDF reports: text in reading order, hyphenation repaired, running heads and page numbers removed."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter

from desktop_app.model.importers.common import ImportFailed
from desktop_app.model.importers.pdf_text import NO_TEXT_LAYER, join_pages
from desktop_app.model.importers.reading import import_bytes

from .checks import assert_turns_valid, turn_texts


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF drawn with QPdfWriter, one line of text per entry, a running head and a page number on each page."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
    from PySide6.QtGui import QPainter, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)
    painter = QPainter(writer)
    for number, lines in enumerate(pages, start=1):
        if number > 1:
            writer.newPage()
        painter.drawText(QPointF(72, 40), "Harbour Council Report 2026")
        for row, line in enumerate(lines):
            painter.drawText(QPointF(72, 90 + 18 * row), line)
        painter.drawText(QPointF(290, 800), str(number))
    painter.end()
    buffer.close()
    return bytes(data.data())


def blank_pdf(pages: int = 2) -> bytes:
    """A PDF with blank pages only, like a scan with no text layer."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_prose_report_pages_read_in_order_without_heads_or_page_numbers(qapp):
    """Three pages of prose give their text in order, without the running head or the page numbers."""
    pages = [
        ["The council met on a windy Tuesday.", "Members discussed the quay."],
        ["The harbour master reported recog-", "nised damage to the eastern wall."],
        ["The meeting closed at nine."],
    ]
    seen: list[tuple[int, int]] = []
    transcript = import_bytes(text_pdf(pages), "report.pdf", progress=lambda done, total: seen.append((done, total)))
    assert transcript.turns == () and transcript.pages == 3
    assert "Harbour Council Report" not in transcript.text
    assert "recognised damage" in transcript.text
    assert transcript.text.index("windy Tuesday") < transcript.text.index("eastern wall") < transcript.text.index("nine")
    assert not any(line.strip().isdigit() for line in transcript.text.split("\n"))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_pdf_transcript_with_labels_has_turns(qapp):
    """Labelled lines in a PDF become turns, as in a text file."""
    pages = [["Ada Brook: The bridge is safe.", "Cy Lam: Is it?"], ["Ada Brook: Yes.", "Cy Lam: Good."]]
    transcript = import_bytes(text_pdf(pages), "talk.pdf")
    assert transcript.labels() == ["Ada Brook", "Cy Lam"] and len(transcript.turns) == 4


def test_a_pdf_with_no_text_layer_asks_for_ocr():
    """A PDF of blank (scanned) pages is refused with the OCR message."""
    with pytest.raises(ImportFailed) as caught:
        import_bytes(blank_pdf(), "scan.pdf")
    assert caught.value.message == NO_TEXT_LAYER == "this PDF has no text layer; run OCR first"


def test_a_broken_pdf_is_refused_in_plain_words():
    """Bytes that start like a PDF but are not one get a message, not a traceback."""
    with pytest.raises(ImportFailed, match="PDF"):
        import_bytes(b"%PDF-1.7\nnonsense", "broken.pdf")


def test_headers_repeated_on_most_pages_go_but_a_line_on_one_page_stays():
    """Running heads and 'Page N of M' footers are removed; first and last lines that differ stay."""
    openings = ["Gulls nest on the roof.", "The tide came early.", "Boats were moved inland.", "Nobody was hurt."]
    pages = [f"Annual report\n{line}\nMore words follow.\nPage {n} of 4" for n, line in enumerate(openings, 1)]
    text = join_pages(pages)
    assert "Annual report" not in text and "Page" not in text
    assert all(line in text for line in openings)


def test_a_two_page_report_loses_its_running_head_and_keeps_its_turns_clean(qapp):
    """In a two-page transcript PDF the running head on both pages goes, so no copy lands inside a speaker's turn."""
    pages = [["Ada Brook: The bridge is safe.", "Cy Lam: Is it?"], ["the engineers said so.", "Ada Brook: Yes.", "Cy Lam: Good."]]
    transcript = import_bytes(text_pdf(pages), "talk.pdf")
    assert transcript.pages == 2 and len(transcript.turns) == 4 and "Harbour Council Report 2026" not in transcript.text
    cy = transcript.turns[1]
    assert " ".join(transcript.text[cy.start : cy.end].split()) == "Cy Lam: Is it? the engineers said so."


def test_only_the_very_first_or_last_line_of_every_page_counts_as_a_short_reports_head():
    """On two pages, a line repeated in the middle of the text, or first on only one page, stays."""
    pages = [
        "Minutes of the quay meeting\nWe agreed.\nThe vote was close.",
        "The vote was close.\nWe agreed.\nMinutes of the quay meeting, continued",
    ]
    text = join_pages(pages)
    assert text.count("We agreed.") == 2 and text.count("The vote was close.") == 2
    assert "Minutes of the quay meeting\n" in text
    both = join_pages(["Quay report\nFirst page words.\nDraft", "Quay report\nSecond page words.\nDraft"])
    assert both == "First page words.\nSecond page words."
    assert join_pages(["Quay report\nOnly one page.\nDraft"]) == "Quay report\nOnly one page.\nDraft"


def document_pdf(html: str) -> bytes:
    """A PDF of rich text laid out by QTextDocument and written by QPdfWriter, as Qt applications print."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    buffer.close()
    return bytes(data.data())


def test_a_qt_written_transcript_with_name_labels_gives_its_speakers_and_turns(qapp):
    """Labels are found per line, though PDFium runs a paragraph's last line into the next paragraph's label."""
    turns = [
        ("Tom Baker", "Thank you for coming. The question tonight is whether the harbour wall can be repaired "
                      "before the winter storms, and what it costs the town if we wait for the climate to change."),
        ("Ruth Kim", "We should start now. The engineers told us in March that the wall will not last."),
        ("Tom Baker", "And the budget?"),
        ("Ruth Kim", "It was set aside in spring, so that is not the problem."),
    ]
    transcript = import_bytes(document_pdf("".join(f"<p>{name}: {words}</p>" for name, words in turns)), "panel.pdf")
    assert_turns_valid(transcript)
    assert [label for label, _ in turn_texts(transcript)] == [name for name, _ in turns]
    assert turn_texts(transcript)[1] == ("Ruth Kim", f"Ruth Kim: {turns[1][1]}")
    assert transcript.single_labels == ()


def test_a_capital_inside_a_line_stays_on_its_line(qapp):
    """Only a space where the text really moves down a line becomes a line break."""
    transcript = import_bytes(text_pdf([["Ada Lind: We met Tom Baker: he agreed. Then Ruth Kim spoke."]]), "one.pdf")
    assert transcript.text.endswith("\nAda Lind: We met Tom Baker: he agreed. Then Ruth Kim spoke.")
