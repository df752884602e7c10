"""The window shows the evidence behind each figure: k and chance on the agreement map, voices and flips on a theme page, and the counted kinds."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor

from desktop_app.model.analysis.seminar_analysis import (
    CONTESTED_MIN_EACH_SIDE,
    CONTESTED_MIN_SHARE,
    MIN_SHARED_THEMES,
    MIN_VOICES,
    format_measure,
)
from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Kind
from desktop_app.presentation.reading import METRICS, metric_definition, reading_text
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.views.agreement_view import (
    AgreementModel,
    AgreementView,
    ComparableRole,
    SharedThemesRole,
)
from desktop_app.ui.views.detail_panel import DetailPanel
from desktop_app.ui.views.speaker_model import ThemeStanceRole
from tests.factories import coded_panel, to_bytes

# Four speakers after a chair: a, b, c share three themes or more; d shares one with each; the chair only sums up.
EVIDENCE = [
    ("a", "one", 1, "assessment"),
    ("b", "one", 1, "assessment"),
    ("c", "one", -1, "assessment"),
    ("a", "two", 2, "prediction"),
    ("b", "two", 1, "prediction"),
    ("c", "two", 2, "prescription"),
    ("a", "three", -1, "assessment"),
    ("b", "three", -2, "assessment"),
    ("c", "three", 0, "assessment"),
    ("d", "one", 0, "assessment"),
    ("b", "pair", 0, "assessment"),
    ("c", "pair", -1, "assessment"),
    ("a", "pair", 2, "history"),
    ("a", "split", 1, "assessment"),
    ("a", "split", -1, "assessment"),
    ("b", "split", 1, "assessment"),
    ("d", "split", 1, "question"),
    ("chair", "one", 1, "summary"),
]


@pytest.fixture
def evidence_dataset():
    data = coded_panel(EVIDENCE, speakers=("chair",))
    data["positions"][0]["note"] = "Hedged: 'on balance, yes'."
    return load_bytes(to_bytes(data), "evidence.seminar.json")


@pytest.fixture
def document(qtbot, evidence_dataset):
    return SeminarDocument(evidence_dataset)


def _page(qtbot, document, selection, theme_id: str) -> DetailPanel:
    panel = DetailPanel(document, selection)
    qtbot.addWidget(panel)
    selection.select_theme(theme_id)
    return panel


def test_each_cell_shows_k_and_thin_pairs_are_hatched(document):
    """A cell reads its agreement and k; pairs under three shared themes are hatched, the others coloured."""
    model = AgreementModel(document)
    close = model.index(model.row_of("a"), model.row_of("b"))
    thin = model.index(model.row_of("a"), model.row_of("d"))
    pair = document.derived.analysis.pair("a", "b")
    assert close.data() == f"{format_measure(pair.agreement)}\nk\u00a0{pair.shared_themes}"
    assert close.data(SharedThemesRole) >= MIN_SHARED_THEMES and close.data(ComparableRole) is True
    assert isinstance(close.data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert thin.data() == f"{format_measure(document.derived.analysis.pair('a', 'd').agreement)}\nk\u00a01"
    assert thin.data(ComparableRole) is False
    brush = thin.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.style() == Qt.BrushStyle.BDiagPattern
    tip = thin.data(Qt.ItemDataRole.ToolTipRole)
    assert "chance level" in tip and "too few to compare" in tip


def test_the_chair_with_no_counted_position_is_left_out_and_named(qtbot, document, selection):
    """A chair whose only position is a summary is not a row, and the caption says who is left out."""
    view = AgreementView(document, selection)
    qtbot.addWidget(view)
    assert view.model.row_of("chair") is None
    assert view.left_out.text() == "Left out, having no counted position: Speaker Chair (chair)."
    document.set_counted_kinds({Kind.ASSESSMENT, Kind.SUMMARY})
    assert view.model.row_of("chair") is not None
    assert view.left_out.isHidden()


def test_headers_are_initials_with_full_names_in_tooltips(document):
    """The matrix headers are short initials; hovering one gives the full name."""
    model = AgreementModel(document)
    row = model.row_of("a")
    assert model.headerData(row, Qt.Orientation.Horizontal) == "SA"
    assert model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "Speaker A"


def test_the_matrix_fits_a_1024_pixel_window(qtbot, open_window, default_dataset):
    """At 1024×700 the default seminar's agreement matrix shows every column without scrolling sideways."""
    main = open_window(default_dataset)
    main.resize(1024, 700)
    main.show_tab("agreement")
    table = main.agreement.table
    qtbot.waitUntil(lambda: table.viewport().width() < 600)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    columns = main.agreement.model.columnCount()
    assert columns >= 6
    assert sum(table.columnWidth(column) for column in range(columns)) <= table.viewport().width()


def test_a_theme_with_two_voices_lists_them_instead_of_a_verdict(qtbot, document, selection):
    """Below three voices the page says "too few voices" and gives each voice's stance."""
    panel = _page(qtbot, document, selection, "pair")
    text = panel.body.toPlainText()
    assert "2 voices: B mixed, C divergence" in text
    assert "Verdict\ntoo few voices" in text
    assert panel.subtitle.text() == "Theme \u00b7 2 voices \u00b7 too few voices"


