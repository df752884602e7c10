"""What the application remembers between runs, read defensively from QSettings.

Every value is checked on the way in: a value of the wrong type, or one a
hand-edited or corrupted settings file left behind, is ignored and the
default used, so bad settings can never stop the application from starting.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from ...app_folders import EARLIER_NAMES, FOLDER_NAME, SETTINGS_NAME, move_file
from ...presentation.chart_sorts import SORTS as CHART_SORTS
from ...presentation.tabs import TABS

if TYPE_CHECKING:
    from ...model.format.schema import Kind

MAX_RECENT = 8


def open_settings() -> QSettings:
    """The application's settings store: an INI file in the user's config folder (``seminar-lens/seminar-lens.ini`` on Linux)."""
    return _ini(FOLDER_NAME, SETTINGS_NAME)


def move_earlier_settings() -> list[str]:
    """Bring the settings file of an earlier folder name to :func:`open_settings`' place, once; the problems, in words.

    Called before the settings are first read.  When there is nothing to move
    it costs a look at one file per earlier name; it never writes over
    settings already at the new place (see :func:`~desktop_app.app_folders.move_file`).
    """
    current = Path(_ini(FOLDER_NAME, SETTINGS_NAME).fileName())
    problems: list[str] = []
    for name in EARLIER_NAMES:
        earlier = Path(_ini(name, name).fileName())
        if earlier != current:
            problem = move_file(earlier, current)
            if problem is not None:
                problems.append(problem)
            with contextlib.suppress(OSError):  # the earlier folder, if that left it empty
                earlier.parent.rmdir()
    return problems


def _ini(organisation: str, application: str) -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, organisation, application)


class AppSettings:
    """Typed access to the settings; each getter returns a valid value or the default."""

    def __init__(self, store: QSettings | None = None):
        self._store = store if store is not None else open_settings()

    # -- helpers ---------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _text(self, key: str) -> str | None:
        value = self._store.value(key)
        return value if isinstance(value, str) and value and "\x00" not in value else None

    def _choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self._text(key)
        return value if value in choices else default

    # -- window ------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._store.setValue("window/splitter", value)

    @property
    def tab(self) -> str:
        return self._choice("window/tab", TABS, TABS[0])

    @tab.setter
    def tab(self, value: str) -> None:
        self._store.setValue("window/tab", value)

    @property
    def chart_sort(self) -> str:
        return self._choice("chart/sort", CHART_SORTS, CHART_SORTS[0])

    @chart_sort.setter
    def chart_sort(self, value: str) -> None:
        self._store.setValue("chart/sort", value)

    # -- analysis ----------------------------------------------------------
    @property
    def counted_kinds(self) -> frozenset[Kind]:
        """The kinds of position the analysis counts; the default when unset or unreadable."""
        # Imported here: the window's frame reads its settings before the model (and pydantic) is loaded.
        from ...model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT, parse_kinds

        value = self._text("analysis/counted_kinds")
        if value is None:
            return COUNTED_KINDS_DEFAULT
        try:
            return parse_kinds(value)
        except ValueError:
            return COUNTED_KINDS_DEFAULT

    @counted_kinds.setter
    def counted_kinds(self, kinds: frozenset[Kind]) -> None:
        from ...model.format.schema import Kind

        # Stored as one comma-separated string: QSettings gives a one-item list back as a plain string.
        self._store.setValue("analysis/counted_kinds", ",".join(kind.value for kind in Kind if kind in kinds))

    @property
    def appearance(self) -> str:
        """"system", "light" or "dark"."""
        return self._choice("view/appearance", ("system", "light", "dark"), "system")

    @appearance.setter
    def appearance(self, value: str) -> None:
        self._store.setValue("view/appearance", value)

    @property
    def zoom_step(self) -> int:
        """Text size in steps from the system's (0: as the system has it)."""
        value = self._text("view/zoom")
        try:
            step = int(value) if value is not None else 0
        except ValueError:
            return 0
        return step if -4 <= step <= 8 else 0

    @zoom_step.setter
    def zoom_step(self, value: int) -> None:
        self._store.setValue("view/zoom", str(value))

    # -- files -------------------------------------------------------------
    @property
    def last_folder(self) -> str | None:
        """The folder a file was last opened from or saved to."""
        return self._text("files/folder")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._store.setValue("files/folder", value)

    @property
    def last_file(self) -> str | None:
        return self._text("files/last")

    @last_file.setter
    def last_file(self, value: str | None) -> None:
        if value:
            self._store.setValue("files/last", value)
        else:
            self._store.remove("files/last")

    @property
    def recent_files(self) -> list[str]:
        value = self._store.value("files/recent")
        if isinstance(value, str):  # QSettings returns a one-item list as a plain string
            value = [value]
        if not isinstance(value, list):
            return []
        return [item for item in value if isinstance(item, str) and item and "\x00" not in item][:MAX_RECENT]

    def add_recent_file(self, path: str) -> list[str]:
        """Put ``path`` first in the recent files (once), keep at most MAX_RECENT, return the list."""
        recent = [path] + [item for item in self.recent_files if item != path]
        recent = recent[:MAX_RECENT]
        self._store.setValue("files/recent", recent)
        return recent

    def remove_recent_file(self, path: str) -> list[str]:
        recent = [item for item in self.recent_files if item != path]
        self._store.setValue("files/recent", recent)
        return recent

    def clear_recent_files(self) -> None:
        self._store.remove("files/recent")

    def sync(self) -> None:
        self._store.sync()
