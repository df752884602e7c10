"""Installing and uninstalling the desktop entry in a private XDG data folder, as a user would."""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.desktop import DesktopIntegrationError, install
from desktop_app.desktop.install import manifest_path
from desktop_app.desktop.launcher import find_launcher
from tests.desktop.entry_format import exec_arguments, read_entry

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def seminar_lens(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def data_home(private_home) -> Path:
    return Path(os.environ["XDG_DATA_HOME"])


@pytest.fixture
def installed(data_home) -> Path:
    result = seminar_lens("--install-desktop-entry")
    assert result.returncode == 0, result.stderr
    return data_home


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


def test_install_reports_what_it_did(data_home):
    """--install-desktop-entry exits 0 and names the menu entry, the launcher and the file type."""
    result = seminar_lens("--install-desktop-entry")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert f"menu entry  {data_home / 'applications' / 'seminar-lens.desktop'}" in result.stdout
    assert f"starts      {find_launcher()}" in result.stdout
    assert "application/x-seminar-lens+json (*.seminar.json)" in result.stdout


def test_installed_entry_validates_and_starts_an_existing_launcher(installed):
    """The installed entry passes desktop-file-validate, and its Exec is an absolute launcher that runs."""
    entry = installed / "applications" / "seminar-lens.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout == "", result.stdout
    launcher, field_code = exec_arguments(read_entry(entry.read_text(encoding="utf-8"))["Exec"])
    assert field_code == "%f"
    assert Path(launcher).is_absolute() and Path(launcher).is_file()
    version = subprocess.run([launcher, "--version"], capture_output=True, text=True, timeout=120)
    assert version.stdout.strip() == f"Seminar Lens {__version__}"


def test_icons_go_into_the_users_hicolor_theme(installed):
    """Every PNG size and the SVG land in the hicolor theme under the icon name the entry uses."""
    theme = installed / "icons" / "hicolor"
    sizes = [16, 24, 32, 48, 64, 128, 256, 512]
    for size in sizes:
        assert (theme / f"{size}x{size}" / "apps" / "seminar-lens.png").read_bytes().startswith(b"\x89PNG")
    assert (theme / "scalable" / "apps" / "seminar-lens.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_mime_package_parses_and_names_the_glob(installed):
    """The shared-mime-info package declares the seminar type, its glob and its JSON parent."""
    root = ElementTree.parse(installed / "mime" / "packages" / "seminar-lens.xml").getroot()
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == "application/x-seminar-lens+json"
    assert [glob.get("pattern") for glob in mime_type.findall(f"{MIME_NS}glob")] == ["*.seminar.json"]
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"


def test_seminar_files_get_the_new_type_and_open_in_the_app(installed):
    """After install, the desktop's MIME database types *.seminar.json as seminars and maps them to the entry."""
    script = (
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "for name in ('talk.seminar.json', 'other.json'):\n"
        "    print(db.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension).name())\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["application/x-seminar-lens+json", "application/json"]
    cache = (installed / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert "application/x-seminar-lens+json=seminar-lens.desktop;" in cache


def test_uninstall_leaves_no_trace(installed):
    """After --uninstall-desktop-entry no file is named after the app and no cache mentions it."""
    result = seminar_lens("--uninstall-desktop-entry")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Removed the Seminar Lens desktop entry: 11 files")
    leftovers = [path for path in installed.rglob("*") if "seminar-lens" in path.name]
    assert leftovers == []
    mentions = [path for path in files_under(installed) if b"seminar-lens" in path.read_bytes()]
    assert mentions == []
    # The folders the install created go too, with the caches the refresh tools wrote in them.
    assert not (installed / "icons").exists()
    assert not (installed / "mime").exists()
    assert not (installed / "applications").exists()


def test_uninstall_spares_unrelated_files(data_home):
    """Other applications' entries, MIME packages and icons in the same folders survive an uninstall."""
    theirs = {
        data_home / "applications" / "editor.desktop": b"[Desktop Entry]\nType=Application\nName=Editor\nExec=editor\n",
        data_home / "mime" / "packages" / "editor.xml": (
            b'<?xml version="1.0"?><mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">'
            b'<mime-type type="text/x-editor"><glob pattern="*.edt"/></mime-type></mime-info>'
        ),
        data_home / "icons" / "hicolor" / "48x48" / "apps" / "editor.png": b"\x89PNG not really",
        data_home / "seminar-lens" / "notes.txt": b"the user's own notes",
    }
    for path, content in theirs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    assert seminar_lens("--install-desktop-entry").returncode == 0
    assert seminar_lens("--uninstall-desktop-entry").returncode == 0
    assert {path: path.read_bytes() for path in theirs} == theirs
    assert "text/x-editor" in (data_home / "mime" / "globs2").read_text(encoding="utf-8")


def test_uninstall_with_nothing_installed_says_so(data_home):
    """Uninstalling when nothing was installed changes nothing and says there was nothing to remove."""
    result = seminar_lens("--uninstall-desktop-entry")
    assert result.returncode == 0
    assert "nothing to remove" in result.stdout
    assert files_under(data_home) == set()


def test_reinstall_replaces_and_drops_files_no_longer_needed(installed):
    """Installing again rewrites the entry and removes a file the earlier installation had and this one lacks."""
    record = manifest_path(installed)
    manifest = json.loads(record.read_text(encoding="utf-8"))
    stale = installed / "icons" / "hicolor" / "96x96" / "apps" / "seminar-lens.png"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"\x89PNG from an older version")
    manifest["files"].append(str(stale))
    record.write_text(json.dumps(manifest), encoding="utf-8")
    assert seminar_lens("--install-desktop-entry").returncode == 0
    assert not stale.exists()
    assert (installed / "applications" / "seminar-lens.desktop").exists()
    assert str(stale) not in record.read_text(encoding="utf-8")


def test_a_record_naming_someone_elses_file_does_not_delete_it(installed):
    """If the install record names a file that is not the app's, uninstall leaves it and warns."""
    precious = installed.parent / "thesis.odt"
    precious.write_bytes(b"years of work")
    record = manifest_path(installed)
    manifest = json.loads(record.read_text(encoding="utf-8"))
    manifest["files"].append(str(precious))
    record.write_text(json.dumps(manifest), encoding="utf-8")
    result = seminar_lens("--uninstall-desktop-entry")
    assert result.returncode == 0
    assert precious.read_bytes() == b"years of work"
    assert f"left {precious} alone" in result.stderr


def test_a_damaged_record_is_one_clear_error(installed):
    """A corrupted install record makes uninstall fail with exit 1 and a message naming the file."""
    manifest_path(installed).write_text("{not json", encoding="utf-8")
    result = seminar_lens("--uninstall-desktop-entry")
    assert result.returncode == 1
    assert result.stderr.startswith(f"seminar-lens: {manifest_path(installed)}: cannot read the record")
    assert "Traceback" not in result.stderr
    assert (installed / "applications" / "seminar-lens.desktop").exists()


def test_relative_xdg_data_home_is_ignored(private_home, monkeypatch):
    """A relative XDG_DATA_HOME is invalid by the spec, so the entry goes to ~/.local/share."""
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    result = seminar_lens("--install-desktop-entry")
    assert result.returncode == 0, result.stderr
    assert (private_home / ".local" / "share" / "applications" / "seminar-lens.desktop").exists()


@pytest.mark.parametrize("command", ["--install-desktop-entry", "--uninstall-desktop-entry"])
def test_elsewhere_than_linux_the_commands_explain_and_fail(monkeypatch, capsys, data_home, command):
    """On Windows or macOS the commands say they are for Linux/XDG desktops and exit 1, writing nothing."""
    from desktop_app.cli import main

    monkeypatch.setattr(sys, "platform", "win32")
    assert main([command]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"seminar-lens: {command} is for Linux and other XDG desktops")
    assert files_under(data_home) == set()


@pytest.mark.parametrize("command", ["--install-desktop-entry", "--uninstall-desktop-entry"])
def test_a_file_argument_is_a_usage_error(command):
    """The desktop-entry commands take no FILE; giving one is wrong usage, exit 2."""
    result = seminar_lens(command, "talk.seminar.json")
    assert result.returncode == 2
    assert "take no FILE" in result.stderr


def test_no_launcher_found_is_a_clear_error(tmp_path):
    """Run from a checkout that pip never installed, the install says to install the app first."""
    with pytest.raises(DesktopIntegrationError, match=r"found no seminar-lens launcher .*pip install"):
        find_launcher([tmp_path])


def test_a_bundle_is_its_own_launcher(monkeypatch):
    """In a standalone bundle the entry starts the bundle's executable."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert find_launcher() == Path(sys.executable).absolute()


def test_install_failure_is_reported_not_raised(data_home):
    """When a folder the entry needs is blocked by a file, install fails with a message naming it."""
    (data_home / "applications").write_text("not a folder")
    with pytest.raises(DesktopIntegrationError, match=f"could not write {data_home / 'applications'}"):
        install.install()
    assert (data_home / "applications").read_text() == "not a folder"
