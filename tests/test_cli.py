"""The command-line contract: exit codes, output lines, and never a traceback."""

import json
import subprocess
import sys

import pytest

from desktop_app import __version__
from tests.factories import debate, panel, to_bytes


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_version():
    """--version prints the application name and version and exits 0."""
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Seminar Lens {__version__}"


def test_schema_prints_the_json_schema():
    """--schema prints a JSON Schema describing the seminar file format."""
    result = run("--schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Seminar Lens seminar file"
    assert "Position" in schema["$defs"]


def test_check_prints_one_summary_line_for_a_good_file(tmp_path):
    """--check on a good seminar prints one summary line with its counts and title, and exits 0."""
    path = tmp_path / "panel.seminar.json"
    data = panel()
    path.write_bytes(to_bytes(data))
    result = run("--check", str(path))
    assert result.returncode == 0, result.stderr
    counts = f"{len(data['speakers'])} speakers, {len(data['themes'])} themes, {len(data['positions'])} positions"
    assert result.stdout.strip() == f"{path}: ok: {counts} (Panel on a partnership)"
    assert result.stderr == ""


def test_check_lists_every_problem_of_a_broken_file_and_continues(tmp_path, default_path):
    """A broken file gives one FILE: LOCATION: MESSAGE line per problem; a good one still gets its line."""
    data = debate()
    data["positions"][0]["speaker"] = "ghost"
    data["positions"][1]["stance"] = 9
    data["positions"][2]["excerpt"] = "words nobody said"
    broken = tmp_path / "broken.json"
    broken.write_bytes(to_bytes(data))
    result = run("--check", str(broken), str(default_path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"seminar-lens: {broken}: positions[") for line in lines)
    assert any("(line " in line and "unknown speaker 'ghost'" in line for line in lines)
    assert "Traceback" not in result.stderr
    assert result.stdout.count(": ok: ") == 1


@pytest.mark.parametrize(
    "content",
    [b"not json", b'{"format": "seminar-lens/1", "seminar": {', b"\xff\xfe{\x00}\x00", b"[]", b""],
    ids=["text", "truncated", "utf16", "array", "empty"],
)
def test_check_never_shows_a_traceback(tmp_path, content):
    """Whatever the bytes, --check answers with located problem lines and exit code 1."""
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = run("--check", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"seminar-lens: {path}: ")
    assert "Traceback" not in result.stderr


def test_check_missing_file_is_one_line(tmp_path):
    """A file that does not exist is one line on stderr and exit code 1."""
    missing = tmp_path / "absent.seminar.json"
    result = run("--check", str(missing))
    assert result.returncode == 1
    assert result.stderr.strip() == f"seminar-lens: {missing}: (file): no such file"


@pytest.mark.parametrize(
    "args", [("--check",), ("--no-such-option",), ("--schema", "x.json"), ("--check", "--schema", "x.json")]
)
def test_usage_errors_exit_2(args):
    """Wrong usage prints usage help on stderr and exits 2."""
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_screenshot_renders_the_window_at_the_stated_size(tmp_path, default_dataset):
    """--screenshot writes a PNG of the real window, 1280x800 by default, even with no display."""
    from PySide6.QtGui import QImage

    out = tmp_path / "window.png"
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--screenshot", str(out), "--select", default_dataset.speakers[1].id, "--tab", "agreement"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert "Traceback" not in result.stderr


def test_screenshot_with_an_unknown_speaker_fails_clearly(tmp_path, default_dataset):
    """Asking to select someone who is not in the seminar is exit 1 with the speakers' ids listed."""
    result = run("--screenshot", str(tmp_path / "x.png"), "--select", "nobody")
    assert result.returncode == 1
    assert "no speaker or theme 'nobody'" in result.stderr
    assert all(speaker.id in result.stderr for speaker in default_dataset.speakers)
    assert not (tmp_path / "x.png").exists()


def test_screenshot_options_need_the_screenshot_command():
    """--select without --screenshot, or a malformed --size, is a usage error."""
    assert run("--select", "someone", "--check", "x.json").returncode == 2
    assert run("--screenshot", "x.png", "--size", "huge").returncode == 2


def test_output_cut_short_by_the_reader_is_not_an_error():
    """Piping --schema into a reader that stops early ends quietly, without an error message."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--schema"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.read(10)
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert b"Error" not in err


def test_check_counts_one_of_a_kind_in_the_singular(tmp_path):
    """A seminar with one theme and one position is summed up as '1 theme' and '1 position', not '1 themes'."""
    data = panel()
    data["positions"] = data["positions"][:1]
    data["themes"] = [t for t in data["themes"] if t["id"] == data["positions"][0]["theme"]]
    data.pop("brief", None)
    path = tmp_path / "small.seminar.json"
    path.write_bytes(to_bytes(data))
    result = run("--check", str(path))
    assert result.returncode == 0, result.stderr
    assert ", 1 theme, 1 position (" in result.stdout
