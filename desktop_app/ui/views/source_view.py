"""The Source tab: the report's full text with every excerpt highlighted in its speaker's colour.

Clicking a highlight selects that speaker and asks the detail panel to bring
the position into view; a navigation to the source (the detail panel's "Show
in source") scrolls here and flashes the passage, centred, and leaves it marked
until the selection changes or the text is clicked, even on the tab's
first showing.  Highlighting is done
block by block by a syntax highlighter over a sorted list of spans, so a large
report with thousands of excerpts costs little more than a small one.  The
selected speaker's excerpts are emphasised: moving the emphasis between two
speakers re-highlights only their paragraphs, and while the tab is hidden the
change waits until it is shown.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from PySide6.QtCore import QEasingCurve, QElapsedTimer, QPoint, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit, QVBoxLayout, QWidget

from ...model.dataset import Dataset
from ...model.editing.coding import turn_words
from ...model.editing.edits import Edit, Remove, SetOrders, leaves
from ...presentation.focus import Focus, FocusKind, Navigation
from ...presentation.source_tints import dark_tints
from ...presentation.turns import clock
from ..appearance import mark_caption
from ..document import SeminarDocument
from ..palette import highlight_colour, is_dark, speaker_colour
from ..selection import Selection
from .turn_margin import MarginTurn, TurnText

_QT_LENGTH_CHANGES = re.compile("\r\n|[\U00010000-\U0010FFFF]")
"""Where Qt's count drifts from Python's: a CRLF line break (one fewer) or an astral character (one more)."""

BREAK_EVERY = 80
"""In a run this long without a space, the view offers a line break every so many characters."""
DISPLAY_BREAK = "\u200b"
"""Zero-width space: an invisible place where Qt may wrap a line."""
_UNBROKEN_RUN = re.compile(rf"[^\s\u200b]{{{BREAK_EVERY + 1},}}")


SOURCE_HINT = (
    "Highlighted passages are the excerpts behind positions, in each speaker's colour. "
    "Click one, or reach it with Tab or Ctrl+Down and press Enter, to open it."
)
AWAITING_HINT = " A dotted underline marks a passage awaiting a stance: Ctrl+J rates the next one."


DARK_PAGE = ("#1f1f1f", "#e8e8e8")
"""Background and text of the dark palette, for tints made without a view's own colours."""
LASTING_MARK = 0.3
"""Strength of the mark a passage keeps once its "Show in source" flash has faded."""

class QtOffsets:
    """Converts offsets in a Python string to positions in the Qt document showing it.

    Qt counts UTF-16 code units (a character outside the Basic Multilingual
    Plane takes two) and shows ``\\r\\n`` as a single line break.  Runs with
    no space longer than BREAK_EVERY characters are shown with an invisible
    break opportunity every BREAK_EVERY characters: without one, Qt's line
    breaking works character by character and a megabyte of such text took
    minutes to lay out.  The breaks are for display only; offsets map past them.
    """

    def __init__(self, text: str):
        display = text.replace("\r\n", "\n").replace("\r", "\n")
        self._points: list[int] = []
        self._shift: list[int] = []
        events: list[tuple[int, int]] = []  # (first Python offset affected, change in the Qt position)
        if "\r" in text or len(text.encode("utf-16-le")) != 2 * len(text):  # checked in C; usually neither
            for match in _QT_LENGTH_CHANGES.finditer(text):
                events.append((match.start() + 1, -1 if match.group() == "\r\n" else 1))
        runs = list(_UNBROKEN_RUN.finditer(text))
        if runs:
            pieces: list[str] = []
            done = 0
            for run in runs:
                for cut in range(run.start() + BREAK_EVERY, run.end(), BREAK_EVERY):
                    pieces.append(text[done:cut])
                    pieces.append(DISPLAY_BREAK)
                    events.append((cut, 1))
                    done = cut
            pieces.append(text[done:])
            display = "".join(pieces).replace("\r\n", "\n").replace("\r", "\n")
        self.display_text = display
        if events:
            events.sort()
            shift = 0
            for point, change in events:
                shift += change
                self._points.append(point)
                self._shift.append(shift)

    @property
    def shifts(self) -> bool:
        """Whether any offset differs between Python and Qt."""
        return bool(self._points)

    def to_qt(self, offset: int) -> int:
        at = bisect.bisect_right(self._points, offset) - 1
        return offset + (self._shift[at] if at >= 0 else 0)


