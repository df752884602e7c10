"""Analysis ▸ Compare with Another Coding: other coders' files beside the open seminar, and settling where they differ.

The open seminar is the first coding.  Comparing records the result in its
coding block (one undo step), which marks the verdicts that depended on the
coder in the chart, the detail panel, the themes CSV and the brief.  Each
choice in the disagreement queue (keep a coder's stance, set a new one, mark
discussed) is one undo step in the open seminar, which so becomes the
adjudicated coding; the figures and the queue are worked out again after it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidgetItem, QMainWindow, QMenu, QTableWidgetItem

from ...model.analysis.ordinal import STANCES
from ...model.analysis.reliability.alpha import Level
from ...model.analysis.reliability.comparison import ALL, Comparison, compare, reading
from ...model.analysis.reliability.queue import Disagreement, disagreements
from ...model.analysis.reliability.units import Coding, id_differences
from ...model.analysis.stance_words import stance_label
from ...model.analysis.verdict import verdict_label
from ...model.dataset import Dataset
from ...model.editing.adjudication import discussed, mark_discussed, record_comparison, set_cell_stance
from ...model.format import coding as coding_format
from ...model.format.loader import load
from ...model.format.problems import DatasetError
from ...presentation.awaiting import AWAITING_WORDS
from ...presentation.coder_agreement import alpha_figure
from ..dialogs import Dialogs
from ..document import SeminarDocument
from ..selection import Selection
from .comparison_dialog import ComparisonDialog
from .undo_commands import push_edit

StatusLine = Callable[[str, int], None]


def coding_name(dataset: Dataset, fallback: str) -> str:
    """How a coding is named: its coder, else its file's name, else ``fallback``."""
    coding = dataset.model.coding
    if coding is not None and coding.coder:
        return coding.coder
    return dataset.path.name if dataset.path is not None else fallback


def as_coding(dataset: Dataset, fallback: str) -> Coding:
    return Coding(
        coding_name(dataset, fallback), dataset.positions,
        [speaker.id for speaker in dataset.speakers], [theme.id for theme in dataset.themes],
    )


def interval_words(row) -> str:
    if row is None or row.interval is None:
        return "\u2013"
    return f"{alpha_figure(row.interval[0])} to {alpha_figure(row.interval[1])}"


def summary_sentence(comparison: Comparison) -> str:
    """Alpha over every cell, with its interval, units, and what it means here, in a plain sentence."""
    row = comparison.row(ALL, Level.ORDINAL)
    if row is None or row.alpha is None:
        return "The coders' stances do not vary enough for \u03b1 to say anything yet."
    return (
        f"Krippendorff\u2019s \u03b1 (ordinal) over {row.units} speaker \u00d7 theme cells coded by at least two of "
        f"{len(comparison.coders)} coders: {alpha_figure(row.alpha)} (95 % interval {interval_words(row)}). "
        f"By the usual reading (\u2265 .80 reliable, \u2265 .667 tentative conclusions only) this coding is "
        f"{reading(row.alpha)}. Nominal {alpha_figure(_alpha(comparison, Level.NOMINAL))}, "
        f"interval {alpha_figure(_alpha(comparison, Level.INTERVAL))}."
    )


def _alpha(comparison: Comparison, level: Level) -> float | None:
    row = comparison.row(ALL, level)
    return None if row is None else row.alpha


