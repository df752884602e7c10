"""No write replaces its own input or something that is not a regular file: exports, imports, saves and screenshots."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from desktop_app.cli import main
from desktop_app.model.format.loader import load
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings import AppSettings
from desktop_app.write_targets import UnsafeTarget, check_target
from tests.factories import debate, to_bytes
from tests.fakes import FakeDialogs

SEMINAR = to_bytes(debate())


@pytest.fixture
def seminar(tmp_path):
    path = tmp_path / "victim.seminar.json"
    path.write_bytes(SEMINAR)
    return path


def _same_file(seminar, how: str):
    """The seminar itself, a symbolic link to it, or a hard link to it."""
    if how == "itself":
        return seminar
    other = seminar.with_name(f"{how}.out")
    if how == "symlink":
        other.symlink_to(seminar)
    else:
        os.link(seminar, other)
    return other


@pytest.mark.parametrize("how", ["itself", "symlink", "hardlink"])
@pytest.mark.parametrize("option", ["--export-pdf", "--export-csv"])
def test_an_export_onto_its_own_seminar_is_refused(seminar, how, option, capsys):
    """Exporting a seminar onto itself (by name, symlink or hard link) fails with a message and leaves the seminar as it was."""
    target = _same_file(seminar, how)
    assert main([option, str(target), str(seminar), "--force"]) == 1
    message = capsys.readouterr().err
    assert str(target) in message and "the file being read" in message and "Traceback" not in message
    assert seminar.read_bytes() == SEMINAR
    assert target.read_bytes() == SEMINAR
    assert sorted(path.name for path in seminar.parent.iterdir() if path.name.startswith(".~")) == []


@pytest.mark.parametrize("kind", ["positions", "matrix", "themes", "pairs"])
def test_every_csv_kind_refuses_its_own_seminar_through_a_hard_link(seminar, kind, capsys):
    """Each kind of CSV refuses to replace the seminar it reads, whatever the name it is given."""
    target = _same_file(seminar, "hardlink")
    assert main(["--export-csv", str(target), "--csv-kind", kind, str(seminar)]) == 1
    assert "hard link" in capsys.readouterr().err
    assert seminar.read_bytes() == SEMINAR


def test_an_import_onto_its_own_transcript_through_a_hard_link_is_refused(tmp_path, capsys):
    """--import with --out a hard link to the transcript, even with --force, fails and keeps the transcript."""
    transcript = tmp_path / "talk.txt"
    words = b"Ada: We agree.\nBen: We do not.\nAda: Still we agree.\nBen: No.\n"
    transcript.write_bytes(words)
    out = tmp_path / "talk.seminar.json"
    os.link(transcript, out)
    assert main(["--import", str(transcript), "--out", str(out), "--force"]) == 1
    assert "the file being read" in capsys.readouterr().err
    assert transcript.read_bytes() == words


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    # In a child, with a time limit: opening a named pipe for writing would wait for a reader for ever.
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("option", ["--export-pdf", "--export-csv"])
def test_an_export_onto_a_named_pipe_is_refused_without_waiting(tmp_path, option):
    """An export onto a FIFO fails at once with a message, and the FIFO is still a FIFO."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = _run_cli(option, str(fifo))
    assert done.returncode == 1
    assert "named pipe" in done.stderr and str(fifo) in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may make a device node, even in a temporary folder")
@pytest.mark.parametrize("option", ["--export-pdf", "--export-csv"])
def test_an_export_onto_a_character_device_is_refused(tmp_path, option):
    """An export onto a device (a null device made in a temporary folder) fails and the device stays a device."""
    device = tmp_path / "null"
    null = os.stat("/dev/null")
    os.mknod(device, stat.S_IFCHR | 0o666, null.st_rdev)
    done = _run_cli(option, str(device))
    assert done.returncode == 1
    assert "character device" in done.stderr
    info = os.lstat(device)
    assert stat.S_ISCHR(info.st_mode) and info.st_rdev == null.st_rdev


