"""The PDF brief, read back with pypdf: contents, order, footers, page sizes and the vector chart."""

from __future__ import annotations

import re

import pytest

from desktop_app.model.analysis import verdict_label
from desktop_app.report.errors import ExportCancelled, ExportFailed
from desktop_app.presentation.brief_options import SECTION_TITLES, ReportOptions
from desktop_app.report.pdf import export_pdf, render_pdf

from .conftest import GENERATED, MARKUP_NAME, MARKUP_THEME, MARKUP_TITLE, normalised, read_pdf

A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)
PATH_OPERATORS = re.compile(rb"(?<![A-Za-z])(re|m|l|c)(?![A-Za-z])")
FILL_OPERATORS = re.compile(rb"(?<![A-Za-z*])(f|f\*|B|b)(?![A-Za-z*])")


def page_size(page) -> tuple[int, int]:
    box = page.mediabox
    return round(float(box.width)), round(float(box.height))


def image_xobjects(page) -> list[str]:
    resources = page.get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    xobjects = xobjects.get_object() if hasattr(xobjects, "get_object") else xobjects
    return [name for name, ref in xobjects.items() if ref.get_object().get("/Subtype") == "/Image"]


def chart_page(brief) -> int:
    pages = [index for index, text in enumerate(brief.pages) if "darker = stronger" in text]
    assert len(pages) == 1, "the chart's legend should appear on exactly one page"
    return pages[0]


def test_default_brief_has_a_sensible_number_of_pages(default_brief):
    """The default seminar's brief runs to a handful of pages, not one and not dozens."""
    assert 6 <= len(default_brief.pages) <= 16


def test_every_speaker_theme_and_verdict_is_in_the_brief(default_brief, default_dataset):
    """Every speaker's name, every theme's label and every verdict word of the analysis appear in the PDF's text."""
    text = default_brief.text
    for speaker in default_dataset.speakers:
        assert speaker.display_name in text
    for theme in default_dataset.themes:
        assert normalised(theme.label) in text
    scale = default_dataset.seminar.scale
    for metrics in default_dataset.analysis.themes.values():
        assert verdict_label(metrics.verdict, scale) in text


def test_sections_come_in_the_order_of_a_brief(default_brief, default_dataset):
    """Title, at a glance, chart, theme table, speakers, agreement, forecasts, source: in that order."""
    text = default_brief.text
    places = [text.index(normalised(default_dataset.seminar.title))]
    for key in ("glance", "chart", "themes", "speakers", "agreement", "forecasts", "source"):
        places.append(text.index(SECTION_TITLES[key], places[-1]))
    assert places == sorted(places)
    assert places[0] < 200, "the title opens the brief"


def test_title_block_names_date_time_venue_organiser_and_chair(default_brief):
    """The first page says when and where the seminar was, who organised and who chaired it."""
    first = default_brief.pages[0]
    for words in ("Wednesday 25 August 2021", "14:00\u201316:00", "Virtual Seminar London", "The Democracy Forum", "Humphrey Hawksley"):
        assert words in first


def test_at_a_glance_names_convergence_divergence_and_contested_themes(default_brief):
    """The glance sentences speak of convergence, then of divergence, then name the contested themes."""
    text = default_brief.text
    converged = text.index(normalised("No theme reached a consensus of convergence."))
    diverged = text.index(normalised("No theme reached a consensus of divergence."))
    split = text.index(normalised(
        "The panel was split on Views of world order, West\u2019s bid to split them, Power asymmetry, "
        "Political & ideological fit, Territory & regional primacy and Security & military, with speakers on both sides."
    ))
    assert converged < diverged < split


def test_every_page_carries_its_number_and_the_generation_date(default_brief):
    """Each page's footer reads "Page i of N" and the generation date."""
    total = len(default_brief.pages)
    for number, text in enumerate(default_brief.pages, start=1):
        assert f"Page {number} of {total} \u00b7 generated {GENERATED.day} March {GENERATED.year}" in text


def test_forecasts_and_recommendations_name_who_made_them(default_brief, default_dataset):
    """Every prediction and prescription is listed after the agreement matrix, with its speaker's name."""
    text = default_brief.text
    section = text[text.index(SECTION_TITLES["forecasts"]) : text.index("Stances, kinds and summaries")]
    for position in default_dataset.positions:
        if position.kind.value in ("prediction", "prescription"):
            assert normalised(position.summary) in section
            assert default_dataset.speaker(position.speaker).display_name in section


def test_chart_is_drawn_as_vector_paths_not_a_picture(default_brief):
    """The chart's page is made of path and fill operators, with no image on it (crisp at any zoom)."""
    index = chart_page(default_brief)
    page = default_brief.reader.pages[index]
    content = page.get_contents().get_data()
    assert len(PATH_OPERATORS.findall(content)) > 100
    assert len(FILL_OPERATORS.findall(content)) > 10
    assert image_xobjects(page) == []
    for label in ("History & durability", "contested", "too few voices", "mixed"):
        assert label in default_brief.pages[index], "axis labels are real text"


