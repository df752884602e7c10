"""The speaker list and its search, tested through the model's roles and through the widget."""

from PySide6.QtCore import Qt

from desktop_app.presentation.focus import FocusKind
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.views.speaker_list import SpeakerListView
from desktop_app.ui.views.speaker_model import (
    AffiliationRole,
    RoleLabelRole,
    SpeakerFilterProxy,
    SpeakerIdRole,
    SpeakerListModel,
    ThemeStanceRole,
)
from tests.factories import PANEL_SPEAKERS, PANEL_STANCES

SPEAKING_ORDER = list(PANEL_SPEAKERS)
SPEAKERS = len(SPEAKING_ORDER)


def ids(model) -> list[str]:
    return [model.index(row, 0).data(SpeakerIdRole) for row in range(model.rowCount())]


def test_model_lists_speakers_in_speaking_order_with_role_and_affiliation(panel_dataset):
    """Rows come in speaking order and carry name, role and affiliation."""
    model = SpeakerListModel(SeminarDocument(panel_dataset))
    assert ids(model) == SPEAKING_ORDER
    ana = model.index(1, 0)
    assert ana.data(Qt.ItemDataRole.DisplayRole) == "Dr Ana Ames"
    assert ana.data(RoleLabelRole) == "Panellist"
    assert "Harbour College" in ana.data(AffiliationRole)
    assert model.index(0, 0).data(RoleLabelRole) == "Chair"


def test_search_matches_name_affiliation_and_what_was_said(panel_dataset):
    """Searching finds speakers by name, by institution and by words in their positions."""
    model = SpeakerListModel(SeminarDocument(panel_dataset))
    proxy = SpeakerFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("hill")
    assert ids(proxy) == ["ben"]
    proxy.set_search("harbour")
    assert ids(proxy) == ["ana", "dee"]
    proxy.set_search("zürich")  # the file writes Zurich: accents are ignored both ways
    assert ids(proxy) == ["cai"]
    proxy.set_search("borders harbour")  # every word must match: a position's words, an institution's
    assert ids(proxy) == ["dee"]
    proxy.set_search("no such words anywhere")
    assert ids(proxy) == []
    proxy.set_search("")
    assert ids(proxy) == SPEAKING_ORDER


def test_typing_in_the_search_box_filters_the_list(qtbot, panel_dataset, selection):
    """Typing a word narrows the list, says how many match, and clearing brings everyone back."""
    view = SpeakerListView(SeminarDocument(panel_dataset), selection)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "Forum")
    assert ids(view.proxy) == ["eli"]
    assert view.count_label.text() == f"1 of {SPEAKERS} speakers"
    view.search.clear()
    assert view.proxy.rowCount() == SPEAKERS
    assert view.count_label.text() == f"{SPEAKERS} speakers"
    qtbot.keyClicks(view.search, "xyzzy")
    assert view.proxy.rowCount() == 0
    assert not view.empty_label.isHidden()


def test_theme_selection_marks_the_speakers_who_addressed_it(qtbot, panel_dataset, selection):
    """Selecting a theme puts each addressing speaker's stance on their row, and nothing on the silent."""
    view = SpeakerListView(SeminarDocument(panel_dataset), selection)
    qtbot.addWidget(view)
    selection.select_theme("borders")
    rows = range(SPEAKERS)
    marks = {view.model.index(r, 0).data(SpeakerIdRole): view.model.index(r, 0).data(ThemeStanceRole) for r in rows}
    assert marks == {speaker: PANEL_STANCES["borders"].get(speaker) for speaker in SPEAKING_ORDER}
    assert marks["host"] is None and marks["dee"] == -2
    selection.select_speaker("ana")
    assert all(view.model.index(r, 0).data(ThemeStanceRole) is None for r in rows)


def test_selecting_elsewhere_moves_the_list(qtbot, panel_dataset, selection):
    """A speaker selected in another view becomes the list's current row."""
    view = SpeakerListView(SeminarDocument(panel_dataset), selection)
    qtbot.addWidget(view)
    selection.select_speaker("cai")
    assert view.list.currentIndex().data(SpeakerIdRole) == "cai"
    selection.select_theme("energy")
    assert not view.list.selectionModel().hasSelection()
    assert selection.focus.kind is FocusKind.THEME
