"""In the details, the link that reads a passage and the one that deletes it sit well apart."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from desktop_app.presentation.detail_html import Ink, speaker_html


def _x_of(document: QTextDocument, words: str) -> float:
    found = document.find(words)
    assert not found.isNull(), words
    layout = document.documentLayout()
    block = found.block()
    line = block.layout().lineForTextPosition(found.positionInBlock())
    return layout.blockBoundingRect(block).x() + line.cursorToX(found.positionInBlock())[0]


def test_delete_is_a_column_away_from_show_in_source(qapp, default_dataset):
    """Laid out 440 pixels wide, each position's "Delete" starts at least half the width right of its "Show in source"."""
    speaker = default_dataset.speakers[2].id
    document = QTextDocument()
    document.setHtml(speaker_html(default_dataset, speaker, Ink()))
    document.setTextWidth(440)
    assert _x_of(document, "Delete") - _x_of(document, "Show in source") >= 220
