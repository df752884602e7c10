"""The window from the keyboard alone: where focus starts, one Tab stop for the matrix, the arrow keys inside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.ui.shell.main_window import MainWindow


def test_a_fresh_window_starts_on_the_speaker_list(qtbot, settings, dialogs, default_dataset):
    """Shown empty and then given its seminar (as at start), the window's keyboard focus is in the speaker list, where Down moves."""
    window = MainWindow(settings=settings, dialogs=dialogs)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.show_seminar(default_dataset)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().isVisible())
    assert QApplication.focusWidget() is window.speaker_list.list
    QTest.keyClick(window.speaker_list.list, Qt.Key.Key_Down)
    assert window.speaker_list.list.currentIndex().isValid()


def test_the_agreement_matrix_is_one_tab_stop_walked_with_the_arrow_keys(window, qtbot):
    """In the matrix, Right and Down move between cells; Tab leaves the matrix instead of walking its 49 cells."""
    window.show_tab("agreement")
    table = window.agreement.table
    window.activateWindow()
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Right)
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 1)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 1)


def test_the_speaker_list_and_the_details_show_a_focus_ring_while_they_have_the_keyboard(window, qtbot):
    """The list shows a highlight frame while focused; Tab takes focus, and the frame, to the detail panel."""
    from PySide6.QtGui import QPalette

    speakers, details = window.speaker_list.list, window.detail.body
    window.activateWindow()
    speakers.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(speakers.hasFocus)
    assert window.speaker_list.focus_ring.isVisible() and not window.detail.focus_ring.isVisible()
    highlight = speakers.palette().color(QPalette.ColorRole.Highlight)
    image = speakers.grab().toImage()
    assert image.pixelColor(image.width() // 2, 0) == highlight
    QTest.keyClick(speakers, Qt.Key.Key_Tab)
    qtbot.waitUntil(details.hasFocus)
    assert window.detail.focus_ring.isVisible() and not window.speaker_list.focus_ring.isVisible()
    image = details.grab().toImage()
    assert image.pixelColor(0, image.height() // 2) == highlight


def test_in_the_dark_palette_the_weakest_agreement_cell_is_darker_than_the_strongest(window):
    """With the dark palette, the map's cells run toward the background: the pair agreeing least beyond chance is the dimmest."""
    from PySide6.QtGui import QColor

    from desktop_app.presentation.contrast import relative_luminance
    from desktop_app.ui.appearance import dark_palette
    from desktop_app.ui.views.agreement_view import SpeakerIdsRole

    window.agreement.setPalette(dark_palette())
    model = window.agreement.model
    assert model.dark
    cells = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            fill = model.data(index, Qt.ItemDataRole.BackgroundRole)
            if isinstance(fill, QColor) and model.data(index, Qt.ItemDataRole.ForegroundRole) is not None:
                pair = model.analysis.pair(*model.data(index, SpeakerIdsRole))
                if pair.chance_corrected is not None:
                    cells.append((pair.chance_corrected, relative_luminance(fill.name())))
    assert cells
    weakest = min(cells)[1]
    strongest = max(cells)[1]
    assert weakest < strongest


def test_tab_runs_from_the_count_button_to_the_search_the_speakers_and_the_details(window, qtbot):
    """The toolbar's Count button comes just before the search box in the Tab order, then the speaker list and the details."""
    count = window.analysis_actions.count_button
    window.activateWindow()
    count.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(count.hasFocus)
    expected = [window.speaker_list.search, window.speaker_list.list, window.detail.body]
    for widget in expected:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    qtbot.waitUntil(count.hasFocus)


def _tab_stops(window) -> list:
    """The widgets Tab may stop on, in the window's focus chain from the speaker list round to it."""
    start = window.speaker_list.list
    stops, widget = [], start.nextInFocusChain()
    while widget is not start:
        policy = widget.focusPolicy()
        if (policy & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled():
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def test_every_tab_stop_from_the_speaker_list_is_a_named_visible_control(window, qtbot):
    """Walking the Tab chain from the speaker list meets only widgets a screen reader can name (the tabs by their titles)."""
    from PySide6.QtWidgets import QTabBar, QTabWidget

    window.show_tab("themes")
    stops = _tab_stops(window)
    assert window.chart.graphics in stops
    for widget in stops:
        tabs = isinstance(widget, (QTabBar, QTabWidget)) and all(widget.tabText(i) for i in range(widget.count()))
        named = widget.accessibleName() or tabs
        assert named, f"unnamed Tab stop {type(widget).__name__} in {type(widget.parent()).__name__}"


def test_a_click_on_the_chart_still_gives_the_chart_the_keyboard(window, qtbot):
    """With its viewport out of the Tab chain, a click on the chart still lets the arrow keys walk it."""
    window.show_tab("themes")
    window.activateWindow()
    viewport = window.chart.graphics.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    qtbot.waitUntil(window.chart.graphics.hasFocus)


def _mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` in a menu text (``&&`` is a literal ampersand), lower-cased."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def test_no_two_entries_of_a_menu_share_an_access_key(window):
    """Alt+F then a letter reaches one entry: within each menu and submenu, and on the menu bar, the letters differ."""
    from PySide6.QtWidgets import QMenu

    menus = [window.menuBar(), *window.findChildren(QMenu)]
    for menu in menus:
        seen: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            letter = _mnemonic(action.text())
            if letter is None:
                continue
            assert letter not in seen, f"{action.text()!r} and {seen[letter]!r} share Alt+{letter} in {menu.title() if isinstance(menu, QMenu) else 'the menu bar'!r}"
            seen[letter] = action.text()
