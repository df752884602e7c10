"""How a headless command fails: the exit codes and the one exception every command raises.

Exit codes: 0 success, 1 bad data or a failed command (one clear message on
stderr, never a traceback), 2 wrong usage.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandFailed(Exception):
    """A command could not do its job; the message is shown as it is, with exit code 1."""
