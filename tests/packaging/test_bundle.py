"""The PyInstaller bundle: built from the spec, it carries its data and icons and runs with no Python around."""

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.assets import DEFAULT_SEMINAR
from tests.desktop.entry_format import exec_arguments, read_entry
from tests.packaging.conftest import ROOT, clean_environment, make_environment, run
from tests.packaging.headless_commands import HEADLESS_COMMANDS, run_headless

pytestmark = pytest.mark.slow

SPEC = ROOT / "resources" / "packaging" / "seminar-lens.spec"
BUILD_TIMEOUT_SECONDS = 900


@dataclass(frozen=True)
class Bundle:
    folder: Path

    @property
    def executable(self) -> Path:
        return self.folder / "seminar-lens"

    def packaged(self, *parts: str) -> Path:
        """The one copy of a packaged file inside the bundle, wherever PyInstaller placed the package."""
        (found,) = self.folder.glob("**/desktop_app/" + "/".join(parts))
        return found


@pytest.fixture(scope="session")
def bundle(wheel, tmp_path_factory, tool_caches) -> Bundle:
    """The one-folder bundle, built as the README says: PyInstaller from an environment with '.[bundle]'."""
    work = tmp_path_factory.mktemp("bundle")
    environment = make_environment(work / "venv", f"{wheel}[bundle]", tool_caches)
    run(
        [environment.python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", work / "dist", "--workpath", work / "build", SPEC],
        cwd=work, env=clean_environment(**tool_caches), timeout=BUILD_TIMEOUT_SECONDS,
    )  # fmt: skip
    return Bundle(work / "dist" / "seminar-lens")


def test_bundle_carries_the_data_and_the_icons(bundle):
    """The bundle holds the default seminar, the schema, the icons and the desktop templates under desktop_app/."""
    for parts in [
        ("data", DEFAULT_SEMINAR),
        ("data", "schema", "seminar-lens-2.schema.json"),
        ("resources", "icons", "seminar-lens.svg"),
        ("resources", "icons", "hicolor", "48x48", "apps", "seminar-lens.png"),
        ("resources", "desktop", "seminar-lens.desktop.in"),
    ]:
        assert bundle.packaged(*parts).stat().st_size > 0


@pytest.mark.parametrize("command", HEADLESS_COMMANDS, ids=lambda command: command.name)
def test_bundled_executable_runs_headless_commands(bundle, tmp_path, command):
    """The bundled executable runs each headless command offscreen, on the seminar it carries."""
    run_headless(bundle.executable, command, bundle.packaged("data", DEFAULT_SEMINAR), tmp_path, clean_environment())


def test_bundle_installs_a_desktop_entry_that_starts_the_bundle(bundle, private_home):
    """Run from the bundle, --install-desktop-entry points the entry at the bundled executable."""
    environment = clean_environment()
    result = subprocess.run(
        [str(bundle.executable), "--install-desktop-entry"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    entry = Path(environment["XDG_DATA_HOME"]) / "applications" / "seminar-lens.desktop"
    validation = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=60)
    assert validation.returncode == 0 and validation.stdout == "", validation.stdout
    assert exec_arguments(read_entry(entry.read_text(encoding="utf-8"))["Exec"]) == [str(bundle.executable), "%f"]
