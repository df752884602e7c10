"""View ▸ Counted Kinds (also a "Count" toolbar drop-down) and Help ▸ Reading the Analysis: the window's analysis choices.

The kinds are checkable actions, one per kind of position, with presets
("Forecasts Only", "Include History", ...).  A choice goes to the document
(:meth:`~desktop_app.ui.document.SeminarDocument.set_counted_kinds`), whose
``countedKindsChanged`` every view follows, and to the settings, so the next
run counts the same kinds.  At least one kind stays counted.  Installed on a
window by one call, ``AnalysisActions(window, settings, status, toolbar)``,
which finds the View and Help menus by their titles.  The kinds are filled in
once a seminar is shown (:meth:`AnalysisActions.attach`): the window's frame
paints before the model (and pydantic) is imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

if TYPE_CHECKING:
    from ...model.format.schema import Kind
    from ..dialogs import StatusLine
    from ..document import SeminarDocument
    from .reading_dialog import ReadingDialog  # imported when first shown
    from .settings import AppSettings


def presets() -> tuple[tuple[str, frozenset[Kind]], ...]:
    """Named choices of counted kinds, as the menu offers them."""
    from ...model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
    from ...model.format.schema import Kind

    return (
        ("&Default (Assessments, Predictions, Prescriptions)", COUNTED_KINDS_DEFAULT),
        ("&Forecasts Only", frozenset({Kind.PREDICTION})),
        ("Present &Assessments Only", frozenset({Kind.ASSESSMENT})),
        ("Include &History", COUNTED_KINDS_DEFAULT | {Kind.HISTORY}),
        ("&Everything", frozenset(Kind)),
    )


def _menu_titled(window: QMainWindow, title: str) -> QMenu:
    """The menu bar's menu with this title (``&View``), made at the end of the bar if there is none."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == title.replace("&", ""):
            return menu
    return window.menuBar().addMenu(title)


