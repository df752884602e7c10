"""The PDF brief: the rich text laid out on pages, the chart painted as vectors, every page numbered.

The brief's markup (:mod:`.brief_html`) is cut into passages
(:mod:`.page_layout`), and each passage is laid out in a small QTextDocument
of its own, for the page's text area on a QPdfWriter at 96 dpi: the widgets'
logical DPI, so the chart's fonts come out at the size they were laid out
for.  The passages' heights decide where the pages break
(:mod:`.pagination`: a passage that would straddle two pages starts the next
one, a heading goes along with what follows it), and each page paints the
passages that fall on it, then a footer with "Page X of Y" and the
generation date.  The PDF is built in memory and written atomically, so a
failure at any point leaves no file behind.

Every step is short (a passage, a page), so the brief can be built on a
worker thread (:mod:`.pdf_job`) that reports between steps and stops when
the cancel check says so: PySide holds Python's interpreter lock for as long
as one Qt call lasts, and the one huge document of earlier versions froze
the window for seconds even from another thread.  The chart is painted with
QPainter from the shared chart geometry (:mod:`.print_chart`), no widget, so
the worker draws it too.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TypedDict, Unpack

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
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
    QPicture,
    QTextDocument,
    QTextLength,
    QTextTable,
)

from .. import APP_NAME
from ..atomic import write_bytes_atomic
from ..model.dataset import Dataset
from ..painting.agreement_cells import cell_colour
from ..presentation.brief_options import PAGE_SIZE_LABELS, PAGE_SIZES, ReportOptions
from . import fonts
from .agreement_keys import KeyObject, has_agreement_map, paint_agreement_parts
from .brief_html import CHART_IMAGE, MUTED, RULE, STYLE_SHEET, build_brief, running_title
from .errors import ExportCancelled, ExportFailed, refuse_read_only, refuse_unsafe, write_failure
from .page_layout import Passage, inline_style_sheet, split_passages
from .pagination import place
from .print_chart import CHART_HEIGHT, CHART_OBJECT, CHART_WIDTH, ChartObject, PrintedChart, chart_height, light_palette
from .text_objects import find_image, put_object

RESOLUTION = 96
"""Dots per inch of the PDF's coordinate system: the widgets' logical DPI."""
PAGE_IDS = {size: QPageSize.PageSizeId[PAGE_SIZE_LABELS[size]] for size in PAGE_SIZES}
"""Qt's page size for each of the brief's, found by its label (A4, Letter)."""
MARGINS_MM = QMarginsF(20, 18, 20, 22)
"""Page margins, left, top, right, bottom; the footer sits in the bottom one."""
BODY_POINTS = 9.0
CHART_POINTS = 8.5

Progress = Callable[[int, int], None]
"""Called with (pages painted, pages in all) as painting goes."""
Building = Callable[[str], None]
"""Called with the words for each step of building the brief, before the step starts."""
CancelCheck = Callable[[], bool]
"""Returns True when the user has asked to stop."""

def brief_font(points: float = BODY_POINTS) -> QFont:
    """The brief's font (:func:`.fonts.brief_font`), at body size unless told."""
    return fonts.brief_font(points)


def pair_cell_hex(chance_corrected: float | None) -> str:
    """The brief's colour for a compared pair's cell: the window's agreement map's, beyond chance."""
    return cell_colour(chance_corrected).name()


def page_geometry(page_size: str) -> tuple[QSizeF, QRectF]:
    """The page's size and its text area (the body), in layout units at :data:`RESOLUTION`."""
    page = QPageSize(PAGE_IDS[page_size]).sizePixels(RESOLUTION)
    mm = RESOLUTION / 25.4
    body = QRectF(
        MARGINS_MM.left() * mm,
        MARGINS_MM.top() * mm,
        page.width() - (MARGINS_MM.left() + MARGINS_MM.right()) * mm,
        page.height() - (MARGINS_MM.top() + MARGINS_MM.bottom()) * mm,
    )
    return QSizeF(page), body


@dataclass(frozen=True)
class ChartArt:
    """The brief's chart and the place it takes: painted with QPainter, so any thread may draw it."""

    chart: PrintedChart
    size: tuple[int, int]

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        self.chart.paint(painter, rect)


