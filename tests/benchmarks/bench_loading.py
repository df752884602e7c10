"""Loading benchmarks: bytes of a synthetic seminar to a checked dataset with its analysis.

Each sample is the whole path a view waits for: parse, validate, resolve
references and excerpts (``load_bytes``), the theme metrics, and the full
speaker-by-speaker agreement matrix.  ``json.loads`` of the same bytes is
timed alternately with it, as a floor that shares the machine's load.
"""

from __future__ import annotations

import functools
import gc
import json
import statistics
import time

from desktop_app.model.format.loader import load_bytes
from tests.synthetic.generator import generate_text

from .harness import Measurement, Settings, benchmark, shown, timed

THEMES = 40
SEED = 1


@functools.cache
def seminar_bytes(speakers: int, themes: int, positions: int) -> bytes:
    """A synthetic seminar file, generated once per size and kept for the rest of the run."""
    return generate_text(speakers, themes, positions, SEED).encode("utf-8")


def measure_loading(speakers: int, positions: int, settings: Settings) -> Measurement:
    themes = settings.size(THEMES, quick=5)
    data = seminar_bytes(speakers, themes, positions)
    totals: list[float] = []
    ratios: list[float] = []
    stages: dict[str, list[float]] = {"load": [], "themes": [], "matrix": []}
    for _ in range(settings.runs):
        floor = timed(lambda: json.loads(data))
        gc.collect()
        start = time.perf_counter()
        dataset = load_bytes(data, "synthetic")
        loaded = time.perf_counter()
        analysis = dataset.analysis
        analysed = time.perf_counter()
        matrix = analysis.matrix
        done = time.perf_counter()
        totals.append(done - start)
        ratios.append((done - start) / floor)
        stages["load"].append(loaded - start)
        stages["themes"].append(analysed - loaded)
        stages["matrix"].append(done - analysed)
        del dataset, analysis, matrix
    parts = ", ".join(f"{name} {shown(statistics.median(times), 's')}" for name, times in stages.items())
    detail = (
        f"{speakers} speakers, {themes} themes, {len(data) / 2**20:.1f} MiB; {parts}; "
        f"{statistics.median(ratios):.1f}× json.loads of the same bytes"
    )
    return Measurement(totals, "s", detail)


def _register(label: str, speakers: int, positions: int, quick_positions: int, target: float) -> None:
    @benchmark(f"load + analyse {label} positions", target=target, group="loading")
    def run(settings: Settings) -> Measurement:
        return measure_loading(
            settings.size(speakers, quick=8), settings.size(positions, quick=quick_positions), settings
        )


# Targets from the performance goals: 10,000 positions in 0.3 s, 100,000 in 3 s.
# 1,000 positions have no goal of their own; a tenth of a second keeps the file
# well below anything a person would notice.
_register("1,000", 50, 1_000, 40, 0.1)
_register("10,000", 500, 10_000, 60, 0.3)
_register("100,000", 500, 100_000, 80, 3.0)
