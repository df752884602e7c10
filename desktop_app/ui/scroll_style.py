"""Fusion with a plain scroll-bar groove: the application's style where Qt would use Fusion.

Fusion paints a scroll bar's groove with a gradient that costs about 2 ms
each time, and the detail panel's bar is repainted whenever a page is shown
or edited, which was an eighth of a selection's time.  This style leaves
everything to Fusion except that groove, which it fills flat in the colour
Fusion's gradient settles on, between the same outline.  Other platforms'
own styles are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionComplex, QStyleOptionSlider, QWidget

_Control = QStyle.ComplexControl
_Sub = QStyle.SubControl


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def groove_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The groove's fill and its outline for ``palette``: a shade off the buttons, edged a little darker than the window."""
    button = palette.color(QPalette.ColorRole.Button)
    window = palette.color(QPalette.ColorRole.Window)
    if is_dark(palette):
        return button.darker(110), window.darker(120)
    return button.darker(104), window.darker(127)


class PlainGrooveStyle(QProxyStyle):
    """Fusion, with scroll-bar grooves filled flat."""

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
            option = rest
        super().drawComplexControl(control, option, painter, widget)


def use_plain_grooves(app: QApplication) -> None:
    """Give ``app`` the plain-groove style if it is using Fusion; any other style stays as it is."""
    if app.style().name().lower() == "fusion" and not isinstance(app.style(), PlainGrooveStyle):
        app.setStyle(PlainGrooveStyle("Fusion"))
