"""Write files atomically: the new content appears whole, or the old file stays as it was.

Pure Python (no Qt), so the model layer, the exporters and the headless
commands share it.  The content goes to a temporary file in the target's own
folder (same file system, so the final rename is atomic), is flushed to disk,
and then replaces the target in one step.  Any failure removes the temporary
file and re-raises, leaving no partial file behind.

Awkward targets:

- what :func:`~desktop_app.write_targets.check_target` refuses is never
  touched: a device, a named pipe, a socket, or a file the caller names as
  its input (under any name), raising :class:`UnsafeTarget`;
- a symbolic link is followed: the file it points to gets the new content
  (the temporary file sits in *that* file's folder) and the link stays;
- a file with other hard links is replaced like any other: this name gets
  the new content, whole, and the other names keep the old content, whole.
  Copying the new content over the shared one in place would keep the link,
  but a kill during the copy would leave every name half-written;
- a read-only file is refused (:class:`ReadOnlyTarget`) when the caller
  passes ``replace_read_only=False`` (the exports do; the app's own files
  keep the default and are replaced);
- the temporary name is short (``.~HHHHHHHH.XXXXXXXX.part``: a tag of the
  target's name, then random letters), so any name the file system accepts
  can be written.  The writer holds a lock on it while it writes; after a
  successful write, the temporary files of the same target that nobody holds
  (left by a killed write) are removed, and nothing else;
- a replaced file keeps its permissions, and its owner and group where this
  user may set them.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .write_targets import UnsafeTarget, check_target

try:
    import fcntl
except ImportError:  # POSIX only: on Windows, stale temporary files cannot be told from live ones and are left alone
    fcntl = None  # type: ignore[assignment]

__all__ = ["ReadOnlyTarget", "UnsafeTarget", "atomic_writer", "is_read_only", "real_target"]

TEMPORARY_PREFIX = ".~"
TEMPORARY_SUFFIX = ".part"
_RANDOM_PART = r"[a-z0-9_]{8}"  # what tempfile.mkstemp puts between the prefix and the suffix


class ReadOnlyTarget(PermissionError):
    """The file to replace is read-only and the caller did not say to replace it anyway."""

    def __init__(self, path: Path):
        super().__init__(errno.EACCES, "the file is read-only", str(path))


def real_target(path: Path) -> Path:
    """The file a write to ``path`` should change: ``path`` itself, or what its symbolic links lead to."""
    path = Path(path)
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def is_read_only(path: Path) -> bool:
    """Whether ``path`` is an existing file that nobody is meant to write (no write bit, or no write access).

    The write bits count too: root may write anything, but a file marked
    read-only was marked so on purpose.
    """
    try:
        info = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    return not info.st_mode & 0o222 or not os.access(path, os.W_OK)


def temporary_prefix(target: Path) -> str:
    """The start of the temporary names for ``target``: the prefix, then a short tag of the target's name."""
    tag = hashlib.sha256(os.fsencode(Path(target).name)).hexdigest()[:8]
    return f"{TEMPORARY_PREFIX}{tag}."


@contextlib.contextmanager
def atomic_writer(
    path: Path,
    mode: str = "wb",
    *,
    replace_read_only: bool = True,
    protected: Iterable[str | Path | None] = (),
    **open_args,
) -> Iterator[IO]:
    """Open a temporary file beside the target of ``path``; on a clean exit it becomes that file.

    UnsafeTarget, before anything is written, when the target is not a
    regular file or is the same file as one of ``protected``.
    """
    protected = tuple(protected)  # checked twice
    check_target(path, protected)
    target = real_target(Path(path))
    if not replace_read_only and is_read_only(target):
        raise ReadOnlyTarget(target)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=temporary_prefix(target), suffix=TEMPORARY_SUFFIX, dir=folder)
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)  # held until the file is closed, or this process dies
        with os.fdopen(handle, mode, **open_args) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
            if fcntl is not None:  # renamed while open, so the lock lasts until the file has its name
                _finish(path, protected, target, temporary)
        if fcntl is None:  # no locks here, and Windows renames no file that is still open
            _finish(path, protected, target, temporary)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    remove_stale_temporaries(target)


def _finish(path: Path, protected: tuple[str | Path | None, ...], target: Path, temporary: str) -> None:
    """Give the finished temporary file the target's owner and permissions, check the target again, and rename."""
    _keep_owner_and_permissions(target, temporary)
    check_target(path, protected)  # a device or a link to the input put there while the content was made
    os.replace(temporary, target)


def write_bytes_atomic(
    path: Path, data: bytes, *, replace_read_only: bool = True, protected: Iterable[str | Path | None] = ()
) -> None:
    with atomic_writer(path, "wb", replace_read_only=replace_read_only, protected=protected) as stream:
        stream.write(data)


def write_text_atomic(
    path: Path,
    text: str,
    encoding: str = "utf-8",
    newline: str | None = "",
    *,
    replace_read_only: bool = True,
    protected: Iterable[str | Path | None] = (),
) -> None:
    with atomic_writer(
        path, "w", encoding=encoding, newline=newline, replace_read_only=replace_read_only, protected=protected
    ) as stream:
        stream.write(text)


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files a killed write of ``target`` left beside it; the paths removed.

    Only names of exactly this module's pattern with ``target``'s own tag
    count, and only those no live writer holds locked; anything else in the
    folder is left alone.  Never raises: a folder that cannot be tidied is
    tidied next time.
    """
    if fcntl is None:
        return []
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(re.escape(temporary_prefix(target)) + _RANDOM_PART + re.escape(TEMPORARY_SUFFIX))
    removed = []
    try:
        names = [entry.name for entry in os.scandir(folder) if pattern.fullmatch(entry.name)]
    except OSError:
        return []
    for name in names:
        candidate = folder / name
        if _abandoned(candidate):
            with contextlib.suppress(OSError):
                os.unlink(candidate)
                removed.append(candidate)
    return removed


FRESH_SECONDS = 60.0
"""A temporary file changed this recently is left alone even when unlocked: a writer makes its file, then locks it."""


def _abandoned(candidate: Path) -> bool:
    """Whether ``candidate`` is a regular file that no writer holds (its lock is free) and none has just made."""
    assert fcntl is not None
    try:
        handle = os.open(candidate, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or time.time() - status.st_mtime < FRESH_SECONDS:
            return False
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a write in progress, in this process or another
        return True
    finally:
        os.close(handle)


def _keep_owner_and_permissions(target: Path, temporary: str) -> None:
    # mkstemp creates 0600; a replaced file keeps its mode (and owner, where allowed), a new one gets the umask's mode.
    try:
        info = os.stat(target)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        with contextlib.suppress(OSError):
            os.chmod(temporary, 0o666 & ~umask)
        return
    try:
        os.chown(temporary, info.st_uid, info.st_gid)
    except OSError:  # EPERM: only root may hand a file to another user; the owner may still set the group
        with contextlib.suppress(OSError):
            os.chown(temporary, -1, info.st_gid)
    with contextlib.suppress(OSError):
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
