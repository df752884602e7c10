"""The chart's glyphs paint the same wherever they are painted: solid blocks, hatched tentative ones, notches, diamonds, legend keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop_app.painting.chart_glyphs import TENTATIVE_FILL, mixed, paint_block, paint_diamond, paint_legend_key, paint_notch
from desktop_app.presentation.chart_layout import LegendPiece
from desktop_app.presentation.colours import stance_hex

WHITE = QColor("#ffffff")
WIDTH, HEIGHT = 60, 20


def painted(paint) -> QImage:
    """A transparent image with ``paint(painter)`` done on it."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint(painter)
    painter.end()
    return image


def inside(image: QImage) -> list[QColor]:
    """The colours of the pixels two or more pixels away from the image's edge (where a tentative block's outline runs)."""
    return [image.pixelColor(x, y) for y in range(2, image.height() - 2) for x in range(2, image.width() - 2)]


def close(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb(), b.getRgb(), strict=True))


BLOCK = QRectF(0, 0, WIDTH, HEIGHT)


def test_a_firm_block_is_one_solid_colour_with_no_hatching():
    """A block of a firm row is its stance's colour all over: not a pixel of hatching or fading."""
    image = painted(lambda p: paint_block(p, BLOCK, 1, False, WHITE))
    colour = QColor(stance_hex(1))
    assert all(pixel == colour for pixel in inside(image))


@pytest.mark.parametrize("see_through", [True, False])
def test_a_tentative_block_is_hatched_over_a_faded_fill(see_through):
    """A tentative block shows lines in its full colour over a faded fill, on screen (translucent) and on paper (opaque) alike."""
    image = painted(lambda p: paint_block(p, BLOCK, 1, True, WHITE, see_through=see_through))
    colour = QColor(stance_hex(1))
    pixels = inside(image)
    hatch = [pixel for pixel in pixels if close(pixel, colour)]
    if see_through:
        fill = [pixel for pixel in pixels if pixel.alpha() == round(255 * TENTATIVE_FILL)]
    else:
        fill = [pixel for pixel in pixels if close(pixel, mixed(colour, WHITE, TENTATIVE_FILL))]
    assert len(hatch) > len(pixels) / 10, "hatch lines in the block's own colour"
    assert len(fill) > len(pixels) / 4, "the faded fill between the lines"


def test_on_paper_a_tentative_block_needs_no_transparency():
    """With see_through off (a PDF/A page drops transparency), every pixel of a tentative block is opaque, so nothing hides its hatching."""
    opaque = painted(lambda p: paint_block(p, BLOCK, -1, True, WHITE, see_through=False))
    assert all(pixel.alpha() == 255 for pixel in inside(opaque))
    translucent = painted(lambda p: paint_block(p, BLOCK, -1, True, WHITE))
    assert any(pixel.alpha() < 255 for pixel in inside(translucent))


def test_the_faded_fill_on_paper_is_what_the_translucent_one_makes_over_the_background():
    """The opaque fill on paper has the colour the screen's translucent fill takes over the same background."""
    colour = QColor(stance_hex(-2))
    over_white = painted(lambda p: (p.fillRect(BLOCK, WHITE), p.fillRect(BLOCK, QColor(colour.red(), colour.green(), colour.blue(), round(255 * TENTATIVE_FILL)))))
    assert close(over_white.pixelColor(5, 5), mixed(colour, WHITE, TENTATIVE_FILL), tolerance=1)


def test_a_notch_cuts_the_background_into_the_top_of_a_block():
    """A divided speaker's notch shows the background at the top centre of the block, and leaves its corners alone."""
    background = QColor("#123456")

    def paint(painter: QPainter) -> None:
        paint_block(painter, BLOCK, 2, False, background)
        paint_notch(painter, BLOCK, background)

    image = painted(paint)
    assert close(image.pixelColor(WIDTH // 2, 1), background)
    assert image.pixelColor(1, 1) == QColor(stance_hex(2))


def test_a_diamond_is_filled_and_outlined_in_the_given_colours():
    """The selected speaker's diamond has its fill at the centre and its ink on the outline, with nothing at the corners."""
    ink, fill = QColor("#000000"), QColor("#ff0000")
    image = painted(lambda p: paint_diamond(p, QPointF(30, 10), 16, ink, fill))
    assert close(image.pixelColor(30, 10), fill)
    assert close(image.pixelColor(30, 2), ink, tolerance=40)
    assert image.pixelColor(22, 2).alpha() == 0


def test_a_legend_key_paints_its_glyph_and_leaves_words_to_the_caller():
    """The tentative key comes out hatched; a piece of words paints nothing and says so."""
    swatch = QRectF(0, 0, WIDTH, HEIGHT)
    results: list[bool] = []
    key = painted(lambda p: results.append(paint_legend_key(p, LegendPiece(0, 13, glyph="tentative"), swatch, QColor("black"), WHITE)))
    words = painted(lambda p: results.append(paint_legend_key(p, LegendPiece(0, 40, text="tentative"), swatch, QColor("black"), WHITE)))
    assert results == [True, False]
    assert any(close(pixel, QColor(stance_hex(1))) for pixel in inside(key))
    assert all(pixel.alpha() == 0 for pixel in inside(words))


def test_the_one_speaker_key_is_not_the_mixed_swatch():
    """The legend's "one speaker" key is outlined blocks in the ink: not a pixel of the neutral grey that keys "mixed"."""
    swatch = QRectF(20, 3, 13, 13)
    ink = QColor("#1b1b1b")
    one = painted(lambda p: paint_legend_key(p, LegendPiece(0, 13, glyph="block"), swatch, ink, WHITE))
    mixed_key = painted(lambda p: paint_legend_key(p, LegendPiece(0, 13, band=0), swatch, ink, WHITE))
    grey = QColor(stance_hex(0))
    assert sum(close(colour, grey) for colour in inside(mixed_key)) > 100
    assert not any(close(colour, grey) for colour in inside(one))
    assert sum(close(colour, ink, 40) for colour in inside(one)) > 20


def test_a_divided_notch_takes_a_visible_bite_of_a_block():
    """On a block 24 pixels wide, the notch clears at least 50 pixels to the background: a mark you can see."""
    block = QRectF(10, 0, 24, HEIGHT)

    def paint(painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, WIDTH, HEIGHT), WHITE)
        paint_block(painter, block, 2, False, WHITE)
        paint_notch(painter, block, WHITE)

    image = painted(paint)
    cleared = sum(
        close(image.pixelColor(x, y), WHITE, 20) for y in range(HEIGHT) for x in range(10, 34)
    )
    assert cleared >= 50, cleared