def _to_python(offsets: QtOffsets, qt_position: int, length: int) -> int:
    """The offset in the source string shown at a place in the Qt document (the inverse of ``to_qt``)."""
    if not offsets.shifts:
        return qt_position
    return bisect.bisect_left(range(length + 1), qt_position, key=offsets.to_qt)


class _Span(NamedTuple):
    """An excerpt's place in the shown text (a tuple: a large report makes a hundred thousand)."""

    start: int  # Qt document positions
    end: int
    position_id: str
    speaker_id: str
    awaiting: bool = False  # the position awaits a stance: its passage is underlined with dots


def excerpt_layout(dataset: Dataset) -> tuple[QtOffsets, list[_Span]]:
    """The report as the view shows it (with its offset mapping), and every excerpt's place in it, in text order.

    Kept with the document's derived data, so a background load works it out beforehand.
    """
    offsets = QtOffsets(dataset.seminar.source.text)
    to_qt = offsets.to_qt if offsets.shifts else int  # a report of plain BMP text with \n needs no mapping
    located = dataset.spans
    spans = [
        _Span(to_qt(span.start), to_qt(span.end), position.id, position.speaker, position.stance is None)
        for position in dataset.positions
        if (span := located.get(position.id)) is not None
    ]
    spans.sort()
    return offsets, spans


def turn_layout(dataset: Dataset) -> list[tuple[int, int, str, str]]:
    """Each transcript turn's place in the shown text, its speaker's id and its start time as text, in text order."""
    turns = dataset.seminar.source.turns
    if not turns:
        return []
    offsets = QtOffsets(dataset.seminar.source.text)
    to_qt = offsets.to_qt if offsets.shifts else int
    return [
        (to_qt(turn.start), to_qt(turn.end), turn.speaker, "" if turn.start_time is None else clock(turn.start_time))
        for turn in turns
    ]


