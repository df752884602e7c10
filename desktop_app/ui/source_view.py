"""The Source tab: the report's full text with every excerpt highlighted in its speaker's colour.

Clicking a highlight selects that speaker and asks the detail panel to bring
the position into view; a navigation to the source (the detail panel's "Show
in source") scrolls here and flashes the passage, centred, even on the tab's
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

from PySide6.QtCore import QEasingCurve, Qt, QTimer, QVariantAnimation
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
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

from ..model.dataset import Dataset
from ..presentation.focus import Focus, FocusKind, Navigation
from ..presentation.turns import clock
from .document import SeminarDocument
from .palette import highlight_colour, is_dark, speaker_colour
from .selection import Selection
from .turn_margin import MarginTurn, TurnText


_QT_LENGTH_CHANGES = re.compile("\r\n|[\U00010000-\U0010FFFF]")
"""Where Qt's count drifts from Python's: a CRLF line break (one fewer) or an astral character (one more)."""


class QtOffsets:
    """Converts offsets in a Python string to positions in the Qt document showing it.

    Qt counts UTF-16 code units (a character outside the Basic Multilingual
    Plane takes two) and shows ``\\r\\n`` as a single line break.
    """

    def __init__(self, text: str):
        self.display_text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._points: list[int] = []
        self._shift: list[int] = []
        if "\r" not in text and len(text.encode("utf-16-le")) == 2 * len(text):
            return  # the usual case, checked in C: nothing to map
        shift = 0
        for match in _QT_LENGTH_CHANGES.finditer(text):
            shift += -1 if match.group() == "\r\n" else 1
            self._points.append(match.start() + 1)
            self._shift.append(shift)

    @property
    def shifts(self) -> bool:
        """Whether any offset differs between Python and Qt."""
        return bool(self._points)

    def to_qt(self, offset: int) -> int:
        at = bisect.bisect_right(self._points, offset) - 1
        return offset + (self._shift[at] if at >= 0 else 0)


class _Span(NamedTuple):
    """An excerpt's place in the shown text (a tuple: a large report makes a hundred thousand)."""

    start: int  # Qt document positions
    end: int
    position_id: str
    speaker_id: str


def excerpt_layout(dataset: Dataset) -> tuple[str, list[_Span]]:
    """The report as the view shows it, and every excerpt's place in it, in text order.

    Kept with the document's derived data, so a background load works it out beforehand.
    """
    offsets = QtOffsets(dataset.seminar.source.text)
    to_qt = offsets.to_qt if offsets.shifts else int  # a report of plain BMP text with \n needs no mapping
    located = dataset.spans
    spans = [
        _Span(to_qt(span.start), to_qt(span.end), position.id, position.speaker)
        for position in dataset.positions
        if (span := located.get(position.id)) is not None
    ]
    spans.sort()
    return offsets.display_text, spans


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
        self, document, spans: list[_Span], colours: dict[str, QColor], dark: bool, emphasis: str | None = None
    ):
        super().__init__(document)  # the document's first highlighting follows, once control returns to Qt
        self._spans = spans
        self._starts = [span.start for span in spans]
        self._by_speaker: dict[str, list[_Span]] = {}
        for span in spans:
            self._by_speaker.setdefault(span.speaker_id, []).append(span)
        self._formats = {speaker: _speaker_formats(colour, dark) for speaker, colour in colours.items()}
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
        document = self.document()
        blocks: dict[int, QTextBlock] = {}
        for span in self._by_speaker.get(previous, []) + self._by_speaker.get(speaker_id, []):
            block = document.findBlock(span.start)
            while block.isValid() and block.position() < span.end:
                blocks.setdefault(block.blockNumber(), block)
                block = block.next()
        for block in blocks.values():
            self.rehighlightBlock(block)

    def spans_of(self, speaker_id: str) -> list[_Span]:
        """A speaker's excerpts, in the order of the text."""
        return list(self._by_speaker.get(speaker_id, []))

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
            plain, emphasised, dimmed = self._formats[span.speaker_id]
            if emphasis is None:
                fmt = plain
            else:
                fmt = emphasised if span.speaker_id == emphasis else dimmed
            self.setFormat(start, end - start, fmt)


