"""The soak run: thousands of random clicks and keys across the main window, from a seeded random generator.

Shared by ``tests/ui/test_soak.py`` (a reduced count in every test run) and
the benchmark ``soak`` (the full 2,000 clicks, with its figures printed).
Each step picks one of :data:`ACTIONS` and does it the way a user would,
through Qt's test events: a row of the speaker list, a point on the chart,
a tab, a word typed in the search box or the box cleared, a cell of the
agreement heatmap, a point of the source text or of the detail panel, an
arrow key, the overview shortcut.  The same seed gives the same run.
"""

from __future__ import annotations

import gc
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

SEARCH_WORDS = ("a", "an", "de", "zz", "the", "speaker", "ov", "é", "<b>", "1", "e", "in")
"""What the soak types in the search box: letters, words, markup, an accent, something matching nothing."""

LEFT = Qt.MouseButton.LeftButton

GROWTH_ALLOWANCE_MIB = 32.0
GROWTH_PER_CLICK_KIB = 16.0


def growth_bound_mib(clicks: int) -> float:
    """How much the resident size may grow over ``clicks`` after the warm-up: 32 MiB, plus 16 KiB a click.

    Without any leak it still moves: allocator arenas, Qt's caches and
    pyqtgraph's fill up as new corners of the data are shown.  Measured on
    the 500-speaker seminar it grew 0.6 to 12 MiB over 200 clicks (four
    seeds) and 23 MiB over 2,000.  The allowance covers that noise; the part
    per click makes the full run fail on a leak of about 20 KiB a click or
    more, such as a detail page's document or a chart's items kept each time.
    """
    return GROWTH_ALLOWANCE_MIB + GROWTH_PER_CLICK_KIB * clicks / 1024


def resident_mib() -> float:
    """This process's resident set size, in MiB (Linux)."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1)) / 1024


def _random_point(rng: random.Random, widget: QWidget) -> QPoint:
    rect = widget.rect()
    return QPoint(rng.randrange(max(1, rect.width())), rng.randrange(max(1, rect.height())))


def click_speaker(window, rng: random.Random) -> None:
    view = window.speaker_list.list
    rows = window.speaker_list.proxy.rowCount()
    if not rows:
        return
    index = window.speaker_list.proxy.index(rng.randrange(rows), 0)
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, view.visualRect(index).center())


def click_chart(window, rng: random.Random) -> None:
    window.show_tab("themes")
    graphics = window.ensure_chart().graphics
    QTest.mouseClick(graphics.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, _random_point(rng, graphics.viewport()))


def click_tab(window, rng: random.Random) -> None:
    bar = window.tabs.tabBar()
    QTest.mouseClick(bar, LEFT, Qt.KeyboardModifier.NoModifier, bar.tabRect(rng.randrange(bar.count())).center())


def search(window, rng: random.Random) -> None:
    box = window.speaker_list.search
    box.setFocus()
    if box.text() and rng.random() < 0.4:
        box.clear()  # as the box's clear button does
    else:
        word = rng.choice(SEARCH_WORDS)
        if word.isascii():
            QTest.keyClicks(box, word)
        else:
            box.insert(word)  # as an input method does: Qt's test keys are ASCII only


def click_heatmap(window, rng: random.Random) -> None:
    window.show_tab("agreement")
    table = window.agreement.table
    model = table.model()
    if not model.rowCount() or not model.columnCount():
        return
    index = model.index(rng.randrange(model.rowCount()), rng.randrange(model.columnCount()))
    table.scrollTo(index)
    QTest.mouseClick(table.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, table.visualRect(index).center())


def click_source(window, rng: random.Random) -> None:
    window.show_tab("source")
    text = window.source.text
    bar = text.verticalScrollBar()
    bar.setValue(rng.randrange(bar.maximum() + 1))
    QTest.mouseClick(text.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, _random_point(rng, text.viewport()))


def click_detail(window, rng: random.Random) -> None:
    body = window.detail.body
    QTest.mouseClick(body.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, _random_point(rng, body.viewport()))


def arrow_key(window, rng: random.Random) -> None:
    view = window.speaker_list.list
    view.setFocus()
    QTest.keyClick(view, rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Home]))


def overview(window, rng: random.Random) -> None:
    window.overview_action.trigger()


ACTIONS: dict[str, tuple[Callable, int]] = {
    # name: (action, weight): selections are what people do most
    "speaker list": (click_speaker, 5),
    "chart": (click_chart, 4),
    "tabs": (click_tab, 2),
    "search": (search, 3),
    "heatmap": (click_heatmap, 3),
    "source": (click_source, 2),
    "detail panel": (click_detail, 2),
    "arrow keys": (arrow_key, 2),
    "overview": (overview, 1),
}


@dataclass
class SoakRun:
    """What a soak run did: how many of each action, and the resident size around the measured part."""

    clicks: int
    actions: Counter = field(default_factory=Counter)
    rss_before_mib: float = 0.0
    rss_after_mib: float = 0.0

    @property
    def growth_mib(self) -> float:
        return self.rss_after_mib - self.rss_before_mib


def soak(window, clicks: int, seed: int, warm_up: int = 0) -> SoakRun:
    """Do ``warm_up`` then ``clicks`` random actions on ``window``; the resident size is taken between the two and after."""
    rng = random.Random(seed)
    names = list(ACTIONS)
    weights = [ACTIONS[name][1] for name in names]
    run = SoakRun(clicks)
    app = QApplication.instance()

    def steps(count: int) -> None:
        for _ in range(count):
            name = rng.choices(names, weights)[0]
            ACTIONS[name][0](window, rng)
            app.processEvents()
            run.actions[name] += 1

    steps(warm_up)
    settle(app)
    run.rss_before_mib = resident_mib()
    steps(clicks)
    settle(app)
    run.rss_after_mib = resident_mib()
    return run


def settle(app) -> None:
    """Let deferred deletions and timers run, then collect cyclic garbage, so the resident size is comparable."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    sys.stdout.flush()
