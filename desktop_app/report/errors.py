"""Why an export did not happen, in words a user can act on."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from ..atomic import ReadOnlyTarget, is_read_only, real_target
from ..write_targets import UnsafeTarget, check_target


class ExportFailed(Exception):
    """The export could not be written; the message says why, and nothing was left behind."""


class ExportCancelled(Exception):
    """The user stopped the export; nothing was written."""


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied (the folder or the file is not writable)",
    errno.EPERM: "permission denied (the folder or the file is not writable)",
    errno.EROFS: "the file system is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "a folder of that name is in the way",
    errno.ENAMETOOLONG: "the file name is too long",
}


class ReadOnlyRefused(ExportFailed):
    """The target is a read-only file and the user has not said to replace it."""


def refuse_read_only(path: Path, replace_read_only: bool) -> None:
    """ReadOnlyRefused when ``path`` is a read-only file and replacing it was not asked for."""
    if not replace_read_only and is_read_only(real_target(path)):
        raise ReadOnlyRefused(f"cannot write {path}: the file is read-only. It was left as it was.")


class UnsafeTargetRefused(ExportFailed):
    """The target is the file being exported (under some name) or not a regular file; ``--force`` does not change that."""


def refuse_unsafe(path: Path, protected: Iterable[str | Path | None]) -> None:
    """UnsafeTargetRefused when ``path`` is a device, a pipe, a socket or the same file as one of ``protected``."""
    try:
        check_target(path, protected)
    except UnsafeTarget as error:
        raise UnsafeTargetRefused(str(error)) from None


def write_failure(path: Path, error: OSError) -> ExportFailed:
    """An ExportFailed for ``error`` met while writing ``path``: the reason in words, never Python's text."""
    if isinstance(error, UnsafeTarget):
        return UnsafeTargetRefused(str(error))
    if isinstance(error, ReadOnlyTarget):
        return ReadOnlyRefused(f"cannot write {path}: the file is read-only. It was left as it was.")
    if error.errno == errno.ENAMETOOLONG:
        return ExportFailed(f"cannot write {_shortened(path)}: {_name_too_long(path)}.")
    reason = (_REASONS.get(error.errno) if error.errno is not None else None) or error.strerror or "the file system refused it"
    try:
        kept = " The existing file was left as it was." if path.is_file() else ""
    except OSError:
        kept = ""
    return ExportFailed(f"cannot write {path}: {reason}.{kept}")


def _name_too_long(path: Path) -> str:
    size = len(os.fsencode(path.name))
    try:
        limit = os.pathconf(path.parent if str(path.parent) else ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    if size > limit:
        return f"the file name is too long ({size} bytes; this folder allows at most {limit}). Choose a shorter name"
    return "the path is too long for the file system. Choose a shorter name or a folder nearer the top"


def _shortened(path: Path, keep: int = 60) -> str:
    """``path`` with a very long name elided in the middle, so the message stays readable."""
    name = path.name
    if len(name) <= keep:
        return str(path)
    return str(path.with_name(f"{name[: keep // 2]}\u2026{name[-keep // 2 :]}"))
