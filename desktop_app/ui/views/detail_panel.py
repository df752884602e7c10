"""The centre pane: who the selected speaker is and what they said, or how the panel stood on a theme.

A header (plain-text labels), a stance strip, and a rich-text body built by
:mod:`.detail_html`.  Links in the body stay inside the application.  The
panel redraws from the document's signals and the selection's, and renders a
page only when the seminar or the page shown changes, replacing only the
sections of the body an edit changed (:mod:`.page_view`); it scrolls to a
position when the selection navigates to it in the detail panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QCursor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from ...model.analysis.seminar_analysis import stance_label
from ...model.dataset import Dataset
from ...presentation import detail_html
from ...presentation.contrast import muted_text
from ...presentation.focus import Focus, FocusKind, Navigation
from ...presentation.reading import METRICS, metric_definition
from ...presentation.wording import role_label, signed, speaker_line, stance_words
from ..document import SeminarDocument
from ..focus_ring import FocusRing
from ..selection import Selection
from .page_view import PageView
from .stance_strip import StanceStrip, StripCell


class SafeBrowser(QTextBrowser):
    """A text browser that loads nothing: no files, no network, no images from anywhere."""

    def loadResource(self, kind: int, name: QUrl | str) -> None:  # noqa: N802 (Qt's name)
        return None


def _plain_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailPanel(QWidget):
    def __init__(self, document: SeminarDocument, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._shown: tuple[Dataset, Focus] | None = None
        self._all_of_theme: str | None = None  # the theme whose page lists every position, when asked
        self._page: tuple | None = None  # the header, strip and body last put on screen, to skip redrawing them unchanged

        self.title = _plain_label("detailTitle")
        self._set_title_font()
        self.subtitle = _plain_label("detailSubtitle")
        self.strip_caption = _plain_label("stripCaption")
        self.strip = StanceStrip()
        self.strip.cellClicked.connect(self._on_strip_clicked)
        self.body = SafeBrowser()
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.anchorClicked.connect(self._on_link)
        # Qt's rich text ignores title attributes, so a measure's label is a metric: link and its
        # definition becomes the body's tooltip while the pointer is on it (and pops up on a click).
        self.body.highlighted.connect(self._on_hover_link)
        self.body.setAccessibleName("Details")
        self.focus_ring = FocusRing(self.body)
        self.body.document().setDocumentMargin(12)
        self._body_view = PageView(self.body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addWidget(self.strip_caption)
        layout.addWidget(self.strip)
        layout.addSpacing(4)
        layout.addWidget(self.body, 1)
        document.reset.connect(self._redraw)
        document.edited.connect(self._redraw)
        document.countedKindsChanged.connect(self._redraw_counted)
        selection.changed.connect(self._redraw)
        selection.navigationRequested.connect(self._on_navigation)
        self._redraw()

    @property
    def shown_page(self) -> tuple | None:
        """What the panel shows (title, subtitle, strip caption, strip cells, body), to tell whether an edit changed it."""
        return self._page

    @property
    def _dataset(self) -> Dataset:
        return self._document.dataset

    @property
    def _analysis(self):
        """The analysis counting the window's chosen kinds."""
        return self._document.derived.analysis

    def _set_title_font(self) -> None:
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == event.Type.FontChange:
            self._set_title_font()  # the window's zoom changed: the title keeps its proportion
        elif event.type() == event.Type.PaletteChange and self._shown is not None:
            # Light to dark or back: the page's colours are written into it, so it is made again.
            self._shown = None
            self._redraw()
        super().changeEvent(event)

    # -- rendering -----------------------------------------------------------
    def _ink(self) -> detail_html.Ink:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        # Not the palette's placeholder colour: that is the text colour made translucent, and
        # rich text takes a colour's name without its alpha, which left notes as dark as the text.
        return detail_html.Ink(
            text=text.name(),
            muted=muted_text(text.name(), base.name()),
            link=palette.color(QPalette.ColorRole.Link).name(),
            rule=palette.color(QPalette.ColorRole.Mid).name(),
        )

    def _redraw(self, *_why) -> None:
        """Show the selected page of the open seminar, unless it is showing already.

        After an edit the page is worked out again, but put on screen only where
        it differs: an edit of another speaker's position leaves this page, its
        scroll position and its search marks alone.
        """
        page = (self._dataset, self._selection.focus)
        if self._shown is not None and self._shown[1] != page[1]:
            self._all_of_theme = None  # another page: a long theme is listed in part again
        if self._shown is None or self._shown[0] is not page[0] or self._shown[1] != page[1]:
            self._render(page[1])
            self._shown = page

    def _redraw_counted(self) -> None:
        """Other kinds are counted: the same page, worked out again."""
        self._shown = None
        self._redraw()

    def _on_navigation(self, navigation: Navigation) -> None:
        if navigation.target == "detail":
            self.body.scrollToAnchor(navigation.position)

    def _render(self, focus: Focus) -> None:
        dataset = self._dataset
        ink = self._ink()
        if focus.kind is FocusKind.SPEAKER and focus.speaker and dataset.has_speaker(focus.speaker):
            self._render_speaker(focus.speaker, ink)
        elif focus.kind is FocusKind.THEME and focus.theme and dataset.has_theme(focus.theme):
            self._render_theme(focus.theme, ink)
        elif (
            focus.kind is FocusKind.PAIR
            and focus.speaker
            and focus.other_speaker
            and dataset.has_speaker(focus.speaker)
            and dataset.has_speaker(focus.other_speaker)
        ):
            self._render_pair(focus.speaker, focus.other_speaker, ink)
        else:
            self._show_page(
                dataset.seminar.title,
                "Select a speaker or a theme to see the positions behind it.",
                detail_html.overview_page(dataset, ink, self._analysis),
            )

    def _show_page(
        self, title: str, subtitle: str, body: detail_html.Page, caption: str = "", cells: list[StripCell] | None = None
    ) -> None:
        """Fill the header, the strip (hidden without cells) and the body, each unless it shows that already."""
        old = self._page or (None, None, None, None, None)
        self._page = (title, subtitle, caption, cells, body)
        if (title, subtitle, caption) != old[:3]:
            self.title.setText(title)
            self.subtitle.setText(subtitle)
            self.strip_caption.setText(caption)
        self.strip_caption.setVisible(cells is not None)
        self.strip.setVisible(cells is not None)
        if cells is not None and cells != old[3]:
            self.strip.set_cells(cells)
        self._body_view.show(body)

    def _render_speaker(self, speaker_id: str, ink) -> None:
        dataset = self._dataset
        speaker = dataset.speaker(speaker_id)
        stances = self._document.derived.analysis.speaker_stances(speaker_id)
        scale = dataset.seminar.scale
        cells = [
            StripCell(f"theme:{theme.id}", theme.label, stances.get(theme.id), _words(stances.get(theme.id), scale))
            for theme in dataset.themes
        ]
        self._show_page(
            speaker.display_name,
            " \u00b7 ".join(part for part in (role_label(speaker.role), speaker_line(speaker)) if part),
            detail_html.speaker_page(dataset, speaker_id, ink, self._analysis),
            "Stance by theme (hollow: silent)",
            cells,
        )

    def _render_theme(self, theme_id: str, ink) -> None:
        dataset = self._dataset
        title, subtitle = detail_html.theme_heading(dataset, theme_id, self._analysis)
        stances = self._document.derived.analysis.themes[theme_id].stances
        scale = dataset.seminar.scale
        cells = [
            StripCell(f"speaker:{s.id}", s.display_name, stances.get(s.id), _words(stances.get(s.id), scale))
            for s in dataset.speakers
        ]
        self._show_page(
            title, subtitle,
            detail_html.theme_page(dataset, theme_id, ink, self._analysis, show_all=theme_id == self._all_of_theme),
            "Stance by speaker, in speaking order (hollow: silent)", cells,
        )

    def _render_pair(self, speaker_a: str, speaker_b: str, ink) -> None:
        dataset = self._dataset
        first, second = dataset.speaker(speaker_a), dataset.speaker(speaker_b)
        self._show_page(
            f"{first.display_name} and {second.display_name}",
            "Side by side, theme by theme",
            detail_html.pair_page(dataset, speaker_a, speaker_b, ink, self._analysis),
        )

    # -- links -----------------------------------------------------------------
    def _on_link(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "source" and target:
            self._selection.navigate(target, "source")
        elif scheme == "speaker" and self._dataset.has_speaker(target):
            self._selection.select_speaker(target)
        elif scheme == "theme" and self._dataset.has_theme(target):
            self._selection.select_theme(target)
        elif scheme == detail_html.SHOW_ALL_SCHEME and self._dataset.has_theme(target):
            self._all_of_theme = target
            self._shown = None
            self._redraw()
        elif scheme == detail_html.METRIC_SCHEME and target in METRICS:
            QToolTip.showText(QCursor.pos(), metric_definition(target), self.body)
        # anything else is ignored: the panel never leaves the application

    def _on_hover_link(self, url: QUrl) -> None:
        """Over a measure's label, the body's tooltip is its definition; elsewhere there is none."""
        key = url.path() if url.scheme() == detail_html.METRIC_SCHEME else ""
        self.body.setToolTip(metric_definition(key) if key in METRICS else "")

    def _on_strip_clicked(self, key: str) -> None:
        kind, _, target = key.partition(":")
        if kind == "theme" and self._dataset.has_theme(target):
            self._selection.select_theme(target)
        elif kind == "speaker" and self._dataset.has_speaker(target):
            self._selection.select_speaker(target)


def _words(stance: float | None, scale) -> str:
    if stance is None:
        return "silent"
    return stance_words(stance, scale) if stance == int(stance) else f"{signed(stance)} ({stance_label(stance, scale)})"
