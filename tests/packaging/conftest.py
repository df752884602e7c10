"""Build the wheel once per test session and make fresh virtual environments from it.

These fixtures reach PyPI through pip (PySide6-Essentials and the other
dependencies, and PyInstaller for the bundle).  Pip's cache and PyInstaller's
are kept in the session's temporary folder, so the tests write nothing to the
real home directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL_TIMEOUT_SECONDS = 1200


def clean_environment(**extra: str) -> dict[str, str]:
    """The current environment without anything that would point Python at this checkout or venv."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "__PYVENV_LAUNCHER__")
    }
    environment.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", QT_QPA_PLATFORM="offscreen")
    environment.update(extra)
    return environment


def run(command: list, *, timeout: float = INSTALL_TIMEOUT_SECONDS, **options) -> subprocess.CompletedProcess:
    """Run a build or install step; on failure, fail the test with the end of its output."""
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=timeout, **options)
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, command))} exited {result.returncode}\n"
            f"--- stdout ---\n{result.stdout[-4000:]}\n--- stderr ---\n{result.stderr[-4000:]}"
        )
    return result


@dataclass(frozen=True)
class Environment:
    """A virtual environment made for one test session."""

    folder: Path

    @property
    def python(self) -> Path:
        return self.folder / "bin" / "python"

    def script(self, name: str) -> Path:
        return self.folder / "bin" / name

    def ask(self, code: str, **options) -> str:
        """What a line of Python prints when run by this environment's interpreter."""
        return run([self.python, "-c", code], timeout=120, **options).stdout.strip()


@pytest.fixture(scope="session")
def tool_caches(tmp_path_factory) -> dict[str, str]:
    """Pip's and PyInstaller's caches, shared by this session's builds and kept out of the home folder."""
    folder = tmp_path_factory.mktemp("caches")
    return {"PIP_CACHE_DIR": str(folder / "pip"), "PYINSTALLER_CONFIG_DIR": str(folder / "pyinstaller")}


@pytest.fixture(scope="session")
def wheel(tmp_path_factory, tool_caches) -> Path:
    """The wheel built from this checkout, as `python -m build --wheel` makes it."""
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT], env=clean_environment(**tool_caches))
    (built,) = out.glob("seminar_lens-*.whl")
    return built


def make_environment(folder: Path, requirement: str, caches: dict[str, str]) -> Environment:
    """A fresh virtual environment with ``requirement`` installed by pip, dependencies from PyPI."""
    environment = Environment(folder)
    run([sys.executable, "-m", "venv", folder], env=clean_environment())
    run([environment.python, "-m", "pip", "install", "--quiet", requirement], env=clean_environment(**caches))
    return environment


@pytest.fixture(scope="session")
def wheel_environment(wheel, tmp_path_factory, tool_caches) -> Environment:
    """A fresh virtual environment holding the wheel and its dependencies, and nothing of this checkout."""
    return make_environment(tmp_path_factory.mktemp("wheel-env") / "venv", str(wheel), tool_caches)
