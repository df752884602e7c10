"""The benchmark registry and runner: each benchmark returns samples, the runner prints the table.

A benchmark is a function registered with :func:`benchmark`.  It takes the
run's :class:`Settings` (how many samples, and whether this is a quick smoke
run with small sizes) and returns a :class:`Measurement`: the samples it took,
in seconds, MiB or as a ratio to a baseline measured side by side.  The
runner reports the median and the minimum of the samples against the target
and says whether the median meets it.  Timings are never asserted anywhere:
this machine is shared and noisy, so the table is for people to read.

To add a benchmark, write a ``bench_*.py`` module in this folder with
functions decorated by :func:`benchmark`, and add the module's name to
``MODULES`` in :mod:`tests.benchmarks.__main__`.  Time with :func:`timed`;
for a figure that is a ratio to a baseline (the start-up of a bare window,
say), alternate the two with :func:`side_by_side` and return the ratio of
each pair of samples with unit ``"×"``, so both saw the same machine load.
Anything that needs a fresh interpreter (start-up, peak memory) can run
each sample as a subprocess: :func:`.children.run_child` gives it an empty
home and settings of its own and reads back the figures it prints.  Use
:meth:`Settings.size` so ``--quick`` runs stay small.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Unit = Literal["s", "MiB", "×"]


@dataclass(frozen=True)
class Settings:
    """How a run is made: the samples each benchmark takes, and whether sizes are cut down for a smoke run."""

    runs: int = 5
    quick: bool = False

    def size(self, full: int, *, quick: int) -> int:
        """The size to use: ``full`` in a real run, ``quick`` in a smoke run."""
        return quick if self.quick else full


@dataclass
class Measurement:
    """What a benchmark measured: its samples, in ``unit``, and a line of detail for the reader."""

    samples: list[float]
    unit: Unit = "s"
    detail: str = ""


@dataclass(frozen=True)
class Benchmark:
    """A registered benchmark: its name, its target (a median at most ``target``, in ``unit``), and its function."""

    name: str
    target: float
    unit: Unit
    run: Callable[[Settings], Measurement]
    group: str = ""


@dataclass
class Row:
    """One line of the report."""

    name: str
    group: str
    target: float
    unit: Unit
    samples: list[float] = field(default_factory=list)
    detail: str = ""
    error: str = ""
    judged: bool = True

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def minimum(self) -> float:
        return min(self.samples)

    @property
    def ratio_to_target(self) -> float:
        return self.median / self.target

    @property
    def verdict(self) -> str:
        if self.error:
            return "failed"
        if not self.judged:
            return "not judged (quick run)"
        return "meets target" if self.median <= self.target else "misses target"


REGISTRY: list[Benchmark] = []


def benchmark(name: str, *, target: float, unit: Unit = "s", group: str = "") -> Callable:
    """Register the decorated function as a benchmark whose median should be at most ``target``."""

    def register(function: Callable[[Settings], Measurement]) -> Callable[[Settings], Measurement]:
        if any(existing.name == name for existing in REGISTRY):
            raise ValueError(f"a benchmark named {name!r} is already registered")
        REGISTRY.append(Benchmark(name, target, unit, function, group))
        return function

    return register


def timed(action: Callable[[], object]) -> float:
    """Seconds one call of ``action`` takes, starting from a collected heap.

    The result is held until the clock has stopped, so freeing it is not timed.
    """
    gc.collect()
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def side_by_side(
    subject: Callable[[], object], baseline: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    """Time ``subject`` and ``baseline`` alternately, ``runs`` times each, so both see the same machine load."""
    subject_times, baseline_times = [], []
    for _ in range(runs):
        baseline_times.append(timed(baseline))
        subject_times.append(timed(subject))
    return subject_times, baseline_times


def run_benchmarks(
    benchmarks: Sequence[Benchmark], settings: Settings, progress: Callable[[str], None] | None = None
) -> list[Row]:
    """Run each benchmark; a benchmark that raises gives a row saying so, and the others still run."""
    rows = []
    for bench in benchmarks:
        if progress:
            progress(bench.name)
        row = Row(bench.name, bench.group, bench.target, bench.unit, judged=not settings.quick)
        try:
            measurement = bench.run(settings)
            if not measurement.samples:
                raise ValueError("the benchmark returned no samples")
            if measurement.unit != bench.unit:
                raise ValueError(f"the benchmark measured in {measurement.unit}, its target is in {bench.unit}")
            row.samples, row.detail = list(measurement.samples), measurement.detail
        except Exception as exc:  # noqa: BLE001 (a broken benchmark is reported in its row, not fatal to the run)
            row.error = f"{type(exc).__name__}: {exc}"
        rows.append(row)
    return rows


def shown(value: float, unit: Unit) -> str:
    """A figure with its unit, e.g. ``182 ms``, ``2.41 s``, ``1.07×``, ``312 MiB``."""
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:.0f} MiB"


HEADERS = ("benchmark", "runs", "median", "min", "target", "median/target", "result")
_LEFT_ALIGNED = {0, len(HEADERS) - 1}


def table(rows: Sequence[Row]) -> str:
    """The report: one line per benchmark, with its detail (or its error) indented below it."""
    cells = [_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in [HEADERS, *cells]) for i in range(len(HEADERS))]

    def line(values: Sequence[str]) -> str:
        padded = (
            value.ljust(width) if i in _LEFT_ALIGNED else value.rjust(width)
            for i, (value, width) in enumerate(zip(values, widths, strict=True))
        )
        return "  ".join(padded).rstrip()

    out = [line(HEADERS), line(["-" * width for width in widths])]
    for row, values in zip(rows, cells, strict=True):
        out.append(line(values))
        note = row.error or row.detail
        if note:
            out.append(f"    {note}")
    return "\n".join(out)


def _cells(row: Row) -> tuple[str, ...]:
    target = f"≤ {shown(row.target, row.unit)}"
    if row.error:
        return (row.name, "0", "-", "-", target, "-", row.verdict)
    return (
        row.name,
        str(len(row.samples)),
        shown(row.median, row.unit),
        shown(row.minimum, row.unit),
        target,
        f"{row.ratio_to_target:.2f}",
        row.verdict,
    )
