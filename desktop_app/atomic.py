"""Write files atomically: the new content appears whole, or the old file stays as it was.

Pure Python (no Qt), so the model layer, the exporters and the headless
commands share it.  The content goes to a temporary file in the target's own
folder (same file system, so the final rename is atomic), is flushed to disk,
and then replaces the target in one step.  Any failure removes the temporary
file and re-raises, leaving no partial file behind.

Awkward targets:

- a symbolic link is followed: the file it points to gets the new content
  (the temporary file sits in *that* file's folder) and the link stays;
- a file with other hard links is rewritten in place once the whole new
  content is safely on disk beside it, its room reserved first, so every
  name of it sees the new content (an atomic rename would give this name
  a new file and leave the others on the old one);
- a read-only file is refused (:class:`ReadOnlyTarget`) when the caller
  passes ``replace_read_only=False`` (the exports do; the app's own files
  keep the default and are replaced);
- the temporary name is short (``.~XXXXXXXX.part``), so any name the file
  system accepts can be written;
- a replaced file keeps its permissions, and its owner and group where this
  user may set them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

TEMPORARY_PREFIX = ".~"
TEMPORARY_SUFFIX = ".part"


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


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb", *, replace_read_only: bool = True, **open_args) -> Iterator[IO]:
    """Open a temporary file beside the target of ``path``; on a clean exit it becomes that file."""
    target = real_target(Path(path))
    if not replace_read_only and is_read_only(target):
        raise ReadOnlyTarget(target)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=folder)
    try:
        with os.fdopen(handle, mode, **open_args) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if _linked_elsewhere(target) and _rewrite_in_place(target, temporary):
            os.unlink(temporary)
            return
        _keep_owner_and_permissions(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_bytes_atomic(path: Path, data: bytes, *, replace_read_only: bool = True) -> None:
    with atomic_writer(path, "wb", replace_read_only=replace_read_only) as stream:
        stream.write(data)


def write_text_atomic(
    path: Path, text: str, encoding: str = "utf-8", newline: str | None = "", *, replace_read_only: bool = True
) -> None:
    with atomic_writer(path, "w", encoding=encoding, newline=newline, replace_read_only=replace_read_only) as stream:
        stream.write(text)


def _linked_elsewhere(target: Path) -> bool:
    try:
        info = os.stat(target)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_nlink > 1


def _rewrite_in_place(target: Path, temporary: str) -> bool:
    """Copy the finished temporary file over a hard-linked ``target``; False if it cannot be opened for writing.

    The room for the new content is reserved before a byte of the old is
    touched, so a full disk shows up while the old content is still whole.
    """
    size = os.stat(temporary).st_size
    try:
        out = os.open(target, os.O_WRONLY)
    except PermissionError:
        return False  # a read-only file the user chose to replace: replace it (its other names keep the old one)
    try:
        with contextlib.suppress(AttributeError):  # posix_fallocate is missing on some systems
            if size:
                os.posix_fallocate(out, 0, size)
        with open(temporary, "rb") as source, os.fdopen(out, "wb", closefd=False) as sink:
            shutil.copyfileobj(source, sink)
            sink.flush()
        os.ftruncate(out, size)
        os.fsync(out)
    finally:
        os.close(out)
    return True


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
