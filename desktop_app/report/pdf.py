"""The PDF brief: the rich text laid out on pages, the chart painted as vectors, every page numbered.

The brief is one QTextDocument laid out for the page's text area on a
QPdfWriter at 96 dpi, the widgets' logical DPI, so that the chart's layout
units match the screen's.  The chart is a text object in the document
(:mod:`.print_chart`), painted with QPainter, its place reserved like an
image's; :mod:`.page_layout` keeps units whole across page breaks.  Each
page gets a footer with "Page X of Y" and the generation date.  The PDF is built in memory and written atomically, so a failure at any point
leaves no file behind.

A brief of hundreds of speakers takes a while: the building steps and every
page painted are reported to the optional callbacks, and the cancel check
is asked between them.

Needs a QGuiApplication (for fonts); callers make one first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from .. import APP_NAME
from ..atomic import write_bytes_atomic
from ..model.dataset import Dataset
from ..presentation.colours import agreement_print_hex
from ..presentation.wording import long_date
from .brief_html import CHART_IMAGE, MUTED, RULE, STYLE_SHEET, build_brief
from .errors import ExportCancelled, ExportFailed, write_failure
from ..presentation.brief_options import PAGE_SIZE_LABELS, PAGE_SIZES, ReportOptions
from .page_layout import find_image, paginate
from .print_chart import CHART_HEIGHT, CHART_OBJECT, CHART_WIDTH, ChartObject, PrintedChart, chart_height, light_palette

RESOLUTION = 96
"""Dots per inch of the PDF's coordinate system: the widgets' logical DPI."""
PAGE_IDS = {size: QPageSize.PageSizeId[PAGE_SIZE_LABELS[size]] for size in PAGE_SIZES}
"""Qt's page size for each of the brief's, found by its label (A4, Letter)."""
MARGINS_MM = QMarginsF(20, 18, 20, 22)
"""Page margins, left, top, right, bottom; the footer sits in the bottom one."""
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
BODY_POINTS = 9.0
CHART_POINTS = 8.5

Progress = Callable[[int, int], None]
"""Called with (pages painted, pages in all) as painting goes."""
Building = Callable[[str], None]
"""Called with the words for each step of building the brief, before the step starts."""
CancelCheck = Callable[[], bool]
"""Returns True when the user has asked to stop."""

def brief_font(points: float = BODY_POINTS) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    # Without ligatures, words copied or searched in the PDF read as typed ("fit", not "ﬁt").
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


class PdfBrief:
    """One brief being laid out and painted; use :func:`render_pdf` or :func:`export_pdf`."""

    def __init__(
        self,
        dataset: Dataset,
        options: ReportOptions,
        generated: dt.date,
        *,
        building: Building | None = None,
        cancelled: CancelCheck | None = None,
    ):
        self._building = building
        self._cancelled = cancelled
        if options.speaker is not None and not dataset.has_speaker(options.speaker):
            raise ExportFailed(f"no speaker '{options.speaker}' in this seminar")
        self.dataset = dataset
        self.options = options
        self.generated = generated
        self.buffer = QByteArray()
        self.device = QBuffer(self.buffer)
        self.device.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.device)
        self.writer.setResolution(RESOLUTION)
        self.writer.setTitle(dataset.seminar.title)
        self.writer.setCreator(APP_NAME)
        # The writer's own margins stay zero: the brief places its body and footer itself.
        self.writer.setPageLayout(
            QPageLayout(QPageSize(PAGE_IDS[options.page_size]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        self.page = QSizeF(self.writer.width(), self.writer.height())
        mm = RESOLUTION / 25.4
        self.body = QRectF(
            MARGINS_MM.left() * mm,
            MARGINS_MM.top() * mm,
            self.page.width() - (MARGINS_MM.left() + MARGINS_MM.right()) * mm,
            self.page.height() - (MARGINS_MM.top() + MARGINS_MM.bottom()) * mm,
        )
        self._chart_handler: ChartObject | None = None
        self.palette = light_palette()
        self.document = self._document()

    # -- layout ----------------------------------------------------------------------------
    def _step(self, words: str) -> None:
        """Check for cancellation, then say what comes next."""
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled()
        if self._building is not None:
            self._building(words)

    def _document(self) -> QTextDocument:
        self._step("Writing the brief")
        document = QTextDocument()
        document.setUndoRedoEnabled(False)  # page breaks are set block by block: no history to keep
        document.documentLayout().setPaintDevice(self.writer)
        document.setDefaultFont(brief_font())
        document.setDefaultStyleSheet(STYLE_SHEET)
        document.setDocumentMargin(0)
        document.setTextWidth(self.body.width())  # one long page first, to measure the units
        brief = build_brief(
            self.dataset,
            self.options,
            generated=self.generated,
            body_width=int(self.body.width()),
            chart_height=lambda rows: chart_height(rows, self.body.height()),
            agreement_hex=agreement_print_hex,
        )
        self._step("Setting the text")
        html, brief.html = brief.html, ""
        document.setHtml(html)
        del html  # tens of megabytes for a large seminar, no longer needed
        if brief.chart_size is not None:
            self._place_chart(document, brief.chart_size)
        paginate(document, brief.keep_with_next, self.body.size(), self._step)
        return document

    def _place_chart(self, document: QTextDocument, size: tuple[int, int]) -> None:
        width, height = size
        handler = ChartObject(PrintedChart(self.dataset, self.options.speaker, brief_font(CHART_POINTS), self.options.chart_sort), document)
        document.documentLayout().registerHandler(CHART_OBJECT, handler)
        self._chart_handler = handler  # keep the Python object alive as long as the document
        position = find_image(document, CHART_IMAGE)
        if position is None:
            return
        chart_format = QTextCharFormat()
        chart_format.setObjectType(CHART_OBJECT)
        chart_format.setProperty(CHART_WIDTH, float(width))
        chart_format.setProperty(CHART_HEIGHT, float(height))
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText("\ufffc", chart_format)

    # -- painting --------------------------------------------------------------------------
    def paint(self, progress: Progress | None = None, cancelled: CancelCheck | None = None) -> bytes:
        document = self.document
        total = document.pageCount()
        painter = QPainter()
        if not painter.begin(self.writer):
            raise ExportFailed("the PDF could not be started")
        try:
            for page in range(total):
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                if page:
                    self.writer.newPage()
                painter.save()
                painter.translate(self.body.topLeft() - QPointF(0, page * self.body.height()))
                clip = QRectF(0, page * self.body.height(), self.body.width(), self.body.height())
                painter.setClipRect(clip)
                if self._chart_handler is not None:
                    self._chart_handler.page = clip
                context = QAbstractTextDocumentLayout.PaintContext()
                context.palette = self.palette  # paper colours, whatever the desktop's theme
                context.clip = clip
                document.documentLayout().draw(painter, context)
                painter.restore()
                self._footer(painter, page + 1, total)
                if progress is not None:
                    progress(page + 1, total)
        finally:
            painter.end()
        self.device.close()
        return bytes(self.buffer.data())

    def _footer(self, painter: QPainter, number: int, total: int) -> None:
        font = brief_font(7.5)
        painter.save()
        painter.setFont(font)
        metrics = QFontMetricsF(font, self.writer)
        mm = RESOLUTION / 25.4
        top = self.body.bottom() + 8 * mm
        painter.setPen(QPen(QColor(RULE), 0.8))
        painter.drawLine(QPointF(self.body.left(), top), QPointF(self.body.right(), top))
        right = f"Page {number} of {total} \u00b7 generated {long_date(self.generated)}"
        right_width = metrics.horizontalAdvance(right) + 2
        line = QRectF(self.body.left(), top + 2 * mm, self.body.width(), metrics.height() + 2)
        painter.setPen(QColor(MUTED))
        left_width = self.body.width() - right_width - 6 * mm
        title = metrics.elidedText(self.dataset.seminar.title, Qt.TextElideMode.ElideRight, left_width)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
        painter.restore()


@dataclass(frozen=True)
class PdfResult:
    """A finished brief: its bytes and how many pages it has."""

    data: bytes
    pages: int


@dataclass(frozen=True)
class ExportedPdf:
    """A brief written to disk."""

    path: Path
    pages: int


def render_pdf(
    dataset: Dataset,
    options: ReportOptions | None = None,
    *,
    generated: dt.date | None = None,
    progress: Progress | None = None,
    building: Building | None = None,
    cancelled: CancelCheck | None = None,
) -> PdfResult:
    """The brief as PDF bytes.  Raises ExportCancelled when ``cancelled()`` turns true."""
    brief = PdfBrief(
        dataset, options or ReportOptions(), generated or dt.date.today(), building=building, cancelled=cancelled
    )
    pages = brief.document.pageCount()
    return PdfResult(brief.paint(progress, cancelled), pages)


def export_pdf(
    dataset: Dataset,
    path: str | Path,
    options: ReportOptions | None = None,
    *,
    generated: dt.date | None = None,
    progress: Progress | None = None,
    building: Building | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportedPdf:
    """Write the brief to ``path`` atomically: the whole PDF, or nothing and any old file untouched."""
    path = Path(path)
    result = render_pdf(
        dataset, options, generated=generated, progress=progress, building=building, cancelled=cancelled
    )
    try:
        write_bytes_atomic(path, result.data)
    except OSError as error:
        raise write_failure(path, error) from None
    return ExportedPdf(path, result.pages)


