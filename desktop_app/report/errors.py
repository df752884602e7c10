"""Why an export did not happen, in words a user can act on."""

from __future__ import annotations

import errno
from pathlib import Path


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


def write_failure(path: Path, error: OSError) -> ExportFailed:
    """An ExportFailed for ``error`` met while writing ``path``."""
    reason = _REASONS.get(error.errno) or error.strerror or str(error)
    kept = " The existing file was left as it was." if path.exists() and path.is_file() else ""
    return ExportFailed(f"cannot write {path}: {reason}.{kept}")
