"""Bringing a position into view, in both directions: detail panel to source, and source to detail panel."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop_app.presentation.focus import FocusKind, Navigation


def _last_passage(dataset, speaker_id: str) -> str:
    """The speaker's position whose passage comes last in the report (so never their first passage)."""
    positions = [p.id for p in dataset.positions_of(speaker_id) if p.id in dataset.spans]
    return max(positions, key=lambda position_id: dataset.spans[position_id].start)


def _passage_look(window, position_id: str) -> tuple[float, int | None]:
    """Where the passage sits in the Source tab (0 top, 1 bottom) and where the highlight over the text starts."""
    source = window.source
    span = source._spans[position_id]
    cursor = QTextCursor(source.text.document())
    cursor.setPosition(span.start)
    place = source.text.cursorRect(cursor).center().y() / source.text.viewport().height()
    extras = source.text.extraSelections()
    return place, (extras[0].cursor.selectionStart() if extras else None)


def _settle() -> None:
    """Let Qt finish what it does once control returns to it (laying out new text, showing scroll bars)."""
    for _ in range(3):
        QApplication.processEvents()


def test_the_first_show_in_source_after_start_centres_and_highlights_its_passage(qtbot, window, default_dataset):
    """Right after the start, "Show in source" puts its passage in the middle of the Source tab, highlighted."""
    window.show_tab("themes")
    window.selection.select_speaker("kuhrt")
    assert window.source.highlighter is None  # the report is not laid out yet, as after a start on the chart
    position_id = _last_passage(default_dataset, "kuhrt")
    window.detail.body.anchorClicked.emit(QUrl(f"source:{position_id}"))
    _settle()
    place, highlighted = _passage_look(window, position_id)
    assert window.current_tab() == "source"
    assert 0.3 < place < 0.7
    assert highlighted == window.source._spans[position_id].start
    assert window.source.flashing_position() == position_id


def test_show_in_source_is_a_navigation_that_leaves_the_selection_alone(qtbot, window, default_dataset):
    """The detail panel's "Show in source" asks for the passage without changing what is selected."""
    window.selection.select_speaker("shagina")
    with qtbot.waitSignal(window.selection.navigationRequested) as asked:
        window.detail.body.anchorClicked.emit(QUrl("source:shagina-energy"))
    assert asked.args == [Navigation("shagina-energy", "source")]
    assert (window.selection.focus.kind, window.selection.focus.speaker) == (FocusKind.SPEAKER, "shagina")


def test_a_navigation_to_the_source_while_it_shows_centres_the_passage_at_once(qtbot, window, default_dataset):
    """With the Source tab already open, a navigation there scrolls to the passage and flashes it."""
    window.show_tab("source")
    position_id = _last_passage(default_dataset, "kuhrt")
    window.selection.navigate(position_id, "source")
    place, highlighted = _passage_look(window, position_id)
    assert 0.3 < place < 0.7 and highlighted == window.source._spans[position_id].start


def test_a_navigation_to_the_detail_panel_scrolls_to_the_position_there(qtbot, window, default_dataset):
    """Asking the detail panel for a position scrolls its page to that position's entry."""
    window.detail.resize(window.detail.width(), 300)  # short enough for the speaker's page to scroll
    window.selection.select_speaker("kuhrt")
    bar = window.detail.body.verticalScrollBar()
    assert bar.value() == 0
    window.selection.navigate(_last_passage(default_dataset, "kuhrt"), "detail")
    assert bar.value() > 0
