"""The left pane: a search box over the list of speakers, linked to the shared selection."""

from __future__ import annotations

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

from ..model.analysis import rounded_stance
from ..presentation.focus import Focus, FocusKind
from ..presentation.wording import signed
from .appearance import mark_caption
from .document import SeminarDocument
from .palette import stance_colour, stance_text_colour
from .selection import Selection
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
    metrics = QFontMetrics(font)
    return max(metrics.height(), metrics.boundingRect(_TALL_SAMPLE).height())


class SpeakerDelegate(QStyledItemDelegate):
    """Paints a speaker on two lines: name, then role and affiliation; a stance pill for the theme."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        name_font = QFont(option.font)
        name_font.setBold(True)
        return QSize(200, line_height(name_font) + line_height(option.font) + _PAD * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if style is not None:
            # Background, selection and focus come from the platform style.
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            view = option.widget
            if isinstance(view, QAbstractItemView) and not view.selectionModel().hasSelection():
                # Focusing the list makes a row current; until a speaker is chosen, don't paint it as chosen.
                plain.state &= ~QStyle.StateFlag.State_HasFocus
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        rect = option.rect
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
            small = QFont(option.font)
            small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
            small.setBold(True)
            painter.setFont(small)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, signed(stance))
            right = pill.left() - 6

        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(text_role)
        secondary = QColor(text_colour)
        secondary.setAlphaF(0.7)

        left = rect.left() + _SWATCH + _PAD + 2
        width = max(10, right - left)
        metrics = QFontMetrics(option.font)
        name_font = QFont(option.font)
        name_font.setBold(True)
        name_metrics = QFontMetrics(name_font)
        top = rect.top() + _PAD
        painter.setFont(name_font)
        painter.setPen(text_colour)
        name = name_metrics.elidedText(index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight, width)
        name_height = line_height(name_font)
        painter.drawText(QRect(left, top, width, name_height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)

        painter.setFont(option.font)
        painter.setPen(secondary)
        second = " \u00b7 ".join(part for part in (index.data(RoleLabelRole), index.data(AffiliationRole)) if part)
        second = metrics.elidedText(second, Qt.TextElideMode.ElideRight, width)
        second_height = line_height(option.font)
        painter.drawText(
            QRect(left, top + name_height + 2, width, second_height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, second
        )
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
