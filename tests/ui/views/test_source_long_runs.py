"""A report with very long runs without a space: shown with invisible breaks, excerpts still exact, keyboard reachable."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop_app.model.format.loader import load_bytes
from desktop_app.ui.views.source_view import BREAK_EVERY, DISPLAY_BREAK, QtOffsets
from tests.factories import debate, to_bytes

RUN = "0123456789" * 50  # 500 characters without a space


def _qt_text(display: str) -> str:
    """The display text as Qt indexes it (UTF-16 code units), for checking positions."""
    return display.encode("utf-16-le").decode("utf-16-le")


def test_a_long_unbroken_run_is_shown_with_a_break_opportunity_every_80_characters():
    """500 characters without a space get an invisible break every 80, and nothing else changes."""
    offsets = QtOffsets(f"Start {RUN} end.")
    shown = offsets.display_text
    assert shown.replace(DISPLAY_BREAK, "") == f"Start {RUN} end."
    longest = max(len(piece) for piece in shown.replace(" ", DISPLAY_BREAK).split(DISPLAY_BREAK))
    assert longest == BREAK_EVERY


def test_offsets_stay_exact_past_breaks_crlf_and_astral_characters():
    """Every character of a text mixing long runs, CRLF and emoji maps to the same character as shown."""
    rng = random.Random(4)
    pieces = [RUN, "\r\n", "😀", " word ", "x" * 170, "\n", "é"]
    text = "".join(rng.choice(pieces) for _ in range(40))
    offsets = QtOffsets(text)
    units = offsets.display_text.encode("utf-16-le")
    for index, character in enumerate(text):
        if character == "\r":
            continue
        at = offsets.to_qt(index)
        shown = units[2 * at : 2 * at + 2 * (2 if ord(character) > 0xFFFF else 1)].decode("utf-16-le")
        assert shown == ("\n" if character == "\r" else character), index


def test_an_excerpt_inside_a_long_run_is_highlighted_exactly(open_window, qtbot):
    """An excerpt in the middle of an unbroken run is shown and flashed over exactly its own characters."""
    data = debate()
    excerpt = RUN[95:260]
    data["seminar"]["source"]["text"] += " " + RUN
    data["positions"][0]["excerpt"] = excerpt
    window = open_window(load_bytes(to_bytes(data), "runs.seminar.json"))
    window.show_tab("source")
    window.source.show_position(data["positions"][0]["id"])
    flash = window.source.text.extraSelections()[-1]
    marked = flash.cursor.selectedText()
    assert marked.replace(DISPLAY_BREAK, "") == excerpt


def test_tab_and_ctrl_down_move_between_excerpts_and_enter_opens_the_position(open_window, qtbot):
    """In the Source tab, Ctrl+Down goes to the next excerpt, Ctrl+Up back, and Enter opens its position."""
    window = open_window(load_bytes(to_bytes(debate()), "debate.seminar.json"))
    window.show_tab("source")
    text = window.source.text
    text.setFocus()
    text.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(text, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.source.current_excerpt() == "obi-emissions"
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert window.source.current_excerpt() == "roe-costs"
    qtbot.keyClick(text, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.source.current_excerpt() == "obi-emissions"
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert window.selection.focus.speaker == "obi"