def test_speaker_brief_markers_are_vectors_too(rumer_brief):
    """A brief on one speaker marks their positions on the chart with shapes, not bitmaps."""
    index = chart_page(rumer_brief)
    assert image_xobjects(rumer_brief.reader.pages[index]) == []
    assert "Diamonds mark Eugene Rumer" in rumer_brief.text


def test_no_page_of_the_brief_holds_an_image(default_brief):
    """The whole brief is text and vector graphics."""
    assert all(image_xobjects(page) == [] for page in default_brief.reader.pages)


def test_speaker_brief_has_that_speakers_card_and_no_other(rumer_brief, default_brief, default_dataset):
    """Only the chosen speaker's card is in a speaker brief: the others' arguments are left out."""
    text = rumer_brief.text
    rumer = default_dataset.speaker("rumer")
    assert "Speaker brief".upper() in text
    assert normalised(rumer.summary) in text
    for speaker in default_dataset.speakers:
        if speaker.id != "rumer" and speaker.summary:
            assert normalised(speaker.summary)[:80] not in text
    for position in default_dataset.positions:
        if position.speaker != "rumer":
            assert normalised(position.excerpt)[:60] not in text
    assert len(rumer_brief.pages) < len(default_brief.pages)


def test_letter_and_a4_pages_have_their_sizes(default_brief, rumer_brief):
    """A4 briefs are 595 × 842 points, Letter briefs 612 × 792, on every page."""
    assert {page_size(page) for page in default_brief.reader.pages} == {A4_POINTS}
    assert {page_size(page) for page in rumer_brief.reader.pages} == {LETTER_POINTS}


def test_chosen_sections_only(export_brief, default_dataset):
    """A brief with only the theme table has no glance, chart, cards or agreement matrix."""
    brief = export_brief(default_dataset, ReportOptions(sections=("themes",)))
    text = brief.text
    assert "Verdict: none below 3 speakers" in text
    for key in ("glance", "chart", "agreement", "forecasts", "source"):
        assert SECTION_TITLES[key] not in text
    assert "darker = stronger" not in text
    assert normalised(default_dataset.speaker("rumer").summary)[:60] not in text
    assert len(brief.pages) <= 2


def test_markup_in_the_file_shows_literally(export_brief, markup_dataset):
    """A name like '<b>Bob</b> & co' is printed as those characters, never read as markup."""
    brief = export_brief(markup_dataset)
    text = brief.text
    assert MARKUP_NAME in text
    assert MARKUP_THEME in text
    assert MARKUP_TITLE in text
    assert "then <br> costs" in text


def test_another_events_words_and_empty_verdict_lists(export_brief, debate_dataset):
    """A debate's brief speaks of support and opposition, and says plainly when no theme reached a consensus."""
    text = export_brief(debate_dataset).text
    assert "No theme reached a consensus of support." in text
    assert "No theme reached a consensus of opposition." in text
    assert "No theme split the panel into opposing camps." in text
    assert normalised("Too few speakers addressed Emissions, Costs to business and Enforcement for a verdict.") in text
    assert "convergence" not in text.lower()


def test_progress_counts_pages_and_cancel_stops_before_writing(qapp, default_dataset, tmp_path):
    """Progress reports each page painted out of the total; cancelling mid-way writes no file."""
    seen: list[tuple[int, int]] = []
    result = render_pdf(default_dataset, generated=GENERATED, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(page, result.pages) for page in range(1, result.pages + 1)]

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cancelled.pdf"
    painted: list[int] = []
    with pytest.raises(ExportCancelled):
        export_pdf(
            default_dataset, out, generated=GENERATED,
            progress=lambda done, total: painted.append(done), cancelled=lambda: len(painted) >= 2,
        )
    assert painted == [1, 2]
    assert list(folder.iterdir()) == []


def test_unknown_speaker_is_refused(qapp, default_dataset, tmp_path):
    """Asking for a brief on a speaker the seminar does not have fails with their id in the message."""
    with pytest.raises(ExportFailed, match="nobody"):
        export_pdf(default_dataset, tmp_path / "x.pdf", ReportOptions(speaker="nobody"))
    assert not (tmp_path / "x.pdf").exists()


def test_pdf_reads_back_as_the_seminars_document(default_brief, default_dataset):
    """The PDF's metadata title is the seminar's title."""
    assert default_brief.reader.metadata.title == default_dataset.seminar.title


def test_a_seminar_with_many_speakers_keeps_its_tables_on_the_page(export_brief, default_dataset):
    """A panel of 30 speakers prints its agreement matrix in column blocks that fit the page width."""
    from desktop_app.model.loader import from_model

    model = default_dataset.model
    speakers = list(model.speakers)
    positions = list(model.positions)
    for copy in range(1, 5):
        for speaker in model.speakers[1:]:
            clone = speaker.model_copy(update={"id": f"{speaker.id}-copy{copy}", "name": f"{speaker.name} {copy}", "order": speaker.order + 100 * copy})
            speakers.append(clone)
            positions += [
                p.model_copy(update={"id": f"{p.id}-copy{copy}", "speaker": clone.id}) for p in model.positions if p.speaker == speaker.id
            ]
    big = from_model(model.model_copy(update={"speakers": speakers, "positions": positions}))
    assert len(big.speakers) > 28
    brief = export_brief(big, ReportOptions(sections=("agreement",)))
    assert "Continued: speakers 15\u201328" in brief.text
    assert "Continued: speakers 29\u2013" in brief.text


