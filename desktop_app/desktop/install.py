"""Install and uninstall the desktop entry, icons and seminar file type for the current user.

Everything goes under the user's XDG data folder ($XDG_DATA_HOME, else
~/.local/share): ``applications/seminar-lens.desktop``,
``mime/packages/seminar-lens.xml`` and ``icons/hicolor/*/apps/seminar-lens.*``.
Each file written and each folder created is recorded, before anything is
written, in a manifest in the app's own data folder
(``seminar-lens/desktop-integration.json``).  Uninstalling removes exactly
what the manifest names: files only under that data folder and only with
Seminar Lens's own names, folders only when they are left empty.  Installing
again replaces the earlier installation and drops files it no longer needs.
The desktop's shared caches are refreshed, not owned: after an uninstall they
simply no longer mention Seminar Lens.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .. import __version__
from ..app_folders import FOLDER_NAME
from ..assets import resource_path
from ..atomic import write_bytes_atomic, write_text_atomic
from . import DESKTOP_FILE_ID, DesktopIntegrationError
from .entry import desktop_entry_text
from .icons import theme_icon_files
from .launcher import find_launcher
from .xdg import data_home, is_xdg_platform, refresh_caches

MANIFEST_FORMAT = "seminar-lens-desktop-integration/1"
APP_DATA_FOLDER = FOLDER_NAME  # "seminar-lens" on every XDG platform, as the application's other folders
MANIFEST_NAME = "desktop-integration.json"
MIME_PACKAGE = f"{DESKTOP_FILE_ID}.xml"
OWN_NAME_PREFIX = "seminar-lens"  # every file we install is named so; nothing else is ever removed


@dataclass(frozen=True)
class Installation:
    """What an install wrote, for the report to the user."""

    data_home: Path
    launcher: Path
    files: tuple[Path, ...]
    warnings: tuple[str, ...]

    @property
    def desktop_file(self) -> Path:
        return desktop_file_path(self.data_home)

    @property
    def mime_package(self) -> Path:
        return self.data_home / "mime" / "packages" / MIME_PACKAGE


@dataclass(frozen=True)
class Removal:
    """What an uninstall removed."""

    files: tuple[Path, ...]
    directories: tuple[Path, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Manifest:
    """The record of one installation: the files written and the folders it created."""

    launcher: str
    files: tuple[Path, ...]
    directories: tuple[Path, ...]

    def to_json(self) -> str:
        record = {
            "format": MANIFEST_FORMAT,
            "installed_by": f"seminar-lens {__version__}",
            "launcher": self.launcher,
            "files": [str(path) for path in self.files],
            "directories": [str(path) for path in self.directories],
        }
        return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def desktop_file_path(home: Path) -> Path:
    return home / "applications" / f"{DESKTOP_FILE_ID}.desktop"


def manifest_path(home: Path) -> Path:
    return home / APP_DATA_FOLDER / MANIFEST_NAME


def require_xdg_platform(command: str) -> None:
    if not is_xdg_platform():
        raise DesktopIntegrationError(
            f"{command} is for Linux and other XDG desktops; on Windows and macOS, "
            "see the README for a Start-menu shortcut or an app bundle"
        )


def planned_files(home: Path, launcher: Path) -> dict[Path, bytes]:
    """Every file an install writes, with its content."""
    try:
        files = {
            desktop_file_path(home): desktop_entry_text(launcher).encode("utf-8"),
            home / "mime" / "packages" / MIME_PACKAGE: resource_path("desktop", MIME_PACKAGE).read_bytes(),
        }
        for relative, source in theme_icon_files().items():
            files[home / "icons" / "hicolor" / relative] = source.read_bytes()
    except OSError as exc:
        raise DesktopIntegrationError(
            f"the application's own file {exc.filename} cannot be read ({exc.strerror}); reinstall Seminar Lens"
        ) from None
    return files


def install(home: Path | None = None, launcher: Path | None = None) -> Installation:
    """Install the entry, icons and file type for this user, replacing an earlier installation."""
    require_xdg_platform("--install-desktop-entry")
    home = home if home is not None else data_home()
    launcher = launcher if launcher is not None else find_launcher()
    files = planned_files(home, launcher)
    previous = read_manifest(home)
    record = manifest_path(home)
    new_folders = _missing_folders([record.parent, *(path.parent for path in files)])
    stale = [path for path in (previous.files if previous else ()) if path not in files]
    manifest = Manifest(
        launcher=str(launcher),
        files=(*files, *stale),  # the earlier files stay on record until they are gone
        directories=_unique([*(previous.directories if previous else ()), *new_folders]),
    )
    try:
        # The record comes first, so that even an install that fails half-way can be uninstalled.
        record.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(record, manifest.to_json())
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(path, content)
        warnings = []
        for path in stale:
            warnings += _remove_own_file(path, home, removed=[])
        if stale:
            write_text_atomic(record, replace(manifest, files=tuple(files)).to_json())
    except OSError as exc:
        raise DesktopIntegrationError(
            f"could not write {exc.filename or record}: {exc.strerror or exc}; "
            "run seminar-lens --uninstall-desktop-entry to remove what was written"
        ) from None
    warnings += refresh_caches(home)
    return Installation(home, launcher, tuple(files), tuple(warnings))


def uninstall(home: Path | None = None) -> Removal | None:
    """Remove what the last install recorded; None when nothing is installed."""
    require_xdg_platform("--uninstall-desktop-entry")
    home = home if home is not None else data_home()
    manifest = read_manifest(home)
    if manifest is None:
        return None
    removed: list[Path] = []
    warnings: list[str] = []
    for path in manifest.files:
        warnings += _remove_own_file(path, home, removed)
    try:
        manifest_path(home).unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise DesktopIntegrationError(f"could not remove {manifest_path(home)}: {exc.strerror}") from None
    # Refresh while the (now empty) folders still exist, so the tools rewrite their caches.
    warnings += refresh_caches(home)
    _remove_caches_of_nothing(home, manifest.directories)
    removed_folders = []
    for folder in sorted(manifest.directories, key=lambda folder: len(folder.parts), reverse=True):
        try:
            folder.rmdir()  # only ever an empty folder; one holding anything else stays
        except OSError:
            continue
        removed_folders.append(folder)
    return Removal(tuple(removed), tuple(removed_folders), tuple(warnings))


def read_manifest(home: Path) -> Manifest | None:
    """The record of the current installation, None when there is none."""
    path = manifest_path(home)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DesktopIntegrationError(f"{path}: cannot read the record of the installed desktop entry: {exc}") from None
    if (
        not isinstance(record, dict)
        or record.get("format") != MANIFEST_FORMAT
        or not _is_list_of_text(record.get("files"))
        or not _is_list_of_text(record.get("directories"))
    ):
        raise DesktopIntegrationError(
            f"{path}: not a record of an installed desktop entry (expected format {MANIFEST_FORMAT}); "
            "move it away and remove the files it names by hand"
        )
    return Manifest(
        launcher=str(record.get("launcher", "")),
        files=tuple(Path(name) for name in record["files"]),
        directories=tuple(Path(name) for name in record["directories"]),
    )


MIME_CACHE_FILES = frozenset(
    {
        "aliases",
        "generic-icons",
        "globs",
        "globs2",
        "icons",
        "magic",
        "mime.cache",
        "subclasses",
        "treemagic",
        "types",
        "version",
        "XMLnamespaces",
    }
)
"""What update-mime-database writes beside ``packages/``, derived from the packages alone."""


def _remove_caches_of_nothing(home: Path, created: tuple[Path, ...]) -> None:
    """Remove the caches the refresh tools wrote in folders the install created, once they describe nothing.

    A MIME folder whose ``packages/`` is empty, or an applications folder holding
    only its ``mimeinfo.cache``, then holds nothing anyone wrote by hand, so the
    folder itself can go with the rest of the installation.
    """
    mime, applications = home / "mime", home / "applications"
    if mime in created and (mime / "packages").is_dir() and not any((mime / "packages").iterdir()):
        for entry in mime.iterdir():
            with contextlib.suppress(OSError):
                if entry.is_file() and entry.name in MIME_CACHE_FILES:
                    entry.unlink()
                elif (
                    entry.is_dir()
                    and entry.name != "packages"
                    and all(item.is_file() and item.suffix == ".xml" for item in entry.iterdir())
                ):
                    shutil.rmtree(entry)  # a media type's generated descriptions, e.g. application/*.xml
    if applications in created and [item.name for item in applications.iterdir()] == ["mimeinfo.cache"]:
        with contextlib.suppress(OSError):
            (applications / "mimeinfo.cache").unlink()


def _remove_own_file(path: Path, home: Path, removed: list[Path]) -> list[str]:
    if not (path.is_absolute() and _is_inside(path, home) and path.name.startswith(OWN_NAME_PREFIX)):
        return [f"left {path} alone: the record names it, but it is not one of Seminar Lens's files"]
    try:
        path.unlink()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise DesktopIntegrationError(f"could not remove {path}: {exc.strerror}") from None
    removed.append(path)
    return []


def _is_inside(path: Path, folder: Path) -> bool:
    return ".." not in path.parts and path.is_relative_to(folder)


def _missing_folders(folders: list[Path]) -> tuple[Path, ...]:
    """The folders that do not exist yet among these and their parents, parents first."""
    missing: list[Path] = []
    for folder in folders:
        chain = []
        while not folder.exists() and folder != folder.parent:
            chain.append(folder)
            folder = folder.parent
        missing += reversed(chain)
    return _unique(missing)


def _unique(paths: Iterable[Path]) -> tuple[Path, ...]:
    return tuple(dict.fromkeys(paths))


def _is_list_of_text(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
