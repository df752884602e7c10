"""The code stays tidy and typed: ruff's rules (import order and modern syntax included) and mypy's checks pass."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(name: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run a checker installed next to this interpreter from the repository's root, where pyproject.toml configures it."""
    executable = Path(sys.executable).with_name(name)
    assert executable.exists(), f"{name} is not installed next to {sys.executable}"
    return subprocess.run(
        [str(executable), *arguments],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
    )


def test_ruff_finds_nothing_to_complain_about():
    """`ruff check` passes on the app and its tests: imports sorted, modern syntax, no likely bugs."""
    result = run_tool("ruff", "check", "--no-cache", "desktop_app", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_errors():
    """`mypy` passes on desktop_app/, strictly on the model and presentation layers."""
    result = run_tool("mypy", "--no-incremental", "--cache-dir", os.devnull)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout
