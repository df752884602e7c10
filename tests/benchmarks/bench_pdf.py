"""PDF benchmark: exporting the default seminar's brief, every section, to a file (target: median ≤ 1.5 s).

The seminar is loaded and analysed before the clock starts, as it is in the
open window.  The first export of the process also pays for importing
pyqtgraph (the chart is drawn with it); it is timed apart and reported in the
detail line, and the samples are the exports after it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .harness import Measurement, Settings, benchmark, shown, timed


@benchmark("PDF export, default seminar", target=1.5, group="export")
def pdf_export(settings: Settings) -> Measurement:
    from desktop_app.assets import default_seminar_path
    from desktop_app.model.format.loader import load
    from desktop_app.qt_app import make_application

    make_application(headless=True)
    dataset = load(default_seminar_path())
    dataset.analysis  # noqa: B018 (computed before timing, as in the open window)
    from desktop_app.report.pdf import export_pdf

    with tempfile.TemporaryDirectory(prefix="seminar-lens-bench-") as folder:
        out = Path(folder) / "brief.pdf"
        imports = "importing pyqtgraph" if "pyqtgraph" not in sys.modules else "pyqtgraph already imported"
        first = timed(lambda: export_pdf(dataset, out))
        samples = [timed(lambda: export_pdf(dataset, out)) for _ in range(settings.runs)]
        size = out.stat().st_size
    detail = f"first export of the process ({imports}): {shown(first, 's')}; the PDF is {size / 1024:.0f} KiB"
    return Measurement(samples, "s", detail)