def test_a_tentative_verdict_says_what_flips_it(qtbot, document, selection):
    """A verdict one voice could overturn is marked tentative and names the change."""
    panel = _page(qtbot, document, selection, "one")
    text = panel.body.toPlainText()
    assert "(tentative)" in text
    assert "Tentative, since one voice would change it:" in text and "if C is dropped" in text


def test_a_speaker_on_both_poles_is_marked_divided(qtbot, document, selection):
    """Positions at +1 and −1 on one theme mark the speaker divided, on the theme page and their own."""
    panel = _page(qtbot, document, selection, "split")
    assert "A mixed (divided)" in panel.body.toPlainText()
    selection.select_speaker("a")
    assert "Split (divided)" in panel.body.toPlainText()


def test_context_kinds_are_marked_and_not_counted(qtbot, document, selection):
    """A question shows as context, not counted; counting questions drops the mark and adds the voice."""
    panel = _page(qtbot, document, selection, "split")
    text = panel.body.toPlainText()
    assert "Open question \u00b7 context, not counted" in text
    assert "2 voices:" in text
    document.set_counted_kinds({Kind.ASSESSMENT, Kind.QUESTION})
    text = panel.body.toPlainText()
    assert "Open question \u00b7 context, not counted" not in text and "3 voices:" in text


def test_the_coders_note_is_shown_with_its_position(qtbot, document, selection):
    """The coder's note for a stance appears with the position it explains."""
    panel = _page(qtbot, document, selection, "one")
    assert "Coder\u2019s note: Hedged: 'on balance, yes'." in panel.body.toPlainText()


def test_every_metric_label_explains_itself_on_hover(qtbot, document, selection):
    """Each measure on a theme or pair page is a link whose hover gives its definition as the tooltip."""
    panel = _page(qtbot, document, selection, "one")
    theme_links = _metric_links(panel)
    assert {"n", "counts", "median", "consensus", "verdict", "robust"} <= theme_links
    selection.select_pair("a", "b")
    pair_links = _metric_links(panel)
    assert {"shared", "agreement", "chance", "corrected"} <= pair_links
    for key in theme_links | pair_links:
        panel.body.highlighted.emit(QUrl(f"metric:{key}"))
        assert panel.body.toolTip() == metric_definition(key)
    panel.body.highlighted.emit(QUrl())
    assert panel.body.toolTip() == ""
    panel.body.anchorClicked.emit(QUrl("metric:median"))  # shows a tooltip; never navigates
    assert selection.focus.kind.name == "PAIR"


def _metric_links(panel: DetailPanel) -> set[str]:
    found = set()
    block = panel.body.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            href = iterator.fragment().charFormat().anchorHref()
            if href.startswith("metric:"):
                found.add(href.removeprefix("metric:"))
            iterator += 1
        block = block.next()
    return found


def test_the_pair_page_shows_k_agreement_and_chance(qtbot, document, selection):
    """Comparing two speakers gives the shared themes, their agreement and the chance level, one decimal."""
    panel = DetailPanel(document, selection)
    qtbot.addWidget(panel)
    selection.select_pair("a", "d")
    pair = document.derived.analysis.pair("a", "d")
    text = panel.body.toPlainText()
    assert f"Shared themes (k)\n{pair.shared_themes}" in text
    assert f"Agreement\n{format_measure(pair.agreement)}" in text
    assert f"Chance level\n{format_measure(pair.expected_by_chance)}" in text
    assert "too few to compare" in text


