"""The open seminar: one object that owns the dataset and announces when it changes.

Views redraw from ``datasetChanged``; whoever replaces the dataset (opening a
file today through :class:`~desktop_app.ui.file_opener.FileOpener`, editing
tomorrow) only talks to the document.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..model.dataset import Dataset


class SeminarDocument(QObject):
    datasetChanged = Signal(object)  # the new Dataset

    def __init__(self, dataset: Dataset, parent: QObject | None = None):
        super().__init__(parent)
        self._dataset = dataset

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    def set_dataset(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self.datasetChanged.emit(dataset)
