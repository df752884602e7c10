"""The text of the .desktop file, from its template in resources/desktop/.

Exec and TryExec name the launcher by its absolute path, quoted and escaped
as the Desktop Entry Specification requires, so paths with spaces, quotes,
dollars or percent signs still start the right program.
"""

from __future__ import annotations

from pathlib import Path

from ..assets import resource_path
from . import DESKTOP_FILE_ID, DesktopIntegrationError

TEMPLATE = f"{DESKTOP_FILE_ID}.desktop.in"

# Characters that force an Exec argument into double quotes, and those that
# must then be escaped with a backslash inside the quotes (Desktop Entry Spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set('"`$\\')


def desktop_entry_text(launcher: Path) -> str:
    """The .desktop file that starts ``launcher`` on the file the user opened."""
    path = _checked_path_text(launcher)
    text = resource_path("desktop", TEMPLATE).read_text(encoding="utf-8")
    return text.replace("@TRY_EXEC@", escape_string(path)).replace("@EXEC@", quote_exec_argument(path))


def quote_exec_argument(argument: str) -> str:
    """One argument of an Exec value: quoted when needed, ``%`` doubled, then string-escaped."""
    if any(character in _RESERVED for character in argument) or not argument:
        inner = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in argument)
        argument = f'"{inner}"'
    return escape_string(argument.replace("%", "%%"))


def escape_string(value: str) -> str:
    """A value of type string: backslashes doubled (applied after the Exec quoting rule)."""
    return value.replace("\\", "\\\\")


def _checked_path_text(launcher: Path) -> str:
    text = str(launcher)
    if not Path(text).is_absolute():
        raise DesktopIntegrationError(f"the launcher path must be absolute, not {text!r}")
    if any(ord(character) < 0x20 or character == "\x7f" for character in text):
        raise DesktopIntegrationError(f"the launcher path {text!r} contains a control character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise DesktopIntegrationError(
            f"the launcher path {text!r} is not valid UTF-8, which a desktop entry requires"
        ) from None
    return text
