"""The application's own folders: one name for them, and files left under earlier names moved in.

Linux and the BSDs name an application's folders the way its command is
named, in lower case without spaces (``~/.config/seminar-lens``,
``~/.local/state/seminar-lens``), as the desktop entry and its data folder
already were.  macOS and Windows show these folders to the user and name
them as the application is called (``~/Library/Application Support/Seminar
Lens``, ``%LOCALAPPDATA%\\Seminar Lens``).  :data:`FOLDER_NAME` is that
name; platformdirs (state, log) and QSettings (settings) say where the
folders are.

Earlier versions spelt it both ways, one folder or the other.
:func:`move_tree` brings what an earlier folder holds to the same place in
the current one.  It never writes over a file already there: that one is
kept, and so is the earlier one, where it was, unless the two are the same
bytes.  What it could not move comes back in words, for the caller to log;
nothing here raises.  No Qt, and platformdirs only once a folder is asked
for, so the window's frame paints without it.
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import os
import shutil
import sys
from pathlib import Path

from . import APP_NAME

FOLDER_NAME = "seminar-lens" if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")) else APP_NAME
"""The name of every folder the application keeps its files in, on this platform."""
EARLIER_NAMES = ("Seminar Lens", "seminar-lens")
"""The names earlier versions gave one folder or another (the settings and recovery files one, the log the other)."""
SETTINGS_NAME = FOLDER_NAME
"""The settings file's name without its suffix, in the settings folder of the same name (QSettings' organisation and application)."""

_NO_HARD_LINKS = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP}


def state_folder(name: str = FOLDER_NAME) -> Path:
    """The user's state folder for the application (recovery files); ``name`` for an earlier one."""
    import platformdirs

    return Path(platformdirs.user_state_dir(name, appauthor=False))


def log_folder(name: str = FOLDER_NAME) -> Path:
    """The user's log folder for the application (the error log); ``name`` for an earlier one."""
    import platformdirs

    return Path(platformdirs.user_log_dir(name, appauthor=False))


def move_file(old: Path, new: Path) -> str | None:
    """Move the file ``old`` to ``new``, never over a file there; None when done (or nothing to do), else why not.

    When ``new`` exists already, ``old`` is removed only if it holds the same
    bytes; otherwise both stay.  A failure leaves ``old`` as it was.
    """
    try:
        if not (old.is_file() or old.is_symlink()):
            return None
        if new.exists() or new.is_symlink():
            if new.is_file() and old.is_file() and not old.is_symlink() and _same_bytes(old, new):
                return _remove(old)
            return f"{old} was left where it is: {new} exists already"
        new.parent.mkdir(parents=True, exist_ok=True)
        _place(old, new)
    except OSError as error:
        return f"could not move {old} to {new}: {error.strerror or error}"
    return _remove(old)


def move_tree(old: Path, new: Path) -> list[str]:
    """Move every file under the folder ``old`` to the same place under ``new`` (see :func:`move_file`).

    The emptied folders of ``old`` are removed, ``old`` too; what could not be
    moved stays, with its folder.  The problems, in words.
    """
    try:
        if not old.is_dir() or (new.exists() and old.samefile(new)):
            return []
    except OSError as error:
        return [f"could not look into {old}: {error.strerror or error}"]
    problems: list[str] = []
    for folder, subfolders, files in os.walk(old, topdown=False, onerror=lambda error: problems.append(_words(error))):
        here = Path(folder)
        relative = here.relative_to(old)
        for name in sorted(files):
            problem = move_file(here / name, new / relative / name)
            if problem is not None:
                problems.append(problem)
        for name in subfolders:
            sub = here / name
            if sub.is_symlink():  # os.walk does not go into it: moved as it is, as a file would be
                problem = move_file(sub, new / relative / name)
                if problem is not None:
                    problems.append(problem)
        with contextlib.suppress(OSError):  # something stayed in it: it stays too
            here.rmdir()
    return problems


def move_earlier_state() -> list[str]:
    """Bring recovery files and the error log from the folders of :data:`EARLIER_NAMES`; the problems, in words."""
    problems: list[str] = []
    try:
        current = [state_folder(), log_folder()]
        for name in EARLIER_NAMES:
            if name != FOLDER_NAME:
                problems += move_tree(state_folder(name), current[0])
                problems += move_tree(log_folder(name), current[1])
    except Exception as error:  # noqa: BLE001 (start-up goes on whatever happens here; the caller logs it)
        problems.append(f"could not move the earlier folders: {error}")
    return problems


def _place(old: Path, new: Path) -> None:
    """Make ``new`` hold what ``old`` holds, failing rather than writing over a file that appeared meanwhile."""
    if not old.is_symlink():
        try:
            os.link(old, new)  # refuses an existing name: never writes over one
            return
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
    if old.is_symlink():
        os.symlink(os.readlink(old), new)
        return
    created = False
    try:
        with old.open("rb") as source, new.open("xb") as target:  # "x": refuses an existing name
            created = True
            shutil.copyfileobj(source, target)
        shutil.copystat(old, new)
    except BaseException:
        if created:
            new.unlink(missing_ok=True)  # a half-made copy; ``old`` is still whole
        raise


def _same_bytes(old: Path, new: Path) -> bool:
    try:
        return old.samefile(new) or filecmp.cmp(old, new, shallow=False)
    except OSError:
        return False


def _remove(old: Path) -> str | None:
    try:
        old.unlink()
    except OSError as error:
        return f"{old} was copied but could not be removed: {error.strerror or error}"
    return None


def _words(error: OSError) -> str:
    return f"could not look into {error.filename}: {error.strerror or error}"
