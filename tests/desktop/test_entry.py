"""The .desktop text: Exec and TryExec name the launcher exactly, however odd its path."""

import subprocess
from pathlib import Path

import pytest

from desktop_app.desktop import DesktopIntegrationError
from desktop_app.desktop.entry import desktop_entry_text, quote_exec_argument
from tests.desktop.entry_format import exec_arguments, read_entry, unescape_string

ODD_FOLDERS = ["plain", "with space", 'quote"and$dollar', "back\\slash", "50% off", "it's (mine) #1", "café ☕"]


def fake_launcher(folder: Path) -> Path:
    folder.mkdir(parents=True)
    launcher = folder / "seminar-lens"
    launcher.write_text('#!/bin/sh\necho started "$@"\n')
    launcher.chmod(0o755)
    return launcher


def validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, timeout=60)


def test_plain_path_is_written_as_it_is():
    """A launcher path with no special characters goes into Exec unquoted."""
    assert quote_exec_argument("/opt/venv/bin/seminar-lens") == "/opt/venv/bin/seminar-lens"


def test_path_with_a_space_is_quoted():
    """A path with a space is wrapped in double quotes, as the specification asks."""
    assert quote_exec_argument("/home/ann/my apps/seminar-lens") == '"/home/ann/my apps/seminar-lens"'


def test_percent_and_backslash_are_escaped():
    """A percent sign is doubled and a backslash inside quotes ends up as four backslashes."""
    assert quote_exec_argument("/a\\b%c") == '"/a\\\\\\\\b%%c"'


@pytest.mark.parametrize("folder", ODD_FOLDERS)
def test_entry_for_odd_paths_validates_and_reads_back(tmp_path, folder):
    """Whatever the folder is called, the entry validates and its Exec names that launcher and %f."""
    launcher = fake_launcher(tmp_path / folder / "bin")
    entry = tmp_path / "seminar-lens.desktop"
    entry.write_text(desktop_entry_text(launcher), encoding="utf-8")
    result = validate(entry)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    keys = read_entry(entry.read_text(encoding="utf-8"))
    assert exec_arguments(keys["Exec"]) == [str(launcher), "%f"]
    assert unescape_string(keys["TryExec"]) == str(launcher)


def test_exec_line_runs_the_launcher_with_the_opened_file(tmp_path):
    """Expanding %f the way a desktop does runs the launcher on the file that was double-clicked."""
    launcher = fake_launcher(tmp_path / "my apps" / "bin")
    keys = read_entry(desktop_entry_text(launcher))
    opened = tmp_path / "talk.seminar.json"
    argv = [str(opened) if argument == "%f" else argument for argument in exec_arguments(keys["Exec"])]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == f"started {opened}"


def test_entry_declares_the_seminar_file_type_and_icon(tmp_path):
    """The entry opens seminar files, shows the app icon and is not a terminal program."""
    keys = read_entry(desktop_entry_text(fake_launcher(tmp_path / "bin")))
    assert keys["MimeType"] == "application/x-seminar-lens+json;"
    assert keys["Icon"] == "seminar-lens"
    assert keys["Terminal"] == "false"
    assert keys["Name"] == "Seminar Lens"


@pytest.mark.parametrize("launcher", ["relative/seminar-lens", "/tmp/new\nline/seminar-lens"])
def test_unusable_launcher_paths_are_refused(launcher):
    """A relative path or one with a control character cannot go into an entry, and the error says so."""
    with pytest.raises(DesktopIntegrationError, match="launcher path"):
        desktop_entry_text(Path(launcher))


# GLib looks for the program before expanding field codes, so it cannot find one whose path holds a
# percent sign (written %% as the specification asks); the other odd folders go through GLib too.
@pytest.mark.parametrize("folder", [name for name in ODD_FOLDERS if "%" not in name])
def test_glib_launches_the_entry_on_the_opened_file(tmp_path, folder):
    """GLib's launcher (as GNOME and others use it) starts the entry's program on the double-clicked file."""
    launcher = fake_launcher(tmp_path / folder / "bin")
    entry = tmp_path / "seminar-lens.desktop"
    entry.write_text(desktop_entry_text(launcher), encoding="utf-8")
    opened = tmp_path / "talk.seminar.json"
    result = subprocess.run(["gio", "launch", str(entry), str(opened)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"started {opened}"
