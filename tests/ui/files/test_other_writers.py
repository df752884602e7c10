"""Saving notices other writers: a second window on the same file, another program's change, and a crash's stale mark."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from desktop_app.model.editing.edits import Insert
from desktop_app.model.format.loader import load
from desktop_app.model.format.schema import Speaker
from desktop_app.ui.editing.undo_commands import push_edit
from desktop_app.ui.files.other_writers import MARK_SUFFIX, OpenMark, marks_folder
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings import AppSettings
from tests.factories import debate, to_bytes
from tests.fakes import FakeDialogs


@pytest.fixture
def seminar(tmp_path):
    path = tmp_path / "shared.seminar.json"
    path.write_bytes(to_bytes(debate()))
    return path


@pytest.fixture
def open_on(qtbot, tmp_path):
    """Opens a window of its own (own dialogs, own settings) on a seminar file, as a second window or instance would."""
    count = iter(range(100))

    def opened(path) -> MainWindow:
        settings = AppSettings(QSettings(str(tmp_path / f"settings-{next(count)}.ini"), QSettings.Format.IniFormat))
        window = MainWindow(load(path), settings=settings, dialogs=FakeDialogs())
        qtbot.addWidget(window)
        return window

    return opened


def add_speaker(window, speaker_id: str) -> None:
    speaker = Speaker(id=speaker_id, name=speaker_id.title(), role="panellist", order=50)
    assert push_edit(window.document, Insert(speaker), f"Add speaker {speaker.name}")


def speakers_on_disk(path) -> set[str]:
    return {speaker["id"] for speaker in json.loads(path.read_text(encoding="utf-8"))["speakers"]}


def test_a_second_window_on_the_same_file_is_told_it_is_already_open(open_on, seminar):
    """Opening a file another window has open shows a lasting warning saying so; the first window shows none."""
    first = open_on(seminar)
    second = open_on(seminar)
    assert "already open in another window" in second.banner.text()
    assert seminar.name in second.banner.text()
    assert "already open" not in first.banner.text()


def test_when_both_windows_save_the_second_is_asked_and_the_first_edit_survives(open_on, seminar):
    """Window A saves, then window B saves: B is asked first, and cancelling keeps A's edit on disk."""
    first, second = open_on(seminar), open_on(seminar)
    add_speaker(first, "ahmed")
    assert first.saving.save()
    add_speaker(second, "baker")
    assert not second.saving.save()  # the stand-in answers "cancel"
    assert second.dialogs.named("ask_changed_on_disk") == [seminar.name]
    assert "ahmed" in speakers_on_disk(seminar) and "baker" not in speakers_on_disk(seminar)
    assert second.isWindowModified()  # B's edit is still there, unsaved


def test_save_as_after_a_conflict_keeps_both_versions(open_on, seminar, tmp_path):
    """Choosing Save As when the file changed writes this window's seminar elsewhere and leaves the other's file alone."""
    first, second = open_on(seminar), open_on(seminar)
    add_speaker(first, "ahmed")
    assert first.saving.save()
    add_speaker(second, "baker")
    elsewhere = tmp_path / "mine.seminar.json"
    second.dialogs.changed_on_disk_answer = "save_as"
    second.dialogs.save_answer = str(elsewhere)
    assert second.saving.save()
    assert speakers_on_disk(seminar) >= {"ahmed"} and "baker" not in speakers_on_disk(seminar)
    assert "baker" in speakers_on_disk(elsewhere) and "ahmed" not in speakers_on_disk(elsewhere)


def test_overwrite_is_a_choice_and_later_saves_ask_no_more(open_on, seminar):
    """Overwrite writes this window's seminar; the next save of the same window does not ask again."""
    first, second = open_on(seminar), open_on(seminar)
    add_speaker(first, "ahmed")
    assert first.saving.save()
    add_speaker(second, "baker")
    second.dialogs.changed_on_disk_answer = "overwrite"
    assert second.saving.save()
    assert "baker" in speakers_on_disk(seminar)
    add_speaker(second, "chen")
    assert second.saving.save()
    assert len(second.dialogs.named("ask_changed_on_disk")) == 1


