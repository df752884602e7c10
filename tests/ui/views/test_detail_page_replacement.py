"""Putting a page in the detail panel: laid out once, and only where it changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QTextBrowser

from desktop_app.model.editing.edits import Insert, Replace, apply_edit
from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.detail_html import Ink, speaker_page, theme_page
from desktop_app.ui.editing.undo_commands import push_edit
from desktop_app.ui.views.page_view import PageView
from tests.factories import coded_panel, to_bytes
from tests.ui.event_loop import settle


def _long_pages():
    """Two speakers with twelve positions each, across six themes: pages longer than the panel."""
    themes = ["trade", "energy", "arms", "values", "order", "asia"]
    positions = [(speaker, themes[n % 6], n % 5 - 2, "assessment") for speaker in ("ana", "ben") for n in range(12)]
    return load_bytes(to_bytes(coded_panel(positions, speakers=("chair",))), "long.seminar.json")


class _Resizes(QObject):
    """Counts the Resize events a widget receives."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.count += 1
        return False


def test_a_long_page_after_a_long_page_keeps_the_scroll_bar(qtbot, open_window):
    """Going from one speaker's long page to another's, the bar never hides, so the page is laid out at one width."""
    window = open_window(_long_pages())
    body = window.detail.body
    window.selection.select_speaker("ana")
    qtbot.waitUntil(lambda: body.verticalScrollBar().isVisible())
    resizes = _Resizes()
    body.viewport().installEventFilter(resizes)
    for speaker in ("ben", "ana", "ben"):
        window.selection.select_speaker(speaker)
        assert "Statement" in body.toPlainText()
    settle(qtbot)
    assert body.verticalScrollBar().isVisible()
    assert resizes.count == 0


def test_a_short_page_after_a_long_one_lets_the_bar_go(qtbot, open_window):
    """After a long page, a page that fits (the chair's, with no positions) shows no scroll bar."""
    window = open_window(_long_pages())
    body = window.detail.body
    window.selection.select_speaker("ana")
    qtbot.waitUntil(lambda: body.verticalScrollBar().isVisible())
    window.selection.select_speaker("chair")
    qtbot.waitUntil(lambda: not body.verticalScrollBar().isVisible())


class _CountingBrowser(QTextBrowser):
    """A text browser that counts whole pages set in it."""

    def __init__(self):
        super().__init__()
        self.whole_pages = 0
        self.resize(480, 700)
        self.document().setDocumentMargin(12)

    def setHtml(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.whole_pages += 1
        super().setHtml(text)


def _drawn(browser: QTextBrowser) -> QImage:
    """The browser's whole document drawn at the width it is laid out for."""
    document = browser.document()
    size = document.size().toSize()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    return image


def _anchors(browser: QTextBrowser) -> list[str]:
    names = []
    block = browser.document().begin()
    while block.isValid():
        names += block.charFormat().anchorNames()
        block = block.next()
    return names


def _edited_panel():
    """Two speakers, three themes; Ana divided on trade (a position at each pole), so edits can change the headings too."""
    positions = [
        ("ana", "trade", 2, "assessment"), ("ana", "trade", -1, "assessment"), ("ana", "energy", 1, "prediction"),
        ("ana", "arms", 0, "history"), ("ben", "trade", 1, "assessment"), ("ben", "energy", -2, "assessment"),
        ("cai", "trade", -2, "assessment"), ("cai", "energy", 0, "assessment"),
    ]
    return load_bytes(to_bytes(coded_panel(positions, speakers=("chair",))), "edited.seminar.json")


EDITS = [
    ("p0", {"stance": -2}),  # the first position: Ana no longer divided on trade, so its heading changes too
    ("p1", {"note": "Read twice.\nKept as coded."}),  # a note added, with a line break
    ("p2", {"summary": "A summary long enough to wrap onto a second line and a third in a panel this narrow, which moves what follows."}),
    ("p3", {"kind": "assessment"}),  # history becomes counted
    ("p1", {"note": ""}),  # the note taken away again
    ("p2", {"stance": 2}),  # the last section of Ana's page
]


@pytest.mark.parametrize("page_of", ["speaker", "theme"])
def test_a_page_patched_after_each_edit_draws_as_the_page_made_afresh(qapp, page_of):
    """After each edit only the changed sections are replaced, and the page draws pixel for pixel as the new page set whole."""
    dataset = _edited_panel()
    ink = Ink()

    def page(current):
        if page_of == "speaker":
            return speaker_page(current, "ana", ink, current.analysis)
        return theme_page(current, "trade", ink, current.analysis)

    patched = _CountingBrowser()
    view = PageView(patched)
    view.show(page(dataset))
    for position_id, change in EDITS:
        position = dataset.position(position_id)
        dataset, _ = apply_edit(dataset, Replace(type(position).model_validate({**position.model_dump(), **change})))
        new_page = page(dataset)
        view.show(new_page)
        fresh = _CountingBrowser()
        PageView(fresh).show(new_page)
        assert patched.toPlainText() == fresh.toPlainText()
        assert _anchors(patched) == _anchors(fresh)
        assert _drawn(patched) == _drawn(fresh), f"{page_of} page after {position_id} {change}"
    assert patched.whole_pages == 1  # the first page; every edit after it was patched in


def test_a_page_with_other_sections_is_set_whole(qapp):
    """Another page, or the same one with a position added, is set whole, and draws as it should."""
    dataset = _edited_panel()
    browser = _CountingBrowser()
    view = PageView(browser)
    view.show(speaker_page(dataset, "ana", Ink(), dataset.analysis))
    view.show(speaker_page(dataset, "ben", Ink(), dataset.analysis))
    assert browser.whole_pages == 2
    added = dataset.position("p4").model_copy(update={"id": "p9", "theme": "arms"})
    dataset, _ = apply_edit(dataset, Insert(added))
    view.show(speaker_page(dataset, "ben", Ink(), dataset.analysis))
    assert browser.whole_pages == 3
    assert browser.toPlainText().count("Show in source") == 3


def test_an_edit_keeps_the_readers_place_on_a_long_page(qtbot, open_window):
    """Editing a position far down a long page leaves the page scrolled where the reader had it."""
    window = open_window(_long_pages())
    body = window.detail.body
    window.selection.select_speaker("ana")
    qtbot.waitUntil(lambda: body.verticalScrollBar().maximum() > 200)
    body.verticalScrollBar().setValue(200)
    last = window.document.dataset.positions_of("ana")[-1]
    push_edit(window.document, Replace(last.model_copy(update={"stance": -last.stance or 1})), "Change stance")
    assert body.verticalScrollBar().value() == 200
