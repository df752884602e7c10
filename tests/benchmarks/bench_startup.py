"""Start-up benchmarks: time to the first painted main window and to its seminar, and peak memory, against bare windows.

Each sample starts three fresh interpreters, one after the other and in a
rotating order so that all three see the same machine load: the application
by the launcher's own path, a bare PySide6 window showing a pyqtgraph plot
(the reference the target is set against), and a bare PySide6 window without
pyqtgraph (the floor).  Each child (:mod:`.startup_child`) is handed this
process's clock reading from just before it was spawned, notes the first
Paint event of its window, and reports that time and its peak resident
memory.  The children get an empty home and settings of their own
(:mod:`.children`), so the application opens on the default seminar as on a
first run.  They paint on Qt's real X11 platform (xcb) whenever they can: on
the caller's display, else on a private Xvfb started for the run
(:mod:`.display`); only where neither is possible do they paint offscreen,
and the rows say so.  They share a bytecode
cache of the run's own, filled by the unrecorded first round: an installed
copy of the application starts from compiled modules, as pyqtgraph and PySide6
do from theirs, even where the caller has turned writing bytecode off
(``PYTHONDONTWRITEBYTECODE``), which would otherwise leave only the
application compiling its own modules at every start.

The goals are two ratios of the app's first paint, read from the same
children: to the pyqtgraph window and to the bare window.  The app paints its
frame first, its seminar just after and its chart last, so two more rows time
the seminar's own first paint and the chart's (the first paint of the chart's
graphics viewport, which draws its scene), and the memory row takes the app's
peak over its whole start, once its chart is built and on screen.
"""

from __future__ import annotations

import functools
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .children import run_child
from .display import Display, real_display
from .harness import Measurement, Settings, benchmark, shown

KINDS = ("app", "pyqtgraph", "bare")


@dataclass(frozen=True)
class StartupRuns:
    """The children's reports, a list per kind in the order they ran, and the Qt platform they used."""

    reports: dict[str, list[dict[str, Any]]]
    platform: str

    def median(self, kind: str, figure: str) -> float:
        return statistics.median(report[figure] for report in self.reports[kind])

    def ratios(self, figure: str, baseline: str = "pyqtgraph", subject_figure: str = "") -> list[float]:
        """The app's figure over the baseline's, round by round (each pair saw the same load)."""
        return [
            mine[subject_figure or figure] / theirs[figure]
            for mine, theirs in zip(self.reports["app"], self.reports[baseline], strict=True)
        ]


def start_once(kind: str, bytecode_cache: Path | None = None, display: Display | None = None) -> dict[str, Any]:
    """One fresh start of ``kind`` ("app", "pyqtgraph" or "bare"): the child's report.

    With ``bytecode_cache``, compiled modules are kept in and read from that
    folder; with ``display``, the child paints there, else as
    :func:`.children.child_platform` chooses.
    """
    return run_child(
        "startup_child", [kind], pass_clock=True, timeout=120, bytecode_cache=bytecode_cache,
        platform=display.platform if display else None, display=display.display if display else None,
    )


@functools.cache
def startup_runs(settings: Settings) -> StartupRuns:
    """``settings.runs`` rounds of the three starts, after one unrecorded round that warms the file and bytecode caches.

    Kept for the run, so the time and memory rows report the same children.
    """
    reports: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="seminar-lens-bytecode-") as folder, real_display() as display:
        cache = Path(folder)
        if not settings.quick:
            for kind in KINDS:
                start_once(kind, cache, display)
        for round_number in range(settings.runs):
            shift = round_number % len(KINDS)
            for kind in KINDS[shift:] + KINDS[:shift]:
                reports[kind].append(start_once(kind, cache, display))
    return StartupRuns(reports, display.description)


def first_paint_detail(runs: StartupRuns) -> str:
    app, plot, bare = (runs.median(kind, "first_paint") for kind in KINDS)
    return (
        f"medians: app {shown(app, 's')}, pyqtgraph window {shown(plot, 's')}, bare PySide6 window {shown(bare, 's')}; "
        f"app / pyqtgraph window {statistics.median(runs.ratios('first_paint')):.2f}×, "
        f"app / bare window {statistics.median(runs.ratios('first_paint', baseline='bare')):.2f}×; platform {runs.platform}"
    )