def test_a_change_by_another_program_is_noticed_before_the_next_save(open_on, seminar):
    """Another program edits the file while it is open; the next save asks, and Cancel leaves that edit on disk."""
    window = open_on(seminar)
    data = json.loads(seminar.read_text(encoding="utf-8"))
    data["seminar"]["title"] = "Retitled elsewhere"
    seminar.write_bytes(to_bytes(data))  # in place: same inode, new size and time
    add_speaker(window, "baker")
    assert not window.saving.save()
    assert window.dialogs.named("ask_changed_on_disk") == [seminar.name]
    assert json.loads(seminar.read_text(encoding="utf-8"))["seminar"]["title"] == "Retitled elsewhere"


def test_reload_asks_before_dropping_unsaved_changes(qtbot, open_on, seminar):
    """Reload after a change on disk asks to discard first; No keeps the edits, Yes opens the file as it is now."""
    window = open_on(seminar)
    data = json.loads(seminar.read_text(encoding="utf-8"))
    data["seminar"]["title"] = "Retitled elsewhere"
    seminar.write_bytes(to_bytes(data))
    add_speaker(window, "baker")
    window.dialogs.changed_on_disk_answer = "reload"
    window.dialogs.ask_answer = False
    assert not window.saving.save()
    assert window.document.dataset.has_speaker("baker") and window.isWindowModified()
    window.dialogs.ask_answer = True
    assert not window.saving.save()
    qtbot.waitUntil(lambda: window.document.dataset.seminar.title == "Retitled elsewhere")
    assert not window.document.dataset.has_speaker("baker")


def test_saving_twice_in_a_row_asks_nothing(open_on, seminar):
    """A window's own saves change the file's stamp, and are never taken for another writer's."""
    window = open_on(seminar)
    for speaker_id in ("ahmed", "baker", "chen"):
        add_speaker(window, speaker_id)
        assert window.saving.save()
    assert window.dialogs.named("ask_changed_on_disk") == []


def test_a_mark_left_by_a_dead_process_is_ignored_and_removed(open_on, seminar):
    """A crash leaves its mark behind; the next window on the file is not warned, and the mark goes."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    dead = int(child.stdout)
    mark = OpenMark()
    mark.claim(seminar)
    (held,) = list(marks_folder().glob(f"*{MARK_SUFFIX}"))
    left = held.with_name(held.name.replace(f".{os.getpid()}.", f".{dead}."))
    held.rename(left)
    window = open_on(seminar)
    assert "already open" not in window.banner.text()
    assert not left.exists()


def test_closing_a_window_removes_its_mark(open_on, seminar):
    """After the first window closes, a new window on the file is not warned."""
    first = open_on(seminar)
    assert first.close()
    assert list(marks_folder().glob(f"*{MARK_SUFFIX}")) == []
    second = open_on(seminar)
    assert "already open" not in second.banner.text()


def test_an_unwritable_recovery_folder_gives_a_lasting_warning_naming_it(open_on, seminar, tmp_path):
    """When the recovery file cannot be written, the banner says so and names the folder, and stays."""
    window = open_on(seminar)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    window.saving.recovery_folder = blocked / "recovery"
    add_speaker(window, "baker")
    assert not window.saving.autosave()
    assert str(blocked / "recovery") in window.banner.message.toolTip() or str(blocked / "recovery") in window.banner.text()
    assert "cannot be kept for recovery" in window.banner.text()
    assert window.statusBar().currentMessage() == ""


def test_saving_a_hard_linked_file_says_its_other_name_keeps_the_old_version(open_on, seminar):
    """Saving a file with a second hard link writes this name whole and says the other name keeps the previous version."""
    backup = seminar.with_name("backup.seminar.json")
    os.link(seminar, backup)
    before = backup.read_bytes()
    window = open_on(seminar)
    add_speaker(window, "baker")
    assert window.saving.save()
    assert "baker" in speakers_on_disk(seminar) and backup.read_bytes() == before
    assert "other hard link keeps the previous version" in window.statusBar().currentMessage()


def test_a_file_open_in_another_running_instance_is_announced(open_on, seminar):
    """A mark held by another live process (another instance) warns the window opening the same file."""
    # Another live process: it runs until killed, reading a stdin that stays open.
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        mark = OpenMark()
        mark.claim(seminar)
        (held,) = list(marks_folder().glob(f"*{MARK_SUFFIX}"))
        held.rename(held.with_name(held.name.replace(f".{os.getpid()}.", f".{child.pid}.")))
        window = open_on(seminar)
        assert "already open in another Seminar Lens window" in window.banner.text()
    finally:
        child.kill()
        child.wait()
        child.stdin.close()