class ExcerptHighlighter(QSyntaxHighlighter):
    """Tints each excerpt with its speaker's colour; the selected speaker's excerpts stand out.

    While a speaker is emphasised every other excerpt is dimmed, so emphasis
    coming or going repaints the whole report; moving it from one speaker to
    another re-highlights only the paragraphs holding those two speakers'
    excerpts.  The three formats of each speaker (plain, emphasised, dimmed)
    are made once.
    """

    def __init__(
        self,
        document,
        spans: list[_Span],
        colours: dict[str, QColor],
        dark: bool,
        emphasis: str | None = None,
        page: tuple[str, str] | None = None,
    ):
        """``page`` is the view's (background, text) colours, which a dark palette's tints are fitted to."""
        super().__init__(document)  # the document's first highlighting follows, once control returns to Qt
        self._spans = list(spans)  # its own copy: edits update it in place
        self._starts = [span.start for span in spans]
        self._by_speaker: dict[str, list[_Span]] = {}
        for span in spans:
            self._by_speaker.setdefault(span.speaker_id, []).append(span)
        self._formats = {speaker: _speaker_formats(colour, dark, page) for speaker, colour in colours.items()}
        self._awaiting_formats = {speaker: _awaiting_formats(formats) for speaker, formats in self._formats.items()}
        self._emphasis = emphasis
        self._longest = max((span.end - span.start for span in spans), default=0)

    @property
    def emphasis(self) -> str | None:
        return self._emphasis

    def set_emphasis(self, speaker_id: str | None) -> None:
        previous = self._emphasis
        if speaker_id == previous:
            return
        self._emphasis = speaker_id
        if previous is None or speaker_id is None:
            self.rehighlight()  # every other speaker's excerpts dim, or brighten again
            return
        self._rehighlight_spans(self._by_speaker.get(previous, []) + self._by_speaker.get(speaker_id, []))

    def update_spans(self, removed: list[_Span], added: list[_Span]) -> None:
        """Take some excerpts out and put others in, re-highlighting only the paragraphs they touch."""
        spans = self._spans
        for span in removed:
            at = bisect.bisect_left(spans, span)
            if at < len(spans) and spans[at] == span:
                del spans[at]
                del self._starts[at]
                self._by_speaker.get(span.speaker_id, []).remove(span)
        for span in added:
            at = bisect.bisect_left(spans, span)
            spans.insert(at, span)
            self._starts.insert(at, span.start)
            bisect.insort(self._by_speaker.setdefault(span.speaker_id, []), span)
            self._longest = max(self._longest, span.end - span.start)
        self._rehighlight_spans([*removed, *added])

    def _rehighlight_spans(self, changed) -> None:
        """Re-highlight each paragraph that one of the ``changed`` excerpts touches, once."""
        document = self.document()
        blocks: dict[int, QTextBlock] = {}
        for span in changed:
            block = document.findBlock(span.start)
            while block.isValid() and block.position() < span.end:
                blocks.setdefault(block.blockNumber(), block)
                block = block.next()
        for block in blocks.values():
            self.rehighlightBlock(block)

    def spans_of(self, speaker_id: str) -> list[_Span]:
        """A speaker's excerpts, in the order of the text."""
        return list(self._by_speaker.get(speaker_id, []))

    def neighbour(self, position: int, forward: bool) -> _Span | None:
        """The first excerpt starting after ``position``, or the last starting before it."""
        if forward:
            at = bisect.bisect_right(self._starts, position)
            return self._spans[at] if at < len(self._spans) else None
        at = bisect.bisect_left(self._starts, position) - 1
        return self._spans[at] if at >= 0 else None

    def spans_at(self, position: int) -> list[_Span]:
        low = bisect.bisect_left(self._starts, position - self._longest)
        high = bisect.bisect_right(self._starts, position)
        return [span for span in self._spans[low:high] if span.start <= position < span.end]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        low = bisect.bisect_left(self._starts, block_start - self._longest)
        high = bisect.bisect_left(self._starts, block_end)
        emphasis = self._emphasis
        for span in self._spans[low:high]:
            if span.end <= block_start:
                continue
            start = max(span.start, block_start) - block_start
            end = min(span.end, block_end) - block_start
            plain, emphasised, dimmed = (self._awaiting_formats if span.awaiting else self._formats)[span.speaker_id]
            if emphasis is None:
                fmt = plain
            else:
                fmt = emphasised if span.speaker_id == emphasis else dimmed
            self.setFormat(start, end - start, fmt)


def _awaiting_formats(formats: tuple[QTextCharFormat, ...]) -> tuple[QTextCharFormat, QTextCharFormat, QTextCharFormat]:
    """A speaker's formats for a passage awaiting a stance: the same tints, underlined with dots in the text's colour."""
    plain, emphasised, dimmed = (QTextCharFormat(fmt) for fmt in formats)
    for fmt in (plain, emphasised, dimmed):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.clearProperty(QTextFormat.Property.TextUnderlineColor)  # the text's own colour, legible on every tint
    return plain, emphasised, dimmed


def _speaker_formats(
    base: QColor, dark: bool, page: tuple[str, str] | None = None
) -> tuple[QTextCharFormat, QTextCharFormat, QTextCharFormat]:
    """A speaker's excerpt formats: with no one emphasised, emphasised (stronger, underlined), and dimmed.

    On a dark page the tints are opaque colours fitted to the page by contrast (:mod:`desktop_app.presentation.source_tints`).
    """
    plain, emphasised, dimmed = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    emphasised.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    emphasised.setUnderlineColor(base)
    if dark:
        background, text = page or DARK_PAGE
        for fmt, fitted in zip((plain, emphasised, dimmed), dark_tints(base.name(), background, text), strict=True):
            fmt.setBackground(QColor(fitted))
        return plain, emphasised, dimmed
    tint = highlight_colour(base, dark)
    plain.setBackground(tint)
    strong = QColor(tint)
    strong.setAlphaF(min(1.0, tint.alphaF() * 2.0))
    emphasised.setBackground(strong)
    faint = QColor(tint)
    faint.setAlphaF(tint.alphaF() * 0.45)
    dimmed.setBackground(faint)
    return plain, emphasised, dimmed