def test_a_large_panel_lists_each_speakers_closest_and_furthest_instead_of_the_matrix(export_brief):
    """Past 42 speakers the brief gives one line per speaker, its closest and furthest counterpart."""
    from desktop_app.model.loader import load_bytes
    from tests.synthetic.generator import generate_text

    big = load_bytes(generate_text(speakers=60, themes=8, positions=600, seed=3).encode("utf-8"))
    brief = export_brief(big, ReportOptions(sections=("agreement",)))
    assert "With 59 speakers the full matrix would hold 1,711 pairs" in brief.text  # the chair took no position
    assert "Closest" in brief.text and "Furthest" in brief.text
    assert "Continued: speakers" not in brief.text
    for speaker in big.speakers[:5]:
        assert normalised(speaker.display_name) in brief.text


TEXT_STATE = re.compile(
    rb"(?P<colour>(?<![\w.])(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (?:scn|rg)(?!\w))|(?P<show>(?<!\w)T[jJ](?!\w))"
    rb"|(?P<save>(?<!\w)q(?!\w))|(?P<restore>(?<!\w)Q(?!\w))"
)


def text_colours(page) -> set[tuple[float, float, float]]:
    """The fill colours text is shown in on a page, read from its content stream."""
    colour, saved, used = (0.0, 0.0, 0.0), [], set()
    for match in TEXT_STATE.finditer(page.get_contents().get_data()):
        if match["colour"]:
            colour = tuple(float(match.group(index)) for index in (2, 3, 4))
        elif match["show"]:
            used.add(colour)
        elif match["save"]:
            saved.append(colour)
        elif saved:
            colour = saved.pop()
    return used


def test_a_dark_desktop_theme_still_prints_dark_text_on_paper(qapp, default_dataset, tmp_path):
    """With a dark palette on the desktop, the brief's text is still printed in dark ink."""
    from PySide6.QtGui import QColor, QPalette

    original = qapp.palette()
    dark = QPalette(original)
    for role, name in ((QPalette.ColorRole.Window, "#202020"), (QPalette.ColorRole.Base, "#181818"),
                       (QPalette.ColorRole.Text, "#f0f0f0"), (QPalette.ColorRole.WindowText, "#f0f0f0")):
        dark.setColor(role, QColor(name))
    qapp.setPalette(dark)
    try:
        export_pdf(default_dataset, tmp_path / "dark.pdf", ReportOptions(sections=("glance", "chart")), generated=GENERATED)
    finally:
        qapp.setPalette(original)
    brief = read_pdf(tmp_path / "dark.pdf")
    for page in brief.reader.pages:
        colours = text_colours(page)
        assert colours, "the page shows text"
        assert all(0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 for r, g, b in colours), colours


def test_a_tall_chart_keeps_its_heading_and_stays_on_its_own_page(export_brief):
    """With 40 themes the chart shares a page with its heading, and nothing of it spills onto the page before."""
    from desktop_app.model.loader import load_bytes
    from tests.factories import debate, to_bytes

    data = debate()
    for number in range(37):
        data["themes"].append({"id": f"extra-{number}", "label": f"Extra theme number {number}", "order": 10 + number})
        data["positions"].append({
            "id": f"extra-{number}", "speaker": ("obi", "roe")[number % 2], "theme": f"extra-{number}",
            "stance": number % 5 - 2, "kind": "assessment", "summary": "A view.", "excerpt": "the bill will cut emissions",
        })
    brief = export_brief(load_bytes(to_bytes(data)), ReportOptions(sections=("glance", "chart")))
    index = chart_page(brief)
    assert index == 1, "the glance fills enough of page 1 to send the chart to page 2"
    assert SECTION_TITLES["chart"] in brief.pages[1]
    assert SECTION_TITLES["chart"] not in brief.pages[0]
    assert "single voice" not in brief.pages[0], "the chart's verdict labels stay on the chart's page"
    assert "Extra theme number 36" in brief.pages[1]


def test_dates_are_written_in_english_whatever_the_locale():
    """Dates in the brief use English day and month names even when the system's locale names them otherwise."""
    import datetime as dt

    from desktop_app.presentation import wording

    class Localised(dt.date):
        def __format__(self, spec):  # what strftime would give under a German locale
            return spec.replace("%A", "Mittwoch").replace("%B", "August")

    day = Localised(2021, 8, 25)
    assert wording.long_date(day, weekday=True) == "Wednesday 25 August 2021"
    assert wording.long_date(dt.date(2025, 3, 14)) == "14 March 2025"
