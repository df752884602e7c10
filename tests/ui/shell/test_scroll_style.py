"""The plain scroll-bar style: Fusion's scroll bars with a flat groove and a plain handle, and other styles left alone."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollBar, QStyleFactory

from desktop_app.ui.appearance import dark_palette, light_palette
from desktop_app.ui.shell.scroll_style import PlainGrooveStyle, groove_colours, handle_colours, use_plain_grooves


def _rendered(style, palette, dragged: bool = False) -> QImage:
    """``style`` painting a 16 × 300 vertical bar in ``palette``, its slider over the first tenth."""
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.setStyle(style)
    bar.setPalette(palette)
    bar.resize(16, 300)
    bar.setRange(0, 1000)
    bar.setPageStep(100)
    if dragged:
        QTest.mousePress(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, 30))
    image = QImage(bar.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("magenta"))
    bar.render(image)
    bar.deleteLater()
    bar.setStyle(None)  # the bar goes before the style the test holds
    return image


def test_the_groove_is_filled_flat_in_both_palettes(qapp):
    """Below the slider the groove is one colour across its width, the one the style names, light and dark."""
    style = PlainGrooveStyle("Fusion")
    for palette in (light_palette(), dark_palette()):
        image = _rendered(style, palette)
        fill, _outline = groove_colours(palette)
        row = 250  # below the slider (the first tenth of the bar) and above the bottom arrow
        inner = {image.pixelColor(x, row).name() for x in range(3, image.width() - 3)}
        assert inner == {fill.name()}


def test_the_handle_sweeps_from_light_to_shade_and_darkens_while_dragged(qapp):
    """Across the handle the colour runs from its light edge to its shaded one; dragged, the handle is darker."""
    style = PlainGrooveStyle("Fusion")
    for palette in (light_palette(), dark_palette()):
        image = _rendered(style, palette)
        light, shade, _outline = handle_colours(palette, pressed=False)
        row = 30  # inside the handle, below the top arrow
        left, right = image.pixelColor(2, row), image.pixelColor(image.width() - 3, row)
        assert abs(left.lightness() - light.lightness()) <= 6
        assert abs(right.lightness() - shade.lightness()) <= 6
        dragged = _rendered(style, palette, dragged=True)
        assert dragged.pixelColor(8, row).lightness() < image.pixelColor(8, row).lightness()


def test_the_plain_groove_looks_like_fusions(qapp):
    """The flat groove's colour is within a few shades of the one Fusion paints there."""
    fusion = QStyleFactory.create("Fusion")
    plain = PlainGrooveStyle("Fusion")
    for palette in (light_palette(), dark_palette()):
        theirs = _rendered(fusion, palette).pixelColor(8, 250)
        ours = _rendered(plain, palette).pixelColor(8, 250)
        assert abs(theirs.lightness() - ours.lightness()) <= 6


def test_only_fusion_is_replaced(qapp):
    """An application on another style keeps it; one on Fusion gets the plain grooves, once."""
    app = QApplication.instance()
    original = app.style().name() or "Fusion"  # setStyle deletes the style it replaces: keep only its name
    try:
        app.setStyle(QStyleFactory.create("Windows"))
        use_plain_grooves(app)
        assert not isinstance(app.style(), PlainGrooveStyle)
        app.setStyle(QStyleFactory.create("Fusion"))
        use_plain_grooves(app)
        first = app.style()
        assert isinstance(first, PlainGrooveStyle)
        use_plain_grooves(app)
        assert app.style() is first
    finally:
        app.setStyle(QStyleFactory.create(original))
