"""Write files atomically: the new content appears whole, or the old file stays as it was.

Pure Python (no Qt), so the model layer, the exporters and the headless
commands share it.  The content goes to a temporary file in the target's own
folder (same file system, so the final rename is atomic), is flushed to disk,
and then replaces the target in one step.  Any failure removes the temporary
file and re-raises, leaving no partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb", **open_args) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on a clean exit it replaces ``path``."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, mode, **open_args) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _keep_permissions(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_writer(path, "wb") as stream:
        stream.write(data)


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8", newline: str | None = "") -> None:
    with atomic_writer(path, "w", encoding=encoding, newline=newline) as stream:
        stream.write(text)


def _keep_permissions(target: Path, temporary: str) -> None:
    # mkstemp creates 0600; a replaced file keeps its mode, a new one gets the usual umask mode.
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(temporary, mode)
