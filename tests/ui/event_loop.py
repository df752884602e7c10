"""Waiting for "nothing more will happen" on a state, not a clock.

A negative check ("no resize followed", "no chart was built") is only worth
something once everything already queued has run. Qt runs zero-delay timers
in the order they were started and delivers posted events before them, so a
zero-delay timer started now fires after all of those: when it has fired,
whatever the code under test had queued is done.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer


def settle(qtbot) -> None:
    """Return once every event posted and every zero-delay timer started before the call has run."""
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5_000)
