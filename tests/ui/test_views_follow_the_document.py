"""Every view follows the document itself: built from a small debate, each redraws from the document's signals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.model.editing.edits import Insert, Remove, Replace
from desktop_app.model.format.loader import load_bytes
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.selection import Selection
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.views.agreement_view import AgreementView
from desktop_app.ui.views.detail_panel import DetailPanel
from desktop_app.ui.views.source_view import SourceView
from desktop_app.ui.views.speaker_list import SpeakerListView
from tests.factories import debate, to_bytes
from tests.ui.test_document import NEW_POSITION, NEW_SPEAKER


def _dataset(**seminar_changes):
    data = debate()
    data["seminar"].update(seminar_changes)
    return load_bytes(to_bytes(data), "debate.seminar.json")


@pytest.fixture
def document(qtbot):
    return SeminarDocument(_dataset())


@pytest.fixture
def selection(document):
    return Selection(document)


def _renamed(document, speaker_id: str, name: str):
    return Replace(document.dataset.speaker(speaker_id).model_copy(update={"name": name}))


def test_the_speaker_list_follows_added_and_changed_speakers(qtbot, document, selection):
    """A speaker added shows up in the list and its count; a renamed one shows its new name."""
    view = SpeakerListView(document, selection)
    qtbot.addWidget(view)
    document.apply(Insert(NEW_SPEAKER))
    assert view.count_label.text() == "4 speakers"
    assert view.model.index(3).data(Qt.ItemDataRole.DisplayRole) == "Kim Lee"
    document.apply(_renamed(document, "obi", "Ada Obi-Smith"))
    assert view.model.index(view.model.row_of("obi")).data(Qt.ItemDataRole.DisplayRole) == "Ms Ada Obi-Smith"


def test_the_speaker_list_search_sees_what_an_edit_changed(qtbot, document, selection):
    """A search that matched nobody finds a speaker once an edit gives them the words."""
    view = SpeakerListView(document, selection)
    qtbot.addWidget(view)
    view.search.setText("Obi-Smith")
    assert view.proxy.rowCount() == 0
    document.apply(_renamed(document, "obi", "Ada Obi-Smith"))
    assert view.proxy.rowCount() == 1


def test_the_detail_panel_and_its_stance_strip_redraw_the_selected_speaker(qtbot, document, selection):
    """The page of the selected speaker shows an edit of that speaker and of their positions."""
    panel = DetailPanel(document, selection)
    qtbot.addWidget(panel)
    selection.select_speaker("roe")
    assert [cell.stance for cell in panel.strip.cells() if cell.key == "theme:costs"] == [-2]
    document.apply(_renamed(document, "roe", "Benjamin Roe"))
    assert panel.title.text() == "Mr Benjamin Roe"
    document.apply(Replace(document.dataset.position("roe-costs").model_copy(update={"stance": -1})))
    assert [cell.stance for cell in panel.strip.cells() if cell.key == "theme:costs"] == [-1]


def test_the_agreement_map_follows_a_removed_position(qtbot, document, selection):
    """A speaker whose only position is removed leaves the map and is named as having taken none."""
    view = AgreementView(document, selection)
    qtbot.addWidget(view)
    assert view.model.row_of("roe") is not None
    document.apply(Remove("position", "roe-costs"))
    assert view.model.row_of("roe") is None
    assert "Ben Roe" in view.left_out.text()


def test_the_theme_chart_follows_a_renamed_theme(qtbot, document, selection):
    """A theme given a new label shows it on the chart."""
    from desktop_app.ui.views.theme_chart import ThemeChart

    chart = ThemeChart(document, selection)
    qtbot.addWidget(chart)
    document.apply(Replace(document.dataset.theme("costs").model_copy(update={"label": "What it costs"})))
    assert "What it costs" in [row.label for row in chart.rows()]


def test_the_source_view_follows_a_new_seminar_and_a_new_position(qtbot, document, selection):
    """Another seminar brings its own heading; a position added gets its passage highlighted."""
    view = SourceView(document, selection)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.position_at(view._spans["roe-costs"].start) == "roe-costs"
    document.apply(Insert(NEW_POSITION))
    start = document.dataset.spans["speaker-question"].start
    assert view.position_at(start) == "speaker-question"
    other = _dataset(source={"title": "Another record", "publisher": "Elsewhere", "text": debate()["seminar"]["source"]["text"]})
    document.replace_dataset(other)
    assert view.heading.text().startswith("Another record \u2014 Elsewhere")
    assert view.position_at(start) is None


def test_the_window_title_and_counts_follow_the_document(qtbot, settings, dialogs):
    """The title follows the seminar opened, and the status line's counts follow edits."""
    window = MainWindow(_dataset(), settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    window.document.replace_dataset(_dataset(title="Third reading"))
    assert window.windowTitle().startswith("Third reading")
    window.document.apply(Insert(NEW_SPEAKER))
    assert window.status_counts.text().startswith("4 speakers")


def test_opening_a_file_with_a_speaker_selected_renders_each_view_once(qtbot, open_window, tmp_path, monkeypatch):
    """Opening another seminar draws the detail page and resets each list once, for the new seminar only."""
    window = open_window(_dataset())
    window.selection.select_speaker("obi")
    rendered: list[tuple[str, str]] = []
    real_render = window.detail._render

    def counting_render(focus):
        rendered.append((window.document.dataset.seminar.title, focus.kind.value))
        real_render(focus)

    monkeypatch.setattr(window.detail, "_render", counting_render)
    resets = {"speakers": 0, "agreement": 0}
    window.speaker_list.model.modelReset.connect(lambda: resets.__setitem__("speakers", resets["speakers"] + 1))
    window.agreement.model.modelReset.connect(lambda: resets.__setitem__("agreement", resets["agreement"] + 1))
    path = tmp_path / "second.seminar.json"
    data = debate()
    data["seminar"]["title"] = "Second debate"
    path.write_bytes(to_bytes(data))
    window.open_path(path)
    assert rendered == [("Second debate", "none")]
    # The agreement map, behind the Themes tab, catches up once when its tab is shown.
    assert resets == {"speakers": 1, "agreement": 0}
    window.show_tab("agreement")
    assert resets == {"speakers": 1, "agreement": 1}
    assert window.detail.title.text() == "Second debate"
