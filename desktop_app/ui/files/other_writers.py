"""Noticing other writers of the open seminar: the file's stamp on disk, and marks saying which windows have it open.

A :class:`FileStamp` is what ``os.stat`` says of a file (its device and
inode, size and modification time to the nanosecond).  Saving remembers the
stamp when a file is opened and after each save; a different stamp before
the next save means someone else wrote the file meanwhile (another window,
another instance, another program): an atomic save gives the file a new
inode, an edit in place a new size or time.

An :class:`OpenMark` is a small file in the user's state folder, one per
window that has a seminar file open, named after the file (a hash of its
real path), the process and the window.  A window opening a file finds the
marks of the others; a mark whose process is no longer running was left by
a crash and is removed.  Pure Python, no Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from ...app_folders import state_folder

MARK_SUFFIX = ".open.json"


@dataclass(frozen=True)
class FileStamp:
    """The identity and modification state of a file on disk."""

    device: int
    inode: int
    size: int
    modified_ns: int

    @classmethod
    def of(cls, path: str | os.PathLike[str] | None) -> FileStamp | None:
        """The stamp of the file at ``path`` (following links), or None when there is no such file."""
        if path is None:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def marks_folder() -> Path:
    """Where the open marks are kept: beside the recovery files, in the user's state folder."""
    return state_folder() / "open"


def _key(path: Path) -> str:
    return hashlib.sha256(os.fsencode(os.path.realpath(path))).hexdigest()[:20]


def process_running(pid: int) -> bool:
    """Whether the process ``pid`` (another window's, or a recovery file's writer) is still running."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # running, as another user
    except OSError:
        return False  # not a process number at all
    return True


@dataclass(frozen=True)
class OtherHolder:
    """Another window that has the same file open."""

    pid: int
    same_process: bool


class OpenMark:
    """This window's mark on the seminar file it has open (at most one at a time)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or marks_folder()
        self._token = uuid.uuid4().hex[:12]
        self._held: Path | None = None

    def claim(self, path: str | os.PathLike[str]) -> list[OtherHolder]:
        """Mark ``path`` as open in this window (dropping any earlier mark); the other windows that have it open.

        Stale marks (their process has ended) are removed on the way.  A
        folder that cannot be written means no mark, and no warning: saving
        still checks the file's stamp.
        """
        self.release()
        key = _key(Path(path))
        others = []
        with contextlib.suppress(OSError):
            for mark in sorted(self.folder.glob(f"{key}.*{MARK_SUFFIX}")):
                pid_text, _, token = mark.name[len(key) + 1 : -len(MARK_SUFFIX)].partition(".")
                if token == self._token or not pid_text.isdigit():
                    continue
                pid = int(pid_text)
                if process_running(pid):
                    others.append(OtherHolder(pid, pid == os.getpid()))
                else:
                    with contextlib.suppress(OSError):
                        mark.unlink()
        own = self.folder / f"{key}.{os.getpid()}.{self._token}{MARK_SUFFIX}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            own.write_text(json.dumps({"path": os.path.realpath(path), "pid": os.getpid()}) + "\n", encoding="utf-8")
        except OSError:
            return others
        self._held = own
        return others

    def release(self) -> None:
        """Remove this window's mark, if it has one."""
        if self._held is not None:
            with contextlib.suppress(OSError):
                self._held.unlink()
            self._held = None


def already_open_warning(name: str, others: list[OtherHolder]) -> str:
    """The banner for a file another window (of this or another instance) already has open."""
    where = "another window" if all(other.same_process for other in others) else "another Seminar Lens window"
    return (
        f"{name} is already open in {where}. If both save, the second is asked before it writes over the first one's "
        "changes; to be safe, edit it in one window only."
    )
