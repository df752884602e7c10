"""Every headless command's error lines start ``seminar-lens: ``, with the located problem after it."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from tests.factories import debate, to_bytes


def _broken(tmp_path):
    data = debate()
    data["positions"][0]["speaker"] = "ghost"
    data["positions"][1]["stance"] = 9
    path = tmp_path / "broken.seminar.json"
    path.write_bytes(to_bytes(data))
    return path


@pytest.mark.parametrize(
    "command",
    [
        lambda broken, tmp: ["--check", str(broken)],
        lambda broken, tmp: ["--import", str(tmp / "absent.vtt"), "--out", str(tmp / "new.seminar.json")],
        lambda broken, tmp: ["--export-csv", str(tmp / "out.csv"), str(broken)],
        lambda broken, tmp: ["--replace-source", str(tmp / "absent.txt"), "--out", str(tmp / "o.seminar.json"), str(broken)],
    ],
    ids=["check", "import", "export", "replace-source"],
)
def test_every_error_line_starts_with_the_programs_name(tmp_path, capsys, command):
    """Each line names the program first, then the file and where in it the problem is."""
    broken = _broken(tmp_path)
    status = main(command(broken, tmp_path))
    lines = capsys.readouterr().err.splitlines()
    assert status == 1 and lines
    assert all(line.startswith("seminar-lens: ") for line in lines), lines
    assert all(": " in line.removeprefix("seminar-lens: ") for line in lines), lines