class AnalysisActions(QObject):
    """The counted-kinds actions and the Reading the Analysis page, on ``window``; the choice is kept in ``settings``."""

    def __init__(self, window: QMainWindow, settings: AppSettings, status: StatusLine, toolbar: QToolBar):
        super().__init__(window)
        self.host = window
        self.settings = settings
        self.status = status
        self.document: SeminarDocument | None = None  # from attach() on
        self.menu = QMenu("Counted &Kinds", window)
        self.menu.setToolTipsVisible(True)
        self.menu.setEnabled(False)  # filled in and enabled once a seminar is shown
        self.kind_actions: dict[Kind, QAction] = {}
        self.preset_actions: dict[str, QAction] = {}
        self.chair_action: QAction | None = None
        """Leave Out the Chair: none of the chair's positions counted, whatever their kind."""

        view_menu = _menu_titled(window, "&View")
        view_menu.addSeparator()
        view_menu.addMenu(self.menu)

        self.count_button = QToolButton(window)
        self.count_button.setText("Count")
        self.count_button.setMenu(self.menu)
        self.count_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.count_button.setAccessibleName("Counted kinds")
        self.count_button.setEnabled(False)
        toolbar.addWidget(self.count_button)

        self.reading_action = QAction("&Reading the Analysis", window)
        self.reading_action.setStatusTip("What every measure, verdict rule and mark means, with the formulas")
        self.reading_action.triggered.connect(self.show_reading)
        help_menu = _menu_titled(window, "&Help")
        first = help_menu.actions()[0] if help_menu.actions() else None
        if first is None:
            help_menu.addAction(self.reading_action)
        else:
            help_menu.insertAction(first, self.reading_action)
            help_menu.insertSeparator(first)
        self.reading_dialog: ReadingDialog | None = None

    def _fill_menu(self) -> None:
        from ...model.format.schema import Kind
        from ...presentation.reading import KIND_MEANINGS
        from ...presentation.wording import kind_label

        for kind in Kind:
            action = self.menu.addAction(kind_label(kind))
            action.setCheckable(True)
            action.setToolTip(f"Count {KIND_MEANINGS[kind]}")
            action.setStatusTip(f"Count {KIND_MEANINGS[kind]} in every figure")
            action.triggered.connect(self._on_kind_toggled)
            self.kind_actions[kind] = action
        self.menu.addSeparator()
        self.chair_action = self.menu.addAction("Leave Out the &Chair")
        self.chair_action.setCheckable(True)
        self.chair_action.setToolTip("Count none of the chair\u2019s positions, whatever their kind")
        self.chair_action.setStatusTip("Leave the chair\u2019s positions out of every figure, to see which verdicts rest on them")
        self.chair_action.toggled.connect(self.set_without_chair)
        self.menu.addSeparator()
        for title, kinds in presets():
            action = self.menu.addAction(title)
            action.triggered.connect(lambda _checked=False, chosen=kinds: self.set_counted_kinds(chosen))
            self.preset_actions[title.replace("&", "")] = action
        self.menu.setEnabled(True)
        self.count_button.setEnabled(True)

    # -- state -------------------------------------------------------------------
    @property
    def counted_kinds(self) -> frozenset[Kind]:
        """The kinds counted now: the document's once a seminar is shown, else the remembered ones."""
        if self.document is not None:
            return self.document.counted_kinds
        return self.settings.counted_kinds

    def attach(self, document: SeminarDocument) -> None:
        """Fill in the kinds and follow ``document``, the seminar the window now shows, counting the remembered kinds."""
        self.document = document
        self._fill_menu()
        document.countedKindsChanged.connect(self._follow_document)
        document.set_counted_kinds(self.settings.counted_kinds)
        self._follow_document()

    def _follow_document(self) -> None:
        self._show_kinds(self.counted_kinds)

    def _show_kinds(self, kinds: frozenset[Kind]) -> None:
        from ...presentation.reading import counting_sentence

        for kind, action in self.kind_actions.items():
            action.setChecked(kind in kinds)
        if self.chair_action is not None and self.document is not None:
            self.chair_action.blockSignals(True)
            self.chair_action.setChecked(self.document.without_chair)
            self.chair_action.blockSignals(False)
        sentence = counting_sentence(kinds)
        self.count_button.setToolTip(f"Which kinds of position the figures count. {sentence}")
        if self.reading_dialog is not None:
            self.reading_dialog.set_html(self._reading_html())

    # -- choices -----------------------------------------------------------------
    def set_counted_kinds(self, kinds: Iterable[Kind]) -> None:
        """Count ``kinds`` from now on, in every view and export, and remember them; at least one kind."""
        from ...presentation.reading import counting_sentence

        kinds = frozenset(kinds)
        if not kinds:
            self._show_kinds(self.counted_kinds)
            self.status("At least one kind of position must be counted.", 6000)
            return
        self.settings.counted_kinds = kinds
        if self.document is not None:
            self.document.set_counted_kinds(kinds)
        self._show_kinds(kinds)
        self.status(counting_sentence(kinds), 6000)

    def set_without_chair(self, without: bool) -> None:
        """Leave the chair's positions out of every view and export, or count them again (not remembered: each session starts counting them)."""
        if self.document is None:
            return
        self.document.set_without_chair(without)
        chair = self.document.dataset.chair
        if chair is None:
            self.status("This seminar names no chair: every position is counted as before.", 6000)
        else:
            self.status(f"{chair.display_name}\u2019s positions are {'left out of' if without else 'counted in'} every figure.", 6000)

    def _on_kind_toggled(self) -> None:
        self.set_counted_kinds(kind for kind, action in self.kind_actions.items() if action.isChecked())

    # -- help --------------------------------------------------------------------
    def _reading_html(self) -> str:
        from ...presentation.reading import reading_html

        scale = self.document.dataset.seminar.scale if self.document is not None else None
        return reading_html(scale, self.counted_kinds)

    def show_reading(self) -> ReadingDialog:
        """Show the Reading the Analysis page beside the window (not modal), raised if already open."""
        if self.reading_dialog is None:
            from .reading_dialog import ReadingDialog

            self.reading_dialog = ReadingDialog(self.host)
        self.reading_dialog.set_html(self._reading_html())
        self.reading_dialog.show()
        self.reading_dialog.raise_()
        return self.reading_dialog