class SourceView(QWidget):
    def __init__(self, document: SeminarDocument, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setObjectName("sourceHeading")
        self.hint = QLabel(SOURCE_HINT)
        self.hint.setWordWrap(True)
        mark_caption(self.hint)
        self.text = TurnText()  # a QPlainTextEdit with a margin naming each transcript turn's speaker and time
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAccessibleName("Source text")
        self.text.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.text.viewport().installEventFilter(self)
        self.text.installEventFilter(self)
        self._keyboard_span: _Span | None = None
        self._double_click: tuple[QElapsedTimer, QPoint] | None = None  # when and where the last double click was
        self.text.setMouseTracking(True)
        self._set_reading_font()
        self.text.document().setDocumentMargin(14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.text, 1)
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(1400)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(LASTING_MARK)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._paint_flash)
        self._flash_span: _Span | None = None
        self._settling = False  # the text was just set, and Qt has not yet laid it out in full
        self._settle_on: _Span | None = None
        self.highlighter: ExcerptHighlighter | None = None
        self._pending: str | None = None  # a position to bring into view once the tab shows
        self._search_ranges: list[tuple[int, int]] = []  # the search's matches, as offsets in the report
        self._search_marks: list[QTextEdit.ExtraSelection] = []
        self._redraw()
        document.reset.connect(self._redraw)
        document.edited.connect(self._on_edited)
        selection.changed.connect(self._on_focus)
        selection.navigationRequested.connect(self._on_navigation)

    @property
    def _dataset(self) -> Dataset:
        return self._document.dataset

    def _set_reading_font(self) -> None:
        reading = QFont(self.font())
        reading.setPointSizeF(self.font().pointSizeF() * 1.08)
        self.text.setFont(reading)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == event.Type.FontChange:
            self._set_reading_font()  # the window's zoom changed: the reading size follows
        super().changeEvent(event)

    def _redraw(self, *_why) -> None:
        """Start afresh on the document's seminar: the report is laid out again when next needed."""
        dataset = self._dataset
        source = dataset.seminar.source
        self.heading.setText(f"{source.title} \u2014 {source.publisher}" + (f" \u2014 {source.url}" if source.url else ""))
        self._show_hint()
        if self.highlighter is not None:
            self.highlighter.setDocument(None)
            self.highlighter = None
        self._flash.stop()
        self._flash_span = None
        self._search_marks = []
        self.text.setExtraSelections([])
        self._keyboard_span = None
        self.text.clear()
        self.text.set_turns([])
        self._filled_for: Dataset | None = None
        self._scrolled_for: str | None = None
        self._pending = None
        self._settle_on = None
        self._wanted_emphasis = self._emphasis_for(self._selection.focus)
        if self.isVisible():
            self.ensure_filled()

    def _on_edited(self, edit: Edit) -> None:
        """After an edit that kept the text and every speaker's colour, only the excerpts that changed are re-highlighted.

        Laying the whole report out again would cost a large report a quarter
        of a second, and lose the reader's place and selection.
        """
        dataset = self._dataset
        filled = self._filled_for
        if (
            filled is None
            or self.highlighter is None
            or filled.seminar.source.text != dataset.seminar.source.text
            or [s.id for s in filled.speakers] != [s.id for s in dataset.speakers]
        ):
            self._redraw()
            return
        removed: list[_Span] = []
        added: list[_Span] = []
        for part in leaves(edit):
            if getattr(part, "kind", None) == "theme" and not isinstance(part, SetOrders):
                continue  # a theme is not in the text: the reader's place and selection stay (a theme added while coding)
            if isinstance(part, SetOrders) or getattr(part, "kind", None) != "position":
                self._redraw()  # a seminar-wide edit: start afresh
                return
            old = self._spans.pop(part.entry_id, None)
            if old is not None:
                removed.append(old)
            span = dataset.spans.get(part.entry_id)
            if span is not None and not isinstance(part, Remove):
                position = dataset.position(part.entry_id)
                new = _Span(
                    self._to_qt(span.start), self._to_qt(span.end), part.entry_id, position.speaker, position.stance is None
                )
                self._spans[part.entry_id] = new
                added.append(new)
        self.highlighter.update_spans(removed, added)
        self._filled_for = dataset
        self._show_hint()

    def _show_hint(self) -> None:
        self.hint.setText(SOURCE_HINT + (AWAITING_HINT if self._dataset.awaiting else ""))

    def ensure_filled(self) -> None:
        """Put the report in the view and highlight it, the first time it is needed.

        Until the tab is shown (or a passage asked for), a seminar costs the
        view nothing: a long report's text layout and highlighting wait.
        """
        dataset = self._dataset
        if self._filled_for is dataset:
            return
        offsets, spans = self._document.derived.get(excerpt_layout)
        self._spans = {span.position_id: span for span in spans}
        colours = {speaker.id: speaker_colour(rank) for rank, speaker in enumerate(dataset.speakers)}
        self._to_qt = offsets.to_qt if offsets.shifts else int
        self.text.setPlainText(offsets.display_text)
        self.text.set_turns(
            [
                MarginTurn(start, end, dataset.speaker(speaker).name, time_text, colours[speaker])
                for start, end, speaker, time_text in self._document.derived.get(turn_layout)
            ]
        )
        palette = self.text.palette()
        page = (palette.color(QPalette.ColorRole.Base).name(), palette.color(QPalette.ColorRole.Text).name())
        self.highlighter = ExcerptHighlighter(
            self.text.document(), spans, colours, is_dark(self.palette()), self._wanted_emphasis, page
        )
        self._filled_for = dataset
        self._settling = True
        self._mark_search()
        QTimer.singleShot(0, self, self._on_text_settled)

    def _on_text_settled(self) -> None:
        """Centre again what was scrolled to while the new text was being laid out.

        Qt shows the scroll bar only once control returns to it after the text
        is set; the text, narrowed, wraps anew and what was centred moves off
        (the first "Show in source" used to land a paragraph away).
        """
        self._settling = False
        span, self._settle_on = self._settle_on, None
        if span is not None and (not span.position_id or self._spans.get(span.position_id) == span):
            self._scroll_to(span)

    # -- following the selection ---------------------------------------------
    @staticmethod
    def _emphasis_for(focus: Focus) -> str | None:
        return focus.speaker if focus.kind is FocusKind.SPEAKER else None

    def _on_focus(self, focus: Focus) -> None:
        # Hidden (another tab is showing), the emphasis waits until the tab is shown: a click in
        # the list then costs the source nothing, however long the report.
        self._wanted_emphasis = self._emphasis_for(focus)
        self.clear_mark()  # a new selection: the passage shown for the last one is no longer the point
        if not self.isVisible():
            return
        self._apply_emphasis()
        self._bring_speaker_into_view()

    def _bring_speaker_into_view(self) -> None:
        """Scroll to the selected speaker's first passage, once per speaker chosen."""
        speaker = self._wanted_emphasis
        if not speaker or speaker == self._scrolled_for or self.highlighter is None:
            return
        passages = self.highlighter.spans_of(speaker)
        if passages:
            self._scroll_to(passages[0])
        self._scrolled_for = speaker

    def _apply_emphasis(self) -> None:
        if self.highlighter is not None:
            self.highlighter.set_emphasis(self._wanted_emphasis)

    def emphasised_speaker(self) -> str | None:
        """The speaker whose excerpts the text shows emphasised now (None: no one)."""
        return self.highlighter.emphasis if self.highlighter is not None else None

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.ensure_filled()
        self._apply_emphasis()
        super().showEvent(event)
        pending, self._pending = self._pending, None
        if pending is not None:
            self.show_position(pending)
        else:
            self._bring_speaker_into_view()

    def _scroll_to(self, span: _Span) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(span.end)
        self.text.setTextCursor(cursor)
        cursor.setPosition(span.start)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        if self._settling:
            self._settle_on = span

    def _on_navigation(self, navigation: Navigation) -> None:
        if navigation.target != "source":
            return
        if self.isVisible():
            self.show_position(navigation.position)
        else:
            # Scrolled while hidden, the view would centre on a layout it has not made yet; and on
            # showing, it would then go to the speaker's first passage instead.
            self._pending = navigation.position

    def show_position(self, position_id: str) -> None:
        """Scroll the passage of a position into the middle of the view, flash it, and leave it marked.

        The mark stays, outlined by an underline, until the selection changes or the text is clicked,
        so where the passage ends can still be told from the speaker's next excerpt.
        """
        self.ensure_filled()
        span = self._spans.get(position_id)
        if span is None:
            return
        if span.speaker_id == self._wanted_emphasis:
            self._scrolled_for = span.speaker_id  # the passage is in view: the speaker's first must not replace it
        self._scroll_to(span)
        self._start_flash(span, LASTING_MARK)

    def flashing_position(self) -> str | None:
        """The position whose passage "Show in source" brought into view and still marks."""
        span = self._flash_span
        return span.position_id if span is not None and span.position_id else None

    def clear_mark(self) -> None:
        """Take away the mark "Show in source" left on a passage."""
        if self._flash_span is None:
            return
        self._flash.stop()
        self._flash_span = None
        self.text.setExtraSelections(self._search_marks)

    def _paint_flash(self, strength: float) -> None:
        span = self._flash_span
        if span is None:
            return
        if strength <= 0.01:  # a search hit's flash has faded out: it leaves no mark
            self._flash_span = None
            self.text.setExtraSelections(self._search_marks)
            return
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlphaF(0.75 * strength)
        selection.format.setBackground(colour)
        selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        selection.format.setUnderlineColor(self.palette().color(QPalette.ColorRole.Highlight))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        self.text.setExtraSelections([*self._search_marks, selection])

    # -- search ----------------------------------------------------------------------
    def set_search_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Mark the search's matches, given as (start, end) offsets in the report's text."""
        self._search_ranges = ranges
        if self._filled_for is self._dataset:
            self._mark_search()

    def search_mark_count(self) -> int:
        return len(self._search_marks)

    def _mark_search(self) -> None:
        if not self._search_ranges and not self._search_marks:
            return  # no search, and no marks from an earlier one to take away
        offsets = self._document.derived.of_source_text(QtOffsets)
        to_qt = offsets.to_qt if offsets.shifts else int
        palette = self.palette()
        fmt = QTextCharFormat()
        fmt.setBackground(palette.color(QPalette.ColorRole.Highlight))
        fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        marks = []
        document = self.text.document()
        for start, end in self._search_ranges:
            mark = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(to_qt(start))
            cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            mark.format = fmt
            marks.append(mark)
        self._search_marks = marks
        if self._flash.state() == QVariantAnimation.State.Running:
            return  # the flash's next step draws the marks with it
        if self._flash_span is not None:
            self._paint_flash(float(self._flash.endValue()))  # keep the passage's lasting mark
        else:
            self.text.setExtraSelections(marks)

    def show_range(self, start: int, end: int) -> None:
        """Scroll a stretch of the report (Python offsets) into the middle of the view and flash it."""
        self.ensure_filled()
        offsets = self._document.derived.of_source_text(QtOffsets)
        to_qt = offsets.to_qt if offsets.shifts else int
        span = _Span(to_qt(start), to_qt(end), "", "")
        self._scroll_to(span)
        self._start_flash(span, 0.0)

    def _start_flash(self, span: _Span, end: float) -> None:
        """Flash ``span``, fading to ``end``: a lasting mark for a position's passage, nothing for a search hit."""
        self._flash_span = span
        self._flash.stop()
        self._flash.setEndValue(end)
        self._flash.start()
        self._paint_flash(1.0)  # at once: the animation's first step comes only with the next frame

    def select_range(self, start: int, end: int) -> None:
        """Select a stretch of the report (Python offsets) in the text, caret at its end, and scroll it into view."""
        self.ensure_filled()
        offsets = self._document.derived.of_source_text(QtOffsets)
        to_qt = offsets.to_qt if offsets.shifts else int
        cursor = self.text.textCursor()
        cursor.setPosition(to_qt(start))
        cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def select_turn_at(self, document_position: int) -> bool:
        """Select the words of the transcript turn at this place in the text (its label left out); False between turns."""
        offsets = self._document.derived.of_source_text(QtOffsets)
        text = self._dataset.seminar.source.text
        offset = _to_python(offsets, document_position, len(text))
        found = turn_words(self._dataset, offset)
        if found is None:
            return False
        self.select_range(found[0].start, found[0].end)
        return True

    # -- clicks on highlights ------------------------------------------------------
    def position_at(self, document_position: int) -> str | None:
        """The position whose excerpt covers this place in the text (the innermost one)."""
        if self.highlighter is None:
            return None
        found = self.highlighter.spans_at(document_position)
        if not found:
            return None
        return min(found, key=lambda s: (s.end - s.start, -s.start)).position_id

    # -- excerpts from the keyboard ----------------------------------------------------
    def current_excerpt(self) -> str | None:
        """The position whose excerpt the keyboard has moved to (None: none yet)."""
        return self._keyboard_span.position_id if self._keyboard_span is not None else None

    def move_to_excerpt(self, forward: bool) -> bool:
        """Select the next (or previous) excerpt after the cursor; False when there is none that way."""
        if self.highlighter is None:
            return False
        here = self.text.textCursor().selectionStart()
        span = self.highlighter.neighbour(here, forward)
        if span is None:
            return False
        self._keyboard_span = span
        selected = self.text.textCursor()
        selected.setPosition(span.start)
        selected.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(selected)
        self.text.ensureCursorVisible()
        return True

    def open_current_excerpt(self) -> bool:
        span = self._keyboard_span
        if span is None or self._spans.get(span.position_id) != span:
            return False
        self._scrolled_for = span.speaker_id
        self._selection.select_speaker(span.speaker_id)
        self._selection.navigate(span.position_id, "detail")
        return True

    def _on_key(self, event) -> bool:
        key, modifiers = event.key(), event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Tab and not control:
            return self.move_to_excerpt(True)  # past the last excerpt, Tab leaves the text as usual
        if key == Qt.Key.Key_Backtab:
            return self.move_to_excerpt(False)
        if control and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.move_to_excerpt(key == Qt.Key.Key_Down)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.open_current_excerpt()
        return False

    def _is_third_click(self, event) -> bool:
        """Whether a press follows a double click closely enough, in time and place, to make a triple click."""
        if self._double_click is None:
            return False
        timer, where = self._double_click
        near = (event.position().toPoint() - where).manhattanLength() < QApplication.startDragDistance()
        return near and timer.elapsed() < QApplication.doubleClickInterval()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.text and event.type() == event.Type.KeyPress and self._on_key(event):
            return True
        if watched is self.text.viewport():
            kind = event.type()
            if kind == event.Type.MouseButtonPress:
                self.clear_mark()  # a click elsewhere in the text: the reader has moved on
            if kind == event.Type.MouseButtonDblClick and event.button() == Qt.MouseButton.LeftButton:
                self._double_click = (QElapsedTimer(), event.position().toPoint())
                self._double_click[0].start()
            elif kind == event.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton and self._is_third_click(event):
                # A third click selects the speaker's whole turn, where Qt would select one line.
                self._double_click = None
                if self.select_turn_at(self.text.cursorForPosition(event.position().toPoint()).position()):
                    return True
            if kind == event.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
                if not self.text.textCursor().hasSelection():
                    place = self.text.cursorForPosition(event.position().toPoint()).position()
                    position_id = self.position_at(place)
                    if position_id is not None:
                        speaker = self._dataset.position(position_id).speaker
                        self._scrolled_for = speaker  # the clicked passage is already where the user looks
                        self._selection.select_speaker(speaker)
                        self._selection.navigate(position_id, "detail")
            elif kind == event.Type.MouseMove:
                place = self.text.cursorForPosition(event.position().toPoint()).position()
                over = self.position_at(place) is not None
                self.text.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor)
        return super().eventFilter(watched, event)
