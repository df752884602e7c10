"""At start-up, settings and recovery files kept under an earlier folder name are moved over, and nothing is lost.

Each start runs in a fresh interpreter (:mod:`tests.folders_child`) whose home
and XDG folders hold what an earlier version left: settings in
``~/.config/Seminar Lens/Seminar Lens.ini`` and recovery files in
``~/.local/state/Seminar Lens/recovery``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.assets import default_seminar_path
from desktop_app.model.format.loader import load, load_bytes
from desktop_app.ui.files import recovery
from tests.benchmarks.children import CHECKOUT, child_environment
from tests.factories import debate, to_bytes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the folder names of Linux")

DEAD_PID = 4_194_304  # above Linux's largest process id: no process can have it


def start(home: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "tests.folders_child"], cwd=CHECKOUT, env=child_environment(home, "offscreen"),
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["offered"], "the start never looked for recovery files"
    return report


def leave_recovery_file(folder: Path) -> Path:
    dataset = load_bytes(to_bytes(debate()), "debate.seminar.json")
    return recovery.write(folder, dataset, None, pid=DEAD_PID)


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


def earlier_settings(home: Path, text: str = "[chart]\nsort=controversy\n") -> Path:
    path = home / ".config" / "Seminar Lens" / "Seminar Lens.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_earlier_settings_and_recovery_files_are_moved_and_used_at_the_next_start(home):
    settings = earlier_settings(home)
    left = leave_recovery_file(home / ".local" / "state" / "Seminar Lens" / "recovery")
    report = start(home)
    assert report["settings_file"] == str(home / ".config" / "seminar-lens" / "seminar-lens.ini")
    assert report["chart_sort"] == "controversy"  # read from the moved settings
    assert not settings.exists() and not (home / ".config" / "Seminar Lens").exists()
    assert len(report["asked"]) == 1 and "Second reading: the Clean Air Bill" in report["asked"][0]
    assert report["title"] == "Second reading: the Clean Air Bill"  # the recovered seminar is open
    assert not left.exists() and not (home / ".local" / "state" / "Seminar Lens").exists()
    assert list((home / ".local" / "state" / "seminar-lens" / "recovery").glob("*.recovery.seminar.json"))


def test_settings_at_both_places_keep_the_current_ones_and_lose_nothing(home):
    earlier = earlier_settings(home, "[chart]\nsort=controversy\n")
    current = home / ".config" / "seminar-lens" / "seminar-lens.ini"
    current.parent.mkdir(parents=True)
    current.write_text("[chart]\nsort=balance\n", encoding="utf-8")
    report = start(home)
    assert report["chart_sort"] == "balance"
    assert earlier.read_text(encoding="utf-8") == "[chart]\nsort=controversy\n"
    log = (home / ".local" / "state" / "seminar-lens" / "log" / "errors.log").read_text(encoding="utf-8")
    assert f"{earlier} was left where it is: {current} exists already" in log


def test_a_recovery_folder_that_cannot_be_made_leaves_the_files_and_the_app_starts(home):
    """A file stands where the new recovery folder would go: nothing moves, the window opens, the log says why."""
    left = leave_recovery_file(home / ".local" / "state" / "Seminar Lens" / "recovery")
    kept = left.read_bytes()
    blocked = home / ".local" / "state" / "seminar-lens" / "recovery"
    blocked.parent.mkdir(parents=True)
    blocked.write_text("not a folder", encoding="utf-8")
    report = start(home)
    assert report["shown"] and report["title"] == load(default_seminar_path()).seminar.title
    assert report["asked"] == []  # no recovery folder, so nothing to offer: but nothing is lost either
    assert left.read_bytes() == kept and blocked.read_text(encoding="utf-8") == "not a folder"
    log = (home / ".local" / "state" / "seminar-lens" / "log" / "errors.log").read_text(encoding="utf-8")
    assert f"could not move {left} to {blocked / left.name}: " in log
