"""The soak test: hundreds of random clicks on the 500-speaker seminar, with no exception and memory held.

The full 2,000 clicks run from the benchmarks (``python -m tests.benchmarks -k soak``);
this reduced run keeps the same mix of actions in every test run.
"""

import sys

import pytest

from desktop_app.ui.errors import install_exception_hook
from desktop_app.ui.shell.main_window import MainWindow

from .soak import growth_bound_mib, soak

CLICKS = 200
WARM_UP = 200  # first visits fill caches (the 500-speaker agreement matrix, search text, layouts): not leaks


@pytest.mark.slow
def test_random_clicks_on_500_speakers_raise_nothing_and_hold_memory(qtbot, big_dataset, settings, dialogs, monkeypatch):
    """Two hundred seeded random clicks across list, chart, tabs, search and heatmap: no error dialog, bounded growth."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back whatever was there afterwards
    window = MainWindow(big_dataset, settings=settings, dialogs=dialogs, build_chart_now=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    hook = install_exception_hook(window, dialogs)

    run = soak(window, CLICKS, seed=20_260_105, warm_up=WARM_UP)

    assert sys.excepthook is hook
    assert dialogs.named("show_error") == []
    assert sum(run.actions.values()) == CLICKS + WARM_UP
    assert set(run.actions) >= {"speaker list", "chart", "tabs", "search", "heatmap"}
    assert run.growth_mib <= growth_bound_mib(CLICKS), f"resident size grew {run.growth_mib:.1f} MiB in {CLICKS} clicks"