def chart_size(dataset: Dataset, options: ReportOptions) -> tuple[int, int] | None:
    """The chart's place in the brief, or None when the brief has no chart."""
    if not options.includes("chart"):
        return None
    _, body = page_geometry(options.page_size)
    return int(body.width()), chart_height(len(dataset.themes), body.height())


def prepare_chart(dataset: Dataset, options: ReportOptions) -> ChartArt | None:
    """The chart of the brief with its size, or None when the brief has none; no widget, so any thread may call it."""
    size = chart_size(dataset, options)
    if size is None:
        return None
    chart = PrintedChart(
        dataset,
        options.speaker,
        brief_font(CHART_POINTS),
        analysis=dataset.analysis_for(options.counted_kinds, options.without_chair),
        sort=options.chart_sort,
    )
    return ChartArt(chart, size)


def _last_table(document: QTextDocument) -> QTextTable | None:
    tables = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    return tables[-1] if tables else None


def _columns(document: QTextDocument) -> list[QTextLength]:
    """The widths the layout gave the columns of the document's last table, as shares of its width."""
    table = _last_table(document)
    if table is None or table.rows() == 0:
        return []
    layout = document.documentLayout()
    width = layout.frameBoundingRect(table).width()
    starts = [
        layout.blockBoundingRect(document.findBlock(table.cellAt(0, column).firstPosition())).left()
        for column in range(table.columns())
    ]
    if width <= 0 or any(later < earlier for earlier, later in pairwise(starts)):
        return []  # a row with spanning cells: leave the table as it is
    edges = [*starts, layout.frameBoundingRect(table).right()]
    return [QTextLength(QTextLength.Type.PercentageLength, 100 * (right - left) / width) for left, right in pairwise(edges)]


def _extent(document: QTextDocument, passage: Passage, previous: Passage | None) -> tuple[float, float]:
    """Where the passage's content starts in its document, and how tall it is on the page.

    A document that starts with a table has an empty line above it (Qt's
    first block); a part continuing the table of the passage before starts
    at its table's top instead, so the parts join up without a gap.
    """
    table = _last_table(document) if passage.table_part is not None else None
    if table is not None and previous is not None and previous.table_part == passage.table_part:
        top = document.documentLayout().frameBoundingRect(table).top()
        return top, document.size().height() - top
    return 0.0, document.size().height()


def _same_columns(document: QTextDocument, widths: list[QTextLength]) -> None:
    """Give the document's last table ``widths``, so the parts of one long table line up on the page."""
    table = _last_table(document)
    if table is None or not widths or table.columns() != len(widths):
        return
    table_format = table.format()
    table_format.setColumnWidthConstraints(widths)
    table.setFormat(table_format)


@dataclass
class _Placed:
    """A passage laid out and drawn: its drawing and where it starts on the long strip of pages."""

    drawing: QPicture
    top: float
    height: float
    lead: float = 0.0
    """Where the passage's content starts in its document."""


