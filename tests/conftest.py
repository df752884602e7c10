"""Shared test set-up: offscreen Qt, a private runtime folder, and no test touching the real home."""

import os
import tempfile

# Before anything can import Qt: render offscreen, with a private runtime folder (mode 0700).
_RUNTIME = tempfile.mkdtemp(prefix="seminar-lens-runtime-")
os.environ.setdefault("XDG_RUNTIME_DIR", _RUNTIME)
# The offscreen screen defaults to 800x800, smaller than a desktop; give it a 1920x1080 one.  Also when
# the caller chose plain "offscreen" (QT_QPA_PLATFORM=offscreen pytest ...): without the screen, Qt fits
# every restored window geometry into 800 pixels, and the tests of remembered window sizes fail.
_SCREENS = os.path.join(_RUNTIME, "screens.json")
with open(_SCREENS, "w", encoding="utf-8") as _file:
    _file.write('{"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}]}')
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREENS}"

from datetime import timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from desktop_app.assets import default_seminar_path  # noqa: E402
from desktop_app.model.dataset import Dataset  # noqa: E402
from desktop_app.model.format.loader import load, load_bytes  # noqa: E402
from tests.factories import panel, to_bytes  # noqa: E402


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Point the home, config, data, state and cache folders at the test's own temporary folder."""
    home = tmp_path / "home"
    for name, sub in {
        "HOME": "",
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_STATE_HOME": ".local/state",
        "XDG_CACHE_HOME": ".cache",
    }.items():
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    return home


@pytest.fixture(scope="session")
def default_path() -> Path:
    return default_seminar_path()


@pytest.fixture(scope="session")
def panel_dataset() -> Dataset:
    """The small factory panel (tests.factories.panel): a silent chair, a silent theme, every verdict."""
    return load_bytes(to_bytes(panel()), "panel.seminar.json")


@pytest.fixture(scope="session")
def default_dataset(default_path) -> Dataset:
    """The Democracy Forum seminar shipped as the default, loaded once for the session."""
    return load(default_path)


# Property-based tests run the same bounded set of examples on every run (derandomised, no
# example database), so CI is repeatable and the suite stays fast.  The deadline is a hundred
# times what one example takes: it catches a loader gone quadratic, not a busy machine.
# HYPOTHESIS_PROFILE=explore searches fresh random examples, twenty times as many.
settings.register_profile(
    "repeatable", max_examples=100, derandomize=True, database=None, deadline=timedelta(seconds=2), print_blob=True
)
settings.register_profile("explore", max_examples=2_000, deadline=timedelta(seconds=2))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
