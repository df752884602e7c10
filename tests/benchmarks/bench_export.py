"""Exporting the PDF brief of a 500- and a 2,000-speaker seminar: the time, the GUI thread's longest stall meanwhile, and the memory.

Each sample runs in a fresh interpreter (``python -m tests.benchmarks.bench_export
--child ...``), so the peak memory it reports is the export's own: the seminar
is loaded and analysed first, as it is in the window, then the peak resident
set size is reset (``/proc/self/clear_refs``), the brief is exported, and the
growth is the new peak less the resident size before the export.  Linux only,
like the figures in the README.

The command-line rows compare whole processes instead: ``seminar-lens
--check FILE`` and an export of the same 5,000-speaker file, run one after
the other in fresh interpreters, each peak read from its own rusage; the
ratio says whether the export's memory stays linear in the positions, as
loading them is.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .harness import Measurement, Settings, benchmark

SEED = 1
TICK_MS = 5
"""The GUI thread's timer during the export: a gap much longer than this is a stall."""
STALL_TARGET_MS = 50.0


def _kib(field: str) -> int:
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE).group(1))


def child(speakers: int, themes: int, positions: int) -> dict[str, float]:
    """Export one brief in this process, as the window does; its time, the longest GUI-thread stall, pages and memory.

    The export runs the window's way: the chart recorded on the GUI thread,
    then a :class:`~desktop_app.report.pdf_job.PdfExportJob` on its worker
    thread while the GUI thread runs an event loop with a timer ticking every
    :data:`TICK_MS`; the longest gap between two ticks (or from the start to
    the first) is the longest the window could not repaint or hear Cancel.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from desktop_app.model.format.loader import load_bytes
    from desktop_app.presentation.brief_options import ReportOptions
    from desktop_app.qt_app import make_application
    from desktop_app.report.pdf_job import PdfExportJob
    from tests.synthetic.generator import generate_text

    make_application(headless=True)
    dataset = load_bytes(generate_text(speakers, themes, positions, SEED).encode("utf-8"))
    dataset.precompute()
    import pyqtgraph  # noqa: F401 (the window has drawn its own chart long before any export)

    options = ReportOptions()
    with tempfile.TemporaryDirectory(prefix="seminar-lens-bench-") as folder:
        out = Path(folder) / "brief.pdf"
        Path("/proc/self/clear_refs").write_text("5")  # the peak from here on is the export's
        before = _kib("VmRSS")
        clock = QElapsedTimer()
        gaps: list[int] = []
        last = [0]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        ticker = QTimer()
        ticker.setInterval(TICK_MS)
        ticker.timeout.connect(tick)
        loop = QEventLoop()
        start = time.perf_counter()
        clock.start()
        job = PdfExportJob(dataset, out, options)  # the chart too is drawn in the worker, as in the window
        job.finished.connect(loop.quit)
        job.start()
        ticker.start()
        if not job.isFinished():
            loop.exec()
        tick()
        ticker.stop()
        job.wait()
        seconds = time.perf_counter() - start
        if job.exported is None:
            raise RuntimeError(f"the export did not finish: {job.failure or job.crash}")
        peak = _kib("VmHWM")
        size = out.stat().st_size
    return {
        "seconds": seconds,
        "stall_ms": float(max(gaps)),
        "pages": job.exported.pages,
        "bytes": size,
        "rss_before_mib": before / 1024,
        "growth_mib": (peak - before) / 1024,
    }


def _sample(speakers: int, themes: int, positions: int) -> dict[str, float]:
    command = [sys.executable, "-m", "tests.benchmarks.bench_export", "--child", str(speakers), str(themes), str(positions)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=Path(__file__).parents[2])
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


_samples: dict[tuple[int, int, int, int], list[dict[str, float]]] = {}


def samples(settings: Settings, speakers: int = 500) -> tuple[tuple[int, int, int], list[dict[str, float]]]:
    """The samples of this run for a panel of ``speakers``, taken once for the benchmarks below that share them."""
    size = (settings.size(speakers, quick=8), settings.size(40, quick=5), settings.size(speakers * 20, quick=80))
    runs = min(settings.runs, 3)  # a fresh interpreter each: three are enough for a median
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
        f"time {middle['seconds']:.1f} s side by side with the longest GUI-thread stall {middle['stall_ms']:.0f} ms "
        f"(a {TICK_MS} ms timer's longest gap; target {STALL_TARGET_MS:.0f} ms)"
    )


@benchmark("PDF export of 500 speakers (time)", target=5.0, group="export")
def export_time(settings: Settings) -> Measurement:
    size, taken = samples(settings)
    return Measurement([sample["seconds"] for sample in taken], "s", _detail(size, taken))


@benchmark("PDF export of 500 speakers (longest GUI-thread stall)", target=STALL_TARGET_MS / 1000, group="export")
def export_stall(settings: Settings) -> Measurement:
    size, taken = samples(settings)
    return Measurement([sample["stall_ms"] / 1000 for sample in taken], "s", _detail(size, taken))


@benchmark("PDF export of 2,000 speakers (time)", target=10.0, group="export")
def export_time_2000(settings: Settings) -> Measurement:
    size, taken = samples(settings, 2000)
    return Measurement([sample["seconds"] for sample in taken], "s", _detail(size, taken))


@benchmark("PDF export of 2,000 speakers (longest GUI-thread stall)", target=STALL_TARGET_MS / 1000, group="export")
def export_stall_2000(settings: Settings) -> Measurement:
    size, taken = samples(settings, 2000)
    return Measurement([sample["stall_ms"] / 1000 for sample in taken], "s", _detail(size, taken))


@benchmark("PDF export of 500 speakers (peak memory growth)", target=1024.0, unit="MiB", group="export")
def export_memory(settings: Settings) -> Measurement:
    _, taken = samples(settings)
    growth = [sample["growth_mib"] for sample in taken]
    return Measurement(growth, "MiB", "peak resident size during the export less that before it")


LARGE = (5000, 40, 100_000)
"""The panel of the brief's command-line memory row: speakers, themes, positions (the synthetic seminar, seed 1)."""
PAIRS_PANEL = (2000, 40, 40_000)
"""The panel of the pairs CSV's row, capped: 5,000 speakers make 12.5 million rows, over 8 minutes a sample here.

A single run at 5,000 speakers (2026-12-07) peaked at 732 MiB, as --check of the same file did: 1.00×."""