class CompareCodings(QObject):
    def __init__(
        self, window: QMainWindow, document: SeminarDocument, dialogs: Dialogs, status: StatusLine, *,
        selection: Selection, show_source: Callable[[], None],
    ):
        super().__init__(window)
        self.host, self.document, self.dialogs, self.status = window, document, dialogs, status
        self.selection, self._show_source = selection, show_source
        self.others: list[Dataset] = []
        self.comparison: Comparison | None = None
        self.queue: list[Disagreement] = []
        self.dialog: ComparisonDialog | None = None
        self.action = QAction("Compare with Another &Coding\u2026", window)
        self.action.setStatusTip("Open other coders' files of this seminar: agreement (Krippendorff's \u03b1) and where they differ")
        self.action.triggered.connect(self.choose_and_compare)
        self.menu = _analysis_menu(window)
        self.menu.addAction(self.action)
        document.edited.connect(self._on_edited)
        document.reset.connect(self._on_reset)

    # -- opening the other codings ------------------------------------------------------
    def choose_and_compare(self) -> bool:
        paths = self.dialogs.coding_paths(self.host)
        return bool(paths) and self.compare_with([Path(path) for path in paths])

    def compare_with(self, paths: list[Path]) -> bool:
        """Load the coder files and compare them with the open seminar; whether the comparison is shown."""
        others = []
        for path in paths:
            try:
                others.append(load(path))
            except DatasetError as error:
                self.dialogs.show_problems(self.host, error)
                return False
        codings = self._codings(others)
        problems = id_differences(codings)
        if problems:
            self.dialogs.show_error(
                self.host, "These codings cannot be compared",
                "The files must share the seminar's speaker and theme ids.\n" + "\n".join(problems),
            )
            return False
        self.others = others
        self._work_out()
        assert self.comparison is not None
        push_edit(self.document, record_comparison(self.document.dataset, self._record()), "Record the comparison of codings",
                  dialogs=self.dialogs, parent=self.host)
        self._show()
        return True

    def _codings(self, others: list[Dataset]) -> list[Coding]:
        codings = [as_coding(self.document.dataset, "this coding")]
        codings += [as_coding(other, f"coder {index + 2}") for index, other in enumerate(others)]
        names = [coding.name for coding in codings]
        if len(set(names)) < len(names):
            codings = [Coding(f"{coding.name} ({index + 1})", coding.positions, coding.speaker_ids, coding.theme_ids)
                       for index, coding in enumerate(codings)]
        return codings

    def _work_out(self) -> None:
        codings = self._codings(self.others)
        kinds = self.document.counted_kinds
        by_passage = any(o.model.coding is not None and o.model.coding.mode is coding_format.CodingMode.BLIND for o in self.others)
        self.comparison = compare(codings, kinds, by_passage=by_passage)
        self.queue = disagreements(codings, kinds)

    def _record(self) -> coding_format.Comparison:
        comparison = self.comparison
        assert comparison is not None
        row = comparison.row(ALL, Level.ORDINAL)
        scale = self.document.dataset.seminar.scale
        low, high = row.interval if row is not None and row.interval is not None else (None, None)
        return coding_format.Comparison(
            coders=list(comparison.coders),
            alpha_ordinal=None if row is None or row.alpha is None else round(row.alpha, 3),
            ci_low=None if low is None else round(low, 3),
            ci_high=None if high is None else round(high, 3),
            units=row.units if row is not None else 0,
            differing=[
                coding_format.ThemeVerdicts(theme=d.theme_id, verdicts=[verdict_label(v, scale) for v in d.verdicts])
                for d in comparison.verdict_differences
            ],
        )

    # -- the window -------------------------------------------------------------------------
    def _show(self) -> None:
        if self.dialog is None:
            self.dialog = ComparisonDialog(self.host)
            self.dialog.queue.currentRowChanged.connect(self._on_chosen)
            self.dialog.keepRequested.connect(self.keep_coder)
            self.dialog.stanceRequested.connect(self.set_stance)
            self.dialog.discussedRequested.connect(self.mark_discussed)
            room = self.host.screen().availableGeometry()  # a small screen gets a window that fits it
            self.dialog.resize(min(self.dialog.width(), room.width() * 9 // 10), min(self.dialog.height(), room.height() * 9 // 10))
        assert self.comparison is not None
        scale = self.document.dataset.seminar.scale
        self.dialog.set_coders(list(self.comparison.coders), [(s, f"{s:+d} {stance_label(s, scale)}") for s in reversed(STANCES)])
        self._fill()
        self.dialog.show()
        self.dialog.raise_()

    def _fill(self) -> None:
        dialog, comparison, dataset = self.dialog, self.comparison, self.document.dataset
        if dialog is None or comparison is None:
            return
        dialog.summary.setText(summary_sentence(comparison))
        scale = dataset.seminar.scale
        differing = {d.theme_id: d for d in comparison.verdict_differences}
        themes = list(dataset.themes)
        dialog.themes.setRowCount(len(themes))
        for row_index, theme in enumerate(themes):
            row = comparison.row(theme.id, Level.ORDINAL)
            difference = differing.get(theme.id)
            verdicts = (
                "; ".join(f"{c}: {verdict_label(v, scale)}" for c, v in zip(comparison.coders, difference.verdicts, strict=True))
                if difference is not None else "the same for every coder"
            )
            cells = [theme.label, alpha_figure(row.alpha if row else None), interval_words(row), str(row.units if row else 0), verdicts]
            for column, text in enumerate(cells):
                dialog.themes.setItem(row_index, column, QTableWidgetItem(text))
        done = set(discussed(dataset))
        current = dialog.queue.currentRow()
        dialog.queue.blockSignals(True)
        dialog.queue.clear()
        for entry in self.queue:
            item = QListWidgetItem(self._queue_line(entry, entry.key in done))
            item.setToolTip(item.text())
            dialog.queue.addItem(item)
        dialog.queue.blockSignals(False)
        differing_cells = sum(1 for entry in self.queue if not entry.one_coder_only)
        single = len(self.queue) - differing_cells
        dialog.queue_title.setText(
            f"Disagreements: {differing_cells} cells where the coders differ, largest difference first; "
            f"then {single} coded by only some of them."
        )
        if self.queue:
            dialog.queue.setCurrentRow(min(max(current, 0), len(self.queue) - 1))
        else:
            self._on_chosen(-1)

    def _queue_line(self, entry: Disagreement, done: bool) -> str:
        dataset = self.document.dataset
        speaker = dataset.speaker(entry.speaker_id).name if dataset.has_speaker(entry.speaker_id) else entry.speaker_id
        theme = dataset.theme(entry.theme_id).label if dataset.has_theme(entry.theme_id) else entry.theme_id
        values = ", ".join("\u2013" if v is None else f"{v:+d}" for v in entry.values)
        aside = "coded by only some coders" if entry.one_coder_only else f"difference {entry.difference}"
        mark = "\u2713 discussed \u00b7 " if done else ""
        return f"{mark}{speaker} on {theme}: {values} ({aside})"

    def _on_chosen(self, index: int) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        entry = self.queue[index] if 0 <= index < len(self.queue) else None
        dialog.set_choices_enabled(entry is not None)
        for column, text in enumerate(dialog.reading_texts):
            text.setPlainText("" if entry is None else self._reading(entry, column))
        if entry is None:
            return
        own = entry.positions[0]
        if own and self.document.dataset.has_speaker(entry.speaker_id):
            self.selection.select_speaker(entry.speaker_id)
            self.selection.navigate(own[0].id, "source")
            self._show_source()
        elif self.document.dataset.has_speaker(entry.speaker_id):
            self.selection.select_speaker(entry.speaker_id)

    def _reading(self, entry: Disagreement, column: int) -> str:
        value = entry.values[column]
        positions = entry.positions[column]
        if value is None:
            return "No counted position in this cell."
        lines = [f"Stance in the cell: {value:+d}", ""]
        for position in positions:
            stance = AWAITING_WORDS if position.stance is None else f"{position.stance:+d}"
            lines.append(f"{position.kind.value}, {stance}: {position.summary}" if position.summary else f"{position.kind.value}, {stance}")
            lines.append(f"\u201c{position.excerpt}\u201d")
            if position.note:
                lines.append(f"Note: {position.note}")
            lines.append("")
        return "\n".join(lines).rstrip()

    def _chosen(self) -> Disagreement | None:
        if self.dialog is None:
            return None
        index = self.dialog.queue.currentRow()
        return self.queue[index] if 0 <= index < len(self.queue) else None

    # -- the choices -------------------------------------------------------------------------
    def keep_coder(self, coder_index: int) -> None:
        entry = self._chosen()
        if entry is None or not 0 <= coder_index < len(entry.values):
            return
        value = entry.values[coder_index]
        if value is None:
            self.status("That coder gave no stance in this cell: choose another, or set one.", 6000)
            return
        self._settle(entry, value, f"Keep {self.comparison.coders[coder_index] if self.comparison else 'a coder'}'s stance")

    def set_stance(self, stance: int) -> None:
        entry = self._chosen()
        if entry is not None:
            self._settle(entry, stance, "Set an adjudicated stance")

    def _settle(self, entry: Disagreement, stance: int, what: str) -> None:
        dataset = self.document.dataset
        speaker = dataset.speaker(entry.speaker_id).name if dataset.has_speaker(entry.speaker_id) else entry.speaker_id
        theme = dataset.theme(entry.theme_id).label if dataset.has_theme(entry.theme_id) else entry.theme_id
        edit = set_cell_stance(dataset, entry, stance, self.document.counted_kinds)
        push_edit(self.document, edit, f"{what} for {speaker} on {theme}", dialogs=self.dialogs, parent=self.host)

    def mark_discussed(self) -> None:
        entry = self._chosen()
        if entry is not None:
            push_edit(self.document, mark_discussed(self.document.dataset, entry), "Mark a disagreement discussed",
                      dialogs=self.dialogs, parent=self.host)

    # -- following the open seminar ---------------------------------------------------------
    def _on_edited(self, *_edit) -> None:
        if self.others and self.dialog is not None and self.dialog.isVisible():
            self._work_out()
            self._fill()

    def _on_reset(self) -> None:
        self.others = []
        self.comparison = None
        self.queue = []
        if self.dialog is not None:
            self.dialog.hide()


def _analysis_menu(window: QMainWindow) -> QMenu:
    """The window's Analysis menu, made just before Help when there is none yet."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == "Analysis":
            return menu
    menu = QMenu("&Analysis", window)
    help_action = next((a for a in bar.actions() if isinstance(a.menu(), QMenu) and a.text().replace("&", "") == "Help"), None)
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    return menu
