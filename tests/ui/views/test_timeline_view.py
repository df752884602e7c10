"""The Timeline tab: rows per speaker, a theme filter that follows the selection, hover text, and clicks that select."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.focus import FocusKind
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.selection import Selection
from desktop_app.ui.views.timeline_view import TimelineView
from tests import factories
from tests.factories import MARKUP, to_bytes


def _view(qtbot, data=None):
    dataset = load_bytes(to_bytes(data or factories.hearing()), "hearing.seminar.json")
    document = SeminarDocument(dataset)
    selection = Selection(document)
    view = TimelineView(document, selection)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return view, selection


def _mark_point(view, position_id: str) -> QPoint:
    line = view.line
    mark = next(mark for mark in line.marks if mark.position_id == position_id)
    geometry = view.geometry_for(view.rows.width())
    height = view.rows.row_height()
    return QPoint(round(geometry.x(mark.x)), mark.row * height + height // 2)


def test_one_row_per_speaker_and_the_axis_says_it_is_time(qtbot):
    """The hearing shows its four speakers' rows on a time axis."""
    view, _ = _view(qtbot)
    assert view.line.speakers == ("kim", "lee", "moss", "nye")
    assert "Time from the start" in view.caption.text()


def test_the_theme_filter_follows_the_selected_theme(qtbot):
    """Selecting Staffing elsewhere shows only the staffing positions; choosing All themes brings the rest back."""
    view, selection = _view(qtbot)
    selection.select_theme("staff")
    assert view.theme_filter == "staff" and {mark.theme_id for mark in view.line.marks} == {"staff"}
    view.theme_box.setCurrentIndex(0)
    assert view.theme_filter is None and len(view.line.marks) == 10


def test_clicking_a_mark_selects_its_speaker_and_brings_up_the_position(qtbot):
    """A click on Lee's second budget mark selects Lee and asks the detail panel for that position."""
    view, selection = _view(qtbot)
    asked = []
    selection.navigationRequested.connect(asked.append)
    qtbot.mouseClick(view.rows, Qt.MouseButton.LeftButton, pos=_mark_point(view, "lee-budget-2"))
    assert selection.focus.kind is FocusKind.SPEAKER and selection.focus.speaker == "lee"
    assert [(n.position, n.target) for n in asked] == [("lee-budget-2", "detail")]
    assert view.selected_rows() == {1}


def test_up_and_down_walk_the_speakers(qtbot):
    """With Lee selected, Down selects Moss and Up goes back to Lee."""
    view, selection = _view(qtbot)
    selection.select_speaker("lee")
    view.rows.setFocus()
    qtbot.keyClick(view.rows, Qt.Key.Key_Down)
    assert selection.focus.speaker == "moss"
    qtbot.keyClick(view.rows, Qt.Key.Key_Up)
    assert selection.focus.speaker == "lee"


def test_hover_text_gives_summary_excerpt_and_scale_words_with_markup_as_text(qtbot):
    """The tooltip of a mark names the stance in the seminar's words and shows markup in a summary as text."""
    data = factories.hearing()
    data["positions"][1]["summary"] = MARKUP
    view, _ = _view(qtbot, data)
    mark = next(mark for mark in view.line.marks if mark.position_id == "lee-budget-1")
    assert view.rows.mark_at(_mark_point(view, "lee-budget-1")) == mark
    tip = view.tooltip(mark)
    assert "sufficiency" in tip and "Lee said the budget is generous" in tip
    assert "in the turn from 0:30" in tip  # the turn's start, as the detail panel gives it
    assert "<img" not in tip and "&lt;img" in tip


def test_the_footer_names_who_moved_and_who_answered_whom(qtbot):
    """Under the rows: Lee's move on the budget and the pair who answered each other most."""
    view, _ = _view(qtbot)
    text = view.footer.text()
    assert "Moved: 1, held: 2" in text and "Lund on Budget: sufficiency \u2192 shortfall" in text
    assert "Lund and Mint: 2 replies on Budget" in text


def test_a_report_without_turns_says_who_answered_whom_needs_a_transcript(qtbot):
    """The factory debate has no turns: the axis is the text and no reply is claimed."""
    view, _ = _view(qtbot, factories.debate())
    assert "no turn times" in view.caption.text()
    assert "needs a transcript" in view.footer.text()


def test_hover_on_a_position_awaiting_a_stance_says_so(qtbot):
    """A position without a stance (and without a summary) reads "awaiting a stance" in its tooltip."""
    data = factories.hearing()
    later = next(p for p in data["positions"] if p["id"] == "lee-budget-2")
    later["stance"] = None
    later["summary"] = ""
    view, _ = _view(qtbot, data)
    mark = next(mark for mark in view.line.marks if mark.position_id == "lee-budget-2")
    assert "awaiting a stance" in view.tooltip(mark)
    assert "Moved: 0" in view.footer.text()


def test_in_the_window_ctrl_4_shows_the_timeline_on_the_theme_selected_meanwhile(open_window):
    """A theme selected while the Themes tab shows is the Timeline's filter when Ctrl+4 brings it up."""
    window = open_window(load_bytes(to_bytes(factories.hearing()), "hearing.seminar.json"))
    window.show_tab("themes")
    window.selection.select_theme("staff")
    action = window.tab_actions["timeline"]
    assert action.shortcut().toString() == "Ctrl+4"
    action.trigger()
    assert window.current_tab() == "timeline"
    assert window.timeline.theme_filter == "staff" and {m.theme_id for m in window.timeline.line.marks} == {"staff"}


def test_an_edit_redraws_the_timeline_and_its_movement(qtbot):
    """Giving Lee's later budget position +1 again turns Lee's move into a hold, on the rows and under them."""
    from desktop_app.model.editing.edits import Replace

    document = SeminarDocument(load_bytes(to_bytes(factories.hearing()), "hearing.seminar.json"))
    view = TimelineView(document, Selection(document))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    later = document.dataset.position("lee-budget-2")
    document.apply(Replace(later.model_copy(update={"stance": 1})))
    marks = {mark.position_id: mark for mark in view.line.marks}
    assert marks["lee-budget-2"].stance == 1
    assert "Moved: 0, held: 3" in view.footer.text()
