"""Fixtures for the editing tests in the window: a fresh import to code."""

from __future__ import annotations

import pytest

from tests.model.importers.checks import FIXTURES


@pytest.fixture
def imported(window, dialogs, qtbot):
    """The window on a fresh import of a typed transcript: two speakers, four turns, no theme, no position."""
    dialogs.transcript_answer = str(FIXTURES / "colon.txt")
    with qtbot.waitSignal(window.imports.opened):
        window.imports.action.trigger()
    dataset = window.document.dataset
    assert [s.name for s in dataset.speakers] == ["Hana Ostrova", "Pieter Lund"] and not dataset.themes
    return window
