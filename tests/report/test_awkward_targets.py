"""Exports onto awkward targets: read-only files, links, very long names, a full disk, other owners."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from PySide6.QtCore import QSettings

from desktop_app import atomic
from desktop_app.cli import main
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.report.csv_export import export_csv
from desktop_app.report.errors import ExportFailed, ReadOnlyRefused
from desktop_app.report.pdf import export_pdf
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings import AppSettings
from tests.fakes import FakeDialogs

OLD = b"last week's export"


@pytest.fixture
def folder(tmp_path):
    place = tmp_path / "exports"
    place.mkdir()
    return place


@pytest.fixture
def read_only(folder):
    target = folder / "positions.csv"
    target.write_bytes(OLD)
    target.chmod(0o444)
    return target


def names_in(folder) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# -- read-only ---------------------------------------------------------------------------------


def test_the_command_line_refuses_a_read_only_file(read_only, capsys):
    """--export-csv onto a read-only file fails with a message naming the file and --force, and the file keeps its bytes."""
    assert main(["--export-csv", str(read_only)]) == 1
    message = capsys.readouterr().err
    assert "read-only" in message and "--force" in message and str(read_only) in message
    assert read_only.read_bytes() == OLD
    assert names_in(read_only.parent) == [read_only.name]


def test_force_replaces_a_read_only_file_and_keeps_it_read_only(read_only, capsys):
    """With --force the read-only file is replaced, and stays read-only afterwards."""
    assert main(["--export-csv", str(read_only), "--force"]) == 0
    assert read_only.read_bytes().startswith(b"\xef\xbb\xbfposition_id,")
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o444
    assert names_in(read_only.parent) == [read_only.name]


def test_a_writable_file_is_replaced_from_the_command_line_without_asking(folder, capsys):
    """An ordinary existing file is replaced as before, with no --force needed."""
    target = folder / "positions.csv"
    target.write_bytes(OLD)
    assert main(["--export-csv", str(target)]) == 0
    assert target.read_bytes() != OLD


def test_force_goes_only_with_an_export(capsys):
    """--force on its own is a usage error."""
    with pytest.raises(SystemExit) as done:
        main(["--force", "--schema"])
    assert done.value.code == 2


def test_a_read_only_pdf_target_is_refused_before_any_work(qapp, default_dataset, read_only):
    """The PDF export refuses a read-only target up front, unless told to replace it."""
    with pytest.raises(ReadOnlyRefused, match="read-only"):
        export_pdf(default_dataset, read_only, cancelled=lambda: pytest.fail("the brief was started"))
    assert read_only.read_bytes() == OLD


@pytest.fixture
def window(qtbot, default_dataset, tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main_window = MainWindow(default_dataset, settings=settings, dialogs=FakeDialogs())
    qtbot.addWidget(main_window)
    return main_window


@pytest.mark.parametrize("answer", [True, False])
def test_the_window_asks_before_replacing_a_read_only_file(window, read_only, answer):
    """The window warns that the file is read-only and replaces it only if the user says yes."""
    dialogs = window.dialogs
    dialogs.save_answer = str(read_only)
    dialogs.ask_answer = answer
    result = window.exports.export_csv("positions")
    assert "read-only" in dialogs.named("ask")[0] and "Replace it anyway?" in dialogs.named("ask")[0]
    assert dialogs.named("show_error") == []
    if answer:
        assert result == read_only and read_only.read_bytes() != OLD
    else:
        assert result is None and read_only.read_bytes() == OLD
        assert "read-only" in window.statusBar().currentMessage()


def test_the_window_asks_before_a_read_only_pdf_and_writes_nothing_on_no(window, folder):
    """Saying no to replacing a read-only PDF leaves it alone and starts no export."""
    target = folder / "brief.pdf"
    target.write_bytes(OLD)
    target.chmod(0o444)
    window.dialogs.options_answer = ReportOptions()
    window.dialogs.save_answer = str(target)
    assert window.exports.export_pdf() is None
    assert target.read_bytes() == OLD
    assert len(window.dialogs.named("ask")) == 1


# -- links -------------------------------------------------------------------------------------


def test_a_symbolic_link_keeps_pointing_at_the_file_it_updates(default_dataset, folder, tmp_path):
    """Exporting onto a symbolic link writes the file it points to, in its own folder, and the link stays a link."""
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    real = elsewhere / "positions.csv"
    real.write_bytes(OLD)
    link = folder / "latest.csv"
    link.symlink_to(real)
    export_csv(default_dataset, link)
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes().startswith(b"\xef\xbb\xbfposition_id,")
    assert names_in(folder) == ["latest.csv"] and names_in(elsewhere) == ["positions.csv"]


def test_a_dangling_symbolic_link_creates_the_file_it_names(default_dataset, folder, tmp_path):
    """A link to a file not yet there gets that file, and stays a link."""
    real = tmp_path / "later.csv"
    link = folder / "latest.csv"
    link.symlink_to(real)
    export_csv(default_dataset, link)
    assert link.is_symlink() and real.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_hard_linked_file_gets_the_new_content_and_its_other_name_keeps_the_old(default_dataset, folder):
    """A file with two names: the name written gets the new content whole, the other keeps the old content whole."""
    first = folder / "positions.csv"
    first.write_bytes(OLD)
    second = folder / "copy.csv"
    os.link(first, second)
    export_csv(default_dataset, first)
    assert first.read_bytes().startswith(b"\xef\xbb\xbfposition_id,")
    assert second.read_bytes() == OLD
    assert first.stat().st_nlink == 1 == second.stat().st_nlink
    assert names_in(folder) == ["copy.csv", "positions.csv"]


def test_a_full_disk_leaves_a_hard_linked_file_whole(default_dataset, folder, monkeypatch):
    """When there is no room for the new content of a hard-linked file, both names keep the old content."""
    first = folder / "positions.csv"
    first.write_bytes(OLD)
    os.link(first, folder / "copy.csv")

    def no_room(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", no_room)
    with pytest.raises(ExportFailed, match="the disk is full"):
        export_csv(default_dataset, first)
    assert first.read_bytes() == OLD == (folder / "copy.csv").read_bytes()
    assert first.stat().st_nlink == 2
    assert names_in(folder) == ["copy.csv", "positions.csv"]


# -- names -------------------------------------------------------------------------------------


def test_a_250_byte_name_can_be_exported_to(default_dataset, folder):
    """A long name the file system accepts is written: the temporary name stays short."""
    target = folder / ("b" * 246 + ".csv")
    assert len(os.fsencode(target.name)) == 250
    export_csv(default_dataset, target)
    assert names_in(folder) == [target.name]


def test_a_300_byte_name_gets_a_clear_message(default_dataset, folder, capsys):
    """A name the file system refuses says the name is too long and by how much, never Python's error text."""
    target = folder / ("\u00e9" * 148 + ".csv")  # 300 bytes in UTF-8
    assert len(os.fsencode(target.name)) == 300
    with pytest.raises(ExportFailed) as failure:
        export_csv(default_dataset, target)
    message = str(failure.value)
    assert "too long (300 bytes; this folder allows at most 255)" in message
    assert "Errno" not in message and "OSError" not in message
    assert main(["--export-csv", str(target)]) == 1
    printed = capsys.readouterr().err
    assert "too long" in printed and "unexpected error" not in printed
    assert names_in(folder) == []


