"""Readable everywhere: captions at 4.5:1 in light and dark, the system's dark palette followed, zoom, CJK names."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.contrast import contrast_ratio
from desktop_app.presentation.detail_html import Ink, theme_html
from desktop_app.presentation.wording import WORD_JOINER, fold, unbreakable
from desktop_app.ui.appearance import is_caption
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.views.speaker_list import line_height
from tests.factories import city_panel, to_bytes


@pytest.fixture(autouse=True)
def restore_look():
    """Palette and font are the application's: put them back after each test."""
    palette, font = QPalette(QGuiApplication.palette()), QApplication.font()
    yield
    QGuiApplication.styleHints().unsetColorScheme()
    QApplication.setPalette(palette)
    QApplication.setFont(font)


@pytest.fixture
def city(open_window):
    return open_window(load_bytes(to_bytes(city_panel()), "city.seminar.json"))


def _captions(window) -> list[QLabel]:
    return [label for label in window.findChildren(QLabel) if is_caption(label)]


def _caption_contrasts(window) -> dict[str, float]:
    """Each caption's contrast, from the colours the widget really has: its text on the background behind it."""
    found = {}
    for label in _captions(window):
        ink = label.palette().color(QPalette.ColorRole.WindowText).name()
        behind = label.parentWidget()
        background = behind.palette().color(behind.backgroundRole()).name()
        found[label.text()[:40] or label.objectName()] = contrast_ratio(ink, background)
    return found


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_every_caption_reads_at_4_5_to_1_in_light_and_dark(city, qtbot, appearance):
    """The speaker count, the source hint, the agreement captions and the search count all reach 4.5:1 contrast."""
    window = city
    window.speaker_list.search.setText("zzz")  # shows "No speaker matches" and the search count
    window.view_options.set_appearance(appearance)
    wanted = QApplication.palette().color(QPalette.ColorRole.Window)
    qtbot.waitUntil(lambda: window.speaker_list.palette().color(QPalette.ColorRole.Window) == wanted)
    dark = QApplication.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5
    assert dark == (appearance == "dark")
    contrasts = _caption_contrasts(window)
    names = " | ".join(contrasts)
    assert "No speaker matches" in names and "Highlighted passages" in names and "Each cell: agreement" in names
    assert len(contrasts) >= 5
    assert min(contrasts.values()) >= 4.5, contrasts


def test_the_appearance_is_remembered_and_system_follows_the_platform(city, settings, qtbot):
    """Choosing Dark is remembered; choosing System again gives the platform's palette back."""
    window = city
    system_window = QApplication.palette().color(QPalette.ColorRole.Window).name()
    window.view_options.appearance_actions["dark"].trigger()
    assert settings.appearance == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() != system_window
    window.view_options.appearance_actions["system"].trigger()
    assert settings.appearance == "system"
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == system_window


def test_zoom_keys_change_the_text_size_and_the_size_is_remembered(city, settings, qtbot, dialogs):
    """Ctrl+plus enlarges the text, Ctrl+minus shrinks it, Ctrl+0 resets it, and a new window starts zoomed as left."""
    window = city
    options = window.view_options
    assert [k.toString() for k in options.zoom_in_action.shortcuts()][:1] == ["Ctrl++"]
    assert options.zoom_out_action.shortcut().toString() == "Ctrl+-"
    assert options.zoom_reset_action.shortcut().toString() == "Ctrl+0"
    assert window.overview_action.shortcut().toString() != "Ctrl+0"
    normal = QApplication.font().pointSizeF()
    options.zoom_in_action.trigger()
    options.zoom_in_action.trigger()
    bigger = QApplication.font().pointSizeF()
    assert bigger > normal and settings.zoom_step == 2
    qtbot.waitUntil(lambda: window.speaker_list.count_label.font().pointSizeF() == bigger)
    qtbot.waitUntil(lambda: window.source.text.font().pointSizeF() > bigger)  # the reading size follows
    qtbot.waitUntil(lambda: window.detail.title.font().pointSizeF() > bigger)
    options.zoom_out_action.trigger()
    assert normal < QApplication.font().pointSizeF() < bigger
    second = MainWindow(window.document.dataset, settings=settings, dialogs=dialogs)
    qtbot.addWidget(second)
    assert second.view_options.zoom.step == 1
    options.zoom_reset_action.trigger()
    assert QApplication.font().pointSizeF() == normal and settings.zoom_step == 0


