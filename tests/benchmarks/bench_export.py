"""Exporting the PDF brief of a 500-speaker seminar: how long it takes, and how much memory it needs on top.

Each sample runs in a fresh interpreter (``python -m tests.benchmarks.bench_export
--child ...``), so the peak memory it reports is the export's own: the seminar
is loaded and analysed first, as it is in the window, then the peak resident
set size is reset (``/proc/self/clear_refs``), the brief is exported, and the
growth is the new peak less the resident size before the export.  Linux only,
like the figures in the README.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .harness import Measurement, Settings, benchmark

SEED = 1


def _kib(field: str) -> int:
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1))


def child(speakers: int, themes: int, positions: int) -> dict[str, float]:
    """Export one brief in this process; its time, pages and memory figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.model.loader import load_bytes
    from tests.synthetic.generator import generate_text
    from desktop_app.qt_app import make_application
    from desktop_app.report.pdf import export_pdf

    make_application(headless=True)
    dataset = load_bytes(generate_text(speakers, themes, positions, SEED).encode("utf-8"))
    dataset.precompute()
    reports: list[tuple[str, float, int]] = []  # what the export reported, when, and the resident size then
    with tempfile.TemporaryDirectory(prefix="seminar-lens-bench-") as folder:
        out = Path(folder) / "brief.pdf"
        Path("/proc/self/clear_refs").write_text("5")  # the peak from here on is the export's
        before = _kib("VmRSS")
        start = time.perf_counter()

        def building(words: str) -> None:
            reports.append((words, time.perf_counter(), _kib("VmHWM")))

        def painted(done: int, total: int) -> None:
            if done == 1:
                reports.append(("painting the pages", time.perf_counter(), _kib("VmHWM")))

        exported = export_pdf(dataset, out, building=building, progress=painted)
        seconds = time.perf_counter() - start
        peak = _kib("VmHWM")
        size = out.stat().st_size
    # The longest step with no report: the progress dialog cannot move (nor hear Cancel) meanwhile.
    # Each step runs from its own report to the next; painting reports every page.
    steps = [(words, later - when) for (words, when, _), (_, later, _) in zip(reports, reports[1:])]
    longest = max(steps, key=lambda step: step[1])
    return {
        "seconds": seconds,
        "pages": exported.pages,
        "bytes": size,
        "rss_before_mib": before / 1024,
        "growth_mib": (peak - before) / 1024,
        "longest_step": longest[0],
        "longest_step_seconds": longest[1],
        "peaks_mib": {words: round((high - before) / 1024) for words, _, high in reports},
    }


def _sample(speakers: int, themes: int, positions: int) -> dict[str, float]:
    command = [sys.executable, "-m", "tests.benchmarks.bench_export", "--child", str(speakers), str(themes), str(positions)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=Path(__file__).parents[2])
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


_samples: dict[tuple[int, int, int, int], list[dict[str, float]]] = {}


def samples(settings: Settings) -> tuple[tuple[int, int, int], list[dict[str, float]]]:
    """The samples of this run, taken once for both benchmarks below (each export takes about a minute)."""
    size = (settings.size(500, quick=8), settings.size(40, quick=5), settings.size(10_000, quick=80))
    runs = min(settings.runs, 3)  # a minute each: three are enough for a median
    key = (*size, runs)
    if key not in _samples:
        _samples[key] = [_sample(*size) for _ in range(runs)]
    return size, _samples[key]


def _detail(size: tuple[int, int, int], taken: list[dict[str, float]]) -> str:
    speakers, themes, positions = size
    middle = sorted(taken, key=lambda sample: sample["seconds"])[len(taken) // 2]
    return (
        f"{speakers} speakers, {themes} themes, {positions:,} positions: {middle['pages']} pages, "
        f"{middle['bytes'] / 2**20:.0f} MiB of PDF; resident before the export {middle['rss_before_mib']:.0f} MiB; "
        f"longest step with no progress report: '{middle['longest_step']}', {middle['longest_step_seconds']:.1f} s"
    )


@benchmark("PDF export of 500 speakers (time)", target=120.0, group="export")
def export_time(settings: Settings) -> Measurement:
    size, taken = samples(settings)
    return Measurement([sample["seconds"] for sample in taken], "s", _detail(size, taken))


@benchmark("PDF export of 500 speakers (peak memory growth)", target=1024.0, unit="MiB", group="export")
def export_memory(settings: Settings) -> Measurement:
    size, taken = samples(settings)
    growth = [sample["growth_mib"] for sample in taken]
    middle = sorted(taken, key=lambda sample: sample["growth_mib"])[len(taken) // 2]
    peaks = ", ".join(f"{words} {growth:.0f}" for words, growth in middle["peaks_mib"].items())
    return Measurement(
        growth, "MiB", f"peak resident size during the export less that before it; peak so far (MiB) at each step: {peaks}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="one sample of the export benchmark, printed as JSON")
    parser.add_argument("--child", nargs=3, type=int, metavar=("SPEAKERS", "THEMES", "POSITIONS"), required=True)
    args = parser.parse_args(argv)
    print(json.dumps(child(*args.child)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
