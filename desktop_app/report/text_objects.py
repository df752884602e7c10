"""Painted things in the brief's rich text: an ``<img>`` name reserves the place, a text object takes it.

The chart (:mod:`.print_chart`) and the agreement map's keys
(:mod:`.agreement_keys`) are painted with QPainter where the laid-out text
put their images.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument


def find_image(document: QTextDocument, name: str) -> int | None:
    """Position of the first image called ``name`` in the document, if it is there."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            text_format = fragment.charFormat()
            if text_format.isImageFormat() and text_format.toImageFormat().name() == name:
                return fragment.position()
            fragments += 1
        block = block.next()
    return None


def put_object(document: QTextDocument, position: int, object_type: int, properties: dict[int, object]) -> None:
    """Put a text object of ``object_type`` with ``properties`` in place of the character at ``position``."""
    object_format = QTextCharFormat()
    object_format.setObjectType(object_type)
    for key, value in properties.items():
        object_format.setProperty(key, value)
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("\ufffc", object_format)
