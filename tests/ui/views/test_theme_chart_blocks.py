"""The Themes chart shows the speakers: one block each, marks on their own blocks, n and honest verdicts, at every size."""

from __future__ import annotations

import html
from itertools import pairwise

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.chart_layout import (
    SEPARATED_FROM,
    chart_rows,
    speaker_marks,
)
from desktop_app.ui.document import SeminarDocument
from desktop_app.ui.views.theme_chart import ThemeChart
from tests.factories import coded_panel, debate, panel, to_bytes

DEFAULT_WORDS = ("convergence", "divergence", "consensus and divergence")


def long_panel():
    """The factory panel with 300-character theme labels and pole names, the format's limit."""
    data = panel()
    for number, theme in enumerate(data["themes"]):
        theme["label"] = (f"Theme {number} " + "with a very long label " * 20)[:300]
    data["seminar"]["scale"] = {
        "negative": ("the negative pole " * 20)[:300],
        "positive": ("the positive pole " * 20)[:300],
        "neutral": ("neither " * 40)[:300],
    }
    return load_bytes(to_bytes(data))


@pytest.fixture
def chart_for(qtbot, selection):
    def made(dataset, width=700, height=520) -> ThemeChart:
        chart = ThemeChart(SeminarDocument(dataset), selection)
        qtbot.addWidget(chart)
        chart.resize(width, height)
        chart.show()
        qtbot.waitExposed(chart)
        return chart

    return made


def scene_of(chart: ThemeChart, x: float, row: int) -> QPointF:
    return chart.plot.getViewBox().mapViewToScene(QPointF(x, row))


def widget_of(chart: ThemeChart, x: float, row: int):
    return chart.graphics.mapFromScene(scene_of(chart, x, row))


def test_every_mark_sits_on_the_selected_speakers_own_block(default_dataset):
    """For every speaker of the default seminar, each mark lies inside that speaker's own block, one per theme they spoke to."""
    rows = chart_rows(default_dataset)
    for speaker in default_dataset.speakers:
        marks = speaker_marks(default_dataset, rows, speaker.id)
        voiced = [row for row in rows if speaker.id in row.metrics.stances]
        assert len(marks) == len(voiced)
        for mark in marks:
            row = rows[round(mark.y)]
            block = row.block_of(speaker.id)
            assert block is not None and block.start < mark.x < block.end
            assert row.block_at(mark.x) == block
            assert mark.stance == row.metrics.stances[speaker.id]


def test_each_row_has_one_block_per_voice_drawn_apart(chart_for, panel_dataset):
    """Every row has as many blocks as its n, side by side without overlap, and they are wide enough to be drawn apart."""
    chart = chart_for(panel_dataset)
    for row in chart.rows():
        assert len(row.blocks) == row.metrics.n
        for left, right in pairwise(row.blocks):
            assert right.start == left.end
    assert chart.block_pixels() >= SEPARATED_FROM
    assert all(text.startswith("n = ") for text in chart.note_texts())


def test_a_tentative_row_is_marked_and_says_what_flips_it(chart_for, panel_dataset):
    """Borders (three voices, one could flip it) is drawn tentative, labelled so, and its tooltip names what flips it."""
    chart = chart_for(panel_dataset)
    index = chart.row_index("borders")
    row = chart.rows()[index]
    assert row.tentative
    note = chart.note_texts()[index]
    assert note.startswith("n = 3 · con") and note.endswith(("tentative", "(tent.)"))
    assert "if Dee Dunn is dropped" in chart.tooltip(index)
    energy = chart.row_index("energy")
    assert "tentative" not in chart.note_texts()[energy] or chart.rows()[energy].tentative


def test_a_row_with_too_few_voices_shows_n_and_the_stances_but_no_verdict(chart_for):
    """Two voices get "n = 2 · too few voices" and no verdict word; the tooltip lists each voice with its stance."""
    data = coded_panel([("a", "t", 0, "assessment"), ("b", "t", -1, "assessment")], speakers=("chair",))
    chart = chart_for(load_bytes(to_bytes(data)))
    (note,) = chart.note_texts()
    assert note == "n = 2 · too few voices"
    tip = chart.tooltip(0)
    assert "2 voices: Speaker A mixed, Speaker B divergence" in tip
    assert "contested" not in note and "consensus" not in note and "mixed" not in note


