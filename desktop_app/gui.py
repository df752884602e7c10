"""Starting the window: which seminar to open, and what to tell the user when it is not the one they expected.

The window's frame is shown and painted before the seminar is read: reading
it imports pydantic and the model, and the views import more, which together
cost more than everything the frame needs.  The seminar is then loaded and
handed to the window (:func:`open_start_seminar`), and the chart follows.

Files an earlier version kept in folders of another name are moved to the
current ones (:mod:`.app_folders`) at start-up: the settings before they are
read (a look at one file when there is nothing to move), the recovery files
and the error log once the frame has painted, before a recovery is offered.
A file that cannot be moved stays where it was, and the error log says so.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import ERROR_PREFIX
from .assets import DEFAULT_SEMINAR_SHA256, default_seminar_path

if TYPE_CHECKING:
    from .model.dataset import Dataset
    from .model.format.problems import DatasetError
    from .ui.shell.main_window import MainWindow
    from .ui.shell.settings import AppSettings


@dataclass
class StartChoice:
    """The seminar to open at start-up, with a note for the user and problems to list, if any."""

    dataset: Dataset
    notice: str = ""
    error: DatasetError | None = None
    deferred: str | None = None
    """A file too large to read before the window shows: open it, with progress, once it is up."""
    unchecked: bool = False
    """The default seminar, whose fields may have been taken as they stand (see
    :func:`.model.format.loader.load_shipped`): check it in full once the chart is up."""


def choose_start_dataset(file: str | None, last_file: str | None, background_from: int | None = None) -> StartChoice:
    """FILE if given and good, else the last file if still good, else the default seminar.

    A file of ``background_from`` bytes or more is not read here: the window
    opens on the default seminar and loads it behind a progress dialog.
    Raises DatasetError only when the default seminar itself cannot be read
    (a broken installation).
    """
    from .model.format.loader import load, load_shipped
    from .model.format.problems import DatasetError

    wanted = file or last_file
    if wanted and background_from is not None and _size(wanted) >= background_from:
        return StartChoice(load(default_seminar_path()), deferred=wanted)
    if file:
        try:
            return StartChoice(load(file))
        except DatasetError as error:
            notice = f"{Path(file).name} could not be opened, so the default seminar is shown instead."
            return StartChoice(load(default_seminar_path()), notice, error)
    if last_file:
        try:
            return StartChoice(load(last_file))
        except DatasetError as error:
            reason = error.problems[0].message if error.problems else "it could not be read"
            notice = f"The last file opened, {last_file}, could not be opened ({reason}); showing the default seminar."
            return StartChoice(load(default_seminar_path()), notice)
    return StartChoice(load_shipped(default_seminar_path(), DEFAULT_SEMINAR_SHA256), unchecked=True)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return -1  # missing or unreadable: the ordinary load says so


def FileOpenForwarder(window):  # noqa: N802 (a factory standing in for a class that needs Qt imported)
    """macOS delivers a double-clicked file as a FileOpen event, not an argument: open it in ``window``."""
    from PySide6.QtCore import QEvent, QObject

    class _Forwarder(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.FileOpen and event.file():
                path = event.file()
                window.when_seminar_shown(lambda: window.open_path(path))  # it may come before the seminar is read
                return True
            return False

    return _Forwarder(window)


def run_gui(file: str | None) -> int:
    """Start the window (the launcher with no command) and run until it closes; the exit code."""
    from .qt_app import has_display

    if not has_display() and not os.environ.get("QT_QPA_PLATFORM"):
        print(f"{ERROR_PREFIX}no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
              "the window needs one. Headless commands such as --export-pdf work without.", file=sys.stderr)
        return 1
    app, _window = open_window(file, on_broken_installation=lambda error: _give_up(app, error))
    return app.exec()


def _give_up(app, error: DatasetError) -> None:
    for line in ["the default seminar shipped with the application cannot be read:", *error.lines()]:
        print(f"{ERROR_PREFIX}{line}", file=sys.stderr)
    app.exit(1)


def open_window(file: str | None, on_broken_installation: Callable[[DatasetError], None] | None = None):
    """Everything :func:`run_gui` does before the event loop: the application and the shown main window.

    Nothing is painted yet, and the window holds no seminar yet: once the
    caller runs the event loop, the window paints its frame, then reads the
    seminar (:func:`open_start_seminar`) and shows it; ``seminarShown`` says
    when.  The start-up benchmark times exactly this path.  Should the default
    seminar itself be unreadable, ``on_broken_installation`` is called with
    the problems (by default they are raised from the event loop).
    """
    from PySide6.QtCore import QTimer

    from .qt_app import application_icon, make_application

    resume_collection = _cycle_collection_paused()
    app = make_application(with_icon=False)
    from .ui.errors import install_exception_hook
    from .ui.shell.main_window import MainWindow
    from .ui.shell.scroll_style import use_plain_grooves
    from .ui.shell.settings import AppSettings, move_earlier_settings

    use_plain_grooves(app)

    not_moved = move_earlier_settings()  # before the settings are read
    settings = AppSettings()
    window = MainWindow(settings=settings)
    install_exception_hook(window, window.dialogs)
    if sys.platform == "darwin":
        # Only macOS sends FileOpen events; elsewhere a filter on the application would only cost
        # a call into Python for every event of every widget.
        app.installEventFilter(FileOpenForwarder(window))
    window.show()
    # The title bar's icon can follow the chart: made at every size and handed to the X server, it took 10 ms or more.
    window.when_chart_built(lambda: QTimer.singleShot(0, lambda: app.setWindowIcon(application_icon())))

    def bring_earlier_files() -> None:
        move_earlier_files(not_moved)

    window.after_first_paint(bring_earlier_files)  # before a recovery file is looked for
    window.after_first_paint(lambda: open_start_seminar(window, file, settings, on_broken_installation, resume_collection))
    return app, window


def move_earlier_files(not_moved: list[str] | None = None) -> list[str]:
    """Move recovery files and the error log from folders of earlier names; log what stayed (with ``not_moved``).

    Never stops the start: whatever could not be moved is only logged.  Returns the lines logged.
    """
    from .app_folders import move_earlier_state

    problems = [*(not_moved or []), *move_earlier_state()]
    if problems:
        import datetime as dt

        from . import APP_NAME, __version__
        from .ui.errors import write_log

        stamp = dt.datetime.now().isoformat(timespec="seconds")
        lines = "".join(f"{problem}\n" for problem in problems)
        write_log(f"--- {stamp} {APP_NAME} {__version__}: files left in a folder of an earlier name\n{lines}\n")
    return problems


def _cycle_collection_paused() -> Callable[[], None]:
    """Pause Python's cycle collector until the returned function is called (once; later calls do nothing).

    Starting imports pydantic, numpy, pyqtgraph and the window's modules, and the collector, set off by
    their allocations, walked the growing heap some 170 times for nothing: 70-85 ms of CPU time before the
    chart was on screen.  Resuming files every object made by then under the oldest generation, as
    :func:`.model.format.loader.cycle_collection_paused` does after a load, so they are not walked again
    at every young collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    resumed = False

    def resume() -> None:
        nonlocal resumed
        if resumed:
            return
        resumed = True
        if not gc.get_freeze_count():  # never thaw what someone else froze
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()

    return resume