def test_a_link_to_a_device_is_judged_by_what_it_leads_to(tmp_path):
    """A symbolic link to /dev/null is refused as a device; the check only looks and never opens it."""
    link = tmp_path / "out.csv"
    link.symlink_to("/dev/null")
    with pytest.raises(UnsafeTarget, match="character device"):
        check_target(link)


@pytest.mark.parametrize("option", ["--export-pdf", "--export-csv"])
def test_an_empty_output_name_is_a_usage_error(option):
    """An empty OUT is wrong usage (exit 2), not a reason to start the window (in a child: a window would never return)."""
    done = _run_cli(option, "")
    assert done.returncode == 2
    assert option in done.stderr


@pytest.fixture
def window(qtbot, seminar, tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main_window = MainWindow(load(seminar), settings=settings, dialogs=FakeDialogs())
    qtbot.addWidget(main_window)
    return main_window


@pytest.mark.parametrize("how", ["itself", "symlink", "hardlink"])
def test_the_window_refuses_to_export_onto_the_open_seminar(window, seminar, how):
    """File ▸ Export onto the open seminar's own file (any name of it) shows why and writes nothing."""
    target = _same_file(seminar, how)
    window.dialogs.save_answer = str(target)
    assert window.exports.export_csv("positions") is None
    (_title, message, _details), = window.dialogs.named("show_error")
    assert "the file being read" in message and str(target) in message
    assert seminar.read_bytes() == SEMINAR


def test_the_window_refuses_to_export_a_pdf_onto_the_open_seminar(window, seminar):
    """The PDF export is refused before its options are used, and the seminar keeps its bytes."""
    from desktop_app.presentation.brief_options import ReportOptions

    window.dialogs.options_answer = ReportOptions()
    window.dialogs.save_answer = str(seminar)
    assert window.exports.export_pdf() is None
    assert "the file being read" in window.dialogs.named("show_error")[0][1]
    assert seminar.read_bytes() == SEMINAR


def test_save_as_onto_a_named_pipe_is_refused(window, tmp_path):
    """Save As onto a FIFO says it is not a regular file, and the FIFO stays one."""
    fifo = tmp_path / "pipe.seminar.json"
    os.mkfifo(fifo)
    window.dialogs.save_answer = str(fifo)
    assert window.saving.save_as() is False
    assert "named pipe" in window.dialogs.named("show_error")[0][1]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dev_null_is_refused_without_being_opened_for_writing_or_replaced(monkeypatch, capsys):
    """--export-csv /dev/null says it is a device; nothing opens /dev/null for writing or renames onto it on the way."""
    attempts = []
    real_open, real_replace, real_rename = os.open, os.replace, os.rename

    def watched_open(path, flags, *args, **kwargs):
        if os.path.realpath(path) == "/dev/null" and flags & (os.O_WRONLY | os.O_RDWR):
            attempts.append(("open", path))
            raise PermissionError("the test forbids writing to /dev/null")
        return real_open(path, flags, *args, **kwargs)

    def watched_move(real):
        def move(source, destination, *args, **kwargs):
            if os.path.realpath(destination) == "/dev/null":
                attempts.append(("rename", destination))
                raise PermissionError("the test forbids replacing /dev/null")
            return real(source, destination, *args, **kwargs)

        return move

    monkeypatch.setattr(os, "open", watched_open)
    monkeypatch.setattr(os, "replace", watched_move(real_replace))
    monkeypatch.setattr(os, "rename", watched_move(real_rename))
    assert main(["--export-csv", "/dev/null"]) == 1
    assert "character device" in capsys.readouterr().err
    assert attempts == []
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_import_onto_a_named_pipe_is_refused_even_with_force(tmp_path, capsys):
    """--import --out onto a FIFO, with --force, says it is a named pipe and leaves it one."""
    transcript = tmp_path / "talk.txt"
    transcript.write_bytes(b"Ada: We agree.\nBen: We do not.\nAda: Still we agree.\nBen: No.\n")
    fifo = tmp_path / "talk.seminar.json"
    os.mkfifo(fifo)
    assert main(["--import", str(transcript), "--out", str(fifo), "--force"]) == 1
    assert "named pipe" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
