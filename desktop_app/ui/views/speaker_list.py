"""The left pane: a search box over the list of speakers, linked to the shared selection."""

from __future__ import annotations

import functools
from typing import NamedTuple

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...model.analysis.seminar_analysis import rounded_stance
from ...presentation.focus import Focus, FocusKind
from ...presentation.wording import signed
from ..appearance import mark_caption
from ..document import SeminarDocument
from ..focus_ring import FocusRing
from ..palette import stance_colour, stance_text_colour
from ..selection import Selection
from .speaker_model import (
    AffiliationRole,
    ColourRole,
    RoleLabelRole,
    SpeakerFilterProxy,
    SpeakerIdRole,
    SpeakerListModel,
    ThemeStanceRole,
)

_PAD = 8
_SWATCH = 4
_PILL_WIDTH = 34


_TALL_SAMPLE = "\u00c5gjy\u6797\u7f8e\u73b2\ud55c\u3042"
"""Latin with accents and descenders, Chinese, Korean and Japanese: the line must fit the tallest script."""


def line_height(font: QFont) -> int:
    """A line's height in ``font`` that fits any script a name may be written in, fallback fonts included."""
    return _line_height(font.toString())


@functools.lru_cache(maxsize=32)
def _line_height(described: str) -> int:
    # Measuring the sample reaches for fallback fonts: a list repaint measured it twice a row.
    font = QFont()
    font.fromString(described)
    metrics = QFontMetrics(font)
    return max(metrics.height(), metrics.boundingRect(_TALL_SAMPLE).height())


class _Fonts(NamedTuple):
    """The fonts a row is painted in, and their measures, for one list font."""

    name: QFont
    name_metrics: QFontMetrics
    detail_metrics: QFontMetrics
    pill: QFont
    name_height: int
    detail_height: int


@functools.lru_cache(maxsize=8)
def _fonts(described: str) -> _Fonts:
    # Made once per list font (it changes with the zoom), not for each row painted.
    font = QFont()
    font.fromString(described)
    name = QFont(font)
    name.setBold(True)
    pill = QFont(font)
    pill.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    pill.setBold(True)
    return _Fonts(name, QFontMetrics(name), QFontMetrics(font), pill, line_height(name), line_height(font))


