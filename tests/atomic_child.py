"""Test-only: an atomic write that stops part-way, for ``tests/test_atomic.py`` to kill with SIGKILL.

``python -m tests.atomic_child in-place TARGET NEW`` writes the bytes of the
file NEW to TARGET with :func:`desktop_app.atomic.write_bytes_atomic`, and
watches (through a profiling hook, which sees every call of a built-in) for
a write to TARGET's own inode, the file every hard link to it shares.  After
the first such write it prints ``MID-WRITE`` and waits, reading its stdin, to be killed; a
writer that never writes to that inode finishes and prints ``DONE``.

``python -m tests.atomic_child hold TARGET`` opens an atomic write of
TARGET, puts some bytes in its temporary file, prints ``WRITING`` and waits
to be killed, as a save killed by a crash would.

Nothing in the application knows about this script.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _wait_to_be_killed() -> None:
    """Block until the parent kills this process (or, if it dies first, closes our stdin)."""
    sys.stdin.read()


def _write_in_place(target: Path, new: bytes) -> None:
    from desktop_app.atomic import write_bytes_atomic

    inode = os.stat(target).st_ino
    seen = {"writes": 0}

    def hook(frame, event, arg):
        if event not in ("c_call", "c_return") or getattr(arg, "__name__", "") not in ("write", "writelines"):
            return
        stream = getattr(arg, "__self__", None)
        try:
            same = os.fstat(stream.fileno()).st_ino == inode  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            return
        if not same:
            return
        if event == "c_return":
            seen["writes"] += 1
            sys.setprofile(None)
            print("MID-WRITE", flush=True)
            _wait_to_be_killed()

    sys.setprofile(hook)
    write_bytes_atomic(target, new)
    sys.setprofile(None)
    print("DONE", flush=True)


def _hold(target: Path) -> None:
    from desktop_app.atomic import atomic_writer

    with atomic_writer(target, "wb") as stream:
        stream.write(b'{"half": ')
        stream.flush()
        print("WRITING", flush=True)
        _wait_to_be_killed()
        raise SystemExit("not killed")


def main(argv: list[str]) -> int:
    if argv[0] == "in-place":
        _write_in_place(Path(argv[1]), Path(argv[2]).read_bytes())
    else:
        _hold(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
