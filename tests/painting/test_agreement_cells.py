"""The agreement map's cells and keys: coloured by agreement beyond chance, thin pairs hatched, the scale from palest to darkest."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop_app.painting.agreement_cells import (
    NO_CHANCE_GREY,
    THIN_GREY,
    cell_colour,
    cell_text_colour,
    paint_scale_key,
    paint_thin_key,
)
from desktop_app.presentation.colours import BEYOND_CHANCE_SCALE, DARK_TEXT, LIGHT_TEXT


def painted(paint, width: int = 72, height: int = 14) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint(painter, QRectF(0, 0, width - 1, height - 1))
    painter.end()
    return image


def close(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb(), b.getRgb(), strict=True))


def test_a_cell_is_coloured_by_agreement_beyond_chance():
    """Chance or below is the scale's palest colour, full agreement its darkest, and no room beyond chance is plain grey."""
    assert cell_colour(0.0) == QColor(BEYOND_CHANCE_SCALE[0])
    assert cell_colour(-0.4) == QColor(BEYOND_CHANCE_SCALE[0])
    assert cell_colour(1.0) == QColor(BEYOND_CHANCE_SCALE[-1])
    assert cell_colour(0.5) == QColor(BEYOND_CHANCE_SCALE[2])
    assert cell_colour(None) == QColor(NO_CHANCE_GREY)
    assert cell_text_colour(1.0) == QColor(LIGHT_TEXT) and cell_text_colour(0.0) == QColor(DARK_TEXT)


def test_the_scale_key_runs_from_palest_to_darkest_in_a_frame():
    """The colour scale's key starts at chance's colour, ends at full agreement's, and is framed in grey."""
    image = painted(paint_scale_key)
    assert close(image.pixelColor(1, 7), cell_colour(0.0))
    assert close(image.pixelColor(70, 7), cell_colour(1.0))
    assert image.pixelColor(0, 7) == QColor(THIN_GREY) and image.pixelColor(35, 0) == QColor(THIN_GREY)


def test_the_thin_key_is_hatched():
    """The key of a pair with too few shared themes has grey hatching lines with gaps between them."""
    image = painted(paint_thin_key, 16, 14)
    inner = [image.pixelColor(x, y) for y in range(2, 12) for x in range(2, 14)]
    assert any(pixel == QColor(THIN_GREY) for pixel in inner)
    assert any(pixel.alpha() == 0 for pixel in inner)
