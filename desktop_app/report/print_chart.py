"""The themes chart as it appears in the brief: its own widget, print colours, drawn as vectors.

The brief gets a :class:`~desktop_app.ui.theme_chart.ThemeChart` of its own
(never the window's), in a light palette whatever the desktop's theme, in the
brief's font, laid out at the size its place in the page calls for.  A text
object (:class:`ChartObject`) paints it where the document put that place,
rendering the pyqtgraph scene onto the PDF painter: vector paths and text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPicture, QPyTextObject, QTextFormat
from PySide6.QtWidgets import QApplication

from ..model.dataset import Dataset
from .brief_html import INK

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
"""The text object type of the chart in the brief's document."""
CHART_WIDTH = QTextFormat.Property.UserProperty + 1
CHART_HEIGHT = QTextFormat.Property.UserProperty + 2
CHART_ROW = 22
"""Height of one theme's row in the chart, in layout units (pixels at 96 dpi)."""
CHART_FRAME = 92
"""Height of the chart's legend, axis and margins together."""
MAX_SHARE = 0.65
"""Most of a page's height the chart may take; rows squeeze closer beyond that.  With its heading
and note the chart's section then stays within the share of a page that is kept whole."""


def chart_height(rows: int, page_height: float) -> int:
    """Height to reserve for a chart of ``rows`` themes on a page of ``page_height``."""
    return int(min(CHART_FRAME + CHART_ROW * max(rows, 1), page_height * MAX_SHARE))


def light_palette() -> QPalette:
    """Colours on paper, whatever the desktop's theme: for the chart and the brief's text."""
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        palette.setColor(group, QPalette.ColorRole.Window, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(INK))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(INK))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#1d5a96"))
    return palette


class ChartObject(QPyTextObject):
    """Draws the chart where the document placed it, on the page being painted only.

    pyqtgraph's items do not all honour the painter's clip, so a chart whose
    line merely touches the foot of the page before would spill over that
    page's footer; ``page`` (the document's rectangle for the page being
    painted) lets the chart be drawn on its own page alone.
    """

    def __init__(self, chart, parent=None):
        super().__init__(parent)
        self.chart = chart
        self.page: QRectF | None = None

    def intrinsicSize(self, doc, position, text_format):  # noqa: N802 (Qt's name)
        return QSizeF(text_format.property(CHART_WIDTH), text_format.property(CHART_HEIGHT))

    def drawObject(self, painter, rect, doc, position, text_format):  # noqa: N802
        if self.page is None or self.page.contains(rect.center()):
            self.chart.render_chart(painter, rect)


def build_chart(dataset: Dataset, speaker_id: str | None, width: int, height: int, chart_font: QFont):
    """A chart widget of its own, in print colours and the brief's font, laid out at ``width`` × ``height``."""
    from ..ui.document import SeminarDocument
    from ..ui.selection import Selection
    from ..ui.theme_chart import ThemeChart

    document = SeminarDocument(dataset)
    selection = Selection(document)
    chart = ThemeChart(document, selection, "report")
    document.setParent(chart)
    selection.setParent(chart)
    if speaker_id:
        selection.select_speaker(speaker_id)
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.setFont(chart_font)
    chart.setPalette(light_palette())
    QApplication.sendEvent(chart, QEvent(QEvent.Type.PaletteChange))  # restyle even if the palette was already light
    chart.resize(width, height)
    chart.show()
    # The graphics view is what gets rendered: grow the widget by what its caption row takes.
    view = chart.graphics.size()
    chart.resize(width + (width - view.width()), height + (height - view.height()))
    # In export mode pyqtgraph draws every item as shapes; otherwise the speaker's
    # markers come from a cache of small bitmaps.
    for item in chart.graphics.scene().items():
        if hasattr(item, "setExportMode"):
            item.setExportMode(True, {"antialias": True})
    _settle(chart, QRectF(0, 0, width, height))
    return chart


def _settle(chart, target: QRectF) -> None:
    """Let the axes measure their labels and the layouts make room for them.

    pyqtgraph sizes an axis from the labels it measured while painting, and
    the layout catches up on the next pass of the event loop; a chart that is
    never shown gets those passes here instead: a throwaway paint, then the
    layouts brought up to date, twice so the second sizes are settled too.
    """
    for _ in range(2):
        scratch = QPicture()
        painter = QPainter(scratch)
        chart.render_chart(painter, target)
        painter.end()
        chart.plot.layout.activate()
        chart.graphics.ci.layout.activate()


