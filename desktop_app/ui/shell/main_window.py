"""The main window: speaker list, detail panel and the Themes / Agreement / Source / Timeline tabs, linked.

The window owns the document and the selection and hands them to the views,
which follow both themselves; the window only keeps its own title, status
line and tabs up to date.  It talks to the user only through its :class:`Dialogs` object and remembers
its layout and files through :class:`AppSettings`.  Files are opened through
its :class:`FileOpener`, which loads big ones in a worker thread.  The window
wires its parts together: each is handed what it uses (the document, the
dialogs, the status line, the selection, the menus it fills), never the window.

Start-up comes in three steps, each after the previous one is on screen.  A
window made without a seminar paints its frame first (menus, toolbar, status
bar and an "Opening" note), importing neither pydantic nor the views; the
launcher then loads the seminar and hands it over with :meth:`show_seminar`,
which builds the speaker list and the detail panel; the chart comes next,
because importing pyqtgraph costs more than everything else the window needs.
What the Themes tab does not show waits until the chart is on screen (the
other tabs' views, editing and search, see :meth:`ensure_whole`), and is built
at once when asked for sooner.  A window given its seminar before it is shown
builds everything but the chart at once.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME, __version__
from ...presentation.chart_sorts import SORT_MENU_TITLES as SORT_TITLES
from ...presentation.chart_sorts import SORTS as CHART_SORTS
from ...presentation.counts import counted
from ...presentation.focus import Navigation
from ...presentation.tabs import TAB_TITLES, TABS
from ..appearance import mark_caption
from ..dialogs import Dialogs
from ..files.export_actions import ExportActions
from ..files.import_actions import ImportActions
from ..icons import themed_icon
from ..selection import Selection
from .analysis_actions import AnalysisActions
from .banner import Banner
from .settings import AppSettings
from .view_options import ViewOptions

if TYPE_CHECKING:
    # The views and the loader import pydantic and the model: they are imported once the frame has painted.
    from ...model.dataset import Dataset
    from ...model.format.problems import DatasetError
    from ..document import SeminarDocument
    from ..editing.coding_actions import Coding
    from ..editing.edit_actions import EditActions
    from ..files.file_opener import OpenOutcome
    from ..files.saving import Saving
    from ..views.theme_chart import ThemeChart



MINIMUM_SIZE = (800, 600)
"""The smallest window every view stays readable in."""


def window_title(dataset: Dataset) -> str:
    # "[*]" is Qt's modified-marker placeholder; doubling it shows the characters literally.
    title = dataset.seminar.title.replace("[*]", "[*][*]")
    return f"{title}[*] \u2014 {APP_NAME}"  # the placeholder shows "*" while there are unsaved changes


class MainWindow(QMainWindow):
    chartReady = Signal()
    seminarShown = Signal()  # the views are built and show the seminar
    document: SeminarDocument  # from show_seminar on, like the views
    editing: EditActions  # these three from show_seminar on
    saving: Saving
    coding: Coding

    def __init__(
        self,
        dataset: Dataset | None = None,
        *,
        settings: AppSettings | None = None,
        dialogs: Dialogs | None = None,
        build_chart_now: bool = False,
    ):
        """The window on ``dataset``; without one, only its frame until :meth:`show_seminar` is called.

        ``build_chart_now`` builds the chart, and what waits for it, at once rather than after the first paint.
        """
        super().__init__()
        self._all_now = build_chart_now  # a window made whole at once (the screenshot command, the tests)
        self.settings = settings if settings is not None else AppSettings()
        self.dialogs = dialogs if dialogs is not None else Dialogs()
        self.selection = Selection(parent=self)
        self.selection.navigationRequested.connect(self._on_navigation)
        self.chart: ThemeChart | None = None
        self._chart_scheduled = False
        self._shows_seminar = False
        self._painted = False
        self._after_first_paint: list[Callable[[], None]] = []
        self._when_shown: list[Callable[[], None]] = []
        self._when_chart_built: list[Callable[[], None]] = []
        self._whole = False  # the other tabs' views, editing and search are built (see ensure_whole)
        self._when_whole: list[Callable[[], None]] = []
        self.setMinimumSize(MINIMUM_SIZE[0], MINIMUM_SIZE[1])

        self.opening_note = QLabel("Opening the seminar\u2026")
        self.opening_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark_caption(self.opening_note)
        self.banner = Banner()
        central = QWidget()
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(8, 6, 8, 4)
        self.central_layout.setSpacing(6)
        self.central_layout.addWidget(self.banner)
        self.central_layout.addWidget(self.opening_note, 1)
        self.setCentralWidget(central)
        self.setWindowTitle(APP_NAME)

        self.status_counts = QLabel()
        self.statusBar().addPermanentWidget(self.status_counts)
        self._build_actions()
        self._build_menus_and_toolbar()
        self.exports = ExportActions(self, self.dialogs, self.show_status, self.selection, self.settings, self._on_screen_sort)
        self.add_file_actions([self.exports.pdf_action])
        self.add_file_actions([self.exports.csv_menu.menuAction()], toolbar=False)
        self.add_file_actions([self.exports.qdpx_action, self.exports.qdc_action, self.exports.graphml_action], toolbar=False)
        # View ▸ Counted Kinds, the Count button, Help ▸ Reading the Analysis
        self.analysis_actions = AnalysisActions(self, self.settings, self.show_status, self.toolbar)
        self.when_seminar_shown(lambda: self.analysis_actions.attach(self.document))
        self.imports = ImportActions(self, self.dialogs, self.show_status)
        self.file_menu.insertAction(self.open_action, self.imports.action)  # File ▸ New (editing) goes above it
        self._seminar_actions = [
            self.open_action, self.find_action, self.overview_action,
            *self.tab_actions.values(), *self.sort_actions.values(),
            self.exports.pdf_action, self.exports.csv_menu.menuAction(), self.exports.qdpx_action, self.exports.qdc_action, self.exports.graphml_action,
        ]
        self._restore_geometry()
        if dataset is not None:
            self.show_seminar(dataset)
        else:
            for action in self._seminar_actions:
                action.setEnabled(False)
        if build_chart_now:
            self.ensure_chart()

    @property
    def has_seminar(self) -> bool:
        """Whether the views are built (always, unless the window was made without a seminar and is still opening)."""
        return self._shows_seminar

    def show_seminar(self, dataset: Dataset) -> None:
        """Build the views on ``dataset`` in place of the opening note; later calls replace the open seminar."""
        if self.has_seminar:
            self.document.replace_dataset(dataset)
            return
        from ..document import SeminarDocument
        from ..files.file_opener import FileOpener
        from ..views.detail_panel import DetailPanel
        from ..views.speaker_list import SpeakerListView

        self.document = SeminarDocument(dataset, self)
        self.opener = FileOpener(self.document, self)
        self.opener.opened.connect(self._on_file_opened)
        self.opener.failed.connect(self._on_file_failed)
        self.opener.cancelled.connect(self._on_file_cancelled)
        # Follows the document before any view does: a new seminar clears it before any redraw.
        self.selection.follow(self.document)
        self.setAcceptDrops(True)

        self.speaker_list = SpeakerListView(self.document, self.selection)
        self.detail = DetailPanel(self.document, self.selection)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Four titles, whole, even in the narrowest window: no scroll arrows hiding the first tab.
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.addTab(self._placeholder("Preparing the chart\u2026"), TAB_TITLES["themes"])
        for key in TABS[1:]:  # their views follow with the rest of the window (ensure_whole)
            self.tabs.addTab(self._placeholder("Preparing\u2026"), TAB_TITLES[key])
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.speaker_list)
        self.splitter.addWidget(self.detail)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        # Their sum, with the margins and splitter handles, fits the 800-pixel minimum window.
        self.speaker_list.setMinimumWidth(180)
        self.detail.setMinimumWidth(260)
        self.tabs.setMinimumWidth(300)
        self.splitter.setSizes([270, 470, 540])
        self.central_layout.replaceWidget(self.opening_note, self.splitter)
        self.opening_note.hide()  # out of the layout, but a child until deleted: it would show through the gaps
        self.opening_note.deleteLater()

        self.document.reset.connect(self._on_reset)
        self.document.edited.connect(self._show_dataset_facts)
        self.exports.attach(self.document)
        self._shows_seminar = True
        if self._all_now or not self._painted or self.settings.tab != TABS[0]:
            self.ensure_whole()  # given before the window shows, or reopening on a tab of the rest: all now
        else:
            # A shown window on the Themes tab: the rest waits until the chart has painted, a turn after it is built.
            self.when_chart_built(lambda: QTimer.singleShot(0, self, self.ensure_whole))
        self._show_dataset_facts()
        self._show_coding_round()
        self._restore_layout()
        for action in self._seminar_actions:
            action.setEnabled(True)
        self.refresh_recent_menu()
        # Tab runs as the window reads: the toolbar's Count, the search, the speakers, the details, the tabs.
        order = [self.analysis_actions.count_button, self.speaker_list.search, self.speaker_list.list, self.detail.body, self.tabs]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self.speaker_list.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.seminarShown.emit()
        for job in self._when_shown:
            job()
        self._when_shown.clear()

    def _placeholder(self, text: str) -> QLabel:
        """A tab's stand-in while its view is being built."""
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark_caption(label)
        return label

    def _put_in_tab(self, index: int, widget: QWidget) -> None:
        """Put ``widget`` in tab ``index`` in place of its stand-in, which is deleted; the current tab stays current."""
        placeholder = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, TAB_TITLES[TABS[index]])
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    @property
    def is_whole(self) -> bool:
        """Whether every tab's view, editing and search are built (see :meth:`ensure_whole`)."""
        return self._whole

    def ensure_whole(self) -> None:
        """Build what the Themes tab does not show, if not built yet: the other tabs' views, editing and search.

        A window that shows its seminar on the Themes tab builds these once its
        chart has painted, which brings the chart to the screen sooner; whatever
        needs them sooner (another tab chosen, a file opened) calls this first.
        """
        if self._whole or not self.has_seminar:
            return
        self._whole = True
        from ..views.agreement_view import AgreementView
        from ..views.search_bar import SearchNavigator
        from ..views.source_view import SourceView
        from ..views.timeline_view import TimelineView

        self.agreement = AgreementView(self.document, self.selection)
        self.source = SourceView(self.document, self.selection)
        self.timeline = TimelineView(self.document, self.selection)
        for key, view in (("agreement", self.agreement), ("source", self.source), ("timeline", self.timeline)):
            self._put_in_tab(TABS.index(key), view)
        self._install_editing()
        self.search = SearchNavigator(
            self, self.document, self.selection,
            speaker_list=self.speaker_list, detail=self.detail, source=self.source, show_tab=self.show_tab,
        )
        self.imports.attach(self.document, self.saving)
        for job in self._when_whole:
            job()
        self._when_whole.clear()

    def when_whole(self, job: Callable[[], None]) -> None:
        """Run ``job`` once every tab's view, editing and search are built (at once if they are)."""
        if self._whole:
            job()
        else:
            self._when_whole.append(job)

    def _install_editing(self) -> None:
        """Undo/Redo, History, seminar-wide edits; New/Save/Save As and autosave; Code Selection, the coding editor, Speakers and Themes."""
        from ..editing.coding_actions import Coding
        from ..editing.edit_actions import EditActions
        from ..files.saving import Saving

        document, dialogs, status = self.document, self.dialogs, self.show_status
        self.editing = EditActions(self, document, dialogs, status, edit_menu=self.edit_menu, view_menu=self.view_menu)
        self.saving = Saving(
            self, document, dialogs, status,
            file_menu=self.file_menu, recent_menu=self.recent_menu, remember_file=self._remember_file,
            show_banner=self.set_banner, show_lost_excerpts=self.editing.show_lost_excerpts, reopen=self.opener.open,
        )
        self.coding = Coding(
            self, document, dialogs, status,
            editing=self.editing, source=self.source, detail=self.detail, speaker_list=self.speaker_list, tabs=self,
            edit_menu=self.edit_menu, view_menu=self.view_menu, toolbar=self.toolbar, source_tab_action=self.tab_actions["source"],
        )
        # What a first look never needs waits until the chart is on screen: the window shows sooner.
        if self._all_now:
            self._install_extras()
        else:
            self.when_chart_built(lambda: QTimer.singleShot(0, self, self._install_extras))

    def _install_extras(self) -> None:
        """Coding rounds and their comparison, codebooks, playback and the queue awaiting a stance."""
        document, dialogs, status = self.document, self.dialogs, self.show_status
        from ..files.coding_round_action import CodingRoundAction

        self.coding_round = CodingRoundAction(
            self, document, dialogs, status,
            file_menu=self.file_menu, after=self.saving.save_as_action, open_file=self.opener.open,
        )
        from ..editing.compare_codings import CompareCodings

        self.compare_codings = CompareCodings(
            self, document, dialogs, status, selection=self.selection, show_source=lambda: self.show_tab("source")
        )
        from ..files.codebook_actions import CodebookActions

        self.codebook = CodebookActions(self, document, dialogs, status, edit_menu=self.edit_menu)
        from .playback import Playback

        self.playback = Playback(
            self, document, dialogs, status, source=self.source, detail=self.detail, layout=self.central_layout,
            before=self.help_menu_action, details_action=self.editing.details_action,
        )
        from ..editing.awaiting_queue import AwaitingQueue

        self.awaiting = AwaitingQueue(
            self, document, status, coding=self.coding, selection=self.selection, tabs=self, edit_menu=self.edit_menu
        )

    def show_status(self, message: str, milliseconds: int) -> None:
        """The status line the window's parts are given: ``message`` for so many milliseconds."""
        self.statusBar().showMessage(message, milliseconds)

    def after_first_paint(self, job: Callable[[], None]) -> None:
        """Run ``job`` once the window's first frame is on screen (at once if it already is)."""
        if self._painted:
            QTimer.singleShot(0, job)
        else:
            self._after_first_paint.append(job)

    def when_chart_built(self, job: Callable[[], None]) -> None:
        """Run ``job`` once the chart is built (at once if it already is)."""
        if self.chart is not None:
            job()
        else:
            self._when_chart_built.append(job)

    def when_seminar_shown(self, job: Callable[[], None]) -> None:
        """Run ``job`` once the views show a seminar (at once if they already do)."""
        if self.has_seminar:
            job()
        else:
            self._when_shown.append(job)

    # -- actions, menus, toolbar ---------------------------------------------------
    def _action(self, text: str, slot: Callable, shortcut=None, tip: str = "", icon: QIcon | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if icon is not None:
            action.setIcon(icon)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        style = QStyle.StandardPixmap
        self.open_action = self._action(
            "&Open\u2026", self.choose_and_open, QKeySequence.StandardKey.Open, "Open a seminar file",
            themed_icon("document-open", style.SP_DialogOpenButton, self),
        )
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, "Quit Seminar Lens")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.find_action = self._action(
            "&Find\u2026", lambda: self.speaker_list.focus_search(), QKeySequence.StandardKey.Find,
            "Search names, affiliations, positions, themes and the report text",
        )
        self.overview_action = self._action(
            "Seminar &Overview", self.selection.clear, "Alt+Home", "Show the seminar's details",
            themed_icon("go-home", style.SP_FileDialogInfoView, self),
        )
        self.tab_actions: dict[str, QAction] = {}
        for number, key in enumerate(TABS, start=1):
            action = self._action(
                TAB_TITLES[key], lambda _=False, k=key: self.show_tab(k), f"Ctrl+{number}", f"Show the {TAB_TITLES[key]} tab"
            )
            action.setCheckable(True)
            self.tab_actions[key] = action
        self.tab_group = QActionGroup(self)
        for action in self.tab_actions.values():
            self.tab_group.addAction(action)
        self.sort_actions: dict[str, QAction] = {}
        self.sort_group = QActionGroup(self)
        for key in CHART_SORTS:
            action = self._action(SORT_TITLES[key], lambda _=False, k=key: self.set_chart_sort(k), None, f"Sort themes by {SORT_TITLES[key].lower()}")
            action.setCheckable(True)
            self.sort_group.addAction(action)
            self.sort_actions[key] = action
        self.about_action = self._action(f"&About {APP_NAME}", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.format_action = self._action("&File Format", self.show_file_format)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("Open &Recent")
        self.file_menu.addSeparator()
        self.export_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.refresh_recent_menu()

        self.edit_menu = edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.find_action)

        self.view_menu = view_menu = bar.addMenu("&View")
        view_menu.addAction(self.overview_action)
        view_menu.addSeparator()
        for action in self.tab_actions.values():
            view_menu.addAction(action)
        view_menu.addSeparator()
        sort_menu = view_menu.addMenu("&Sort Themes By")
        for action in self.sort_actions.values():
            sort_menu.addAction(action)
        view_menu.addSeparator()
        self.view_options = ViewOptions(self, view_menu, self.settings)

        help_menu = bar.addMenu("&Help")
        self.help_menu_action = help_menu.menuAction()
        help_menu.addAction(self.format_action)
        help_menu.addAction(self.about_action)

        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.open_action)
        self.toolbar.addAction(self.overview_action)

    def add_file_actions(self, actions: list[QAction], toolbar: bool = True) -> None:
        """Place further File actions (such as exports) above Quit, and on the toolbar."""
        for action in actions:
            self.file_menu.insertAction(self.export_separator, action)
            if toolbar:
                self.toolbar.addAction(action)

    def refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for number, path in enumerate(recent, start=1):
            label = f"&{number} {Path(path).name}" if number < 10 else Path(path).name
            action = self.recent_menu.addAction(label.replace("&&", "&"))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear Menu", self._clear_recent)
        self.recent_menu.setEnabled(bool(recent) and self.has_seminar)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self.refresh_recent_menu()

    # -- opening files ------------------------------------------------------------------
    def choose_and_open(self) -> OpenOutcome | None:
        """Ask for a file and open it; None when the user chose none."""
        from ..files.file_opener import OpenOutcome

        if self.opener.busy:
            self._say_busy()  # before asking for a file that could not be opened yet
            return OpenOutcome.BUSY
        current = self.document.dataset.path
        folder = self.settings.last_folder
        if folder and Path(folder).is_dir():
            start = folder
        else:
            start = str(current.parent) if current else os.path.expanduser("~")
        path = self.dialogs.open_seminar_path(self, start)
        if path:
            self.settings.last_folder = str(Path(path).parent)
        return self.open_path(path) if path else None

    def open_path(self, path: str | os.PathLike[str]) -> OpenOutcome:
        """Open a seminar file: a small one at once, a big one in the background (see FileOpener).

        On failure its problems are listed and the seminar already open stays
        open; while another file is loading, the request is turned down.
        """
        from ..files.file_opener import OpenOutcome

        self.ensure_whole()  # the unsaved-changes question, and the views the new seminar is shown in
        if not self.saving.may_discard_changes("opening another seminar"):
            return OpenOutcome.KEPT
        outcome = self.opener.open(path)
        if outcome is OpenOutcome.BUSY:
            self._say_busy()
        return outcome

    def _say_busy(self) -> None:
        self.statusBar().showMessage("Another seminar is still opening: wait for it, or cancel it first.", 5000)

    def _on_file_opened(self, dataset: Dataset, path: str) -> None:
        self._remember_file(str(Path(path).resolve()))
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)
        from ..files.chair_offer import offer_chair_summaries  # the editing modules wait until a file is opened

        if offer_chair_summaries(self.document, self.dialogs, self, Path(path).name):
            self.statusBar().showMessage(f"Opened {Path(path).name}; the chair’s assessments now count as summaries", 8000)

    def _remember_file(self, absolute: str) -> None:
        """A file opened or saved: the one to open next time, first among the recent files."""
        self.settings.last_file = absolute
        self.settings.add_recent_file(absolute)
        self.refresh_recent_menu()

    def _on_file_failed(self, error: DatasetError, path: str) -> None:
        self.dialogs.show_problems(self, error)
        if any(p.message == "no such file" for p in error.problems):
            self.settings.remove_recent_file(str(path))
            self.refresh_recent_menu()

    def _on_file_cancelled(self, path: str) -> None:
        self.statusBar().showMessage(f"Stopped opening {Path(path).name}; the seminar open before stays open.", 5000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_dropped(paths)

    def open_dropped(self, paths: list[str]) -> None:
        """Open the first seminar among dropped files, trying the next when one fails; say what was skipped."""
        from ..files.drop import DroppedFiles

        DroppedFiles(paths, self.opener, self.open_path, self.show_status, self).start()

    # -- reacting to the document and the selection -------------------------------------
    def _on_reset(self) -> None:
        self.banner.hide()
        self._show_dataset_facts()
        self._show_coding_round()

    def _show_coding_round(self) -> None:
        """Say on the banner when the open file is a second coder's round, and in which mode."""
        from ...model.editing.coding_round import round_banner

        coding_note = round_banner(self.document.dataset.model.coding)
        if coding_note is not None:
            self.banner.show_message(coding_note)

    def _show_dataset_facts(self, *_why) -> None:
        dataset = self.document.dataset
        self.setWindowTitle(window_title(dataset))
        model = dataset.model
        self.status_counts.setText(
            f"{counted(len(model.speakers), 'speaker')} \u00b7 {counted(len(model.themes), 'theme')} "
            f"\u00b7 {counted(len(model.positions), 'position')}"
        )
        self.status_counts.setToolTip(str(dataset.path) if dataset.path else "")

    def _on_navigation(self, navigation: Navigation) -> None:
        if navigation.target == "source":
            self.show_tab("source")  # the source view scrolls to the passage itself

    # -- tabs and chart --------------------------------------------------------------------
    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def _on_tab_changed(self, index: int) -> None:
        key = TABS[index]
        self.tab_actions[key].setChecked(True)
        if key == "themes":
            self.ensure_chart()
        else:
            self.ensure_whole()

    def ensure_chart(self) -> ThemeChart:
        """Build the chart now if it is not built yet (importing pyqtgraph), and return it."""
        if self.chart is None:
            from ..views.pyqtgraph_import import import_pyqtgraph

            import_pyqtgraph()  # before the chart's module imports it the usual way, which costs more
            from ..views.theme_chart import ThemeChart

            self.chart = ThemeChart(self.document, self.selection, self.settings.chart_sort)
            self.chart.sortChanged.connect(self._on_sort_changed)
            self._put_in_tab(0, self.chart)
            self.chartReady.emit()
            for job in self._when_chart_built:
                job()
            self._when_chart_built.clear()
        return self.chart

    def _on_screen_sort(self) -> str:
        """The order of the chart's rows the user is looking at (the remembered one until the chart is built)."""
        return self.chart.sort if self.chart is not None else self.settings.chart_sort

    def set_chart_sort(self, sort: str) -> None:
        self.ensure_chart().set_sort(sort)

    def _on_sort_changed(self, sort: str) -> None:
        self.sort_actions[sort].setChecked(True)
        self.settings.chart_sort = sort

    # -- window state -----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)

    def _restore_layout(self) -> None:
        splitter = self.settings.splitter_state
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.show_tab(self.settings.tab)
        self.tab_actions[self.current_tab()].setChecked(True)
        self.sort_actions[self.settings.chart_sort].setChecked(True)

    def save_settings(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        if not self.has_seminar:  # closed while still opening: the layout below was never shown
            self.settings.sync()
            return
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.tab = self.current_tab()
        if self.chart is not None:
            self.settings.chart_sort = self.chart.sort
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._whole and not self.saving.may_close():  # before it is whole, nothing can have been edited
            event.ignore()
            return
        if self.has_seminar:
            self.opener.shut_down()
        self.save_settings()
        super().closeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            for job in self._after_first_paint:
                QTimer.singleShot(0, job)
            self._after_first_paint.clear()
        if self.has_seminar and self.chart is None and not self._chart_scheduled:
            # Once the first frame is painted, not at show(): a timer started then fires before the first
            # paint, and the window would wait for pyqtgraph to be imported before it appears.
            self._chart_scheduled = True
            QTimer.singleShot(0, self.ensure_chart)

    # -- help --------------------------------------------------------------------------------
    def show_about(self) -> None:
        self.dialogs.show_about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\n"
            "Who said what at a panel discussion, theme by theme, and where the panel converged or split.\n\n"
            "Released under the MIT licence.",
        )

    def show_file_format(self) -> None:
        from ...assets import SCHEMA_FILE, data_path

        self.dialogs.show_info(
            self,
            "Seminar file format",
            "Seminar files are UTF-8 JSON (format \u201cseminar-lens/1\u201d), usually named *.seminar.json.\n\n"
            "They hold the event (with its question and the names of the stance scale's poles), its themes, "
            "its speakers, and their positions: each with a stance from \u22122 to +2, a kind (assessment, "
            "prediction or prescription), a summary and a verbatim excerpt of the source text.\n\n"
            f"The full JSON Schema is in:\n{data_path(SCHEMA_FILE)}\n"
            "or print it with:  seminar-lens --schema",
        )

    def set_banner(self, text: str) -> None:
        self.banner.show_message(text)