def test_a_chinese_name_fits_its_row_in_the_speaker_list(city, qtbot):
    """The row height fits 林美玲 in the name's font, so the line is neither pushed down nor clipped."""
    window = city
    view = window.speaker_list.list
    row = window.speaker_list.proxy.index(1, 0)
    assert row.data() == "林美玲"
    height = view.sizeHintForIndex(row).height()
    bold = view.font()
    bold.setBold(True)
    assert height >= QFontMetrics(bold).boundingRect("林美玲").height() + QFontMetrics(view.font()).boundingRect("台北市政府").height()
    assert line_height(view.font()) >= QFontMetrics(view.font()).boundingRect("林美玲").height()


def test_a_chinese_name_never_breaks_inside_the_silent_list(city):
    """In a theme's list of silent speakers, 林美玲's characters are joined so a line cannot break inside the name."""
    dataset = city.document.dataset
    html = theme_html(dataset, "air", Ink(text="#000000", muted="#555555", link="#0000ff", rule="#cccccc"))
    assert WORD_JOINER.join("Łukasz") not in html  # Latin names only lose their spaces
    assert "Łukasz\u00a0Kowałski" in html
    assert unbreakable("吳家豪") == f"吳{WORD_JOINER}家{WORD_JOINER}豪"
    assert fold(unbreakable("吳家豪")) == "吳家豪"  # search still finds the joined name


def test_the_window_can_be_as_small_as_800_by_600(city, qtbot):
    """The window accepts 800×600 and refuses to shrink below it."""
    window = city
    assert (window.minimumWidth(), window.minimumHeight()) == (800, 600)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.size().width() == 800 and window.size().height() == 600)


def test_a_dark_system_scheme_gives_a_dark_window_with_readable_captions(city, qtbot):
    """When the system says its colour scheme is dark but its palette is light, the window turns dark, captions still readable."""
    from PySide6.QtCore import Qt

    window = city
    assert window.view_options.appearance.mode == "system"
    window.view_options.appearance.follow_system(Qt.ColorScheme.Dark)
    wanted = QApplication.palette().color(QPalette.ColorRole.Window)
    assert wanted.lightnessF() < 0.5
    qtbot.waitUntil(lambda: window.speaker_list.palette().color(QPalette.ColorRole.Window) == wanted)
    assert min(_caption_contrasts(window).values()) >= 4.5
    window.view_options.appearance.follow_system(Qt.ColorScheme.Light)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightnessF() >= 0.5


def _fragment_colours(browser) -> dict[str, str]:
    """Each piece of the browser's text (its first 20 characters) and the colour it is drawn in."""
    colours = {}
    block = browser.document().begin()
    while block.isValid():
        pieces = block.begin()
        while not pieces.atEnd():
            fragment = pieces.fragment()
            brush = fragment.charFormat().foreground()
            colours[fragment.text()[:20]] = brush.color().name() if brush.style() != brush.style().NoBrush else None
            pieces += 1
        block = block.next()
    return colours


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_the_detail_panels_quiet_text_is_quieter_yet_reads_at_4_5_to_1(city, qtbot, appearance):
    """On a theme's page the note of who kept silent is drawn apart from the body text, at 4.5:1 or more on the page."""
    window = city
    window.view_options.set_appearance(appearance)
    wanted = QApplication.palette().color(QPalette.ColorRole.Base)
    qtbot.waitUntil(lambda: window.detail.body.palette().color(QPalette.ColorRole.Base) == wanted)
    window.selection.select_theme("air")
    body = window.detail.body
    text = body.palette().color(QPalette.ColorRole.Text).name()
    base = body.palette().color(QPalette.ColorRole.Base).name()
    quiet = [colour for piece, colour in _fragment_colours(body).items() if piece.startswith("No counted position")]
    assert quiet and quiet[0] is not None
    assert quiet[0] != text
    assert contrast_ratio(quiet[0], base) >= 4.5


def test_switching_to_dark_redraws_the_open_page_in_the_dark_links_colour(city, qtbot):
    """A page shown in the light palette takes the dark palette's link colour when the window turns dark."""
    window = city
    window.view_options.set_appearance("light")
    window.selection.select_theme("air")
    window.view_options.set_appearance("dark")
    body = window.detail.body
    link = QApplication.palette().color(QPalette.ColorRole.Link).name()
    qtbot.waitUntil(lambda: _fragment_colours(body).get("Show in source \u203a") == link)
    assert contrast_ratio(link, body.palette().color(QPalette.ColorRole.Base).name()) >= 4.5
