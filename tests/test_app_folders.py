"""One name for the application's folders, and files left under an earlier name moved over without losing any."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_app import app_folders
from desktop_app.app_folders import FOLDER_NAME, log_folder, move_earlier_state, move_file, move_tree, state_folder

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the folder names of Linux")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@linux_only
def test_on_linux_every_folder_is_named_seminar_lens_in_the_xdg_places(private_home):
    """State and log under $XDG_STATE_HOME/seminar-lens, as the command and the desktop entry are named."""
    assert FOLDER_NAME == "seminar-lens"
    assert state_folder() == private_home / ".local/state/seminar-lens"
    assert log_folder() == private_home / ".local/state/seminar-lens/log"


def test_files_in_an_earlier_folder_move_over_with_their_contents_and_the_folder_goes(tmp_path):
    old, new = tmp_path / "Seminar Lens", tmp_path / "seminar-lens"
    write(old / "recovery" / "41.recovery.seminar.json", '{"format": "seminar-lens/2"}')
    write(old / "recovery" / "41.recovery.info.json", '{"title": "Élan vital"}')
    write(new / "log" / "errors.log", "kept\n")
    assert move_tree(old, new) == []
    assert (new / "recovery" / "41.recovery.seminar.json").read_text(encoding="utf-8") == '{"format": "seminar-lens/2"}'
    assert (new / "recovery" / "41.recovery.info.json").read_text(encoding="utf-8") == '{"title": "Élan vital"}'
    assert (new / "log" / "errors.log").read_text(encoding="utf-8") == "kept\n"
    assert not old.exists()


def test_a_file_already_at_the_new_place_is_never_written_over_and_the_earlier_one_stays(tmp_path):
    """Both present and different: both kept, each where it was, and the problem named."""
    old, new = tmp_path / "old", tmp_path / "new"
    write(old / "recovery" / "7.recovery.seminar.json", "older work")
    write(old / "recovery" / "8.recovery.seminar.json", "other work")
    write(new / "recovery" / "7.recovery.seminar.json", "newer work")
    problems = move_tree(old, new)
    assert (new / "recovery" / "7.recovery.seminar.json").read_text() == "newer work"
    assert (old / "recovery" / "7.recovery.seminar.json").read_text() == "older work"
    assert (new / "recovery" / "8.recovery.seminar.json").read_text() == "other work"
    assert not (old / "recovery" / "8.recovery.seminar.json").exists()
    assert problems == [f"{old / 'recovery' / '7.recovery.seminar.json'} was left where it is: {new / 'recovery' / '7.recovery.seminar.json'} exists already"]


def test_an_earlier_copy_with_the_same_bytes_is_removed_quietly(tmp_path):
    old = write(tmp_path / "old" / "errors.log", "same\n")
    new = write(tmp_path / "new" / "errors.log", "same\n")
    assert move_file(old, new) is None
    assert not old.exists() and new.read_text() == "same\n"


def test_a_place_that_cannot_be_written_leaves_the_earlier_file_whole_and_says_why(tmp_path):
    """The new folder's place is taken by a file (as root, a read-only folder would not stop the move)."""
    old = write(tmp_path / "old" / "recovery" / "9.recovery.seminar.json", "unsaved work")
    blocked = write(tmp_path / "new", "a file where the folder should be")
    problems = move_tree(tmp_path / "old", blocked)
    assert old.read_text() == "unsaved work"
    assert blocked.read_text() == "a file where the folder should be"
    assert len(problems) == 1 and problems[0].startswith(f"could not move {old} to {blocked / 'recovery' / '9.recovery.seminar.json'}: ")


def test_a_copy_across_file_systems_that_fails_midway_leaves_no_half_file(tmp_path, monkeypatch):
    """Without hard links the file is copied; a copy cut short is removed and the earlier file stays."""
    old = write(tmp_path / "old" / "errors.log", "x" * 100_000)
    new = tmp_path / "new" / "errors.log"

    def no_link(*_args):
        raise OSError(app_folders.errno.EXDEV, "Invalid cross-device link")

    def cut_short(source, target, *_args):
        target.write(source.read(10))
        raise OSError(app_folders.errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(app_folders.os, "link", no_link)
    monkeypatch.setattr(app_folders.shutil, "copyfileobj", cut_short)
    assert move_file(old, new) == f"could not move {old} to {new}: No space left on device"
    assert old.read_text() == "x" * 100_000 and not new.exists()


def test_without_hard_links_the_file_is_copied_and_the_earlier_one_removed(tmp_path, monkeypatch):
    old = write(tmp_path / "old" / "errors.log", "logged\n")
    new = tmp_path / "new" / "errors.log"

    def no_link(*_args):
        raise OSError(app_folders.errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(app_folders.os, "link", no_link)
    assert move_file(old, new) is None
    assert new.read_text() == "logged\n" and not old.exists()


@linux_only
def test_recovery_files_and_the_log_of_both_earlier_names_end_in_one_folder(private_home):
    """Recovery files under "Seminar Lens" (as earlier versions kept them) join the log under "seminar-lens"."""
    state = private_home / ".local/state"
    write(state / "Seminar Lens" / "recovery" / "12.recovery.seminar.json", "work")
    write(state / "seminar-lens" / "log" / "errors.log", "an old error\n")
    assert move_earlier_state() == []
    assert (state / "seminar-lens" / "recovery" / "12.recovery.seminar.json").read_text() == "work"
    assert (state / "seminar-lens" / "log" / "errors.log").read_text() == "an old error\n"
    assert not (state / "Seminar Lens").exists()


def test_nothing_to_move_is_no_problem(private_home):
    assert move_earlier_state() == []
    assert move_tree(private_home / "absent", private_home / "elsewhere") == []