def _speaker_formats(base: QColor, dark: bool) -> tuple[QTextCharFormat, QTextCharFormat, QTextCharFormat]:
    """A speaker's excerpt formats: with no one emphasised, emphasised (stronger, underlined), and dimmed."""
    tint = highlight_colour(base, dark)
    plain = QTextCharFormat()
    plain.setBackground(tint)
    strong = QColor(tint)
    strong.setAlphaF(min(1.0, tint.alphaF() * 2.0))
    emphasised = QTextCharFormat()
    emphasised.setBackground(strong)
    emphasised.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    emphasised.setUnderlineColor(base)
    faint = QColor(tint)
    faint.setAlphaF(tint.alphaF() * 0.45)
    dimmed = QTextCharFormat()
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
        self.hint = QLabel("Highlighted passages are the excerpts behind positions, in each speaker's colour. Click one to open it.")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.text = TurnText()  # a QPlainTextEdit with a margin naming each transcript turn's speaker and time
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAccessibleName("Source text")
        self.text.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.text.viewport().installEventFilter(self)
        self.text.setMouseTracking(True)
        reading = QFont(self.font())
        reading.setPointSizeF(self.font().pointSizeF() * 1.08)
        self.text.setFont(reading)
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
        self._flash.setEndValue(0.0)
        self._flash.setEasingCurve(QEasingCurve.Type.InQuad)
        self._flash.valueChanged.connect(self._paint_flash)
        self._flash_span: _Span | None = None
        self._settling = False  # the text was just set, and Qt has not yet laid it out in full
        self._settle_on: _Span | None = None
        self.highlighter: ExcerptHighlighter | None = None
        self._pending: str | None = None  # a position to bring into view once the tab shows
        self._redraw()
        document.reset.connect(self._redraw)
        document.edited.connect(self._redraw)
        selection.changed.connect(self._on_focus)
        selection.navigationRequested.connect(self._on_navigation)

    @property
    def _dataset(self) -> Dataset:
        return self._document.dataset

    def _redraw(self, *_why) -> None:
        """Start afresh on the document's seminar: the report is laid out again when next needed."""
        dataset = self._dataset
        source = dataset.seminar.source
        self.heading.setText(f"{source.title} \u2014 {source.publisher}" + (f" \u2014 {source.url}" if source.url else ""))
        if self.highlighter is not None:
            self.highlighter.setDocument(None)
            self.highlighter = None
        self._flash.stop()
        self._flash_span = None
        self.text.setExtraSelections([])
        self.text.clear()
        self.text.set_turns([])
        self._filled_for: Dataset | None = None
        self._scrolled_for: str | None = None
        self._pending = None
        self._settle_on = None
        self._wanted_emphasis = self._emphasis_for(self._selection.focus)
        if self.isVisible():
            self.ensure_filled()

    def ensure_filled(self) -> None:
        """Put the report in the view and highlight it, the first time it is needed.

        Until the tab is shown (or a passage asked for), a seminar costs the
        view nothing: a long report's text layout and highlighting wait.
        """
        dataset = self._dataset
        if self._filled_for is dataset:
            return
        display_text, spans = self._document.derived.get(excerpt_layout)
        self._spans = {span.position_id: span for span in spans}
        colours = {speaker.id: speaker_colour(rank) for rank, speaker in enumerate(dataset.speakers)}
        self.text.setPlainText(display_text)
        self.text.set_turns(
            [
                MarginTurn(start, end, dataset.speaker(speaker).name, time_text, colours[speaker])
                for start, end, speaker, time_text in self._document.derived.get(turn_layout)
            ]
        )
        self.highlighter = ExcerptHighlighter(
            self.text.document(), spans, colours, is_dark(self.palette()), self._wanted_emphasis
        )
        self._filled_for = dataset
        self._settling = True
        QTimer.singleShot(0, self, self._on_text_settled)

    def _on_text_settled(self) -> None:
        """Centre again what was scrolled to while the new text was being laid out.

        Qt shows the scroll bar only once control returns to it after the text
        is set; the text, narrowed, wraps anew and what was centred moves off
        (the first "Show in source" used to land a paragraph away).
        """
        self._settling = False
        span, self._settle_on = self._settle_on, None
        if span is not None and self._spans.get(span.position_id) == span:
            self._scroll_to(span)

    # -- following the selection ---------------------------------------------
    @staticmethod
    def _emphasis_for(focus: Focus) -> str | None:
        return focus.speaker if focus.kind is FocusKind.SPEAKER else None

    def _on_focus(self, focus: Focus) -> None:
        # Hidden (another tab is showing), the emphasis waits until the tab is shown: a click in
        # the list then costs the source nothing, however long the report.
        self._wanted_emphasis = self._emphasis_for(focus)
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
        """Scroll the passage of a position into the middle of the view and flash it."""
        self.ensure_filled()
        span = self._spans.get(position_id)
        if span is None:
            return
        if span.speaker_id == self._wanted_emphasis:
            self._scrolled_for = span.speaker_id  # the passage is in view: the speaker's first must not replace it
        self._scroll_to(span)
        self._flash_span = span
        self._flash.stop()
        self._flash.start()
        self._paint_flash(1.0)  # at once: the animation's first step comes only with the next frame

    def flashing_position(self) -> str | None:
        return self._flash_span.position_id if self._flash_span and self._flash.state() == QVariantAnimation.State.Running else None

    def _paint_flash(self, strength: float) -> None:
        span = self._flash_span
        if span is None:
            return
        if strength <= 0.01:
            self.text.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlphaF(0.75 * strength)
        selection.format.setBackground(colour)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        self.text.setExtraSelections([selection])

    # -- clicks on highlights ------------------------------------------------------
    def position_at(self, document_position: int) -> str | None:
        """The position whose excerpt covers this place in the text (the innermost one)."""
        if self.highlighter is None:
            return None
        found = self.highlighter.spans_at(document_position)
        if not found:
            return None
        return min(found, key=lambda s: (s.end - s.start, -s.start)).position_id

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.text.viewport():
            kind = event.type()
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