class SpeakerDelegate(QStyledItemDelegate):
    """Paints a speaker on two lines: name, then role and affiliation; a stance pill for the theme."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        fonts = _fonts(option.font.toString())
        return QSize(200, fonts.name_height + fonts.detail_height + _PAD * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if style is not None:
            # Background, selection and focus come from the platform style.  The row's text is
            # painted below, so the option needs none of the roles initStyleOption would ask for.
            plain = QStyleOptionViewItem(option)
            plain.text = ""
            view = option.widget
            if isinstance(view, QAbstractItemView) and not view.selectionModel().hasSelection():
                # Focusing the list makes a row current; until a speaker is chosen, don't paint it as chosen.
                plain.state &= ~QStyle.StateFlag.State_HasFocus
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        rect = option.rect
        fonts = _fonts(option.font.toString())
        colour = index.data(ColourRole)
        painter.fillRect(QRect(rect.left() + 2, rect.top() + 4, _SWATCH, rect.height() - 8), colour)

        stance = index.data(ThemeStanceRole)
        right = rect.right() - _PAD
        if stance is not None:
            pill = QRect(right - _PILL_WIDTH, rect.center().y() - 9, _PILL_WIDTH, 18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            whole = rounded_stance(stance)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(stance_colour(whole))
            painter.drawRoundedRect(pill, 9, 9)
            painter.setPen(stance_text_colour(whole))
            painter.setFont(fonts.pill)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, signed(stance))
            right = pill.left() - 6

        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(text_role)
        secondary = QColor(text_colour)
        secondary.setAlphaF(0.7)

        left = rect.left() + _SWATCH + _PAD + 2
        width = max(10, right - left)
        top = rect.top() + _PAD
        painter.setFont(fonts.name)
        painter.setPen(text_colour)
        name = fonts.name_metrics.elidedText(index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight, width)
        middle_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(left, top, width, fonts.name_height), middle_left, name)

        painter.setFont(option.font)
        painter.setPen(secondary)
        second = " \u00b7 ".join(part for part in (index.data(RoleLabelRole), index.data(AffiliationRole)) if part)
        second = fonts.detail_metrics.elidedText(second, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, top + fonts.name_height + 2, width, fonts.detail_height), middle_left, second)
        painter.restore()


class SpeakerListView(QWidget):
    """Search box and speaker list. Selecting a row selects the speaker everywhere, and back."""

    def __init__(self, document: SeminarDocument, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self._selection = selection
        self._document = document
        self.model = SpeakerListModel(document, self)
        self.proxy = SpeakerFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names, affiliations, positions…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search speakers")
        self.search.textChanged.connect(self._on_search)

        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(SpeakerDelegate(self.list))
        self.focus_ring = FocusRing(self.list)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName("Speakers")
        self.list.setMouseTracking(True)
        self.list.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.list.installEventFilter(self)

        self.empty_label = QLabel("No speaker matches the search.")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        mark_caption(self.empty_label)
        self.empty_label.hide()

        self.count_label = QLabel()
        self.count_label.setObjectName("speakerCount")
        mark_caption(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.count_label)
        self._update_count()
        selection.changed.connect(self._on_focus)
        # Connected after the model's own slots, so the rows are already the new seminar's.
        document.reset.connect(self._redraw)
        document.edited.connect(self._on_edited)
        # The badges of a selected theme are its voices' stances, which depend on the kinds counted.
        document.countedKindsChanged.connect(lambda: self._on_focus(self._selection.focus))

    # -- following the document ---------------------------------------------
    def _redraw(self, *_why) -> None:
        self._on_focus(self._selection.focus)
        self._update_count()

    def _on_edited(self, _edit) -> None:
        self.proxy.refilter()  # what a speaker said may now match the search, or no longer
        self._redraw()

    # -- user actions --------------------------------------------------------
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        focus = self._selection.focus
        if focus.kind is FocusKind.SPEAKER and focus.speaker:
            self._show_speaker(focus.speaker)

    def _on_selection_changed(self, *_args) -> None:
        # Selection, not the current index: focusing the list makes a row current without choosing it.
        rows = self.list.selectionModel().selectedIndexes()
        if not rows:
            return
        speaker_id = rows[0].data(SpeakerIdRole)
        focus = self._selection.focus
        if focus.kind is FocusKind.SPEAKER and focus.speaker == speaker_id:
            return
        self._selection.select_speaker(speaker_id)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # With nothing chosen yet, Down starts at the first speaker and Up at the last.
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and self.proxy.rowCount()
            and not self.list.selectionModel().hasSelection()
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            row = 0 if event.key() == Qt.Key.Key_Down else self.proxy.rowCount() - 1
            self.list.selectionModel().setCurrentIndex(self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            return True
        return super().eventFilter(watched, event)

    # -- following the selection ---------------------------------------------
    def _on_focus(self, focus: Focus) -> None:
        if focus.kind is FocusKind.THEME and focus.theme and self._document.dataset.has_theme(focus.theme):
            self.model.set_theme_stances(self._document.derived.analysis.themes[focus.theme].stances)
        else:
            self.model.set_theme_stances({})
        if focus.kind is FocusKind.SPEAKER and focus.speaker:
            self._show_speaker(focus.speaker)
        else:
            self.list.selectionModel().clearSelection()

    def _show_speaker(self, speaker_id: str) -> None:
        if not self._document.dataset.has_speaker(speaker_id):
            return
        source = self.model.index(self.model.row_of(speaker_id))
        index = self.proxy.mapFromSource(source)
        selection_model = self.list.selectionModel()
        if not index.isValid():
            selection_model.clearSelection()
            return
        if selection_model.currentIndex() != index or not selection_model.isSelected(index):
            selection_model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.empty_label.setVisible(shown == 0 and total > 0)
        if shown == total:
            self.count_label.setText(f"{total} speaker{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{shown} of {total} speakers")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
