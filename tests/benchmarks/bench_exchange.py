"""Exchange benchmark: ``--export-qdpx`` and ``--import PROJECT.qdpx`` of a 500-speaker seminar against ``--check`` of it.

The seminar has 500 speakers, 40 themes and 10,000 positions.  Each command
runs in this process, alternately with ``--check`` of the same seminar file,
with their output thrown away; the targets (≤ 3× --check) are the issue's.
"""

from __future__ import annotations

import contextlib
import functools
import io
import statistics
import tempfile
from pathlib import Path

from desktop_app.cli import main as cli
from tests.synthetic.generator import generate_text

from .harness import Measurement, Settings, benchmark, side_by_side

SEED = 2
_FOLDER = tempfile.TemporaryDirectory(prefix="seminar-lens-exchange-")


@functools.cache
def _seminar(speakers: int, themes: int, positions: int) -> Path:
    path = Path(_FOLDER.name) / "large.seminar.json"
    path.write_text(generate_text(speakers, themes, positions, SEED), encoding="utf-8")
    return path


def _quietly(arguments: list[str]) -> None:
    said = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(said):
        status = cli(arguments)
    if status != 0:
        raise RuntimeError(f"seminar-lens {' '.join(arguments)} exited {status}: {said.getvalue().strip()}")


def _sizes(settings: Settings) -> tuple[int, int, int]:
    return settings.size(500, quick=8), settings.size(40, quick=5), settings.size(10_000, quick=60)


@benchmark("--export-qdpx of a 500-speaker seminar / --check of it", target=3.0, unit="×", group="loading")
def export_ratio(settings: Settings) -> Measurement:
    sizes = _sizes(settings)
    seminar = _seminar(*sizes)
    project = Path(_FOLDER.name) / "large.qdpx"
    exported, check = side_by_side(
        lambda: _quietly(["--export-qdpx", str(project), "--force", str(seminar)]), lambda: _quietly(["--check", str(seminar)]),
        settings.runs,
    )
    ratios = [subject / baseline for subject, baseline in zip(exported, check, strict=True)]
    detail = (
        f"{sizes[0]} speakers, {sizes[1]} themes, {sizes[2]:,} positions; --export-qdpx "
        f"{statistics.median(exported):.2f} s, --check {statistics.median(check):.2f} s"
    )
    return Measurement(ratios, "×", detail)


@benchmark("--import PROJECT.qdpx of a 500-speaker seminar / --check of the seminar", target=3.0, unit="×", group="loading")
def import_ratio(settings: Settings) -> Measurement:
    sizes = _sizes(settings)
    seminar = _seminar(*sizes)
    project = Path(_FOLDER.name) / "import.qdpx"
    _quietly(["--export-qdpx", str(project), "--force", str(seminar)])
    out = Path(_FOLDER.name) / "imported.seminar.json"
    imported, check = side_by_side(
        lambda: _quietly(["--import", str(project), "--out", str(out), "--force"]), lambda: _quietly(["--check", str(seminar)]),
        settings.runs,
    )
    ratios = [subject / baseline for subject, baseline in zip(imported, check, strict=True)]
    detail = (
        f"{sizes[0]} speakers, {sizes[1]} themes, {sizes[2]:,} positions; --import "
        f"{statistics.median(imported):.2f} s, --check {statistics.median(check):.2f} s"
    )
    return Measurement(ratios, "×", detail)
