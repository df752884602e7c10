"""The soak run in full: 2,000 random clicks on the 500-speaker seminar, its time and the memory it kept.

The same run as ``tests/ui/test_soak.py`` with ten times the clicks (see
``tests/ui/soak.py``), after a warm-up of 200.  A run during which the
application's exception hook fired, or whose growth passes the bound the
test states, is reported as failed.  It takes one sample whatever ``--runs`` says: a run lasts
about a minute and a half.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from .harness import Measurement, Settings, benchmark

SEED = 20_260_105


# The target is growth_bound_mib(2_000) from tests/ui/soak.py, the bound the soak test asserts.
@benchmark("soak: 2,000 random clicks on 500 speakers (memory growth)", target=63.0, unit="MiB", group="soak")
def soak_run(settings: Settings) -> Measurement:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.qt_app import make_application

    app = make_application(headless=True)
    from PySide6.QtCore import QSettings

    from desktop_app.model.format.loader import load_bytes
    from desktop_app.ui.errors import install_exception_hook
    from desktop_app.ui.shell.main_window import MainWindow
    from desktop_app.ui.shell.settings import AppSettings
    from tests.fakes import FakeDialogs
    from tests.synthetic.generator import generate_text
    from tests.ui.soak import growth_bound_mib, soak

    speakers, positions = settings.size(500, quick=8), settings.size(10_000, quick=80)
    clicks, warm_up = settings.size(2_000, quick=20), settings.size(200, quick=5)
    dataset = load_bytes(generate_text(speakers, settings.size(40, quick=5), positions, 1).encode("utf-8"))
    dialogs = FakeDialogs()
    previous_hook = sys.excepthook
    with tempfile.TemporaryDirectory(prefix="seminar-lens-bench-") as folder:
        settings_file = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(dataset, settings=AppSettings(settings_file), dialogs=dialogs, build_chart_now=True)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        install_exception_hook(window, dialogs)
        try:
            start = time.perf_counter()
            run = soak(window, clicks, SEED, warm_up)
            seconds = time.perf_counter() - start
        finally:
            sys.excepthook = previous_hook
            window.close()
            window.deleteLater()
            app.processEvents()
    errors = dialogs.named("show_error")
    if errors:
        raise RuntimeError(f"the exception hook fired {len(errors)} time(s); first: {errors[0][1].splitlines()[0]}")
    bound = growth_bound_mib(clicks)
    if run.growth_mib > bound:
        raise RuntimeError(f"the resident size grew {run.growth_mib:.1f} MiB, past the bound of {bound:.1f} MiB")
    mix = ", ".join(f"{name} {count}" for name, count in run.actions.most_common())
    detail = (
        f"{clicks:,} clicks after {warm_up} to warm up, {seconds:.0f} s in all, no exception; resident "
        f"{run.rss_before_mib:.0f} → {run.rss_after_mib:.0f} MiB (bound {bound:.0f} MiB); {mix}"
    )
    return Measurement([run.growth_mib], "MiB", detail)
