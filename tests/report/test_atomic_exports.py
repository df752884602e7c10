"""Exports are atomic: a failure leaves no partial file, keeps the old one, and says why."""

from __future__ import annotations

import errno
import os

import pytest

from desktop_app import atomic
from desktop_app.report.csv_export import export_csv
from desktop_app.report.errors import ExportFailed
from desktop_app.report.pdf import export_pdf

OLD_CONTENT = b"the brief from last week"


@pytest.fixture
def folder(tmp_path):
    place = tmp_path / "exports"
    place.mkdir()
    return place


def export(kind: str, dataset, path):
    return export_pdf(dataset, path) if kind == "pdf" else export_csv(dataset, path)


class HalfWritingFile:
    """A file that writes half of what it is given, then reports a full disk."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, data):
        self._stream.write(data[: len(data) // 2])
        self._stream.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._stream.close()
        return False


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_full_disk_keeps_the_old_file_and_leaves_no_partial_one(kind, qapp, panel_dataset, folder, monkeypatch):
    """When the disk fills mid-write, the export fails clearly, the old file is intact and no temporary file is left."""
    target = folder / f"brief.{kind}"
    target.write_bytes(OLD_CONTENT)
    real_fdopen = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, *args, **kwargs: HalfWritingFile(real_fdopen(fd, *args, **kwargs)))
    with pytest.raises(ExportFailed, match="the disk is full") as failure:
        export(kind, panel_dataset, target)
    assert str(target) in str(failure.value)
    assert "left as it was" in str(failure.value)
    assert target.read_bytes() == OLD_CONTENT
    assert [path.name for path in folder.iterdir()] == [target.name]


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_unwritable_folder_fails_clearly(kind, qapp, panel_dataset, folder, monkeypatch):
    """A folder the user may not write to gives a permission message; the old file stays and nothing is added."""
    target = folder / f"brief.{kind}"
    target.write_bytes(OLD_CONTENT)

    def refuse(*args, **kwargs):
        # What creating a file in a read-only folder raises (tests may run as root, who may write anywhere).
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportFailed, match="permission denied"):
        export(kind, panel_dataset, target)
    assert target.read_bytes() == OLD_CONTENT
    assert [path.name for path in folder.iterdir()] == [target.name]


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_missing_folder_fails_clearly(kind, qapp, panel_dataset, tmp_path):
    """Exporting into a folder that does not exist says so and creates nothing."""
    target = tmp_path / "no-such-folder" / f"brief.{kind}"
    with pytest.raises(ExportFailed, match="the folder does not exist"):
        export(kind, panel_dataset, target)
    assert not target.parent.exists()


def test_a_folder_in_the_way_fails_clearly(qapp, panel_dataset, folder):
    """A folder with the export's name in the way is reported, left alone, and no temporary file remains."""
    blocker = folder / "brief.csv"
    blocker.mkdir()
    with pytest.raises(ExportFailed, match="a folder of that name is in the way"):
        export_csv(panel_dataset, blocker)
    assert blocker.is_dir()
    assert [path.name for path in folder.iterdir()] == ["brief.csv"]


def test_a_successful_export_replaces_the_old_file(qapp, panel_dataset, folder):
    """Exporting over an earlier brief replaces it whole."""
    target = folder / "brief.pdf"
    target.write_bytes(OLD_CONTENT)
    export_pdf(panel_dataset, target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [path.name for path in folder.iterdir()] == ["brief.pdf"]
