"""Fusion with plainly painted scroll bars: the application's style where Qt would use Fusion.

Fusion paints a scroll bar's groove and handle through gradients and cached
pixmaps that cost 2 to 4 ms each time, and the detail panel's bar is
repainted whenever a page is shown or edited, which was a fifth of a
selection's time.  This style leaves everything to Fusion except those two:
the groove is filled flat in the colour Fusion's gradient settles on, between
the same outline, and the handle is a box with the same light-to-shade
sweep across it, darker while dragged.  Other platforms' own styles are left
alone.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionComplex, QStyleOptionSlider, QWidget

from ..palette import is_dark

_Control = QStyle.ComplexControl
_Sub = QStyle.SubControl


def groove_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The groove's fill and its outline for ``palette``: a shade off the buttons, edged a little darker than the window."""
    button = palette.color(QPalette.ColorRole.Button)
    window = palette.color(QPalette.ColorRole.Window)
    if is_dark(palette):
        return button.darker(110), window.darker(120)
    return button.darker(104), window.darker(127)


def handle_colours(palette: QPalette, pressed: bool) -> tuple[QColor, QColor, QColor]:
    """The handle's light edge, its shaded edge and its outline for ``palette``."""
    button = palette.color(QPalette.ColorRole.Button)
    window = palette.color(QPalette.ColorRole.Window)
    if is_dark(palette):
        light, shade, outline = button.lighter(132), button.lighter(124), button.lighter(160)
    else:
        light, shade, outline = button.lighter(106), button.darker(102), window.darker(128)
    if pressed:
        light, shade = light.darker(110), shade.darker(110)
    return light, shade, outline


def _paint_handle(painter: QPainter, option: QStyleOptionSlider, rect: QRectF) -> None:
    pressed = bool(option.state & QStyle.StateFlag.State_Sunken) and bool(option.activeSubControls & _Sub.SC_ScrollBarSlider)
    light, shade, outline = handle_colours(option.palette, pressed)
    box = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    vertical = option.orientation == Qt.Orientation.Vertical
    sweep = QLinearGradient(box.topLeft(), box.topRight() if vertical else box.bottomLeft())
    sweep.setColorAt(0.0, light)
    sweep.setColorAt(1.0, shade)
    painter.save()
    painter.setPen(outline)
    painter.setBrush(sweep)
    painter.drawRect(box)
    painter.restore()


class PlainGrooveStyle(QProxyStyle):
    """Fusion, with scroll bars' grooves filled flat and their handles drawn plainly."""

    def drawComplexControl(  # noqa: N802 (Qt's name)
        self, control: _Control, option: QStyleOptionComplex, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        if control == _Control.CC_ScrollBar and isinstance(option, QStyleOptionSlider) and option.subControls & _Sub.SC_ScrollBarGroove:
            groove = self.subControlRect(control, option, _Sub.SC_ScrollBarGroove, widget)  # type: ignore[arg-type]  # Qt takes a null widget
            fill, outline = groove_colours(option.palette)
            painter.fillRect(groove, fill)
            painter.setPen(outline)
            whole = option.rect
            if option.orientation == Qt.Orientation.Vertical:
                painter.drawLine(QLineF(whole.left() + 0.5, whole.top(), whole.left() + 0.5, whole.bottom() + 1))
            else:
                painter.drawLine(QLineF(whole.left(), whole.top() + 0.5, whole.right() + 1, whole.top() + 0.5))
            rest = QStyleOptionSlider(option)
            rest.subControls = option.subControls & ~_Sub.SC_ScrollBarGroove
            if rest.subControls & _Sub.SC_ScrollBarSlider and option.maximum > option.minimum:
                handle = self.subControlRect(control, option, _Sub.SC_ScrollBarSlider, widget)  # type: ignore[arg-type]
                _paint_handle(painter, option, QRectF(handle))
                rest.subControls &= ~_Sub.SC_ScrollBarSlider
            option = rest
        super().drawComplexControl(control, option, painter, widget)


def use_plain_grooves(app: QApplication) -> None:
    """Give ``app`` the plain-groove style if it is using Fusion; any other style stays as it is."""
    if app.style().name().lower() == "fusion" and not isinstance(app.style(), PlainGrooveStyle):
        app.setStyle(PlainGrooveStyle("Fusion"))
