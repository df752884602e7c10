"""Search across everything: speakers, themes and the report, with F3 / Shift+F3, a count, and Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.model.format.loader import load_bytes
from tests.factories import city_panel, coded_panel, panel, to_bytes


@pytest.fixture
def city_window(open_window):
    return open_window(load_bytes(to_bytes(city_panel()), "city.seminar.json"))


def test_typing_base_letters_finds_a_polish_name_in_the_list_and_the_report(city_window, qtbot):
    """"lukasz" finds Łukasz Kowałski in the speaker list and in the report, and says how many matches."""
    window = city_window
    window.speaker_list.search.setText("lukasz")
    assert window.speaker_list.proxy.rowCount() == 1
    kinds = [hit.kind for hit in window.search.hits]
    assert kinds[0] == "speaker" and "source" in kinds
    assert window.search.status.count.text() == f"{len(kinds)} matches"


def test_f3_steps_through_speakers_themes_and_report_and_shift_f3_goes_back(open_window, panel_dataset, qtbot):
    """F3 selects the matching speaker, then the matching theme, then shows the report's passage; Shift+F3 returns."""
    window = open_window(panel_dataset)
    window.speaker_list.search.setText("trade")
    hits = window.search.hits
    assert hits[0].kind == "speaker"
    theme_index = next(i for i, h in enumerate(hits) if h.kind == "theme")
    assert window.search.next_action.shortcut().toString() == "F3"
    assert window.search.previous_action.shortcut().toString() == "Shift+F3"
    for _ in range(theme_index + 1):
        window.search.next_action.trigger()
    assert window.selection.focus.theme == "trade"
    assert window.search.status.count.text() == f"{theme_index + 1} of {len(hits)}"
    window.search.next_action.trigger()
    assert window.current_tab() == "source"
    assert window.source.search_mark_count() == sum(h.kind == "source" for h in hits)
    window.search.previous_action.trigger()
    assert window.selection.focus.theme == "trade"


def test_matches_are_highlighted_in_the_detail_panel(open_window, panel_dataset, qtbot):
    """With a search on, the selected speaker's page marks every occurrence of the word."""
    window = open_window(panel_dataset)
    window.speaker_list.search.setText("energy")
    window.selection.select_speaker("ana")
    marks = window.detail.body.extraSelections()
    assert marks
    words = [mark.cursor.selectedText().lower() for mark in marks]
    assert set(words) == {"energy"}


def test_escape_in_the_search_box_clears_the_search_and_its_marks(open_window, panel_dataset, qtbot):
    """Esc in the search box empties it, shows every speaker again and removes the marks."""
    window = open_window(panel_dataset)
    window.speaker_list.focus_search()
    qtbot.keyClicks(window.speaker_list.search, "fox")
    assert window.speaker_list.proxy.rowCount() == 1
    qtbot.keyClick(window.speaker_list.search, Qt.Key.Key_Escape)
    assert window.speaker_list.search.text() == ""
    assert window.speaker_list.proxy.rowCount() == len(panel()["speakers"])
    assert window.search.hits == [] and not window.search.status.isVisible()


def test_a_search_with_no_match_says_so(open_window, panel_dataset):
    """A word found nowhere shows "No matches"."""
    window = open_window(panel_dataset)
    window.speaker_list.search.setText("xylophone")
    assert window.search.status.count.text() == "No matches"


def test_the_marks_follow_the_detail_page_as_it_scrolls(open_window, qtbot):
    """On a page longer than the panel, the matches scrolled into view are marked, and those scrolled away are not kept."""
    positions = [("ana", f"theme{n % 4}", n % 5 - 2, "assessment") for n in range(24)]
    window = open_window(load_bytes(to_bytes(coded_panel(positions, speakers=("chair",))), "long.seminar.json"))
    window.speaker_list.search.setText("statement")
    window.selection.select_speaker("ana")
    body = window.detail.body
    qtbot.waitUntil(lambda: body.verticalScrollBar().maximum() > 0)

    def marked() -> list[int]:
        return [mark.cursor.selectionStart() for mark in body.extraSelections()]

    at_top = marked()
    assert at_top and all(body.toPlainText()[start:start + 9].lower() == "statement" for start in at_top)
    body.verticalScrollBar().setValue(body.verticalScrollBar().maximum())
    at_bottom = marked()
    assert at_bottom and min(at_bottom) > max(at_top)
    assert max(at_bottom) == body.toPlainText().lower().rfind("statement")
