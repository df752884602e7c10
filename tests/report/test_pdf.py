"""The PDF brief, read back with pypdf: contents, order, footers, page sizes and the vector chart."""

from __future__ import annotations

import re

import pytest

from desktop_app.model.analysis.seminar_analysis import verdict_label
from desktop_app.presentation.brief_options import SECTION_TITLES, ReportOptions
from desktop_app.report.errors import ExportCancelled, ExportFailed
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


def test_default_brief_fits_in_six_pages(default_brief):
    """The default seminar's brief, without the speakers appendix, takes at most six pages (and more than two)."""
    assert 3 <= len(default_brief.pages) <= 6


def test_every_speaker_theme_and_verdict_is_in_the_brief(default_brief, default_dataset):
    """Every speaker's name, every theme's label and every verdict word of the analysis appear in the PDF's text."""
    text = default_brief.text
    for speaker in default_dataset.speakers:
        assert speaker.display_name in text
    for theme in default_dataset.themes:
        assert normalised(theme.label) in text
    scale = default_dataset.seminar.scale
    for metrics in default_dataset.analysis.themes.values():
        if metrics.n:
            assert verdict_label(metrics.verdict, scale) in text
        else:  # a theme holding only uncounted kinds says so rather than "not addressed"
            assert "no counted position" in text


def test_sections_come_in_the_order_of_a_brief(default_brief, default_dataset):
    """Question, bottom line, judgements, chart, theme table, agree and split, register, matrix, method, source: in that order."""
    text = default_brief.text
    places = [text.index(normalised(default_dataset.seminar.question))]
    headings = ["Bottom line", "Key judgements", "What to watch", SECTION_TITLES["chart"], SECTION_TITLES["themes"],
                "Where they agree", "Where they split", SECTION_TITLES["forecasts"], SECTION_TITLES["agreement"],
                SECTION_TITLES["method"], SECTION_TITLES["source"]]
    for heading in headings:
        places.append(text.index(heading, places[-1]))
    assert places == sorted(places)
    assert places[0] < 200, "the question opens the brief"


def test_title_block_names_date_time_venue_organiser_and_chair(default_brief):
    """The first page says when and where the seminar was, who organised and who chaired it."""
    first = default_brief.pages[0]
    for words in ("Wednesday 25 August 2021", "14:00\u201316:00", "Virtual Seminar London", "The Democracy Forum", "Humphrey Hawksley"):
        assert words in first


def test_page_one_leads_with_the_question_bottom_line_and_key_judgements(default_brief, default_dataset):
    """Page 1 holds the question, the bottom line, the key judgements and what to watch, from the file's reviewed brief."""
    first = default_brief.pages[0]
    assert normalised(default_dataset.seminar.question) in first
    for heading in ("Bottom line", "Key judgements", "What to watch"):
        assert heading in first
    written = default_dataset.model.brief
    assert normalised(written.bottom_line)[:80] in first
    assert normalised(written.key_judgements[0].text)[:60] in first
    assert "Drafted from the coding" not in default_brief.text
    assert "Rests on:" in first


def test_every_page_carries_its_number_and_a_running_title_that_is_not_the_organisers(default_brief):
    """Each page's footer reads "Page i of N" beside "Seminar Lens brief on …", never the organiser's name as issuer."""
    total = len(default_brief.pages)
    for number, text in enumerate(default_brief.pages, start=1):
        assert f"Page {number} of {total}" in text
        assert "Seminar Lens brief on" in text
    assert "SEMINAR BRIEF \u00b7 THE DEMOCRACY FORUM" not in default_brief.text


def test_forecasts_and_recommendations_name_who_made_them(default_brief, default_dataset):
    """Every prediction and prescription is listed after the agreement matrix, with its speaker's name."""
    text = default_brief.text
    section = text[text.index(SECTION_TITLES["forecasts"]) : text.index(SECTION_TITLES["agreement"])]
    assert "paraphrase" in section, "the register says its words are the analyst's, not quotations"
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
    for label in ("Lessons of history", "Depth of alignment", "contested"):
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
    assert "Tentative: the verdict changes" in text
    assert "Bottom line" not in text
    for key in ("chart", "agreement", "forecasts", "source", "method"):
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
    """A debate with no brief in its file gets a drafted, labelled one in its own words, with no verdict on one voice."""
    brief = export_brief(debate_dataset)
    text = brief.text
    assert "DRAFTED FROM THE CODING; NOT REVIEWED" in brief.pages[0]
    assert "No theme drew the 3 or more voices a verdict needs" in brief.pages[0]
    assert normalised("No verdict is possible on Emissions, Costs to business and Enforcement") in text
    assert "too few voices (1 voice: Obi strong support)" in text
    assert "No theme drew the 3 voices a verdict needs, so the coding shows neither agreement nor a split" in text
    assert "convergence" not in text.lower().replace("consensus and divergence", "")
    table = text[text.index(SECTION_TITLES["themes"]) : text.index("Where they agree")]
    for word in ("contested", "consensus: support", "consensus: opposition", "mixed"):
        assert word not in table and word not in brief.pages[0]


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
    from desktop_app.model.format.loader import from_model

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
    assert "Continued: columns 15\u201328" in brief.text
    assert "Continued: columns 29\u2013" in brief.text


def test_a_large_panel_lists_the_most_divided_and_closest_pairs_instead_of_the_matrix(export_brief):
    """Past 40 compared speakers the brief names the most divided and the closest pairs, not the whole matrix."""
    from desktop_app.model.format.loader import load_bytes
    from tests.synthetic.generator import generate_text

    big = load_bytes(generate_text(speakers=60, themes=8, positions=600, seed=3).encode("utf-8"))
    brief = export_brief(big, ReportOptions(sections=("agreement",)))
    assert "With 59 compared speakers the matrix would hold 1,711 pairs" in brief.text  # the chair took no position
    assert "Most divided pairs" in brief.text and "Closest pairs" in brief.text
    assert "Continued: columns" not in brief.text


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
        export_pdf(default_dataset, tmp_path / "dark.pdf", ReportOptions(sections=("judgements", "chart")), generated=GENERATED)
    finally:
        qapp.setPalette(original)
    brief = read_pdf(tmp_path / "dark.pdf")
    for page in brief.reader.pages:
        colours = text_colours(page)
        assert colours, "the page shows text"
        assert all(0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 for r, g, b in colours), colours


def test_a_tall_chart_keeps_its_heading_and_stays_on_its_own_page(export_brief):
    """With 40 themes the chart shares a page with its heading, and nothing of it spills onto the page before."""
    from desktop_app.model.format.loader import load_bytes
    from tests.factories import debate, to_bytes

    data = debate()
    for number in range(37):
        data["themes"].append({"id": f"extra-{number}", "label": f"Extra theme number {number}", "order": 10 + number})
        data["positions"].append({
            "id": f"extra-{number}", "speaker": ("obi", "roe")[number % 2], "theme": f"extra-{number}",
            "stance": number % 5 - 2, "kind": "assessment", "summary": "A view.", "excerpt": "the bill will cut emissions",
        })
    brief = export_brief(load_bytes(to_bytes(data)), ReportOptions(sections=("judgements", "chart")))
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
