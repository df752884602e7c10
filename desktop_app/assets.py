"""Where the application's own files are: the default seminar, the schema, icons and templates.

The repository keeps ``data/`` and ``resources/`` at its top; the wheel and
the standalone bundle carry them inside the package as ``desktop_app/data``
and ``desktop_app/resources`` (see pyproject.toml), beside the package's own
modules.  Running from a checkout (editable install or ``python -m``), they
are the folders beside the package.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_SEMINAR = "china-russia-2021.seminar.json"
DEFAULT_SEMINAR_SHA256 = "c0ece61d674f9e9046774dbd2924ef78bfa2f7dd734234df1f7833f74e839d8a"
"""The SHA-256 of the default seminar's bytes as shipped, which the tests check in full
(``tests/test_default_seminar.py``): the window starts on those bytes without checking each field
again.  Changing the file means writing its new digest here (``sha256sum data/*.seminar.json``)."""
SCHEMA_FILE = "schema/seminar-lens-2.schema.json"


def _folder(name: str) -> Path:
    # The package's own folder, as importlib.resources would give it for a package on disk; looked up
    # directly because importing importlib.resources costs the first paint several milliseconds.
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def data_path(*parts: str) -> Path:
    """A file under the data folder (seminars and the JSON Schema)."""
    return _folder("data").joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """A file under the resources folder (icons, desktop entry templates, stylesheet)."""
    return _folder("resources").joinpath(*parts)


def default_seminar_path() -> Path:
    """The seminar the application opens when it has nothing else to open."""
    return data_path(DEFAULT_SEMINAR)