def _peak_of_command(args: list[str], home: Path) -> tuple[float, float]:
    """Run ``seminar-lens ARGS`` in a fresh interpreter with a home of its own; its peak resident size in MiB and its seconds."""
    from .children import CHECKOUT, child_environment

    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", *args], cwd=CHECKOUT, env=child_environment(home, "offscreen"),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    # wait4 gives this child's own peak (ru_maxrss, KiB on Linux), not the largest of every child so far.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(errors.strip().splitlines()[-1] if errors.strip() else f"exit {process.returncode}")
    return usage.ru_maxrss / 1024, seconds


_command_samples: dict[tuple[object, ...], list[dict[str, float]]] = {}


def command_samples(settings: Settings, kind: str, panel: tuple[int, int, int] = LARGE) -> tuple[tuple[int, int, int], list[dict[str, float]]]:
    """Peaks of ``--check`` and of one export (``pdf`` or ``pairs``) of the same synthetic file, taken side by side.

    Each sample runs ``--check`` and then the export, each a fresh
    interpreter, so the two see the same machine load; the file is written
    once by ``python -m tests.synthetic``.
    """
    speakers, themes, positions = panel
    size = (settings.size(speakers, quick=40), settings.size(themes, quick=8), settings.size(positions, quick=800))
    runs = min(settings.runs, 3)  # each sample loads 100,000 positions twice: three are enough for a median
    key = (*size, kind, runs)
    if key in _command_samples:
        return size, _command_samples[key]
    taken = []
    with tempfile.TemporaryDirectory(prefix="seminar-lens-bench-") as folder:
        data = Path(folder) / "large.seminar.json"
        subprocess.run(
            [sys.executable, "-m", "tests.synthetic", "--speakers", str(size[0]), "--themes", str(size[1]),
             "--positions", str(size[2]), "--seed", str(SEED), str(data)],
            check=True, capture_output=True, cwd=Path(__file__).parents[2],
        )
        out = Path(folder) / ("brief.pdf" if kind == "pdf" else "pairs.csv")
        export = ["--export-pdf", str(out)] if kind == "pdf" else ["--export-csv", str(out), "--csv-kind", "pairs"]
        for index in range(runs):
            home = Path(folder) / f"home-{index}"
            check_peak, check_seconds = _peak_of_command(["--check", str(data)], home)
            export_peak, export_seconds = _peak_of_command([*export, str(data)], home)
            taken.append(
                {
                    "check_mib": check_peak, "check_s": check_seconds, "export_mib": export_peak, "export_s": export_seconds,
                    "out_mib": out.stat().st_size / 2**20,
                }
            )
            out.unlink()
    _command_samples[key] = taken
    return size, taken


def _command_detail(size: tuple[int, int, int], taken: list[dict[str, float]], what: str) -> str:
    speakers, themes, positions = size
    middle = sorted(taken, key=lambda sample: sample["export_mib"] / sample["check_mib"])[len(taken) // 2]
    return (
        f"{speakers:,} speakers, {themes} themes, {positions:,} positions: peak resident {what} "
        f"{middle['export_mib']:.0f} MiB side by side with --check {middle['check_mib']:.0f} MiB "
        f"({middle['export_mib'] / middle['check_mib']:.2f}×); {what} {middle['export_s']:.1f} s, "
        f"--check {middle['check_s']:.1f} s; {middle['out_mib']:.1f} MiB written"
    )


@benchmark("PDF brief of 5,000 speakers: peak memory / --check of the same file", target=1.5, unit="×", group="export")
def brief_memory_ratio(settings: Settings) -> Measurement:
    size, taken = command_samples(settings, "pdf")
    ratios = [sample["export_mib"] / sample["check_mib"] for sample in taken]
    return Measurement(ratios, "×", _command_detail(size, taken, "--export-pdf"))


@benchmark("pairs CSV of 2,000 speakers: peak memory / --check of the same file", target=1.5, unit="×", group="export")
def pairs_csv_memory_ratio(settings: Settings) -> Measurement:
    size, taken = command_samples(settings, "pairs", PAIRS_PANEL)
    ratios = [sample["export_mib"] / sample["check_mib"] for sample in taken]
    return Measurement(ratios, "×", _command_detail(size, taken, "--export-csv --csv-kind pairs"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="one sample of the export benchmark, printed as JSON")
    parser.add_argument("--child", nargs=3, type=int, metavar=("SPEAKERS", "THEMES", "POSITIONS"), required=True)
    args = parser.parse_args(argv)
    print(json.dumps(child(*args.child)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
