"""The Source tab's emphasis of the selected speaker: right after each click, and when the tab is opened later."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QTextCharFormat

from desktop_app.ui.palette import highlight_colour, is_dark


@pytest.fixture
def window(open_window, panel_dataset):
    """The main window on the small factory panel."""
    return open_window(panel_dataset)


def plain_alpha(view) -> float:
    return highlight_colour(QColor("#000000"), is_dark(view.palette())).alphaF()


def solo_positions(view) -> list[str]:
    """Positions whose excerpt overlaps no other excerpt, so its look is its own."""
    spans = sorted(view._spans.values(), key=lambda s: s.start)
    solo = []
    for index, span in enumerate(spans):
        before = spans[index - 1] if index else None
        after = spans[index + 1] if index + 1 < len(spans) else None
        if (before is None or before.end <= span.start) and (after is None or span.end <= after.start):
            solo.append(span.position_id)
    return solo


def look(view, position_id: str) -> str:
    """How an excerpt is drawn now: 'emphasised', 'dimmed', 'plain', or 'none' before any highlighting."""
    span = view._spans[position_id]
    block = view.text.document().findBlock(span.start)
    offset = span.start - block.position()
    for layout_range in block.layout().formats():
        if layout_range.start <= offset < layout_range.start + layout_range.length:
            fmt = layout_range.format
            if fmt.fontUnderline() or fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline:
                return "emphasised"
            alpha = fmt.background().color().alphaF()
            return "dimmed" if alpha < plain_alpha(view) * 0.8 else "plain"
    return "none"


def all_formats(view) -> list[list[tuple[int, int, object]]]:
    document = view.text.document()
    return [
        [(r.start, r.length, QTextCharFormat(r.format)) for r in document.findBlockByNumber(number).layout().formats()]
        for number in range(document.blockCount())
    ]


def looks_by_speaker(view, dataset) -> dict[str, set[str]]:
    looks: dict[str, set[str]] = {}
    for position_id in solo_positions(view):
        looks.setdefault(dataset.position(position_id).speaker, set()).add(look(view, position_id))
    return looks


def open_source_tab(qtbot, window) -> None:
    window.show_tab("source")
    qtbot.waitUntil(lambda: all(look(window.source, p) != "none" for p in solo_positions(window.source)))


def test_the_selected_speakers_excerpts_stand_out_and_the_others_dim(qtbot, window, panel_dataset):
    """With the Source tab open, selecting a speaker underlines their excerpts and dims everyone else's."""
    open_source_tab(qtbot, window)
    window.selection.select_speaker("ana")
    looks = looks_by_speaker(window.source, panel_dataset)
    assert looks.pop("ana") == {"emphasised"}
    assert looks and all(found == {"dimmed"} for found in looks.values())


def test_moving_from_one_speaker_to_another_moves_the_emphasis_everywhere(qtbot, window, panel_dataset):
    """Clicking from one speaker to the next leaves the text exactly as if it had been highlighted afresh."""
    open_source_tab(qtbot, window)
    window.selection.select_speaker("ana")
    window.selection.select_speaker("eli")
    looks = looks_by_speaker(window.source, panel_dataset)
    assert looks["eli"] == {"emphasised"} and looks["ana"] == {"dimmed"}
    moved = all_formats(window.source)
    window.source.highlighter.rehighlight()
    assert all_formats(window.source) == moved


def test_clearing_the_selection_brings_back_every_plain_tint(qtbot, window, panel_dataset):
    """Going back to the overview shows every excerpt in its speaker's plain tint again."""
    open_source_tab(qtbot, window)
    window.selection.select_speaker("ana")
    window.selection.clear()
    looks = looks_by_speaker(window.source, panel_dataset)
    assert looks and all(found == {"plain"} for found in looks.values())


def test_a_theme_selected_after_a_speaker_shows_no_one_emphasised(qtbot, window, panel_dataset):
    """Selecting a theme after a speaker takes the emphasis off that speaker's excerpts."""
    open_source_tab(qtbot, window)
    window.selection.select_speaker("ana")
    window.selection.select_theme(panel_dataset.themes[0].id)
    assert window.source.emphasised_speaker() is None
    assert looks_by_speaker(window.source, panel_dataset)["ana"] == {"plain"}


def test_emphasis_waits_while_the_source_tab_is_hidden_then_shows_the_latest_speaker(qtbot, window, panel_dataset):
    """Speakers clicked while another tab shows leave the text alone; opening Source shows the last one emphasised."""
    assert window.current_tab() == "themes"
    window.selection.select_speaker("ana")
    assert window.source.emphasised_speaker() is None  # nothing done for a tab no one sees
    window.selection.select_speaker("eli")
    open_source_tab(qtbot, window)
    assert window.source.emphasised_speaker() == "eli"
    looks = looks_by_speaker(window.source, panel_dataset)
    assert looks.pop("eli") == {"emphasised"}
    assert all(found == {"dimmed"} for found in looks.values())


def test_emphasis_after_the_tab_was_shown_hidden_and_shown_again(qtbot, window, panel_dataset):
    """A speaker chosen while Source was hidden again is the one emphasised when it comes back."""
    open_source_tab(qtbot, window)
    window.selection.select_speaker("ana")
    window.show_tab("agreement")
    window.selection.select_speaker("eli")
    window.selection.clear()
    window.show_tab("source")
    assert window.source.emphasised_speaker() is None
    looks = looks_by_speaker(window.source, panel_dataset)
    assert all(found == {"plain"} for found in looks.values())


def test_a_speaker_selected_in_the_source_scrolls_to_their_first_passage(qtbot, window, panel_dataset):
    """With the Source tab open, choosing a speaker in the list brings their first excerpt into view."""
    open_source_tab(qtbot, window)
    speaker = panel_dataset.speakers[-1].id
    first = min(window.source._spans[p.id].start for p in panel_dataset.positions_of(speaker))
    window.selection.select_speaker(speaker)
    assert window.source.text.textCursor().position() == first


def test_hidden_source_tab_waits_to_lay_out_the_report(qtbot, window):
    """Until the Source tab is shown, the report is not laid out; showing it fills and highlights it."""
    window.show_tab("themes")
    window.document.replace_dataset(window.document.dataset)  # the same seminar, opened again
    assert window.source.text.toPlainText() == ""
    window.show_tab("source")
    assert window.source.text.toPlainText().startswith("Hana Host opened the panel")
    assert window.source.highlighter is not None


def test_opening_the_source_tab_shows_the_selected_speakers_first_passage(qtbot, window, panel_dataset):
    """A speaker chosen while another tab showed is brought into view when the Source tab opens."""
    window.show_tab("themes")
    window.selection.select_speaker("eli")
    window.show_tab("source")
    first = min(panel_dataset.spans[p.id].start for p in panel_dataset.positions_of("eli"))
    assert window.source.text.textCursor().position() == first


def test_in_the_dark_palette_another_speakers_excerpts_stay_visible(qapp):
    """In dark mode the formats of a dimmed speaker's excerpts stand at least 1.5:1 off the page (they once fell to 1.04:1)."""
    from PySide6.QtGui import QColor

    from desktop_app.presentation.colours import speaker_hex
    from desktop_app.presentation.contrast import contrast_ratio
    from desktop_app.ui.views.source_view import DARK_PAGE, _speaker_formats

    for rank in range(9):
        _, _, dimmed = _speaker_formats(QColor(speaker_hex(rank)), True, DARK_PAGE)
        assert contrast_ratio(dimmed.background().color().name(), DARK_PAGE[0]) >= 1.5, rank