def test_a_click_pins_the_tooltip_until_escape(qtbot, chart_for, panel_dataset, selection):
    """Resting on a block shows its tooltip; a click pins it so moving away keeps it; Esc closes it."""
    chart = chart_for(panel_dataset)
    index = chart.row_index("trade")
    block = chart.rows()[index].blocks[0]
    chart._on_scene_hover(scene_of(chart, block.centre, index))
    assert chart.tip.isVisible() and not chart.tip.pinned
    qtbot.mouseClick(chart.graphics.viewport(), Qt.MouseButton.LeftButton, pos=widget_of(chart, block.centre, index))
    assert selection.focus.theme == "trade"
    assert chart.tip.isVisible() and chart.tip.pinned
    name = panel_dataset.speaker(block.speaker_id).display_name
    assert name in chart.tip.text()
    chart._on_scene_hover(scene_of(chart, 0, chart.row_index("talks")))
    assert chart.tip.isVisible() and name in chart.tip.text()
    chart.graphics.setFocus()
    qtbot.keyClick(chart.graphics, Qt.Key.Key_Escape)
    assert not chart.tip.isVisible() and not chart.tip.pinned


def test_keyboard_moves_between_rows_and_blocks_with_a_focus_ring(qtbot, chart_for, panel_dataset, selection):
    """With the chart focused a ring shows; Down picks a theme, Right and Left walk its speakers with their tooltip shown."""
    chart = chart_for(panel_dataset)
    chart.graphics.setFocus()
    qtbot.waitUntil(chart.graphics.hasFocus)
    highlight = chart.palette().color(QPalette.ColorRole.Highlight)
    image = chart.graphics.grab().toImage()
    edge = QColor(image.pixel(2, image.height() // 2))
    assert abs(edge.red() - highlight.red()) + abs(edge.green() - highlight.green()) + abs(edge.blue() - highlight.blue()) < 60
    qtbot.keyClick(chart.graphics, Qt.Key.Key_Down)
    qtbot.keyClick(chart.graphics, Qt.Key.Key_Down)
    row = chart.rows()[1]
    assert selection.focus.theme == row.theme_id and row.metrics.n >= 2
    qtbot.keyClick(chart.graphics, Qt.Key.Key_Right)
    assert chart.rows_item.cursor == (1, 0)
    first = panel_dataset.speaker(row.blocks[0].speaker_id).display_name
    assert chart.tip.isVisible() and f"<b>{first}</b>" in chart.tip.text()
    qtbot.keyClick(chart.graphics, Qt.Key.Key_Right)
    second = panel_dataset.speaker(row.blocks[1].speaker_id).display_name
    assert chart.rows_item.cursor == (1, 1) and f"<b>{second}</b>" in chart.tip.text()
    qtbot.keyClick(chart.graphics, Qt.Key.Key_Left)
    assert chart.rows_item.cursor == (1, 0)
    chart.setFocus()
    other = chart.graphics.grab().toImage()
    assert QColor(other.pixel(2, other.height() // 2)) != edge


def test_the_legend_explains_every_mark(chart_for, panel_dataset, selection):
    """The legend names the block, the divided notch, the tentative hatching and, once a speaker is chosen, their mark."""
    chart = chart_for(panel_dataset, width=1000)
    texts = chart.legend.texts()
    assert {"one speaker", "divided", "tentative"} <= set(texts)
    selection.select_speaker("ben")
    assert "Ben Bly" in chart.legend.texts()


def test_the_chart_speaks_in_the_events_own_words(chart_for):
    """For a debate on opposition and support, no default pole word appears in the chart's text, legend or accessible name."""
    chart = chart_for(load_bytes(to_bytes(debate())))
    surfaces = [
        chart.graphics.accessibleName(),
        chart.plot.getAxis("bottom").labelText,
        *chart.legend.texts(),
        *chart.note_texts(),
        *chart.label_texts(),
        *(chart.tooltip(index, 0) for index in range(len(chart.rows()))),
    ]
    text = " ".join(surfaces).lower()
    for word in DEFAULT_WORDS:
        assert word not in text
    assert "opposition" in text and "support" in text


@pytest.mark.parametrize("size", [(800, 600), (1024, 700), (1920, 1080)])
@pytest.mark.parametrize("long_words", [False, True], ids=["panel", "300-char labels"])
def test_the_plot_keeps_its_room_at_every_window_size(open_window, default_dataset, size, long_words):
    """In the window at 800x600, 1024x700 and 1920x1080, even with 300-character labels and poles, the blocks keep a real share of the chart."""
    window = open_window(long_panel() if long_words else default_dataset)
    window.resize(*size)
    window.show_tab("themes")
    chart = window.ensure_chart()
    window.selection.select_speaker(window.document.dataset.speakers[1].id)
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    image = window.grab()
    assert image.width() >= 800
    width = chart.graphics.width()
    assert chart.plot_width() >= 0.35 * width, (chart.plot_width(), width)
    assert chart.block_pixels() >= SEPARATED_FROM
    legend_bottom = chart.legend.sceneBoundingRect().bottom()
    assert legend_bottom < 0.4 * chart.graphics.height()
    assert all(len(text) < 300 for text in chart.label_texts())


@pytest.mark.parametrize("size", [(800, 600), (1024, 700)])
def test_at_small_window_sizes_every_verdict_word_and_both_poles_show_whole(open_window, default_dataset, size):
    """At 800x600 and 1024x700, each row's note names its whole verdict (never "con…"), rows below three voices say so, and the axis names both poles whole."""
    window = open_window(default_dataset)
    window.resize(*size)
    window.show_tab("themes")
    chart = window.ensure_chart()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    chart._fit_columns()
    notes = chart.note_texts()
    rows = chart.rows()
    assert len(notes) == len(rows)
    for row, note in zip(rows, notes, strict=True):
        assert note.startswith(f"n = {row.metrics.n}")
        if row.metrics.verdict.is_stated:
            assert row.metrics.verdict.value.split(":")[0] in note, note
        elif row.metrics.n:
            assert "too few" in note
    title = chart.plot.getAxis("bottom").labelText
    assert "divergence" in title and "convergence" in title, title


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_charts_initials_ink_reads_on_each_block_in_the_windows_palette(chart_for, panel_dataset, dark):
    """In the light and the dark palette, the ink the chart paints initials in reaches 4.5:1 on every block's actual fill."""
    from desktop_app.presentation.block_ink import block_fill_hex
    from desktop_app.presentation.contrast import contrast_ratio
    from desktop_app.ui.appearance import dark_palette, light_palette

    chart = chart_for(panel_dataset)
    chart.setPalette(dark_palette() if dark else light_palette())
    background = chart.palette().color(QPalette.ColorRole.Base).name()
    for band in (-2, -1, 0, 1, 2):
        for tentative in (False, True):
            ink = chart.rows_item.ink_for(band, tentative).name()
            assert contrast_ratio(ink, block_fill_hex(band, tentative, background)) >= 4.5, (band, tentative, ink)


@pytest.mark.parametrize("theme", ["trade", "talks"])
def test_a_pinned_tooltip_leaves_the_clicked_row_and_the_rows_below_it_in_view(qtbot, chart_for, panel_dataset, theme):
    """A click pins the tooltip beside or above the rows, never over the clicked theme's row or the rows under it."""
    chart = chart_for(panel_dataset, width=560, height=460)
    index = chart.row_index(theme)
    block = chart.rows()[index].blocks[0]
    qtbot.mouseClick(chart.graphics.viewport(), Qt.MouseButton.LeftButton, pos=widget_of(chart, block.centre, index))
    assert chart.tip.isVisible() and chart.tip.pinned
    below = chart.rows_global_rect(index)
    assert below.height() > 0
    assert not chart.tip.frameGeometry().intersects(below), (chart.tip.frameGeometry(), below)


def test_at_800_by_600_an_elided_theme_label_is_whole_in_the_tooltip_of_its_label(open_window, default_dataset):
    """A label cut to fit the narrow chart is given whole by the tooltip shown on that label."""
    window = open_window(default_dataset)
    window.resize(800, 600)
    window.show_tab("themes")
    chart = window.ensure_chart()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    chart._fit_columns()
    rows = chart.rows()
    cut = [index for index, text in enumerate(chart.label_texts()) if "\u2026" in text.split("\n")[0]]
    assert cut, "at 800x600 the default seminar has a label too long for the chart"
    axis = chart.plot.getAxis("left").sceneBoundingRect()
    for index in cut:
        middle = chart.plot.getViewBox().mapViewToScene(QPointF(0, index))
        on_label = QPointF(axis.center().x(), middle.y())
        assert chart.row_at(on_label) == index
        chart._on_scene_hover(on_label)
        assert chart.tip.isVisible() and html.escape(rows[index].label) in chart.tip.text()


@pytest.mark.parametrize("size", [(800, 600), (1024, 700), (1920, 1080)])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_block_of_the_default_seminar_shows_its_initials_within_it(open_window, default_dataset, size, dark):
    """At 800x600, 1024x700 and 1920x1080, light and dark, each speaker's block carries their initials, at 7 pt or more, inside the block."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.presentation.chart_layout import SEPARATOR
    from desktop_app.presentation.names import initials_by_id
    from desktop_app.ui.appearance import dark_palette, light_palette
    from desktop_app.ui.views.chart_items import INITIALS_AIR, INITIALS_FLOOR

    window = open_window(default_dataset)
    window.setPalette(dark_palette() if dark else light_palette())
    window.resize(*size)
    assert (window.width(), window.height()) == size
    window.show_tab("themes")
    chart = window.ensure_chart()
    QApplication.processEvents()
    chart.graphics.grab()  # paints the rows now
    initials = initials_by_id(default_dataset.speakers)
    painted = chart.rows_item.painted_initials
    blocks = [(index, block.speaker_id) for index, row in enumerate(chart.rows()) for block in row.blocks]
    assert blocks
    for index, speaker_id in blocks:
        text, text_width, rect = painted[(index, speaker_id)]
        assert text == initials[speaker_id], (size, index, speaker_id)
        assert 0 < text_width + INITIALS_AIR <= rect.width(), (text, text_width, rect.width())
    assert chart.rows_item.initials_font(chart.rows_item.pixels_per_speaker - SEPARATOR).pointSizeF() >= INITIALS_FLOOR


def _drawn_texts(axis) -> list[str]:
    """The tick texts the axis really paints: it leaves out, silently, any text it cannot hold whole."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in specs[2]] if specs else []


@pytest.mark.parametrize("size", [(800, 600), (1024, 700), (1920, 1080)])
@pytest.mark.parametrize("which", ["default", "world"])
def test_every_rows_label_and_note_is_painted_at_every_window_size(open_window, default_dataset, size, which):
    """No theme loses its label or note because its whole verdict is wider than the room first given to it."""
    from PySide6.QtWidgets import QApplication

    from tests.factories import world_panel

    dataset = default_dataset if which == "default" else load_bytes(to_bytes(world_panel()))
    window = open_window(dataset)
    window.resize(*size)
    window.show_tab("themes")
    chart = window.ensure_chart()
    QApplication.processEvents()
    chart._fit_columns()
    rows = len(chart.rows())
    left = _drawn_texts(chart.plot.getAxis("left"))
    assert len(left) == rows, (left, chart.label_texts())
    if not chart._narrow:
        assert len(_drawn_texts(chart.plot.getAxis("right"))) == rows, chart.note_texts()
