"""``--check`` and ``--import`` on hostile files: one FILE: LOCATION: MESSAGE line per problem, exit code 1, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop_app.assets import default_seminar_path
from desktop_app.model.format.problems import MAX_PROBLEMS, TOO_MANY_PROBLEMS
from tests.synthetic import hostile_imports

DEFAULT_TEXT = default_seminar_path().read_text(encoding="utf-8")
STANCE_LINE = DEFAULT_TEXT[: DEFAULT_TEXT.index('"stance": 2,')].count("\n") + 1


def check(path) -> list[str]:
    """Run ``--check`` on the file; it must fail cleanly, and its problem lines are returned."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--check", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"seminar-lens: {path}: ") for line in lines), lines[:3]
    assert all(line.isprintable() for line in lines)
    return lines


def test_arrays_nested_100000_deep(tmp_path):
    """A file of arrays nested 100,000 deep gives one line naming the nesting limit and where it is passed."""
    path = tmp_path / "deep.seminar.json"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (line,) = check(path)
    assert line.endswith("(line 1, column 501): arrays and objects are nested more than 500 levels deep")
    assert len(line) < 300


def test_file_of_200_megabytes(tmp_path):
    """A 200 MB file gives one line naming the size limit."""
    path = tmp_path / "huge.seminar.json"
    path.write_bytes(b"")
    os.truncate(path, 200 * 1024 * 1024)  # sparse: takes no disk space
    assert check(path) == [f"seminar-lens: {path}: (file): the file is 200 MiB, larger than the 128 MiB limit for seminar files"]


@pytest.mark.parametrize("constant", ["NaN", "-Infinity"])
def test_nan_and_infinity(tmp_path, constant):
    """NaN or -Infinity as a stance gives one line with its path, line and column."""
    path = tmp_path / "nan.seminar.json"
    path.write_text(DEFAULT_TEXT.replace('"stance": 2,', f'"stance": {constant},', 1), encoding="utf-8")
    (line,) = check(path)
    assert f".stance (line {STANCE_LINE}, column 17): {constant} is not a number JSON allows" in line


def test_invalid_utf8(tmp_path):
    """A byte that is not UTF-8 gives one line with its line and column and the byte's value."""
    path = tmp_path / "latin1.seminar.json"
    path.write_bytes(DEFAULT_TEXT.replace("Humphrey", "Humphr\udcffy", 1).encode("utf-8", "surrogateescape"))
    (line,) = check(path)
    assert ": the file is not valid UTF-8 (byte 0xff at offset " in line
    assert "(file)" not in line and ": line " in line


def test_flood_of_problems_and_terminal_escapes(tmp_path):
    """100,000 broken positions naming a speaker with terminal escapes print the first problems, escaped, and a note."""
    entry = '{"speaker": "\\u001b]0;owned\\u0007"},'
    path = tmp_path / "flood.seminar.json"
    path.write_text(DEFAULT_TEXT.replace('"positions": [', '"positions": [' + entry * 100_000, 1), encoding="utf-8")
    lines = check(path)
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[-1] == f"seminar-lens: {path}: (file): {TOO_MANY_PROBLEMS}"
    assert "unknown speaker '\\x1b]0;owned\\x07'" in "\n".join(lines)


def run_import(path, tmp_path) -> str:
    """``--import`` of a hostile file: it must be refused cleanly, writing nothing; its one stderr line is returned."""
    out = tmp_path / "out.seminar.json"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--import", str(path), "--out", str(out)],
        capture_output=True, text=True, timeout=300,  # generous: the bound is what is tested, not the time
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    assert not out.exists()
    (line,) = result.stderr.splitlines()
    return line


@pytest.mark.parametrize(
    ("make", "name", "expected"),
    [
        (hostile_imports.whisper_long_number, "long.json", "a number with 5,000 digits is too long (at most 100 digits)"),
        (hostile_imports.zip_version_76, "v76.docx", "asks for zip version 7.6, newer than the 6.3 that can be read here"),
        (hostile_imports.docx_bomb, "bomb.docx", "says it unpacks to 400 MiB, more than the 256 MiB an import unpacks"),
        (hostile_imports.docx_paragraphs, "many.docx", "has more than 50,000 paragraphs, the most an import reads"),
        (hostile_imports.pdf_bomb, "bomb.pdf", "one of its streams (object 4) inflates to more than 64 MiB"),
    ],
)
def test_hostile_import_is_refused_naming_the_input_and_the_bound(tmp_path, make, name, expected):
    """Each hostile transcript gets one FILE: LOCATION: MESSAGE line naming the input (not the output) and the bound."""
    path = make(tmp_path / name)
    line = run_import(path, tmp_path)
    assert line.startswith(f"seminar-lens: {path}: ") and expected in line
    assert "seminar.json" not in line
