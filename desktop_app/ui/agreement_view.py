"""The Agreement tab: a speaker × speaker heatmap of pairwise agreement.

A table model (testable without a window) behind a QTableView: each cell is
coloured on a sequential, colour-blind-safe scale (distinct from the stance
colours, since agreement is not a pole of the question), with the value and
the number of shared themes in its tooltip.  Clicking a cell compares the two
speakers side by side in the detail panel.  Agreements are computed only for
the cells Qt asks for, so large panels stay cheap.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..model.dataset import Dataset
from ..model.schema import Speaker
from ..presentation.focus import Focus, FocusKind
from ..presentation.wording import number
from .appearance import mark_caption
from .document import SeminarDocument
from .palette import agreement_colour, text_colour_on
from .selection import Selection

SpeakerIdsRole = Qt.ItemDataRole.UserRole + 1
AgreementRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class RotatedHeader(QHeaderView):
    """Column header with its names written upwards, so a matrix of names stays narrow and unclipped."""

    PADDING = 10

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        model = self.model()
        if model is None:
            return hint
        metrics = QFontMetrics(self._bold_font())
        widest = max(
            (metrics.horizontalAdvance(str(model.headerData(i, Qt.Orientation.Horizontal))) for i in range(model.columnCount())),
            default=40,
        )
        return QSize(hint.width(), min(widest, 180) + 2 * self.PADDING)

    def _bold_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def paintSection(self, painter: QPainter, rect: QRect, index: int) -> None:  # noqa: N802
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = index
        option.text = ""
        selection = self.selectionModel()
        highlighted = selection is not None and selection.columnIntersectsSelection(index, self.rootIndex())
        if highlighted:
            option.state |= QStyle.StateFlag.State_On
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        text = str(self.model().headerData(index, Qt.Orientation.Horizontal))
        painter.setFont(self._bold_font() if highlighted else self.font())
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.translate(rect.center().x(), rect.bottom() - self.PADDING)
        painter.rotate(-90)
        metrics = painter.fontMetrics()
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.height() - 2 * self.PADDING)
        painter.drawText(QRect(0, -metrics.height() // 2, rect.height(), metrics.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()


class AgreementModel(QAbstractTableModel):
    """Rows and columns are the speakers who took at least one position, in speaking order."""

    def __init__(self, document: SeminarDocument, parent=None):
        super().__init__(parent)
        self._document = document
        self._speakers: list[Speaker] = []
        self._rank: dict[str, int] = {}
        self._collect()
        # Any edit can move agreement anywhere in the table (a position changes a whole row and column).
        document.reset.connect(self._refresh)
        document.edited.connect(self._refresh)

    @property
    def _dataset(self) -> Dataset:
        return self._document.dataset

    def _collect(self) -> None:
        self._speakers = [s for s in self._dataset.speakers if self._dataset.positions_of(s.id)]
        self._rank = {speaker.id: row for row, speaker in enumerate(self._speakers)}

    def _refresh(self, *_why) -> None:
        self.beginResetModel()
        self._collect()
        self.endResetModel()

    def speakers(self) -> list[Speaker]:
        return list(self._speakers)

    def left_out(self) -> list[Speaker]:
        """Speakers with no position, who have nothing to agree on."""
        return [s for s in self._dataset.speakers if s.id not in self._rank]

    def row_of(self, speaker_id: str) -> int | None:
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
        pair = self._document.derived.analysis.pair(first.id, second.id)
        if role == AgreementRole:
            return pair.agreement
        if role == Qt.ItemDataRole.DisplayRole:
            return number(pair.agreement) if pair.agreement is not None else "\u2013"
        if role == Qt.ItemDataRole.BackgroundRole and pair.agreement is not None:
            return agreement_colour(pair.agreement)
        if role == Qt.ItemDataRole.ForegroundRole and pair.agreement is not None:
            return text_colour_on(agreement_colour(pair.agreement))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            names = f"<b>{html.escape(first.display_name)}</b> and <b>{html.escape(second.display_name)}</b>"
            if pair.agreement is None:
                return f"{names}<br>no theme in common"
            shared = pair.shared_themes
            return (
                f"{names}<br>agreement {number(pair.agreement)} over {shared} shared theme{'s' if shared != 1 else ''}"
                "<br><i>Click to compare them side by side</i>"
            )
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if not 0 <= section < len(self._speakers):
            return None
        speaker = self._speakers[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return speaker.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return html.escape(speaker.display_name)
        return None


class AgreementView(QWidget):
    def __init__(self, document: SeminarDocument, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self._selection = selection
        self.model = AgreementModel(document, self)
        self.table = QTableView()
        self.table.setHorizontalHeader(RotatedHeader(self.table))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Agreement between speakers")
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setHighlightSections(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.horizontalHeader().setMinimumSectionSize(46)
        self.table.horizontalHeader().setDefaultSectionSize(56)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        self.caption = QLabel(
            "Agreement between two speakers over the themes both addressed: "
            "1 means the same stance on every shared theme, 0 opposite extremes. Click a cell to compare."
        )
        self.caption.setWordWrap(True)
        mark_caption(self.caption)
        self.left_out = QLabel()
        self.left_out.setTextFormat(Qt.TextFormat.PlainText)
        self.left_out.setWordWrap(True)
        mark_caption(self.left_out)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.left_out)
        self._update_left_out()
        self._fit_columns()
        selection.changed.connect(self._on_focus)
        # Connected after the model's own slots, so the rows are already the new seminar's.
        document.reset.connect(self._redraw)
        document.edited.connect(self._redraw)

    def _redraw(self, *_why) -> None:
        self._update_left_out()
        self._fit_columns()
        self._on_focus(self._selection.focus)

    def _fit_columns(self) -> None:
        # A panel of ordinary size fills the width; a large one scrolls at a readable cell size.
        mode = QHeaderView.ResizeMode.Stretch if self.model.columnCount() <= 14 else QHeaderView.ResizeMode.Fixed
        self.table.horizontalHeader().setSectionResizeMode(mode)

    def _update_left_out(self) -> None:
        missing = self.model.left_out()
        self.left_out.setVisible(bool(missing))
        if missing:
            names = ", ".join(s.display_name for s in missing)
            self.left_out.setText(f"Not shown, having taken no position: {names}.")

    def _on_clicked(self, index: QModelIndex) -> None:
        first, second = index.data(SpeakerIdsRole)
        self._selection.select_pair(first, second)

    def _on_focus(self, focus: Focus) -> None:
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