class PdfBrief:
    """One brief being laid out and painted; use :func:`render_pdf` or :func:`export_pdf`.

    The brief's markup is cut into passages (:mod:`.page_layout`), each laid
    out in a small document of its own; their heights decide where the pages
    break (:mod:`.pagination`), and each page paints the passages that fall on
    it.  Every step is short, so the thread doing it (a worker, in the window)
    can report and be stopped between any two.
    """

    def __init__(
        self,
        dataset: Dataset,
        options: ReportOptions,
        generated: dt.date,
        *,
        chart: ChartArt | None = None,
        building: Building | None = None,
        laying_out: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ):
        self._building = building
        self._laying_out = laying_out
        self._cancelled = cancelled
        if options.speaker is not None and not dataset.has_speaker(options.speaker):
            raise ExportFailed(f"no speaker '{options.speaker}' in this seminar")
        self.dataset = dataset
        self.options = options
        self.generated = generated
        self.page, self.body = page_geometry(options.page_size)
        self.buffer = QByteArray()
        self.device = QBuffer(self.buffer)
        self.device.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.device)  # also the device the passages are laid out for
        self.writer.setResolution(RESOLUTION)
        self.writer.setTitle(dataset.seminar.title)
        self.writer.setCreator(APP_NAME)
        # PDF/A-1b, the archival profile Qt can write: every font embedded, XMP metadata and an sRGB output intent.
        # (Qt has no tagged-PDF output: no structure tree for screen readers.)
        self.writer.setPdfVersion(QPdfWriter.PdfVersion.PdfVersion_A1b)
        # The writer's own margins stay zero: the brief places its body and footer itself.
        self.writer.setPageLayout(
            QPageLayout(QPageSize(PAGE_IDS[options.page_size]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        self.chart = chart
        self._chart_handler: ChartObject | None = None
        self._key_handler: KeyObject | None = None  # as the chart's: kept alive as long as its document
        self.palette = light_palette()
        self.font = brief_font()
        self.placed = self._lay_out()
        last = self.placed[-1] if self.placed else None
        page_height = self.body.height()
        self.pages = max(1, math.ceil((last.top + last.height - 1) / page_height)) if last else 1

    # -- layout ----------------------------------------------------------------------------
    def _step(self, words: str) -> None:
        """Check for cancellation, then say what comes next."""
        self._check()
        if self._building is not None:
            self._building(words)

    def _check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled()

    def _lay_out(self) -> list[_Placed]:
        self._step("Writing the brief")
        brief = build_brief(
            self.dataset,
            self.options,
            generated=self.generated,
            body_width=int(self.body.width()),
            chart_height=lambda rows: chart_height(rows, self.body.height()),
            cell_hex=pair_cell_hex,
        )
        self._step("Cutting the brief into passages")
        html, brief.html = brief.html, ""
        passages = split_passages(inline_style_sheet(html, STYLE_SHEET), brief.keep_with_next)
        del html  # tens of megabytes for a large seminar, no longer needed
        self._step("Laying out the brief")
        drawings: list[QPicture] = []
        heights: list[float] = []
        leads: list[float] = []
        columns: dict[int, list[QTextLength]] = {}  # the column widths of each long table, from its first part
        for index, passage in enumerate(passages):
            self._check()
            document = self._passage_document(passage.html)
            if passage.table_part is not None:
                _same_columns(document, columns.setdefault(passage.table_part, _columns(document)))
            lead, height = _extent(document, passage, passages[index - 1] if index else None)
            drawings.append(self._drawing(document))
            del document  # see _drawing
            leads.append(lead)
            heights.append(height)
            if self._laying_out is not None:
                self._laying_out(index + 1, len(passages))
        self._step("Breaking the pages")
        keep = [passage.keep_with_next for passage in passages]
        tops = place(heights, keep, self.body.height())
        return [_Placed(*placed) for placed in zip(drawings, tops, heights, leads, strict=True)]

    def _drawing(self, document: QTextDocument) -> QPicture:
        """The laid-out passage recorded as painting commands (vectors and text, as they will go to the PDF).

        Only the recording is kept, not the document: with thousands of live
        QTextDocuments the worker held Python's interpreter lock for up to two
        seconds at a time (the window froze), and took more memory.
        """
        drawing = QPicture()
        painter = QPainter(drawing)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.palette  # paper colours, whatever the desktop's theme
        document.documentLayout().draw(painter, context)
        painter.end()
        return drawing

    def _passage_document(self, html: str) -> QTextDocument:
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        document.documentLayout().setPaintDevice(self.writer)
        document.setDefaultFont(self.font)
        document.setDocumentMargin(0)
        document.setTextWidth(self.body.width())
        document.setHtml(html)  # the style sheet is written into the markup: see inline_style_sheet
        if CHART_IMAGE in html:
            self._place_chart(document)
        if has_agreement_map(html):
            self._key_handler = paint_agreement_parts(document, document)
        return document

    def _place_chart(self, document: QTextDocument) -> None:
        position = find_image(document, CHART_IMAGE)
        if position is None or self.chart is None:
            return
        width, height = self.chart.size
        handler = ChartObject(self.chart.chart, document)
        document.documentLayout().registerHandler(CHART_OBJECT, handler)
        self._chart_handler = handler  # keep the Python object alive as long as the document
        put_object(document, position, CHART_OBJECT, {CHART_WIDTH: float(width), CHART_HEIGHT: float(height)})

    # -- painting --------------------------------------------------------------------------
    def paint(self, progress: Progress | None = None, cancelled: CancelCheck | None = None) -> bytes:
        writer = self.writer
        page_height = self.body.height()
        total = self.pages
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportFailed("the PDF could not be started")
        first = 0  # the first passage that may still show on this page or a later one
        try:
            for page in range(total):
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                if page:
                    writer.newPage()
                page_top, page_bottom = page * page_height, (page + 1) * page_height
                while first < len(self.placed) and self.placed[first].top + self.placed[first].height <= page_top + 0.5:
                    first += 1
                index = first
                while index < len(self.placed) and self.placed[index].top < page_bottom - 0.5:
                    self._paint_passage(painter, self.placed[index], page_top, page_bottom)
                    index += 1
                self._footer(painter, writer, page + 1, total)
                if progress is not None:
                    progress(page + 1, total)
        finally:
            painter.end()
        self.device.close()
        return bytes(self.buffer.data())

    def _paint_passage(self, painter: QPainter, passage: _Placed, page_top: float, page_bottom: float) -> None:
        """Paint the part of ``passage`` that falls on the page spanning ``page_top`` to ``page_bottom``."""
        straddles = passage.top < page_top - 0.5 or passage.top + passage.height > page_bottom + 0.5
        # Clipping costs the PDF a saved state and a path: only a passage running over a page's edge needs it.
        if straddles:
            painter.save()
            painter.setClipRect(self.body)
        offset = QPointF(self.body.left(), self.body.top() + passage.top - page_top - passage.lead)
        painter.drawPicture(offset, passage.drawing)
        if straddles:
            painter.restore()

    def _footer(self, painter: QPainter, writer: QPdfWriter, number: int, total: int) -> None:
        font = brief_font(7.5)
        painter.save()
        painter.setFont(font)
        metrics = QFontMetricsF(font, writer)
        mm = RESOLUTION / 25.4
        top = self.body.bottom() + 8 * mm
        painter.setPen(QPen(QColor(RULE), 0.8))
        painter.drawLine(QPointF(self.body.left(), top), QPointF(self.body.right(), top))
        right = f"Page {number} of {total}"
        right_width = metrics.horizontalAdvance(right) + 2
        line = QRectF(self.body.left(), top + 2 * mm, self.body.width(), metrics.height() + 2)
        painter.setPen(QColor(MUTED))
        left_width = self.body.width() - right_width - 6 * mm
        title = metrics.elidedText(running_title(self.dataset), Qt.TextElideMode.ElideRight, left_width)
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
    laying_out: Progress | None = None,
    cancelled: CancelCheck | None = None,
    chart: ChartArt | None = None,
) -> PdfResult:
    """The brief as PDF bytes.  Raises ExportCancelled when ``cancelled()`` turns true.

    ``chart``: the chart recorded beforehand (:func:`prepare_chart`), as a
    worker thread must be given it; without it the chart is recorded here,
    which only the GUI thread may do.  ``laying_out`` is called with
    (passages laid out, passages in all).
    """
    options = options or ReportOptions()
    if chart is None:
        chart = prepare_chart(dataset, options)
    brief = PdfBrief(
        dataset,
        options,
        generated or dt.date.today(),
        chart=chart,
        building=building,
        laying_out=laying_out,
        cancelled=cancelled,
    )
    return PdfResult(brief.paint(progress, cancelled), brief.pages)


class Rendering(TypedDict, total=False):
    """The keyword arguments of :func:`render_pdf` that :func:`export_pdf` passes on to it."""

    generated: dt.date | None
    progress: Progress | None
    building: Building | None
    laying_out: Progress | None
    cancelled: CancelCheck | None
    chart: ChartArt | None


def export_pdf(
    dataset: Dataset,
    path: str | Path,
    options: ReportOptions | None = None,
    *,
    replace_read_only: bool = False,
    **rendering: Unpack[Rendering],
) -> ExportedPdf:
    """Write the brief to ``path`` atomically: the whole PDF, or nothing and any old file untouched.

    A read-only file at ``path`` is refused (ExportFailed) before any work,
    unless ``replace_read_only``; so are, always, the seminar's own file (under
    any name) and anything that is not a regular file.  The other keywords
    are :func:`render_pdf`'s.
    """
    path = Path(path)
    refuse_unsafe(path, (dataset.path,))
    refuse_read_only(path, replace_read_only)
    result = render_pdf(dataset, options, **rendering)
    try:
        write_bytes_atomic(path, result.data, replace_read_only=replace_read_only, protected=(dataset.path,))
    except OSError as error:
        raise write_failure(path, error) from None
    return ExportedPdf(path, result.pages)


