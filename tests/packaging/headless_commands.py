"""The headless commands that every packaged form of the app must run.

The wheel installed in a fresh environment and the standalone bundle both run
this list, from a folder unrelated to the checkout.  In the arguments,
``{default}`` stands for the packaged default seminar and ``{out}`` for an
empty folder for outputs.  A command passes when it exits 0, its output
contains ``prints``, and each file in ``writes`` exists in ``{out}`` and is
not empty.  A new headless command joins both tests with one line here, e.g.::

    Headless("export-pdf", ("--export-pdf", "{out}/summary.pdf"), writes=("summary.pdf",)),
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from desktop_app import __version__


@dataclass(frozen=True)
class Headless:
    name: str
    arguments: tuple[str, ...]
    prints: str = ""
    writes: tuple[str, ...] = ()


HEADLESS_COMMANDS = [
    Headless("version", ("--version",), prints=f"Seminar Lens {__version__}"),
    Headless("check", ("--check", "{default}"), prints=": ok: 8 speakers, 10 themes, 50 positions"),
    Headless("export-pdf", ("--export-pdf", "{out}/summary.pdf"), prints=" pages)", writes=("summary.pdf",)),
    Headless("export-csv", ("--export-csv", "{out}/positions.csv"), writes=("positions.csv",)),
]


def run_headless(
    launcher: Path, command: Headless, default: Path, work: Path, environment: dict[str, str]
) -> subprocess.CompletedProcess:
    """Run one command with ``launcher`` from ``work``, an unrelated folder, and check what it did."""
    out = work / "out"
    out.mkdir(parents=True)
    arguments = [argument.format(default=default, out=out) for argument in command.arguments]
    result = subprocess.run(
        [str(launcher), *arguments], capture_output=True, text=True, cwd=work, env=environment, timeout=300
    )
    assert result.returncode == 0, f"{command.name}: exit {result.returncode}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    assert command.prints in result.stdout
    for name in command.writes:
        assert (out / name).stat().st_size > 0, f"{command.name} did not write {name}"
    return result
