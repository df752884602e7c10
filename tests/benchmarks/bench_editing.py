"""Editing benchmarks: an edit, an undo and a redo until the views have repainted; and saving.

The default seminar (copied to a scratch file, so saving writes there), and a
synthetic one of 500 speakers, 40 themes and 10,000 positions, each in a
fresh interpreter (:mod:`.editing_child`) with the real main window shown
offscreen.  Targets are the issue's: 16 ms (one frame) on the default, 50 ms
on the large seminar, and a save of the default in 100 ms.
"""

from __future__ import annotations

import functools
import shutil
import statistics
import tempfile
from pathlib import Path

from desktop_app.assets import default_seminar_path
from tests.synthetic.generator import generate_text

from .children import run_child
from .harness import Measurement, Settings, benchmark, shown

SEED = 1
TIMEOUT = 600
SAMPLES = 30


@functools.cache
def editing_runs(seminar: str, settings: Settings) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="seminar-lens-editing-") as scratch:
        path = Path(scratch) / f"{seminar}.seminar.json"
        if seminar == "default":
            shutil.copyfile(default_seminar_path(), path)
        else:
            sizes = settings.size(500, quick=8), settings.size(40, quick=5), settings.size(10_000, quick=60)
            path.write_text(generate_text(*sizes, SEED), encoding="utf-8")
        count = settings.size(SAMPLES, quick=3)
        return run_child("editing_child", [str(path), str(count)], platform="offscreen", timeout=TIMEOUT)


def _register(seminar: str, label: str, series: str, target: float) -> None:
    @benchmark(f"{series} a stance, {label}", target=target, group="editing")
    def run(settings: Settings) -> Measurement:
        runs = editing_runs(seminar, settings)
        samples, calls = runs[series], runs[f"{series}_call"]
        detail = (
            f"{len(samples)} samples; until the detail panel and chart repainted; the call itself "
            f"{shown(statistics.median(calls), 's')} (median); slowest {shown(max(samples), 's')}"
        )
        return Measurement(samples, "s", detail)


for _series in ("edit", "undo", "redo"):
    _register("default", "default seminar", _series, 0.016)
    _register("large", "500 speakers × 40 themes × 10,000 positions", _series, 0.050)


@benchmark("save the default seminar", target=0.100, group="editing")
def save_default(settings: Settings) -> Measurement:
    samples = editing_runs("default", settings)["save"]
    return Measurement(samples, "s", f"{len(samples)} atomic saves of the default seminar (dumps, write, fsync, rename)")