# Both start-up goals are read from the same children, so the two ratios below saw the same load.
@benchmark("start-up to first paint: app / bare pyqtgraph window", target=0.6, unit="×", group="start-up")
def startup_time(settings: Settings) -> Measurement:
    runs = startup_runs(settings)
    return Measurement(runs.ratios("first_paint"), "×", first_paint_detail(runs))


@benchmark("start-up to first paint: app / bare PySide6 window", target=2.5, unit="×", group="start-up")
def startup_time_bare(settings: Settings) -> Measurement:
    runs = startup_runs(settings)
    return Measurement(runs.ratios("first_paint", baseline="bare"), "×", first_paint_detail(runs))


# The app paints its frame first and the seminar a moment later.  This project's own bound: the
# seminar is on screen no later than a bare pyqtgraph window shows its first frame.
@benchmark("start-up to the seminar on screen: app / bare pyqtgraph window", target=1.0, unit="×", group="start-up")
def startup_seminar(settings: Settings) -> Measurement:
    runs = startup_runs(settings)
    cpu_ratio = statistics.median(runs.ratios("cpu_first_paint", subject_figure="cpu_seminar_painted"))
    detail = (
        f"medians: seminar painted at {shown(runs.median('app', 'seminar_painted'), 's')} "
        f"(CPU time {cpu_ratio:.2f}× the pyqtgraph window's), "
        f"chart built at {shown(runs.median('app', 'ready'), 's')}, "
        f"pyqtgraph window's first paint {shown(runs.median('pyqtgraph', 'first_paint'), 's')}"
    )
    return Measurement(runs.ratios("first_paint", subject_figure="seminar_painted"), "×", detail)


# What a user waits for is the chart: its first paint on screen, against the pyqtgraph window's first paint.
@benchmark("start-up to the chart on screen: app / bare pyqtgraph window", target=1.3, unit="×", group="start-up")
def startup_chart(settings: Settings) -> Measurement:
    runs = startup_runs(settings)
    cpu_ratio = statistics.median(runs.ratios("cpu_first_paint", subject_figure="cpu_chart_painted"))
    detail = (
        f"medians: chart painted at {shown(runs.median('app', 'chart_painted'), 's')} "
        f"(built at {shown(runs.median('app', 'ready'), 's')}), "
        f"pyqtgraph window's first paint {shown(runs.median('pyqtgraph', 'first_paint'), 's')}; "
        f"CPU time used by then {shown(runs.median('app', 'cpu_chart_painted'), 's')} against "
        f"{shown(runs.median('pyqtgraph', 'cpu_first_paint'), 's')}, {cpu_ratio:.2f}×; platform {runs.platform}"
    )
    return Measurement(runs.ratios("first_paint", subject_figure="chart_painted"), "×", detail)


# Each child's peak over its whole start: the app's with its chart built and on screen, the pyqtgraph
# window's at its first paint.  The app may hold at most a fifth more, although it also holds pydantic,
# the seminar and four views.
@benchmark("start-up peak memory: app / bare pyqtgraph window", target=1.2, unit="×", group="start-up")
def startup_memory(settings: Settings) -> Measurement:
    runs = startup_runs(settings)
    detail = (
        f"peak RSS medians: app {shown(runs.median('app', 'rss_first_paint'), 'MiB')} at first paint, "
        f"{shown(runs.median('app', 'rss_ready'), 'MiB')} with its chart built, "
        f"{shown(runs.median('app', 'rss_chart_painted'), 'MiB')} with it on screen, "
        f"{shown(runs.median('app', 'rss_peak'), 'MiB')} when all is done; "
        f"pyqtgraph window {shown(runs.median('pyqtgraph', 'rss_peak'), 'MiB')}; "
        f"bare PySide6 window {shown(runs.median('bare', 'rss_peak'), 'MiB')}; platform {runs.platform}"
    )
    return Measurement(runs.ratios("rss_peak"), "×", detail)
