"""The main window as a user meets it: clicking, keys, search, linked views, files and settings."""


import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.model.analysis.seminar_analysis import format_measure
from desktop_app.model.format.problems import DatasetError
from desktop_app.presentation.focus import FocusKind, Navigation
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.files.file_opener import OpenOutcome
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.views.speaker_model import SpeakerIdRole
from tests.factories import debate, to_bytes


@pytest.fixture
def window(open_window, panel_dataset):
    """The main window on the small factory panel."""
    return open_window(panel_dataset)


def click_speaker_row(qtbot, window, row: int) -> None:
    view = window.speaker_list.list
    rect = view.visualRect(window.speaker_list.proxy.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_chart_row(qtbot, chart, row: int, x: float = 0.0) -> None:
    scene_point = chart.plot.getViewBox().mapViewToScene(QPointF(x, row))
    widget_point = chart.graphics.mapFromScene(scene_point)
    qtbot.mouseClick(chart.graphics.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)


def test_clicking_through_every_speaker_updates_panel_strip_and_chart(qtbot, window, panel_dataset):
    """Each click on a speaker shows them in the detail panel and marks each of their positions on the chart."""
    chart = window.chart
    for row, speaker in enumerate(panel_dataset.speakers):
        click_speaker_row(qtbot, window, row)
        assert window.selection.focus.speaker == speaker.id
        assert window.detail.title.text() == speaker.display_name
        assert len(window.detail.strip.cells()) == len(panel_dataset.themes)
        positions = panel_dataset.positions_of(speaker.id)
        assert len(chart.marker_positions()) == len(positions)
        marked_rows = {round(y) for _, y in chart.marker_positions()}
        assert marked_rows == {chart.row_index(p.theme) for p in positions}
        body = window.detail.body.toPlainText()
        for position in positions:
            assert position.summary in body


def test_up_and_down_keys_walk_the_panel(qtbot, window, panel_dataset):
    """With the list focused, Down and Up move through the speakers and every view follows."""
    view = window.speaker_list.list
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    first = window.selection.focus.speaker
    assert first == panel_dataset.speakers[0].id
    for expected in panel_dataset.speakers[1:]:
        qtbot.keyClick(view, Qt.Key.Key_Down)
        assert window.selection.focus.speaker == expected.id
        assert window.detail.title.text() == expected.display_name
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert window.selection.focus.speaker == panel_dataset.speakers[-2].id
    assert len(window.chart.marker_positions()) == len(panel_dataset.positions_of(panel_dataset.speakers[-2].id))


def test_ctrl_f_focuses_the_search_and_filtering_keeps_working(qtbot, window):
    """Ctrl+F puts the cursor in the search box; typing there filters the list."""
    window.find_action.trigger()
    assert window.speaker_list.search.hasFocus()
    qtbot.keyClicks(window.speaker_list.search, "Zurich")
    assert window.speaker_list.proxy.rowCount() == 1
    assert window.speaker_list.proxy.index(0, 0).data(SpeakerIdRole) == "cai"


def test_clicking_a_theme_on_the_chart_shows_it(qtbot, window, panel_dataset):
    """A click on a chart row shows that theme's metrics and positions, and marks its speakers in the list."""
    chart = window.chart
    row = chart.row_index("borders")
    click_chart_row(qtbot, chart, row)
    focus = window.selection.focus
    assert focus.kind is FocusKind.THEME and focus.theme == "borders"
    assert window.detail.title.text() == panel_dataset.theme("borders").label
    body = window.detail.body.toPlainText()
    assert "consensus: divergence" in body and "Consensus" in body and "Tentative" in body
    assert chart.band.isVisible()
    stances = window.speaker_list.model._theme_stances
    assert set(stances) == {p.speaker for p in panel_dataset.positions_on("borders")}


def test_clicking_a_label_on_the_left_axis_also_selects_the_theme(qtbot, window):
    """The theme names on the chart's axis are clickable too."""
    chart = window.chart
    row = chart.row_index("energy")
    left = chart.plot.getAxis("left").sceneBoundingRect()
    y = chart.plot.getViewBox().mapViewToScene(QPointF(0, row)).y()
    widget_point = chart.graphics.mapFromScene(QPointF(left.center().x(), y))
    qtbot.mouseClick(chart.graphics.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    assert window.selection.focus.theme == "energy"


def test_chart_keys_move_between_themes(qtbot, window):
    """With the chart focused, Down and Up step through the themes in the order shown."""
    chart = window.chart
    chart.graphics.setFocus()
    qtbot.keyClick(chart.graphics, Qt.Key.Key_Down)
    assert window.selection.focus.theme == chart.rows()[0].theme_id
    qtbot.keyClick(chart.graphics, Qt.Key.Key_Down)
    assert window.selection.focus.theme == chart.rows()[1].theme_id


def test_selection_is_linked_both_ways(qtbot, window, panel_dataset):
    """Selecting from the detail panel's links, the strip, the heatmap or the list keeps every view in step."""
    window.selection.select_speaker("ana")
    assert window.speaker_list.list.currentIndex().data(SpeakerIdRole) == "ana"
    # the theme link in the detail panel selects the theme
    window.detail.body.anchorClicked.emit(QUrl("theme:energy"))
    assert window.selection.focus.theme == "energy"
    assert not window.speaker_list.list.selectionModel().hasSelection()
    # a strip cell (one per speaker for a theme) selects that speaker
    window.detail.strip.cellClicked.emit("speaker:eli")
    assert window.selection.focus.speaker == "eli"
    # a heatmap cell compares two speakers
    table = window.agreement.table
    model = window.agreement.model
    window.show_tab("agreement")
    index = model.index(model.row_of("ana"), model.row_of("ben"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    focus = window.selection.focus
    assert (focus.kind, focus.speaker, focus.other_speaker) == (FocusKind.PAIR, "ana", "ben")
    assert window.detail.title.text() == "Dr Ana Ames and Ben Bly"
    agreement = format_measure(window.document.derived.analysis.pair("ana", "ben").agreement)
    assert f"Agreement\n{agreement}" in window.detail.body.toPlainText()


def test_agreement_cells_carry_value_and_shared_themes(panel_dataset):
    """Each heatmap cell shows the pair's agreement and k, and its tooltip the shared themes and the chance level."""
    from desktop_app.ui.views.agreement_view import AgreementModel

    model = AgreementModel(SeminarDocument(panel_dataset))
    assert [s.id for s in model.speakers()] == [s.id for s in panel_dataset.speakers if s.id != "host"]
    assert [s.id for s in model.left_out()] == ["host"]
    index = model.index(model.row_of("ana"), model.row_of("ben"))
    pair = panel_dataset.analysis.pair("ana", "ben")
    assert index.data() == f"{format_measure(pair.agreement)}\nk\u00a0{pair.shared_themes}"
    assert f"over {pair.shared_themes} shared themes" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"chance level {format_measure(pair.expected_by_chance)}" in index.data(Qt.ItemDataRole.ToolTipRole)
    missing = model.index(model.row_of("ana"), model.row_of("fay"))
    assert "no theme in common" in missing.data(Qt.ItemDataRole.ToolTipRole)


def test_show_in_source_scrolls_and_flashes_the_excerpt(qtbot, window, panel_dataset):
    """'Show in source' opens the Source tab and flashes that position's passage."""
    window.selection.select_speaker("ana")
    window.detail.body.anchorClicked.emit(QUrl("source:ana-energy"))
    assert window.current_tab() == "source"
    assert window.source.flashing_position() == "ana-energy"
    cursor = window.source.text.textCursor()
    span = panel_dataset.spans["ana-energy"]
    assert cursor.position() == span.start


def test_clicking_a_highlight_in_the_source_selects_its_speaker(qtbot, window, panel_dataset):
    """A click inside an excerpt in the report selects its speaker and brings the position behind it into view."""
    window.show_tab("source")
    span = panel_dataset.spans["eli-talks"]
    window.source._scroll_to(window.source._spans["eli-talks"])
    text = window.source.text
    cursor = text.textCursor()
    cursor.setPosition(span.start + 5)
    point = text.cursorRect(cursor).center()
    cursor.clearSelection()
    text.setTextCursor(cursor)
    with qtbot.waitSignal(window.selection.navigationRequested) as asked:
        qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    focus = window.selection.focus
    assert (focus.kind, focus.speaker) == (FocusKind.SPEAKER, "eli")
    assert asked.args == [Navigation("eli-talks", "detail")]
    assert window.detail.title.text() == "Eli Eze"


def test_sorting_the_chart(qtbot, window, settings):
    """Sorting by balance puts the theme with the most convergent median on top; the choice is remembered."""
    window.sort_actions["balance"].trigger()
    balances = [row.metrics.median for row in window.chart.rows() if row.metrics.n]
    assert balances == sorted(balances, reverse=True)
    assert window.chart.sort_box.currentData() == "balance"
    assert settings.chart_sort == "balance"
    window.chart.sort_box.setCurrentIndex(2)
    consensus = [row.metrics.consensus for row in window.chart.rows() if row.metrics.n]
    assert consensus == sorted(consensus)
    assert window.sort_actions["controversy"].isChecked()


def test_chart_tooltip_names_the_speakers_and_metrics(window, panel_dataset):
    """Hovering a block names its speaker, the others at that stance, the theme's metrics and what would flip its verdict."""
    chart = window.chart
    row = chart.row_index("borders")
    segment = chart.rows()[row].segments[-1]
    text = chart.tooltip(row, segment.centre)
    assert "divergence: 2 speakers" in text and "strong divergence" not in text
    group = next(line for line in text.split("<br>") if "2 speakers" in line)
    assert "Ben Bly" in group and "Eli Eze" in group and "Dee Dunn" not in group
    assert "Consensus" in text and "consensus: divergence" in text
    assert "<b>Tentative</b>" in text and "if Dee Dunn is dropped" in text


def test_a_bad_file_keeps_the_seminar_already_open(window, dialogs, tmp_path, panel_dataset):
    """Opening a broken file lists its problems and leaves the open seminar as it was."""
    broken = debate()
    broken["positions"][0]["speaker"] = "ghost"
    broken["themes"][0]["label"] = ""
    path = tmp_path / "broken.seminar.json"
    path.write_bytes(to_bytes(broken))
    window.selection.select_speaker("ana")
    title = window.windowTitle()
    assert window.open_path(path) is OpenOutcome.FAILED
    (error,) = dialogs.named("show_problems")
    assert isinstance(error, DatasetError) and len(error.problems) == 2
    assert window.document.dataset is panel_dataset
    assert window.windowTitle() == title
    assert window.selection.focus.speaker == "ana"


def test_opening_another_seminar_refreshes_every_view(qtbot, window, dialogs, tmp_path, settings):
    """A good file chosen in the Open dialog replaces the seminar in every view and joins Recent Files."""
    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate()))
    dialogs.open_answer = str(path)
    window.open_action.trigger()
    assert window.windowTitle().startswith("Second reading: the Clean Air Bill")
    assert window.speaker_list.model.rowCount() == 3
    assert [row.theme_id for row in window.chart.rows()] == ["emissions", "costs", "enforcement"]
    assert window.chart.legend.labels() == ["opposition", "undecided", "support"]
    assert "Committee Room 4" in window.detail.body.toPlainText()
    assert settings.recent_files == [str(path.resolve())]
    assert settings.last_file == str(path.resolve())
    assert window.recent_menu.actions()[0].text().endswith("debate.seminar.json")


def test_dropping_a_file_on_the_window_opens_it(qtbot, window, tmp_path):
    """Dragging a seminar file onto the window opens it."""
    path = tmp_path / "dropped.seminar.json"
    path.write_bytes(to_bytes(debate()))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.dataset.path == path


def test_layout_and_files_survive_a_restart(qtbot, panel_dataset, settings, dialogs, tmp_path):
    """Window size, splitter, tab and chart sort come back as they were left."""
    first = MainWindow(panel_dataset, settings=settings, dialogs=dialogs, build_chart_now=True)
    qtbot.addWidget(first)
    first.resize(1100, 700)
    first.show()
    qtbot.waitExposed(first)
    # restoreGeometry fits a window into its screen: the size can come back only on a screen it fits on.
    screen = first.screen().availableGeometry()
    assert screen.width() > 1100 and screen.height() > 700, f"the test's screen is {screen.width()}x{screen.height()}"
    first.splitter.setSizes([300, 380, 400])
    sizes = first.splitter.sizes()
    first.show_tab("source")
    first.set_chart_sort("controversy")
    first.close()
    second = MainWindow(panel_dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size().width() == 1100 and second.size().height() == 700
    assert second.splitter.sizes() == sizes
    assert second.current_tab() == "source"
    assert second.ensure_chart().sort == "controversy"


def test_corrupt_settings_are_ignored(qtbot, panel_dataset, settings_file, dialogs):
    """Garbage in the settings file does not stop the window: defaults are used."""
    settings_file.write_text(
        "[window]\ngeometry=not bytes\nstate=@ByteArray(\\x1)\ntab=nonsense\nsplitter=42\n"
        "[chart]\nsort=sideways\n[files]\nlast=@ByteArray(x)\nrecent=@ByteArray(\\0\\x2)\n",
        encoding="utf-8",
    )
    from PySide6.QtCore import QSettings

    from desktop_app.ui.shell.settings import AppSettings

    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(panel_dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    assert window.current_tab() == "themes"
    assert window.ensure_chart().sort == "report"
    assert settings.recent_files == []
    assert settings.last_file is None


def test_about_names_version_and_licence(window, dialogs):
    """Help ▸ About shows the version and the licence."""
    from desktop_app import __version__

    window.about_action.trigger()
    (_title, message) = dialogs.named("show_about")[0]
    assert __version__ in message and "MIT" in message


@pytest.mark.qt_no_exception_capture  # the application's own hook must see the exception, not pytest-qt's
def test_unexpected_error_in_a_slot_is_shown_logged_and_survived(qtbot, monkeypatch, open_window, panel_dataset, dialogs, private_home):
    """An exception raised by a button's slot when it is clicked shows the error dialog, is logged, and the window carries on."""
    import sys

    from PySide6.QtWidgets import QPushButton

    from desktop_app.ui.errors import install_exception_hook, log_path

    window = open_window(panel_dataset)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back whatever was there afterwards
    install_exception_hook(window, dialogs)
    clicks = []

    def failing_slot():
        clicks.append(True)
        raise RuntimeError("boom in a slot")

    button = QPushButton("Fail", window)
    button.clicked.connect(failing_slot)
    button.show()
    qtbot.waitExposed(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.named("show_error")))
    assert clicks == [True]
    ((title, message, details),) = dialogs.named("show_error")
    assert title == "Unexpected error"
    assert "RuntimeError: boom in a slot" in message
    assert "Traceback" in details and "failing_slot" in details
    assert "boom in a slot" in log_path().read_text(encoding="utf-8")
    assert str(private_home) in str(log_path())
    window.selection.select_speaker("ana")
    assert window.detail.title.text() == "Dr Ana Ames"


def choose_then(dialogs, path, change) -> None:
    """Make the Open dialog answer ``path`` and then, before the app reads it, ``change`` it."""
    dialogs.open_answer = str(path)
    original_open = dialogs.open_seminar_path

    def choose(parent, start_folder=""):
        answer = original_open(parent, start_folder)
        change()
        return answer

    dialogs.open_seminar_path = choose


def test_file_deleted_after_choosing_it_keeps_the_open_seminar(window, dialogs, tmp_path, panel_dataset):
    """A file that disappears between the Open dialog and reading is reported; nothing is lost."""
    path = tmp_path / "vanishing.seminar.json"
    path.write_bytes(to_bytes(debate()))
    choose_then(dialogs, path, path.unlink)
    assert window.choose_and_open() is OpenOutcome.FAILED
    (error,) = dialogs.named("show_problems")
    assert error.problems[0].message == "no such file"
    assert window.document.dataset is panel_dataset


def test_file_broken_after_choosing_it_keeps_the_open_seminar(window, dialogs, tmp_path, panel_dataset):
    """A file rewritten into nonsense between choosing and reading is reported with its problems."""
    path = tmp_path / "changing.seminar.json"
    path.write_bytes(to_bytes(debate()))
    choose_then(dialogs, path, lambda: path.write_bytes(b'{"format": "seminar-lens/1", "themes": ['))
    assert window.choose_and_open() is OpenOutcome.FAILED
    (error,) = dialogs.named("show_problems")
    assert "truncated" in error.problems[0].message
    assert window.document.dataset is panel_dataset


def test_problems_dialog_lists_every_problem_and_closes(qtbot, tmp_path):
    """The problems dialog shows one line per problem with its location, and its Close button closes it."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_app.model.format.loader import load
    from desktop_app.ui.dialogs import ProblemsDialog

    data = debate()
    data["positions"][0]["speaker"] = "ghost"
    data["positions"][1]["stance"] = 5
    path = tmp_path / "two-problems.seminar.json"
    path.write_bytes(to_bytes(data))
    with pytest.raises(DatasetError) as caught:
        load(path)
    dialog = ProblemsDialog(caught.value)
    qtbot.addWidget(dialog)
    dialog.show()
    lines = dialog.problem_text.toPlainText().splitlines()
    assert len(lines) == 2 and all(line.startswith("positions[") and "(line " in line for line in lines)
    dialog.copy_to_clipboard()
    assert QApplication.clipboard().text() == dialog.problem_text.toPlainText()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and not dialog.isVisible()


def test_window_opens_on_the_seminar_overview_with_its_findings(window):
    """Before anything is chosen, the detail panel shows the seminar's facts and where the panel stood."""
    assert window.selection.focus.kind is FocusKind.NONE
    body = window.detail.body.toPlainText()
    assert "Wednesday 1 May 2024" in body
    assert "At a glance" in body
    assert "Divergence was the consensus on Borders (3 voices, tentative)." in body
    assert not window.speaker_list.list.selectionModel().hasSelection()
