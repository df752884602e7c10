"""Selection benchmarks: a click on a speaker or a theme, until the views showing it have repainted.

The default seminar, and a synthetic one of 500 speakers, 40 themes and
10,000 positions, each opened in a fresh interpreter (:mod:`.selection_child`)
with the real main window shown offscreen at 1280 × 800.  Each sample runs
from the selection call a click makes to the Paint event of the last of the
views that show it (the list, the detail panel, and the chart or the Source
tab), Qt's events processed in between as its event loop would; the detail
line adds the median time until the call returned, and the slowest sample.
Every theme and every speaker with a position is selected in turn (up to a
cap, evenly spread), each a different one from the last: nothing is cached
per speaker or theme, so going round the default seminar's few speakers
again measures the same work.
"""

from __future__ import annotations

import functools
import statistics
import tempfile
from pathlib import Path

from desktop_app.assets import default_seminar_path
from tests.synthetic.generator import generate_text

from .children import run_child
from .harness import Measurement, Settings, benchmark, shown

SEED = 1
TIMEOUT = 600
DEFAULT_SAMPLES = 40
"""Selections per series on the default seminar, going round its speakers and themes."""
LARGE_SAMPLES = 60
"""Selections per series on the large seminar: 60 of its speakers; its 40 themes, then 20 of them again."""

SERIES = {
    "speaker": "select a speaker",
    "theme": "select a theme",
    "speaker_source": "select a speaker, Source tab shown",
    "speaker_timeline": "select a speaker, Timeline tab shown",
    "theme_timeline": "select a theme, Timeline tab shown",
    "speaker_search": "select a speaker, search highlighting on",
}


@functools.cache
def selection_runs(seminar: str, settings: Settings) -> dict[str, list[float]]:
    """Every series on ``seminar`` ("default" or "large"), measured in one child process."""
    with tempfile.TemporaryDirectory(prefix="seminar-lens-selection-") as scratch:
        if seminar == "default":
            path = default_seminar_path()
            count = settings.size(DEFAULT_SAMPLES, quick=3)
        else:
            sizes = settings.size(500, quick=8), settings.size(40, quick=5), settings.size(10_000, quick=60)
            path = Path(scratch) / "large.seminar.json"
            path.write_text(generate_text(*sizes, SEED), encoding="utf-8")
            count = settings.size(LARGE_SAMPLES, quick=3)
        # Offscreen for everyone, display or not: no window manager or compositor in the figures.
        return run_child("selection_child", [str(path), str(count)], platform="offscreen", timeout=TIMEOUT)


def _register(seminar: str, label: str, series: str, target: float) -> None:
    @benchmark(f"{SERIES[series]}, {label}", target=target, group="selection")
    def run(settings: Settings) -> Measurement:
        runs = selection_runs(seminar, settings)
        samples, calls = runs[series], runs[f"{series}_call"]
        views = {"speaker_source": "list, detail and source text", "speaker_timeline": "list, detail and timeline",
                 "theme_timeline": "list, detail and timeline"}.get(series, "list, detail and chart")
        detail = (
            f"{len(samples)} selections; until the {views} repainted; the call itself {shown(statistics.median(calls), 's')} "
            f"(median); slowest {shown(max(samples), 's')}"
        )
        return Measurement(samples, "s", detail)


# One frame at 60 Hz on the default seminar; 50 ms on the large one (the performance goals).
for _series in SERIES:
    _register("default", "default seminar", _series, 0.016)
for _series in SERIES:
    _register("large", "500 speakers × 40 themes × 10,000 positions", _series, 0.050)
