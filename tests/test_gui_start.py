"""What the window opens on at start-up, and what it tells the user when that is not what they asked for."""

import pytest

from desktop_app.assets import default_seminar_path
from desktop_app.gui import choose_start_dataset
from tests.factories import debate, to_bytes


@pytest.fixture(scope="module")
def launcher_start():
    """The report of one fresh start of the application by the launcher's path (see the start-up benchmark)."""
    from tests.benchmarks.bench_startup import start_once

    return start_once("app")


def test_nothing_given_opens_the_default_seminar():
    """With no file and no last file, the default seminar opens without a word."""
    choice = choose_start_dataset(None, None)
    assert choice.dataset.path == default_seminar_path()
    assert choice.notice == "" and choice.error is None


def test_last_file_is_reopened(tmp_path):
    """The file open when the app was last closed opens again."""
    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate()))
    choice = choose_start_dataset(None, str(path))
    assert choice.dataset.path == path and choice.notice == ""


def test_missing_last_file_falls_back_to_the_default_and_says_so(tmp_path):
    """If the last file has gone, the default seminar opens with a note naming the file and why."""
    missing = tmp_path / "gone.seminar.json"
    choice = choose_start_dataset(None, str(missing))
    assert choice.dataset.path == default_seminar_path()
    assert str(missing) in choice.notice and "no such file" in choice.notice
    assert choice.error is None


def test_bad_file_on_the_command_line_shows_its_problems_over_the_default(tmp_path):
    """A broken FILE argument opens the default seminar and hands over the problems to list."""
    data = debate()
    data["positions"][0]["stance"] = 7
    path = tmp_path / "bad.seminar.json"
    path.write_bytes(to_bytes(data))
    choice = choose_start_dataset(str(path), None)
    assert choice.dataset.path == default_seminar_path()
    assert "bad.seminar.json could not be opened" in choice.notice
    assert choice.error is not None and "positions[0].stance" in str(choice.error.problems[0])


def test_the_launcher_paints_its_window_before_importing_the_chart_and_pdf_modules(launcher_start):
    """Started as the launcher starts it, in a fresh process, the window paints before pyqtgraph or numpy is imported."""
    assert launcher_start["heavy_modules_at_first_paint"] == []
    assert "ready" in launcher_start, "the chart was built after the first paint"


def test_the_launcher_paints_its_window_before_reading_the_seminar(launcher_start):
    """The window's frame paints before pydantic, the seminar loader, the views and editing are imported; the seminar follows."""
    assert launcher_start["seminar_modules_at_first_paint"] == []
    assert launcher_start["first_paint"] < launcher_start["seminar_painted"] <= launcher_start["ready"]


def test_the_launcher_starts_without_the_importers_and_exports(launcher_start):
    """Starting up, chart and all, imports nothing of reading transcripts (PDF, Word) or of exporting until asked."""
    assert "ready" in launcher_start
    assert launcher_start["on_demand_modules_at_ready"] == []


def test_a_large_file_is_left_for_the_window_to_load_with_progress(tmp_path):
    """A file past the background threshold is not read before the window shows: it is handed over."""
    path = tmp_path / "big.seminar.json"
    path.write_bytes(to_bytes(debate()))
    choice = choose_start_dataset(str(path), None, background_from=path.stat().st_size)
    assert choice.dataset.path == default_seminar_path()
    assert choice.deferred == str(path) and choice.error is None and choice.notice == ""
    remembered = choose_start_dataset(None, str(path), background_from=path.stat().st_size)
    assert remembered.deferred == str(path)
    small = choose_start_dataset(str(path), None, background_from=path.stat().st_size + 1)
    assert small.dataset.path == path and small.deferred is None
