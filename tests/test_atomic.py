"""The atomic writer: a new file takes the old one's place in one step, or nothing changes.

These tests would pass for any writer that ends with the right bytes on disk,
were it not for the two things only a rename gives: the target is a fresh
file (a reader holding the old one keeps reading the old content), and until
the last step the old content is there, whole, under the target's name.
"""

from __future__ import annotations

import os

import pytest

from desktop_app import atomic
from desktop_app.atomic import TEMPORARY_PREFIX, TEMPORARY_SUFFIX, write_bytes_atomic


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
