"""The PDF export options: paper size, which sections, the whole seminar or only the selected speaker.

A plain QDialog: :meth:`ExportOptionsDialog.options` reads the choices, so
tests set the controls, click OK and check ``result()`` without ``exec()``.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...presentation.brief_options import DEFAULT_SECTIONS, PAGE_SIZE_LABELS, PAGE_SIZES, SECTION_CHOICES, SECTIONS, ReportOptions


def default_page_size() -> str:
    """Letter where the locale measures in US units, A4 everywhere else."""
    return "letter" if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


class ExportOptionsDialog(QDialog):
    def __init__(
        self,
        dataset: Dataset,
        selected_speaker: str | None = None,
        previous: ReportOptions | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self._selected = selected_speaker if selected_speaker and dataset.has_speaker(selected_speaker) else None

        self.page_size = QComboBox()
        for key in PAGE_SIZES:
            self.page_size.addItem(PAGE_SIZE_LABELS[key], key)
        size = previous.page_size if previous else default_page_size()
        self.page_size.setCurrentIndex(PAGE_SIZES.index(size))
        self.page_size.setAccessibleName("Page size")
        form = QFormLayout()
        form.addRow("&Page size:", self.page_size)

        sections_box = QGroupBox("Sections")
        sections_layout = QVBoxLayout(sections_box)
        self.section_boxes: dict[str, QCheckBox] = {}
        chosen = previous.sections if previous else DEFAULT_SECTIONS
        for key in SECTIONS:
            box = QCheckBox(SECTION_CHOICES[key])
            box.setChecked(key in chosen)
            box.toggled.connect(self._update_ok)
            sections_layout.addWidget(box)
            self.section_boxes[key] = box

        scope_box = QGroupBox("Scope")
        scope_layout = QVBoxLayout(scope_box)
        self.whole_seminar = QRadioButton("The &whole seminar")
        if self._selected:
            name = dataset.speaker(self._selected).display_name
            self.only_speaker = QRadioButton(f"Only the selected &speaker: {name}")
        else:
            self.only_speaker = QRadioButton("Only the selected &speaker (select one in the list first)")
            self.only_speaker.setEnabled(False)
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.whole_seminar)
        self.scope.addButton(self.only_speaker)
        wants_speaker = bool(previous and previous.speaker and self._selected)
        (self.only_speaker if wants_speaker else self.whole_seminar).setChecked(True)
        scope_layout.addWidget(self.whole_seminar)
        scope_layout.addWidget(self.only_speaker)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Export\u2026")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sections_box)
        layout.addWidget(scope_box)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        # The title block alone is no brief: at least one section.
        self.ok_button.setEnabled(any(box.isChecked() for box in self.section_boxes.values()))

    def options(self) -> ReportOptions:
        """The choices as they stand."""
        return ReportOptions(
            page_size=self.page_size.currentData(),
            sections=tuple(key for key, box in self.section_boxes.items() if box.isChecked()),
            speaker=self._selected if self.only_speaker.isChecked() else None,
        )
