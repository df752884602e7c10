"""Crash recovery: edits made in a window that is killed come back at the next start, and never overwrite the original unasked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from desktop_app.model.format.loader import load
from desktop_app.ui.files import recovery
from desktop_app.ui.shell.main_window import MainWindow
from tests.benchmarks.children import CHECKOUT, child_environment
from tests.factories import debate, to_bytes


def test_edits_in_a_killed_window_are_recovered_at_the_next_start(qtbot, tmp_path, settings, dialogs):
    """A window killed after its autosave leaves its five new speakers, and the next start offers and restores them."""
    original = tmp_path / "debate.seminar.json"
    original.write_bytes(to_bytes(debate()))
    home = tmp_path / "child-home"
    env = child_environment(home, "offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.files.recovery_child", str(original)],
        cwd=CHECKOUT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = child.stdout.readline()  # blocks until the child has autosaved (or died)
        assert line.startswith("AUTOSAVED"), child.stderr.read()[-2000:] if child.poll() is not None else line
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=60)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    written = Path(line.split(" ", 1)[1].strip())
    assert written.is_relative_to(env["XDG_STATE_HOME"])  # the user's state folder, private to the child
    left = recovery.left_by_crashes(written.parent)
    assert len(left) == 1 and left[0].original == str(original.resolve())

    window = MainWindow(load(original), settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    window.saving.recovery_folder = left[0].path.parent
    dialogs.recover_answer = True
    assert window.saving.offer_recovery()
    summary = dialogs.named("ask_recover")[0]
    assert "Second reading: the Clean Air Bill" in summary and "8 speakers" in summary and str(original.resolve()) in summary
    assert {f"added-{n}" for n in range(5)} <= {s.id for s in window.document.dataset.speakers}
    assert window.isWindowModified()
    assert not load(original).has_speaker("added-0")  # the original is untouched so far

    dialogs.ask_answer = False  # "write over the original?" No: Save asks where instead
    elsewhere = tmp_path / "recovered.seminar.json"
    dialogs.save_answer = str(elsewhere)
    assert window.saving.save()
    assert dialogs.named("ask") and not load(original).has_speaker("added-0")
    assert load(elsewhere).has_speaker("added-4")
    assert recovery.left_by_crashes(left[0].path.parent) == [] and not recovery.own_file(left[0].path.parent).exists()
