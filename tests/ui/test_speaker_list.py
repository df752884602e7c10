"""The speaker list and its search, tested through the model's roles and through the widget."""

from PySide6.QtCore import Qt

from desktop_app.ui.selection import FocusKind
from desktop_app.ui.speaker_list import SpeakerListView
from desktop_app.ui.speaker_model import (
    AffiliationRole,
    RoleLabelRole,
    SpeakerFilterProxy,
    SpeakerIdRole,
    SpeakerListModel,
    ThemeStanceRole,
)

SPEAKING_ORDER = ["hawksley", "bruce", "radchenko", "kuhrt", "rumer", "kaczmarski", "shagina", "gardiner"]


def ids(model) -> list[str]:
    return [model.index(row, 0).data(SpeakerIdRole) for row in range(model.rowCount())]


def test_model_lists_speakers_in_speaking_order_with_role_and_affiliation(default_dataset):
    """Rows come in speaking order and carry name, role and affiliation."""
    model = SpeakerListModel(default_dataset)
    assert ids(model) == SPEAKING_ORDER
    kuhrt = model.index(3, 0)
    assert kuhrt.data(Qt.ItemDataRole.DisplayRole) == "Dr Natasha Kuhrt"
    assert kuhrt.data(RoleLabelRole) == "Panellist"
    assert "King’s College London" in kuhrt.data(AffiliationRole)
    assert model.index(0, 0).data(RoleLabelRole) == "Chair"


def test_search_matches_name_affiliation_and_what_was_said(default_dataset):
    """Searching finds speakers by name, by institution and by words in their positions."""
    model = SpeakerListModel(default_dataset)
    proxy = SpeakerFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("glasgow")
    assert ids(proxy) == ["kaczmarski"]
    proxy.set_search("Hydrocarbons")
    assert ids(proxy) == ["shagina"]
    proxy.set_search("zürich")  # the file writes Zurich: accents are ignored both ways
    assert ids(proxy) == ["shagina"]
    proxy.set_search("sovereignty kuhrt")
    assert ids(proxy) == ["kuhrt"]
    proxy.set_search("no such words anywhere")
    assert ids(proxy) == []
    proxy.set_search("")
    assert ids(proxy) == SPEAKING_ORDER


def test_typing_in_the_search_box_filters_the_list(qtbot, default_dataset, selection):
    """Typing a word narrows the list, says how many match, and clearing brings everyone back."""
    view = SpeakerListView(default_dataset, selection)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "Carnegie")
    assert ids(view.proxy) == ["rumer"]
    assert view.count_label.text() == "1 of 8 speakers"
    view.search.clear()
    assert view.proxy.rowCount() == 8
    assert view.count_label.text() == "8 speakers"
    qtbot.keyClicks(view.search, "xyzzy")
    assert view.proxy.rowCount() == 0
    assert not view.empty_label.isHidden()


def test_theme_selection_marks_the_speakers_who_addressed_it(qtbot, default_dataset, selection):
    """Selecting a theme puts each addressing speaker's stance on their row, and nothing on the silent."""
    view = SpeakerListView(default_dataset, selection)
    qtbot.addWidget(view)
    selection.select_theme("durability")
    marks = {view.model.index(r, 0).data(SpeakerIdRole): view.model.index(r, 0).data(ThemeStanceRole) for r in range(8)}
    assert {speaker: mark for speaker, mark in marks.items() if mark is not None} == {"radchenko": 2, "rumer": 2, "gardiner": -1}
    assert set(marks) == set(SPEAKING_ORDER)
    selection.select_speaker("rumer")
    assert all(view.model.index(r, 0).data(ThemeStanceRole) is None for r in range(8))


def test_selecting_elsewhere_moves_the_list(qtbot, default_dataset, selection):
    """A speaker selected in another view becomes the list's current row."""
    view = SpeakerListView(default_dataset, selection)
    qtbot.addWidget(view)
    selection.select_speaker("shagina")
    assert view.list.currentIndex().data(SpeakerIdRole) == "shagina"
    selection.select_theme("economy-energy")
    assert not view.list.selectionModel().hasSelection()
    assert selection.focus.kind is FocusKind.THEME
