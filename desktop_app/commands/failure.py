"""How a headless command fails: the exit codes and the one exception every command raises.

Exit codes: 0 success, 1 bad data or a failed command (one clear message on
stderr, never a traceback), 2 wrong usage.
"""

from __future__ import annotations

import sys
from typing import TextIO

from .. import ERROR_PREFIX

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandFailed(Exception):
    """A command could not do its job; the message is shown as it is, with exit code 1."""




def print_error(message: str, stream: TextIO | None = None) -> None:
    """Print ``message`` on stderr (or ``stream``), each of its lines after :data:`ERROR_PREFIX`."""
    out = sys.stderr if stream is None else stream
    for line in message.splitlines() or [""]:
        print(f"{ERROR_PREFIX}{line}", file=out)


def print_warning(message: str, stream: TextIO | None = None) -> None:
    """Print ``message`` on stderr (or ``stream``) as a warning: the error lines' prefix, then ``warning:``."""
    print_error(f"warning: {message}", stream)
