"""Benchmark: exporting the default seminar's PDF brief (target: median ≤ 1.5 s).

Run from the checkout: ``python -m tests.benchmarks.bench_pdf [RUNS]``.  It
prints the median of several exports (the seminar already loaded, as it is
in the window) and, apart, the first export of the process, which also pays
for importing pyqtgraph.  Nothing here is asserted: timings on a shared
machine are for people to read.  :func:`pdf_export_samples` returns the raw
samples for a benchmark harness.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 1.5


def pdf_export_samples(runs: int = 5) -> tuple[float, list[float]]:
    """(first export, then ``runs`` more), in seconds, each writing the whole brief to a file."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.assets import default_seminar_path
    from desktop_app.model.dataset import load
    from desktop_app.qt_app import make_application

    make_application(headless=True)
    dataset = load(default_seminar_path())
    dataset.analysis  # loaded and analysed before timing, as in the open window
    with tempfile.TemporaryDirectory(prefix="seminar-lens-bench-") as folder:
        out = Path(folder) / "brief.pdf"

        def export() -> float:
            from desktop_app.report.pdf import export_pdf

            start = time.perf_counter()
            export_pdf(dataset, out)
            return time.perf_counter() - start

        first = export()
        return first, [export() for _ in range(runs)]


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 5
    first, samples = pdf_export_samples(runs)
    median = statistics.median(samples)
    verdict = "meets" if median <= TARGET_SECONDS else "misses"
    print(
        f"PDF export of the default seminar: median {median:.3f} s over {runs} runs "
        f"(min {min(samples):.3f} s, max {max(samples):.3f} s); {verdict} the {TARGET_SECONDS} s target. "
        f"First export of the process, importing pyqtgraph: {first:.3f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