def open_start_seminar(
    window: MainWindow,
    file: str | None,
    settings: AppSettings,
    on_broken_installation: Callable[[DatasetError], None] | None = None,
    when_chart_built: Callable[[], None] | None = None,
) -> None:
    """Read the seminar to start on (FILE, the last file or the default) and show it in ``window``, with any note.

    ``when_chart_built`` is called once the chart has been built, or at once if no seminar could be read.
    """
    from PySide6.QtCore import QTimer

    from .model.format.problems import DatasetError
    from .ui.files.file_opener import BACKGROUND_FROM_BYTES

    try:
        choice = choose_start_dataset(file, settings.last_file, BACKGROUND_FROM_BYTES)
    except DatasetError as error:
        if when_chart_built is not None:
            when_chart_built()
        if on_broken_installation is None:
            raise
        on_broken_installation(error)
        return
    try:
        window.show_seminar(choice.dataset)
    except BaseException:
        if when_chart_built is not None:
            when_chart_built()  # the window stays up with the error shown: let the collector run again
        raise

    def after_chart() -> None:
        if when_chart_built is not None:
            when_chart_built()
        if choice.unchecked:
            check_shipped_seminar(on_broken_installation)

    window.when_chart_built(lambda: QTimer.singleShot(0, after_chart))  # a turn later: once it is painted
    # Unsaved work a crash left behind, offered once the window can edit (after the chart, on the Themes tab).
    window.when_whole(lambda: QTimer.singleShot(0, window.saving.offer_recovery))
    if choice.notice:
        window.set_banner(choice.notice)
    if file and choice.error is None and choice.deferred is None:
        settings.last_file = str(Path(file).resolve())
        settings.add_recent_file(str(Path(file).resolve()))
        window.refresh_recent_menu()
    elif not file and choice.notice:
        settings.last_file = None  # said once; next time start quietly on the default
    if choice.deferred is not None:
        deferred = choice.deferred
        QTimer.singleShot(0, lambda: window.open_path(deferred))
    if choice.error is not None:
        problems = choice.error
        QTimer.singleShot(0, lambda: window.dialogs.show_problems(window, problems))


def check_shipped_seminar(on_broken_installation: Callable[[DatasetError], None] | None = None) -> None:
    """Check every field of the default seminar the window started on, which may have been taken as it stood.

    Its bytes were those the tests check, so this finds nothing; but it builds the format's validators, so
    that the first file opened or edit made does not wait for them.  Should a field be wrong all the same,
    ``on_broken_installation`` is called with the problems (by default they are raised).
    """
    from .model.format.loader import load
    from .model.format.problems import DatasetError

    try:
        load(default_seminar_path())
    except DatasetError as error:
        if on_broken_installation is None:
            raise
        on_broken_installation(error)
