"""The wheel carries the default seminar and the icons, and the installed app finds them away from the checkout."""

import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.desktop.entry_format import exec_arguments, read_entry
from tests.packaging.conftest import ROOT, clean_environment
from tests.packaging.headless_commands import HEADLESS_COMMANDS, run_headless

pytestmark = pytest.mark.slow

ASK_DEFAULT = "from desktop_app.assets import default_seminar_path; print(default_seminar_path())"
ASK_SITE_PACKAGES = "import sysconfig; print(sysconfig.get_paths()['purelib'])"


@pytest.fixture(scope="module")
def packaged_default(wheel_environment) -> Path:
    """The default seminar as the installed package finds it, asked from an unrelated folder."""
    return Path(wheel_environment.ask(ASK_DEFAULT, cwd=wheel_environment.folder.parent))


def test_wheel_lists_the_data_and_the_icons(wheel):
    """The wheel's file list has the default seminar, the schema, the icons and the desktop templates."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "desktop_app/data/china-russia-2021.seminar.json",
        "desktop_app/data/schema/seminar-lens-2.schema.json",
        "desktop_app/resources/icons/seminar-lens.svg",
        "desktop_app/resources/icons/hicolor/16x16/apps/seminar-lens.png",
        "desktop_app/resources/icons/hicolor/512x512/apps/seminar-lens.png",
        "desktop_app/resources/desktop/seminar-lens.desktop.in",
        "desktop_app/resources/desktop/seminar-lens.xml",
    }
    assert expected <= names


def test_installed_app_finds_its_default_inside_the_environment(wheel_environment, packaged_default):
    """The installed package's default seminar lies in the environment's site-packages, not in the checkout."""
    site_packages = Path(wheel_environment.ask(ASK_SITE_PACKAGES))
    assert packaged_default.is_file()
    assert packaged_default.is_relative_to(site_packages)
    assert not packaged_default.resolve().is_relative_to(ROOT.resolve())


@pytest.mark.parametrize("command", HEADLESS_COMMANDS, ids=lambda command: command.name)
def test_installed_launcher_runs_headless_commands(wheel_environment, packaged_default, tmp_path, command):
    """The seminar-lens launcher of a fresh install runs each headless command from an unrelated folder."""
    run_headless(wheel_environment.script("seminar-lens"), command, packaged_default, tmp_path, clean_environment())


def test_installed_app_installs_a_desktop_entry_that_starts_it(wheel_environment, private_home):
    """After pip install, --install-desktop-entry writes a valid entry whose Exec is that installation's launcher."""
    launcher = wheel_environment.script("seminar-lens")
    environment = clean_environment()
    result = subprocess.run(
        [str(launcher), "--install-desktop-entry"], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.returncode == 0, result.stderr
    entry = Path(environment["XDG_DATA_HOME"]) / "applications" / "seminar-lens.desktop"
    validation = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=60)
    assert validation.returncode == 0 and validation.stdout == "", validation.stdout
    assert exec_arguments(read_entry(entry.read_text(encoding="utf-8"))["Exec"]) == [str(launcher), "%f"]
