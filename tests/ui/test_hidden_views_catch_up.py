"""Views hidden behind another tab skip redrawing on each edit and selection, and show the latest state when their tab is shown."""

from __future__ import annotations

from desktop_app.model.editing.edits import Replace
from desktop_app.model.format.loader import load_bytes
from desktop_app.ui.editing.undo_commands import push_edit
from tests.factories import debate, to_bytes


def _window(open_window):
    return open_window(load_bytes(to_bytes(debate()), "debate.seminar.json"))


def _stances(chart, theme_id: str) -> list[int]:
    row = next(row for row in chart.rows() if row.theme_id == theme_id)
    return [block.stance for block in row.blocks]


def _change_stance(window, position_id: str, stance: int) -> None:
    document = window.document
    edit = Replace(document.dataset.position(position_id).model_copy(update={"stance": stance}))
    assert push_edit(document, edit, "Change stance") is not None


def test_a_hidden_chart_draws_an_edit_when_its_tab_is_shown(qtbot, open_window):
    """A stance changed while the Agreement tab is on top appears on the Themes chart once that tab is shown."""
    window = _window(open_window)
    chart = window.chart
    assert _stances(chart, "emissions") == [2]
    window.show_tab("agreement")
    _change_stance(window, "obi-emissions", -1)
    assert chart.is_stale
    window.show_tab("themes")
    assert not chart.is_stale
    assert _stances(chart, "emissions") == [-1]
    assert chart.rows_item._rows == chart.rows()  # what is painted, not only what is asked for


def test_a_hidden_chart_marks_the_speaker_selected_meanwhile(qtbot, open_window):
    """A speaker chosen while the Source tab is on top has their marks on the chart when the Themes tab comes back."""
    window = _window(open_window)
    chart = window.chart
    window.show_tab("source")
    window.selection.select_speaker("obi")
    assert chart.is_stale
    window.show_tab("themes")
    assert not chart.is_stale
    assert len(chart.markers.points()) == 2  # Ada Obi spoke on emissions and on enforcement


def test_a_shown_chart_draws_each_edit_at_once(qtbot, open_window):
    """With the Themes tab on top, an edit and its undo are on the chart straight away."""
    window = _window(open_window)
    chart = window.chart
    _change_stance(window, "roe-costs", 1)
    assert not chart.is_stale
    assert chart.rows_item._rows[chart.row_index("costs")].blocks[0].stance == 1
    window.document.undo_stack.undo()
    assert chart.rows_item._rows[chart.row_index("costs")].blocks[0].stance == -2


def test_a_hidden_agreement_map_catches_up_when_shown(qtbot, open_window):
    """The agreement map behind the Themes tab waits, then shows the speakers as they are when its tab is shown."""
    window = _window(open_window)
    agreement = window.agreement
    window.selection.select_speaker("obi")
    _change_stance(window, "roe-costs", 1)
    assert agreement.is_stale
    window.show_tab("agreement")
    assert not agreement.is_stale
    row = agreement.model.row_of("obi")
    assert row is not None
    assert agreement.table.selectionModel().currentIndex().row() == row


def test_the_detail_page_is_not_redrawn_for_an_edit_it_does_not_show(qtbot, open_window):
    """With one speaker's page open, changing another speaker's position leaves the page, and where it is scrolled to, as it was."""
    window = _window(open_window)
    window.selection.select_speaker("obi")
    body = window.detail.body
    before = body.document()
    html = body.toHtml()
    set_html_calls: list[str] = []
    body.document().contentsChanged.connect(lambda: set_html_calls.append("changed"))
    _change_stance(window, "roe-costs", 1)
    assert set_html_calls == []
    assert body.document() is before and body.toHtml() == html
    _change_stance(window, "obi-emissions", -1)
    assert set_html_calls  # her own position: the page shows the new stance
    assert "obi-emissions" in body.toHtml()


def test_the_speaker_list_redraws_only_the_row_of_the_speaker_whose_position_changed(qtbot, open_window):
    """Changing Ben Roe's stance redraws his line in the speaker list, not everyone's; his count stays right."""
    window = _window(open_window)
    model = window.speaker_list.model
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    _change_stance(window, "roe-costs", 1)
    row = model.row_of("roe")
    assert changed == [(row, row)]
