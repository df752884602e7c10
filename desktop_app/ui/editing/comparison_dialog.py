"""The Compare Codings window: alpha overall and per theme, and the disagreement queue with both readings side by side.

Layout only, plus the signals of its buttons; :mod:`.compare_codings` fills it
from the comparison and carries out the choices on the open seminar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

THEME_HEADERS = ("Theme", "\u03b1 ordinal", "95 % interval", "Units", "Verdicts")


class ComparisonDialog(QDialog):
    """A window beside the seminar: figures on top, the queue below, each chosen cell's readings side by side."""

    keepRequested = Signal(int)  # the index of the coder whose stance to keep
    stanceRequested = Signal(int)  # a new stance, -2 … +2
    discussedRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Compare Codings")
        self.setModal(False)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.themes = QTableWidget(0, len(THEME_HEADERS))
        self.themes.setHorizontalHeaderLabels(THEME_HEADERS)
        self.themes.verticalHeader().hide()
        self.themes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.themes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.themes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.themes.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.queue_title = QLabel()
        self.queue_title.setWordWrap(True)
        self.queue = QListWidget()
        self.queue.setAccessibleName("Disagreements")
        self.readings = QGridLayout()
        self.reading_titles: list[QLabel] = []
        self.reading_texts: list[QPlainTextEdit] = []
        readings_box = QGroupBox("The readings of the chosen cell")
        readings_box.setLayout(self.readings)
        self.keep_coder = QComboBox()
        self.keep_coder.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.keep_coder.setMinimumContentsLength(14)
        self.keep_button = QPushButton("&Keep This Coder\u2019s Stance")
        self.new_stance = QComboBox()
        self.new_stance.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.new_stance.setMinimumContentsLength(18)
        self.set_button = QPushButton("&Set Stance")
        self.discussed_button = QPushButton("Mark &Discussed")
        self.keep_button.clicked.connect(lambda: self.keepRequested.emit(self.keep_coder.currentIndex()))
        self.set_button.clicked.connect(lambda: self.stanceRequested.emit(int(self.new_stance.currentData())))
        self.discussed_button.clicked.connect(self.discussedRequested.emit)
        choices = QHBoxLayout()
        for widget in (self.keep_coder, self.keep_button, self.new_stance, self.set_button, self.discussed_button):
            choices.addWidget(widget)
        choices.addStretch(1)
        queue_side = QWidget()
        queue_layout = QVBoxLayout(queue_side)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(self.queue_title)
        queue_layout.addWidget(self.queue)
        detail_side = QWidget()
        detail_layout = QVBoxLayout(detail_side)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(readings_box, 1)
        lower = QSplitter()
        lower.addWidget(queue_side)
        lower.addWidget(detail_side)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 3)
        upper = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.themes)
        upper.addWidget(top)
        upper.addWidget(lower)
        upper.setSizes([260, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(upper, 1)
        layout.addLayout(choices)
        self.resize(980, 720)
        self.set_choices_enabled(False)

    def set_coders(self, names: list[str], stance_names: list[tuple[int, str]]) -> None:
        """One reading column and one "keep" choice per coder; the stances offered for a new one."""
        while self.reading_texts:
            self.readings.removeWidget(self.reading_texts.pop())
            self.readings.removeWidget(self.reading_titles.pop())
        for column, name in enumerate(names):
            title = QLabel(name)
            title.setTextFormat(Qt.TextFormat.PlainText)
            text = QPlainTextEdit()
            text.setReadOnly(True)
            self.readings.addWidget(title, 0, column)
            self.readings.addWidget(text, 1, column)
            self.reading_titles.append(title)
            self.reading_texts.append(text)
        self.keep_coder.clear()
        self.keep_coder.addItems(names)
        self.new_stance.clear()
        for stance, label in stance_names:
            self.new_stance.addItem(label, stance)

    def set_choices_enabled(self, enabled: bool) -> None:
        for widget in (self.keep_coder, self.keep_button, self.new_stance, self.set_button, self.discussed_button):
            widget.setEnabled(enabled)
