"""The Agreement tab: a speaker × speaker heatmap of pairwise agreement, against chance and with its basis.

A table model (testable without a window) behind a QTableView.  Each cell is
coloured by agreement beyond chance, (observed − chance) / (1 − chance) for
the two speakers' own stance mixes, on a sequential, colour-blind-safe scale
(distinct from the stance colours, since agreement is not a pole of the
question); it reads the raw agreement and k, the shared themes, to one
decimal, and its tooltip gives the chance level.  Pairs sharing fewer than
MIN_SHARED_THEMES themes are hatched grey: too thin to compare.  Only
speakers with a counted position are rows; the caption names who is left
out.  Headers are initials (full names in their tooltips), so the matrix of
an ordinary panel fits a 1024-pixel window.  Clicking a cell compares the two
speakers side by side in the detail panel.  Agreements are computed only for
the cells Qt asks for, and everything follows the document's counted kinds.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...model.analysis.seminar_analysis import (
    MIN_SHARED_THEMES,
    PairAgreement,
    SeminarAnalysis,
    format_measure,
)
from ...model.dataset import Dataset
from ...model.format.schema import Speaker
from ...painting.agreement_cells import (
    cell_colour,
    cell_text_colour,
    paint_scale_key,
    paint_thin_key,
    thin_brush,
)
from ...presentation.agreement_legend import SCALE_KEY_SIZE, SCALE_LEGEND, THIN_KEY_SIZE, THIN_LEGEND
from ...presentation.discussion import reply_pair_sentence, seminar_reply_pairs
from ...presentation.focus import Focus, FocusKind
from ...presentation.names import initials_by_id
from ...presentation.reading import counting_sentence
from ...presentation.wording import role_label
from ..appearance import mark_caption
from ..document import SeminarDocument
from ..palette import is_dark
from ..selection import Selection

SpeakerIdsRole = Qt.ItemDataRole.UserRole + 1
AgreementRole = Qt.ItemDataRole.UserRole + 2
SharedThemesRole = Qt.ItemDataRole.UserRole + 3
ComparableRole = Qt.ItemDataRole.UserRole + 4
"""Whether the pair shares enough themes (MIN_SHARED_THEMES) to be compared: false cells are hatched."""
Index = QModelIndex | QPersistentModelIndex

MIN_CELL_WIDTH = 34
"""Narrowest column that still reads ``0.6`` over ``k 3``; a wider panel than fits scrolls at this width."""


class AgreementModel(QAbstractTableModel):
    """Rows and columns are the speakers with at least one counted position, in speaking order."""

    def __init__(self, document: SeminarDocument, parent=None):
        super().__init__(parent)
        self._document = document
        self._speakers: list[Speaker] = []
        self._labels: list[str] = []
        self._rank: dict[str, int] = {}
        self._waiting: Callable[[], bool] = lambda: False
        self._stale = False
        self.dark = False
        """Colour the cells on the dark palette's scale (see :meth:`AgreementView.changeEvent`)."""
        self._collect()
        # Any edit can move agreement anywhere in the table (a position changes a whole row and column).
        document.reset.connect(self._refresh)
        document.edited.connect(self._refresh)
        document.countedKindsChanged.connect(self._refresh)

    @property
    def _dataset(self) -> Dataset:
        return self._document.dataset

    @property
    def analysis(self) -> SeminarAnalysis:
        """The analysis counting the window's chosen kinds."""
        return self._document.derived.analysis

    def _collect(self) -> None:
        compared = set(self.analysis.compared_speakers)
        self._speakers = [s for s in self._dataset.speakers if s.id in compared]
        tags = initials_by_id(self._dataset.speakers)
        self._labels = [tags[s.id] for s in self._speakers]
        self._rank = {speaker.id: row for row, speaker in enumerate(self._speakers)}

    def wait_while(self, waiting: Callable[[], bool]) -> None:
        """While ``waiting()`` holds (the map is hidden behind another tab), changes are only noted, and followed by :meth:`catch_up`."""
        self._waiting = waiting

    def _refresh(self, *_why) -> None:
        if self._waiting():
            self._stale = True
            return
        self._stale = False
        self.beginResetModel()
        self._collect()
        self.endResetModel()

    @property
    def is_stale(self) -> bool:
        """Whether changes wait to be followed."""
        return self._stale

    def catch_up(self) -> None:
        """Follow the changes noted while waiting."""
        if self._stale:
            self._stale = False
            self._refresh()

    def speakers(self) -> list[Speaker]:
        self.catch_up()
        return list(self._speakers)

    def left_out(self) -> list[Speaker]:
        """Speakers with no counted position (a chair who only chaired), who have nothing to compare."""
        self.catch_up()
        return [s for s in self._dataset.speakers if s.id not in self._rank]

    def row_of(self, speaker_id: str) -> int | None:
        self.catch_up()
        return self._rank.get(speaker_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._speakers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._speakers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        first, second = self._speakers[index.row()], self._speakers[index.column()]
        if role == SpeakerIdsRole:
            return (first.id, second.id)
        if first.id == second.id:
            if role == Qt.ItemDataRole.ToolTipRole:
                return html.escape(first.display_name)
            return None
        pair = self.analysis.pair(first.id, second.id)
        if role == AgreementRole:
            return pair.agreement
        if role == SharedThemesRole:
            return pair.shared_themes
        if role == ComparableRole:
            return pair.comparable
        if role == Qt.ItemDataRole.DisplayRole:
            if pair.agreement is None:
                return "\u2013"
            return f"{format_measure(pair.agreement)}\nk\u00a0{pair.shared_themes}"
        if role == Qt.ItemDataRole.BackgroundRole and pair.agreement is not None:
            return cell_colour(pair.chance_corrected, self.dark) if pair.comparable else thin_brush()
        if role == Qt.ItemDataRole.ForegroundRole and pair.agreement is not None:
            return cell_text_colour(pair.chance_corrected, self.dark) if pair.comparable else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(first, second, pair)
        return None

    @staticmethod
    def _tooltip(first: Speaker, second: Speaker, pair: PairAgreement) -> str:
        names = f"<b>{html.escape(first.display_name)}</b> and <b>{html.escape(second.display_name)}</b>"
        if pair.agreement is None:
            return f"{names}<br>no theme in common"
        shared = pair.shared_themes
        lines = [
            names,
            f"agreement {format_measure(pair.agreement)} over {shared} shared theme{'s' if shared != 1 else ''} (k)",
            f"chance level {format_measure(pair.expected_by_chance)} for their own stance mixes",
            f"beyond chance {format_measure(pair.chance_corrected)} (0 = chance, 1 = full agreement)",
        ]
        if not pair.comparable:
            lines.append(f"<i>fewer than {MIN_SHARED_THEMES} shared themes: too few to compare</i>")
        lines.append("<i>Click to compare them side by side</i>")
        return "<br>".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if not 0 <= section < len(self._speakers):
            return None
        speaker = self._speakers[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return html.escape(speaker.display_name)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return speaker.display_name
        return None


class _Swatch(QWidget):
    """A small legend key: the colour scale from chance to full agreement, or the hatching of a thin pair."""

    def __init__(self, hatched: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._hatched = hatched
        self.dark = False
        """Paint the dark palette's scale."""
        self.setFixedSize(QSize(*(THIN_KEY_SIZE if hatched else SCALE_KEY_SIZE)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = QRectF(self.rect().adjusted(0, 0, -1, -1))
        if self._hatched:
            paint_thin_key(painter, rect)
        else:
            paint_scale_key(painter, rect, self.dark)
        painter.end()


def _caption(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    mark_caption(label)  # readable caption colour (4.5:1) in light and dark palettes
    return label


REPLY_PAIRS_SHOWN = 3
"""Pairs of speakers who answered each other that the tab names under the map."""


class AgreementView(QWidget):
    def __init__(self, document: SeminarDocument, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._stale = False  # the seminar or the selection changed while another tab was shown
        self.model = AgreementModel(document, self)
        self.model.wait_while(self._hidden_in_window)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # One Tab stop: the arrow keys walk the cells, Tab leaves the matrix (49 stops for 7 speakers were a trap).
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName("Agreement between speakers")
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setHighlightSections(True)
        line = self.table.fontMetrics().height()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(2 * line + 8)
        self.table.horizontalHeader().setMinimumSectionSize(MIN_CELL_WIDTH)
        self.table.horizontalHeader().setDefaultSectionSize(48)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        self.caption = _caption(
            "Each cell: agreement over the themes both speakers addressed (1 = same stance on every one, "
            "0 = opposite extremes), and k, the number of those shared themes. Hover a name or a cell for more; "
            "click a cell to compare the two."
        )
        self.legend_scale = _caption(SCALE_LEGEND)
        self.legend_thin = _caption(THIN_LEGEND)
        legend = QVBoxLayout()
        legend.setSpacing(2)
        self.scale_swatch = _Swatch(False)
        for swatch, words in ((self.scale_swatch, self.legend_scale), (_Swatch(True), self.legend_thin)):
            row = QHBoxLayout()
            row.addWidget(swatch, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(words, 1)
            legend.addLayout(row)
        self.left_out = _caption()
        self.replies = _caption()  # the pairs who answered each other most, when the source is a transcript
        self.counted = _caption()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend)
        layout.addWidget(self.left_out)
        layout.addWidget(self.replies)
        layout.addWidget(self.counted)
        self._update_captions()
        self._fit_columns()
        self._follow_palette()
        selection.changed.connect(self._on_focus)
        # Connected after the model's own slots, so the rows are already the new seminar's.
        document.reset.connect(self._redraw)
        document.edited.connect(self._redraw)
        document.countedKindsChanged.connect(self._redraw)

    @property
    def is_stale(self) -> bool:
        """Whether the map waits to be shown to draw what changed while another tab was on top."""
        return self._stale

    def _hidden_in_window(self) -> bool:
        """Another tab is shown in a window that is on screen: redrawing now would be for nobody."""
        return not self.isVisible() and self.window().isVisible()

    def _redraw(self, *_why) -> None:
        if self._hidden_in_window():
            self._stale = True
            return
        self._stale = False
        self.model.catch_up()
        self._update_captions()
        self._fit_columns()
        self._on_focus(self._selection.focus)

    def _follow_palette(self) -> None:
        """Colour the cells and the scale's key for the palette in use: a dark one runs the scale toward its background."""
        dark = is_dark(self.palette())
        if dark == self.model.dark:
            return
        self.model.dark = self.scale_swatch.dark = dark
        self.scale_swatch.update()
        if self.model.rowCount():
            last = self.model.rowCount() - 1
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(last, last))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "scale_swatch"):
            self._follow_palette()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._stale or self.model.is_stale:
            self._redraw()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        # A panel whose cells fit at a readable width fills the width; a larger one scrolls at that width.
        count = self.model.columnCount()
        available = self.table.viewport().width() or self.table.width()
        fits = count * MIN_CELL_WIDTH <= available
        mode = QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.Fixed
        header = self.table.horizontalHeader()
        if count and header.sectionResizeMode(0) != mode:
            header.setSectionResizeMode(mode)

    def _update_captions(self) -> None:
        missing = self.model.left_out()
        self.left_out.setVisible(bool(missing))
        if missing:
            names = ", ".join(f"{s.display_name} ({role_label(s.role).lower()})" for s in missing)
            self.left_out.setText(f"Left out, having no counted position: {names}.")
        self.counted.setText(counting_sentence(self._document.counted_kinds))
        dataset = self._document.dataset
        pairs = seminar_reply_pairs(dataset, self.model.analysis) if dataset.seminar.source.turns else []
        self.replies.setVisible(bool(pairs))
        if pairs:
            shown = "; ".join(reply_pair_sentence(dataset, pair) for pair in pairs[:REPLY_PAIRS_SHOWN])
            self.replies.setText(f"Answered each other most (a turn taking up a theme of the turn just before it): {shown}.")

    def _on_clicked(self, index: QModelIndex) -> None:
        first, second = index.data(SpeakerIdsRole)
        self._selection.select_pair(first, second)

    def _on_focus(self, focus: Focus) -> None:
        if self._hidden_in_window():
            self._stale = True
            return
        selection_model = self.table.selectionModel()
        if focus.kind is FocusKind.PAIR:
            row, column = self.model.row_of(focus.speaker or ""), self.model.row_of(focus.other_speaker or "")
            if row is not None and column is not None:
                selection_model.setCurrentIndex(self.model.index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect)
                return
        if focus.kind is FocusKind.SPEAKER:
            row = self.model.row_of(focus.speaker or "")
            if row is not None:
                # The speaker's own (diagonal) cell: its row and column headers light up, the colours stay readable.
                index = self.model.index(row, row)
                selection_model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.table.scrollTo(index)
                return
        selection_model.clearSelection()