# -- full disk, owner and permissions ----------------------------------------------------------


def test_a_full_disk_during_fsync_keeps_the_old_file(default_dataset, folder, monkeypatch):
    """A disk that fills as the export is flushed leaves the old file intact and no temporary file."""
    target = folder / "positions.csv"
    target.write_bytes(OLD)

    def full(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(ExportFailed, match="the disk is full"):
        export_csv(default_dataset, target)
    assert target.read_bytes() == OLD
    assert names_in(folder) == [target.name]


def test_a_replaced_file_keeps_its_permissions(default_dataset, folder):
    """A file readable only by its owner and group stays so after an export replaces it."""
    target = folder / "positions.csv"
    target.write_bytes(OLD)
    target.chmod(0o640)
    export_csv(default_dataset, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_replaced_file_is_given_back_to_its_owner(default_dataset, folder, monkeypatch):
    """The new file is handed to the old file's owner and group before it takes the old one's place."""
    target = folder / "positions.csv"
    target.write_bytes(OLD)
    handed: list[tuple[int, int]] = []
    monkeypatch.setattr(atomic.os, "chown", lambda path, uid, gid: handed.append((uid, gid)))
    export_csv(default_dataset, target)
    info = target.stat()
    assert handed == [(info.st_uid, info.st_gid)]


def test_an_owner_that_cannot_be_kept_is_let_go(default_dataset, folder, monkeypatch):
    """Where the system refuses to set the owner, the export still succeeds with the user's own."""
    target = folder / "positions.csv"
    target.write_bytes(OLD)

    def refuse(*args):
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(atomic.os, "chown", refuse)
    export_csv(default_dataset, target)
    assert target.read_bytes() != OLD
