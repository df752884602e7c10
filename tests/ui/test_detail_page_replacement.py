"""Putting a page in the detail panel: laid out once, and only where it changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from desktop_app.model.loader import load_bytes
from tests.factories import coded_panel, to_bytes


def _long_pages():
    """Two speakers with twelve positions each, across six themes: pages longer than the panel."""
    themes = ["trade", "energy", "arms", "values", "order", "asia"]
    positions = [(speaker, themes[n % 6], n % 5 - 2, "assessment") for speaker in ("ana", "ben") for n in range(12)]
    return load_bytes(to_bytes(coded_panel(positions, speakers=("chair",))), "long.seminar.json")


class _Resizes(QObject):
    """Counts the Resize events a widget receives."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.count += 1
        return False


def test_a_long_page_after_a_long_page_keeps_the_scroll_bar(qtbot, open_window):
    """Going from one speaker's long page to another's, the bar never hides, so the page is laid out at one width."""
    window = open_window(_long_pages())
    body = window.detail.body
    window.selection.select_speaker("ana")
    qtbot.waitUntil(lambda: body.verticalScrollBar().isVisible())
    resizes = _Resizes()
    body.viewport().installEventFilter(resizes)
    for speaker in ("ben", "ana", "ben"):
        window.selection.select_speaker(speaker)
        assert "Statement" in body.toPlainText()
    qtbot.wait(20)
    assert body.verticalScrollBar().isVisible()
    assert resizes.count == 0


def test_a_short_page_after_a_long_one_lets_the_bar_go(qtbot, open_window):
    """After a long page, a page that fits (the chair's, with no positions) shows no scroll bar."""
    window = open_window(_long_pages())
    body = window.detail.body
    window.selection.select_speaker("ana")
    qtbot.waitUntil(lambda: body.verticalScrollBar().isVisible())
    window.selection.select_speaker("chair")
    qtbot.waitUntil(lambda: not body.verticalScrollBar().isVisible())
