"""Reading any file: empty and oversize files refused clearly, the format detected from name or content."""

from __future__ import annotations

import pytest

from desktop_app.model.format import json_text
from desktop_app.model.importers import reading
from desktop_app.model.importers.common import ImportFailed
from desktop_app.model.importers.reading import detect_format, import_bytes, import_file


@pytest.mark.parametrize("content", [b"", b"  \n\n", b"\xef\xbb\xbf\n"])
def test_an_empty_file_is_refused(tmp_path, content):
    """An empty or blank file gets 'the file is empty'."""
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match="the file is empty"):
        import_file(path)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    """A file larger than the limit is refused with its size and the limit."""
    monkeypatch.setattr(reading, "MAX_IMPORT_BYTES", 1024)
    path = tmp_path / "huge.vtt"
    path.write_bytes(b"WEBVTT\n\n" + b"x" * 2048)
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    assert caught.value.message == "the file is too big to import (2 KiB; the limit is 1 KiB)"


def test_the_limit_is_the_loaders(tmp_path):
    """The import limit is the seminar loader's own: a file one byte over it is refused without being read."""
    assert reading.MAX_IMPORT_BYTES == json_text.MAX_FILE_BYTES
    path = tmp_path / "huge.vtt"
    with open(path, "wb") as stream:
        stream.truncate(json_text.MAX_FILE_BYTES + 1)  # sparse: no disk used, nothing to read
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    assert caught.value.message.endswith(f"the limit is {json_text.human_size(json_text.MAX_FILE_BYTES)})")


def test_missing_file_and_folder(tmp_path):
    """A missing path and a folder are refused in plain words."""
    with pytest.raises(ImportFailed, match="no such file"):
        import_file(tmp_path / "nothing.vtt")
    with pytest.raises(ImportFailed, match="folder"):
        import_file(tmp_path)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.VTT", b"", "vtt"),
        ("a.md", b"", "text"),
        ("a", b"%PDF-1.7", "pdf"),
        ("a", b"PK\x03\x04", "docx"),
        ("a", b"\xef\xbb\xbfWEBVTT\n", "vtt"),
        ("a", b'{"segments": []}', "whisper"),
        ("a", b"1\n00:00:01,000 --> 00:00:02,000\nx\n", "srt"),
        ("a", b"Ada: hello", "text"),
    ],
)
def test_format_detection(name, head, expected):
    """The extension decides the format, else the first bytes do."""
    assert detect_format(name, head) == expected


def test_a_pattern_is_refused_for_subtitles():
    """A speaker pattern is for typed text; giving one with a subtitle file is refused."""
    with pytest.raises(ImportFailed, match="speaker pattern"):
        import_bytes(b"WEBVTT\n", "a.vtt", pattern="(?P<speaker>x)")
