"""The agreement map's cells and keys: coloured by agreement beyond chance, thin pairs hatched, the scale from palest to darkest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop_app.painting.agreement_cells import (
    CELL_BLACK,
    NO_CHANCE_GREY,
    THIN_GREY,
    cell_colour,
    cell_text_colour,
    paint_scale_key,
    paint_thin_key,
)
from desktop_app.presentation.colours import BEYOND_CHANCE_SCALE, LIGHT_TEXT


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
    assert cell_text_colour(1.0) == QColor(LIGHT_TEXT) and cell_text_colour(0.0) == QColor(CELL_BLACK)


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


DARK_BASE = "#1f1f1f"


def test_in_the_dark_palette_the_weakest_cells_sit_near_the_background_and_the_strongest_stand_out():
    """On a dark page the scale runs toward the background: chance is the dimmest cell, full agreement the brightest."""
    from desktop_app.painting.agreement_cells import cell_colour
    from desktop_app.presentation.contrast import contrast_ratio, relative_luminance

    steps = [cell_colour(value / 10, dark=True).name() for value in range(11)]
    lightness = [relative_luminance(colour) for colour in steps]
    assert lightness == sorted(lightness)
    assert contrast_ratio(steps[0], DARK_BASE) < 1.5 < contrast_ratio(steps[-1], DARK_BASE)
    assert relative_luminance(cell_colour(None, dark=True).name()) < relative_luminance(steps[-1])
    # On a light page it is the other way round, as before.
    light = [relative_luminance(cell_colour(value / 10).name()) for value in range(11)]
    assert light == sorted(light, reverse=True)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_cells_figures_reach_aa_contrast(dark):
    """The figures in every cell colour, compared or not, contrast at least 4.5:1 with it."""
    from desktop_app.painting.agreement_cells import cell_colour, cell_text_colour
    from desktop_app.presentation.contrast import contrast_ratio

    for value in [None, *(step / 20 for step in range(21))]:
        fill, ink = cell_colour(value, dark).name(), cell_text_colour(value, dark).name()
        assert contrast_ratio(ink, fill) >= 4.5, (value, fill, ink)
