"""The passage "Show in source" brings into view stays marked after its flash, until the selection changes or the text is clicked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl


def _marked_text(window) -> list[str]:
    return [mark.cursor.selectedText() for mark in window.source.text.extraSelections()]


def _show(qtbot, window, position_id: str) -> str:
    window.detail.body.anchorClicked.emit(QUrl(f"source:{position_id}"))
    source = window.source
    qtbot.waitUntil(lambda: source.flashing_position() == position_id)
    with qtbot.waitSignal(source._flash.finished, timeout=5000):
        pass
    span = source._spans[position_id]
    cursor = source.text.textCursor()
    cursor.setPosition(span.start)
    cursor.setPosition(span.end, cursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def _a_position(window, speaker: str) -> str:
    return window.document.dataset.positions_of(speaker)[0].id


def test_the_mark_outlasts_the_flash_and_goes_with_a_new_selection(qtbot, window):
    """Once the flash has faded, the passage is still marked (and underlined); choosing another speaker takes the mark away."""
    window.selection.select_speaker("shagina")
    position_id = _a_position(window, "shagina")
    passage = _show(qtbot, window, position_id)
    assert window.source.flashing_position() == position_id
    assert passage in _marked_text(window)
    mark = window.source.text.extraSelections()[-1]
    assert mark.format.background().color().alphaF() > 0.1
    assert mark.format.underlineStyle() != mark.format.UnderlineStyle.NoUnderline
    window.selection.select_speaker("kuhrt")
    assert window.source.flashing_position() is None
    assert passage not in _marked_text(window)


def test_a_click_in_the_text_takes_the_mark_away(qtbot, window):
    """Clicking anywhere in the source text ends the mark."""
    passage = _show(qtbot, window, _a_position(window, "shagina"))
    assert passage in _marked_text(window)
    qtbot.mouseClick(window.source.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert window.source.flashing_position() is None
    assert passage not in _marked_text(window)


def test_a_search_typed_afterwards_keeps_the_mark(qtbot, window):
    """New search matches are marked beside the passage's lasting mark, not instead of it."""
    passage = _show(qtbot, window, _a_position(window, "shagina"))
    window.source.set_search_ranges([(0, 5)])
    marked = _marked_text(window)
    assert passage in marked and len(marked) == 2


def test_a_search_hit_flashes_and_leaves_no_lasting_mark(qtbot, window):
    """Stepping to a search hit flashes it; once faded, only the search's own marks remain."""
    source = window.source
    source.set_search_ranges([(0, 5)])
    source.show_range(0, 5)
    with qtbot.waitSignal(source._flash.finished, timeout=5000):
        pass
    assert source.flashing_position() is None
    assert len(source.text.extraSelections()) == 1
