"""The agreement map's painted parts in the brief: the legend's keys and the hatching of pairs too thin to compare.

:mod:`.brief_html` writes the map as a rich-text table and reserves the
keys' places with ``<img>`` names; once a passage's document is laid out,
the keys become text objects painted by :mod:`desktop_app.painting.agreement_cells`
(as under the window's map), and the cells of thin pairs get its hatching.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QSizeF
from PySide6.QtGui import QPainter, QPyTextObject, QTextCursor, QTextDocument, QTextFormat, QTextTable

from ..painting.agreement_cells import paint_scale_key, paint_thin_key, thin_brush
from ..presentation.agreement_legend import SCALE_KEY_SIZE, THIN_KEY_SIZE
from .brief_html import SCALE_KEY_IMAGE, THIN_KEY_IMAGE, THIN_PAIR_SHADE
from .text_objects import find_image, put_object

KEY_OBJECT = QTextFormat.ObjectTypes.UserObject + 2
"""The text object type of a legend key in the brief's document."""
KEY_NAME = QTextFormat.Property.UserProperty + 3
"""Which key a text object paints: its image's name."""
KEYS = {SCALE_KEY_IMAGE: (paint_scale_key, SCALE_KEY_SIZE), THIN_KEY_IMAGE: (paint_thin_key, THIN_KEY_SIZE)}


class KeyObject(QPyTextObject):
    """Paints a legend key where the document placed it."""

    def intrinsicSize(self, doc, position, text_format):  # noqa: N802 (Qt's name)
        width, height = KEYS[text_format.property(KEY_NAME)][1]
        return QSizeF(width, height)

    def drawObject(self, painter: QPainter, rect, doc, position, text_format):  # noqa: N802
        paint, _ = KEYS[text_format.property(KEY_NAME)]
        painter.save()
        paint(painter, QRectF(rect).adjusted(0, 0, -1, -1))
        painter.restore()


def has_agreement_map(html: str) -> bool:
    """Whether a passage's markup holds a key or a thin pair's cell."""
    return SCALE_KEY_IMAGE in html or THIN_KEY_IMAGE in html or THIN_PAIR_SHADE in html


def paint_agreement_parts(document: QTextDocument, owner: QObject) -> KeyObject:
    """Put the painted keys in place of their images and hatch the thin pairs' cells; the handler must live as long as ``document``."""
    handler = KeyObject(owner)
    document.documentLayout().registerHandler(KEY_OBJECT, handler)
    for name in KEYS:
        while (position := find_image(document, name)) is not None:
            put_object(document, position, KEY_OBJECT, {KEY_NAME: name})
    _hatch_thin_cells(document)
    return handler


def _hatch_thin_cells(document: QTextDocument) -> None:
    thin = THIN_PAIR_SHADE.lower()
    # One edit block: otherwise the document lays its table out again after every cell's change.
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    frames = list(document.rootFrame().childFrames())
    while frames:
        frame = frames.pop()
        frames.extend(frame.childFrames())
        if not isinstance(frame, QTextTable):
            continue
        for row in range(frame.rows()):
            for column in range(frame.columns()):
                cell = frame.cellAt(row, column)
                cell_format = cell.format()
                if cell_format.hasProperty(QTextFormat.Property.BackgroundBrush) and cell_format.background().color().name() == thin:
                    cell_format.setBackground(thin_brush())
                    cell.setFormat(cell_format)
    cursor.endEditBlock()
