"""Which files a write may replace: the one check every writer of the application makes before it writes.

A write must never replace the file it is reading from (under its own name,
through a symbolic link, or as a hard link to it), and never anything that is
not a regular file: a device such as ``/dev/null``, a named pipe or a socket
would be swapped for an ordinary file by an atomic rename.  The check only
looks (``os.stat``); it never opens the target, so a named pipe cannot make
it wait.  Pure Python, below every layer.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


class UnsafeTarget(OSError):
    """The target must not be replaced; ``reason`` says why, in words for the user."""

    def __init__(self, path: Path, reason: str):
        super().__init__(errno.EINVAL, reason, str(path))
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}. It was left as it was."


def check_target(path: str | Path, protected: Iterable[str | Path | None] = ()) -> None:
    """UnsafeTarget when ``path`` is not a regular file, or is the same file as one in ``protected`` (the inputs).

    A target that does not exist yet is fine (a dangling link included: the
    file it names gets made).  A folder is left to the write itself, which
    cannot replace it and says so, as it does anything else the file system
    refuses.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError:
        return
    if stat.S_ISDIR(info.st_mode):
        return
    if not stat.S_ISREG(info.st_mode):
        kind = next((words for test, words in _KINDS if test(info.st_mode)), "not a regular file")
        raise UnsafeTarget(path, f"it is {kind}, not a regular file, and is never written over")
    for source in protected:
        if source is None:
            continue
        try:
            same = os.path.samestat(info, os.stat(source))
        except OSError:
            continue
        if same:
            raise UnsafeTarget(path, _same_file_reason(path, Path(source)))


def _same_file_reason(path: Path, source: Path) -> str:
    if os.path.abspath(path) == os.path.abspath(source):
        return "it is the file being read, which the output would replace"
    if os.path.islink(path) or os.path.islink(source):
        return f"it leads to {source}, the file being read, which the output would replace"
    return f"it is the same file as {source} (a hard link to it), the file being read, which the output would replace"


def other_links(path: str | Path) -> int:
    """How many other hard links a regular file at ``path`` has (0 when none, or when there is no such file)."""
    try:
        info = os.stat(path)
    except OSError:
        return 0
    return info.st_nlink - 1 if stat.S_ISREG(info.st_mode) else 0
