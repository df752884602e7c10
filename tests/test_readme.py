"""The README's promises stay true: CI runs exactly its test command."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"


def test_ci_runs_exactly_the_readme_test_command():
    """The test command shown in the README is the last line CI runs, word for word."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip()]
    assert TEST_COMMAND in readme
    assert ci_lines[-1] == TEST_COMMAND


def test_readme_installs_every_system_package_ci_installs():
    """A reader following the README's test instructions gets every Debian package CI installs, venv included."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text()
    packages = re.search(r"APT_PACKAGES=\((.*?)\)", ci, re.S).group(1).split()
    apt_lines = [line for line in readme.splitlines() if "apt-get install" in line]
    assert "python3-venv" in packages
    assert any(all(f" {package}" in line for package in packages) for line in apt_lines)
    assert any("python3-venv" in line and "seminar-lens" in line for line in apt_lines)
