"""The atomic writer: a new file takes the old one's place in one step, or nothing changes, even under a kill.

Most of these tests would pass for any writer that ends with the right bytes
on disk, were it not for the two things only a rename gives: the target is a
fresh file (a reader holding the old one keeps reading the old content), and
until the last step the old content is there, whole, under the target's name.
The others kill a writing child: hard-linked files stay whole, and what a
killed write leaves is tidied by the next write of the same file.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import atomic
from desktop_app.atomic import (
    TEMPORARY_PREFIX,
    TEMPORARY_SUFFIX,
    atomic_writer,
    remove_stale_temporaries,
    temporary_prefix,
    write_bytes_atomic,
    write_text_atomic,
)


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMPORARY_PREFIX) and p.name.endswith(TEMPORARY_SUFFIX)]


def test_the_new_content_arrives_as_a_fresh_file(tmp_path):
    target = tmp_path / "panel.seminar.json"
    target.write_bytes(b"old content")
    before = os.stat(target)
    with open(target, "rb") as reader:
        write_bytes_atomic(target, b"new content")
        # A reader that opened the old file still sees it whole: it was replaced, not overwritten.
        assert reader.read() == b"old content"
    after = os.stat(target)
    assert target.read_bytes() == b"new content"
    assert (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino)
    assert _leftovers(tmp_path) == []


def test_the_old_content_stays_whole_until_the_last_step(tmp_path):
    target = tmp_path / "panel.seminar.json"
    target.write_bytes(b"old content")
    with atomic.atomic_writer(target) as stream:
        stream.write(b"new content, half written")
        stream.flush()
        assert target.read_bytes() == b"old content"
    assert target.read_bytes() == b"new content, half written"


def test_an_interrupted_write_leaves_the_old_file_and_no_partial_one(tmp_path):
    target = tmp_path / "panel.seminar.json"
    target.write_bytes(b"old content")

    class Interrupted(Exception):
        pass

    with pytest.raises(Interrupted), atomic.atomic_writer(target) as stream:
        stream.write(b"new")
        raise Interrupted
    assert target.read_bytes() == b"old content"
    assert _leftovers(tmp_path) == []


def test_a_failing_final_rename_leaves_the_old_file_and_no_partial_one(tmp_path, monkeypatch):
    target = tmp_path / "panel.seminar.json"
    target.write_bytes(b"old content")

    def refuse(source, destination):
        raise OSError(5, "input/output error")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError, match="input/output"):
        write_bytes_atomic(target, b"new content")
    assert target.read_bytes() == b"old content"
    assert _leftovers(tmp_path) == []


CHECKOUT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path):
    place = tmp_path / "work"
    place.mkdir()
    return place


def _seminar_like(entries: int, word: str) -> bytes:
    """A JSON document of some size, so a copy of it takes more than one write."""
    return json.dumps({"positions": [{"id": f"{word}-{number}", "summary": word * 20} for number in range(entries)]}).encode()


def _child(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.atomic_child", *args],
        cwd=CHECKOUT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _kill_after(child: subprocess.Popen, line: str) -> str:
    """Wait for the child's first line; kill it if that line is ``line``; return the line."""
    try:
        said = child.stdout.readline().strip()  # the child prints within its own time limit, or dies
        if said == line:
            os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdin.close()
        child.stdout.close()
        child.stderr.close()
    return said


def test_a_kill_while_a_hard_linked_file_is_written_leaves_both_names_valid(folder):
    """Saving a file that has a second hard link, killed at its first write to the shared file: both names hold valid JSON."""
    old = _seminar_like(3000, "old")
    new = _seminar_like(2000, "new")  # shorter than the old: a copy over it, cut short, would leave old bytes after the new
    first = folder / "talk.seminar.json"
    first.write_bytes(old)
    second = folder / "backup.seminar.json"
    os.link(first, second)
    (folder / "new.json").write_bytes(new)
    said = _kill_after(_child("in-place", str(first), str(folder / "new.json")), "MID-WRITE")
    for name in (first, second):
        content = name.read_bytes()
        json.loads(content)  # raises on a half-written file
        assert content in (old, new)
    assert said == "DONE"  # the shared file is never written to: the name saved gets a new file
    assert first.read_bytes() == new and second.read_bytes() == old


def test_the_next_save_removes_what_a_killed_save_left_and_nothing_else(folder):
    """A save killed mid-write leaves its .part file; the next save of that file removes it, and only it."""
    target = folder / "talk.seminar.json"
    target.write_text('{"version": 1}')
    assert _kill_after(_child("hold", str(target)), "WRITING") == "WRITING"
    left = [path for path in folder.iterdir() if path.name.endswith(".part")]
    assert len(left) == 1 and left[0].name.startswith(temporary_prefix(target))
    _age(left[0])
    prefix = temporary_prefix(target)
    others = {
        ".~abcdefgh.part": b"not this target's, or not ours",
        f"{temporary_prefix(folder / 'other.seminar.json')}abcdefgh.part": b"another file's",
        f"{prefix}abcdefgh.part.bak": b"a name that only looks like ours",
        f"{prefix}toolongname.part": b"not the pattern",
        "notes.txt": b"the user's own",
    }
    for name, content in others.items():
        (folder / name).write_bytes(content)
        _age(folder / name)
    write_text_atomic(target, '{"version": 2}')
    assert not left[0].exists()
    assert target.read_text() == '{"version": 2}'
    for name, content in others.items():
        assert (folder / name).read_bytes() == content


def _age(path: Path) -> None:
    """Make ``path`` look as if it were last changed well before now."""
    then = path.stat().st_mtime - 10 * atomic.FRESH_SECONDS
    os.utime(path, (then, then))


def test_a_temporary_file_just_made_and_not_yet_locked_is_left_alone(folder):
    """Between making its temporary file and locking it a writer holds no lock: a fresh file is not taken for stale."""
    target = folder / "talk.seminar.json"
    just_made = folder / f"{temporary_prefix(target)}abcdefgh.part"
    just_made.write_bytes(b"a write about to lock its file")
    assert remove_stale_temporaries(target) == []
    assert just_made.exists()
    _age(just_made)
    assert remove_stale_temporaries(target) == [just_made]


def test_a_write_in_progress_is_never_taken_for_a_stale_one(folder):
    """While one write of a file is under way, tidying after another write of it leaves the first one's .part alone."""
    target = folder / "talk.seminar.json"
    with atomic_writer(target, "w") as stream:
        stream.write("{}")
        stream.flush()
        live = [path for path in folder.iterdir() if path.name.endswith(".part")]
        assert remove_stale_temporaries(target) == []
        assert all(path.exists() for path in live) and len(live) == 1
    assert target.read_text() == "{}"
    assert [path.name for path in folder.iterdir()] == [target.name]


@pytest.mark.parametrize("name", ["a" * 240 + ".json", "talk.seminar.json"])
def test_temporary_names_stay_short_whatever_the_target(folder, name):
    """The temporary name is the same short length for any target name, so any name the file system takes can be saved."""
    target = folder / name
    with atomic_writer(target, "w") as stream:
        stream.write("{}")
        (temporary,) = [path.name for path in folder.iterdir() if path.name.endswith(".part")]
    assert len(temporary) == len(".~12345678.abcdefgh.part")


def test_without_file_locks_the_temporary_file_is_closed_before_it_is_renamed(tmp_path, monkeypatch):
    """Where there are no file locks (Windows), the finished file is closed first: Windows renames no open file."""
    target = tmp_path / "panel.seminar.json"
    target.write_bytes(b"old content")
    monkeypatch.setattr(atomic, "fcntl", None)
    rename = os.replace
    still_open = []

    def replace(source, destination):
        for name in os.listdir("/proc/self/fd"):
            with contextlib.suppress(OSError):
                if os.readlink(f"/proc/self/fd/{name}") == str(source):
                    still_open.append(source)
        rename(source, destination)

    monkeypatch.setattr(atomic.os, "replace", replace)
    write_bytes_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert still_open == []