def _kinds_window(qtbot, dataset, settings, dialogs) -> MainWindow:
    main = MainWindow(dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_counting_history_changes_every_view_and_is_remembered(qtbot, evidence_dataset, settings, dialogs):
    """Ticking History adds a voice on the page, a theme to a pair in the map, a badge in the list, and the next window starts so."""
    main = _kinds_window(qtbot, evidence_dataset, settings, dialogs)
    actions = main.analysis_actions
    main.selection.select_theme("pair")
    assert main.detail.subtitle.text().startswith("Theme \u00b7 2 voices")
    shared_before = main.agreement.model.index(main.agreement.model.row_of("a"), main.agreement.model.row_of("b")).data(SharedThemesRole)
    assert not actions.kind_actions[Kind.HISTORY].isChecked()
    assert main.speaker_list.model.index(main.speaker_list.model.row_of("a")).data(ThemeStanceRole) is None
    actions.kind_actions[Kind.HISTORY].trigger()
    assert main.document.counted_kinds == {Kind.ASSESSMENT, Kind.PREDICTION, Kind.PRESCRIPTION, Kind.HISTORY}
    assert main.detail.subtitle.text().startswith("Theme \u00b7 3 voices")
    model = main.agreement.model
    assert model.index(model.row_of("a"), model.row_of("b")).data(SharedThemesRole) == shared_before + 1
    assert "history" in main.agreement.counted.text()
    badge = main.speaker_list.model.index(main.speaker_list.model.row_of("a")).data(ThemeStanceRole)
    assert badge == 2  # a's history position on the theme now counts
    main.close()
    again = _kinds_window(qtbot, evidence_dataset, settings, dialogs)
    assert Kind.HISTORY in again.document.counted_kinds
    assert again.analysis_actions.kind_actions[Kind.HISTORY].isChecked()


def test_presets_choose_kinds_and_the_last_kind_cannot_be_unticked(qtbot, evidence_dataset, settings, dialogs):
    """"Forecasts Only" counts predictions alone; unticking that last kind leaves it counted."""
    main = _kinds_window(qtbot, evidence_dataset, settings, dialogs)
    actions = main.analysis_actions
    actions.preset_actions["Forecasts Only"].trigger()
    assert main.document.counted_kinds == {Kind.PREDICTION}
    actions.kind_actions[Kind.PREDICTION].trigger()
    assert main.document.counted_kinds == {Kind.PREDICTION}
    assert actions.kind_actions[Kind.PREDICTION].isChecked()


def test_window_csv_export_counts_the_chosen_kinds(qtbot, evidence_dataset, settings, dialogs, tmp_path):
    """A themes CSV exported from the window says, and uses, the kinds the window counts."""
    main = _kinds_window(qtbot, evidence_dataset, settings, dialogs)
    main.analysis_actions.set_counted_kinds({Kind.ASSESSMENT, Kind.HISTORY})
    dialogs.save_answer = str(tmp_path / "themes.csv")
    path = main.exports.export_csv("themes")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert {row["counted_kinds"] for row in rows} == {"assessment;history"}


def test_reading_the_analysis_states_every_rule_with_its_value(qtbot, evidence_dataset, settings, dialogs):
    """Help ▸ Reading the Analysis opens beside the window and gives each rule's constant and every measure."""
    main = _kinds_window(qtbot, evidence_dataset, settings, dialogs)
    main.analysis_actions.reading_action.trigger()
    dialog = main.analysis_actions.reading_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    text = dialog.text()
    for constant in (
        f"MIN_VOICES = {MIN_VOICES}",
        f"CONTESTED_MIN_EACH_SIDE = {CONTESTED_MIN_EACH_SIDE}",
        f"CONTESTED_MIN_SHARE = {CONTESTED_MIN_SHARE:g}",
        f"MIN_SHARED_THEMES = {MIN_SHARED_THEMES}",
    ):
        assert constant in text
    for label, _definition in METRICS.values():
        assert label in text
    assert "(observed \u2212 chance) / (1 \u2212 chance)" in text
    assert text.strip() == reading_text(evidence_dataset.seminar.scale, main.document.counted_kinds).strip()


def test_resting_the_pointer_on_a_metric_label_sets_its_definition(qtbot, document, selection):
    """Moving the mouse onto the "Median" label of a theme page makes its definition the tooltip."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    panel = _page(qtbot, document, selection, "one")
    panel.resize(500, 700)
    panel.show()
    qtbot.waitExposed(panel)
    found = panel.body.document().find("Median")
    assert not found.isNull()
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    point = panel.body.cursorRect(cursor).center()
    QTest.mouseMove(panel.body.viewport(), point)
    qtbot.waitUntil(lambda: panel.body.toolTip() == metric_definition("median"))
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    viewport = panel.body.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == metric_definition("median"))
    QToolTip.hideText()


def test_a_long_theme_page_lists_the_first_positions_and_shows_the_rest_on_request(qtbot):
    """A theme with more positions than a page lists offers the rest behind a link, and the figures count them all."""
    from PySide6.QtCore import QUrl

    from desktop_app.model.format.loader import load_bytes
    from desktop_app.presentation.detail_html import THEME_PAGE_POSITIONS
    from desktop_app.ui.document import SeminarDocument
    from desktop_app.ui.selection import Selection
    from desktop_app.ui.views.detail_panel import DetailPanel
    from tests.factories import coded_panel, to_bytes

    voices = THEME_PAGE_POSITIONS + 5
    data = coded_panel([(f"s{i}", "t", (i % 5) - 2, "assessment") for i in range(voices)], speakers=("chair",))
    document = SeminarDocument(load_bytes(to_bytes(data)))
    selection = Selection(document)
    panel = DetailPanel(document, selection)
    qtbot.addWidget(panel)
    selection.select_theme("t")
    text = panel.body.toPlainText()
    assert f"Show all {voices} positions" in text and f"the first {THEME_PAGE_POSITIONS} are listed" in text
    assert text.count("Show in source") == THEME_PAGE_POSITIONS
    assert f"{voices}" in text.split("How the panel stood", 1)[1].split("\n")[2]  # n counts every voice
    panel.body.anchorClicked.emit(QUrl("all:t"))
    text = panel.body.toPlainText()
    assert text.count("Show in source") == voices and "Show all" not in text
    selection.select_speaker("s1")
    selection.select_theme("t")
    assert panel.body.toPlainText().count("Show in source") == THEME_PAGE_POSITIONS
