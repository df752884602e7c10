"""The brief that leads with judgement, read back with pypdf: page one, counts, quotes, matrix, citation, scale."""

from __future__ import annotations

from desktop_app import APP_NAME, __version__
from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.brief_options import SECTION_TITLES, ReportOptions
from tests.factories import coded_panel, panel, to_bytes, world_panel

from .conftest import GENERATED, normalised


def _panel_with_brief():
    data = panel()
    data["seminar"]["source"]["published"] = "2024-05-03"
    data["seminar"]["source"]["url"] = "https://example.org/panel-record"
    data["brief"] = {
        "bottom_line": "The partnership holds on energy and frays at the borders.",
        "key_judgements": [
            {"text": "Energy binds them.", "positions": ["ana-energy", "ben-energy", "cai-energy"]},
            {"text": "Borders divide them.", "positions": ["dee-borders", "eli-borders"]},
            {"text": "Trade is contested.", "positions": ["ana-trade", "ben-trade"]},
        ],
        "what_to_watch": [{"text": "Whether the border talks resume.", "positions": ["dee-borders"]}],
        "preparer": "A. Analyst, Test Desk",
    }
    return load_bytes(to_bytes(data), "panel.seminar.json")


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_page_one_holds_the_question_and_the_analysts_judgements_with_their_evidence(export_brief):
    """Page 1 carries the question, the file's bottom line, each key judgement with the speakers and themes it rests on."""
    brief = export_brief(_panel_with_brief())
    first = brief.pages[0]
    assert "Will the partnership last?" in first
    assert "Bottom line" in first and "Key judgements" in first and "What to watch" in first
    assert "The partnership holds on energy and frays at the borders." in first
    assert "Energy binds them." in first
    assert normalised("Rests on: Ames, Bly and Cole · Energy (consensus: convergence, ") in first
    assert "Whether the border talks resume." in first
    assert "Drafted from the coding".upper() not in brief.text


def test_a_file_without_a_brief_gets_drafted_judgements_labelled_as_such(export_brief):
    """With no brief in the file, page 1 drafts a bottom line and judgements from the analysis and says they are unreviewed."""
    brief = export_brief(load_bytes(to_bytes(panel())))
    first = brief.pages[0]
    assert "DRAFTED FROM THE CODING; NOT REVIEWED" in first
    assert "Four themes drew the 3 or more voices a verdict needs" in first
    assert "Energy: 3 of 3 voices lean to convergence and none to divergence. Tentative:" in first
    assert "drafted by the application from the coding and have not been reviewed" in brief.text


def test_the_counts_are_of_speakers_who_took_counted_positions(export_brief):
    """A chair's round-up and a history claim are not counted: the basis names only counted positions and their speakers."""
    data = coded_panel(
        [
            ("host", "ties", 1, "summary"),
            ("ada", "ties", 1, "assessment"),
            ("bo", "ties", 2, "prediction"),
            ("cy", "ties", -1, "assessment"),
            ("cy", "ties", -2, "history"),
        ]
    )
    text = export_brief(load_bytes(to_bytes(data))).text
    assert normalised("Based on 3 counted positions taken by 3 speakers on 1 theme (") in text
    assert "2 further positions shown as context only" in text


def test_the_basis_drops_a_count_of_nothing_and_the_verdicts_say_what_their_count_is_of(export_brief):
    """No "0 further positions" when every position is counted, and no bare "(and 2 more)" after a verdict's flip."""
    text = export_brief(load_bytes(to_bytes(panel())), ReportOptions(sections=("judgements", "themes"))).text
    assert "Based on " in text
    assert "0 further" not in text and "further positions" not in text
    assert "more)" not in text
    assert normalised("; 1 other single change would also alter it") in normalised(text)


def test_the_matrix_names_its_speakers_shows_k_and_leaves_the_chair_out(export_brief):
    """The agreement matrix heads its columns with initials, names each row, shows k, and has no row for the chair."""
    text = export_brief(_panel_with_brief(), ReportOptions(sections=("agreement",))).text
    matrix = _section(text, SECTION_TITLES["agreement"], "Each cell")
    assert "Dr Ana Ames (AA)" in matrix and "Ben Bly (BB)" in matrix
    assert "AA BB CC DD EE FF" in matrix
    assert "Hana Host" not in matrix
    assert "(0.4) k 2" in matrix and "\u2014 k 0" in matrix  # every pair here shares fewer than 3 themes: hatched, bracketed
    assert "Cells with k < 3 are hatched" in text


def test_the_matrix_heads_its_columns_with_the_initials_the_chart_uses(export_brief):
    """First and last names only, particles and brackets read right: HB, PV and LM, never HCB, PDV or 林M."""
    text = export_brief(load_bytes(to_bytes(world_panel())), ReportOptions(sections=("agreement",))).text
    matrix = _section(text, SECTION_TITLES["agreement"], "Each cell")
    assert "Pieter de Vries (PV)" in matrix and "Hanna Carla Berg (HB)" in matrix and "(LM)" in matrix
    assert "PV LM HB \u00c5\u00c5 MW FF" in matrix
    assert "HCB" not in matrix and "PDV" not in matrix


def test_the_files_initials_and_short_names_win_in_the_brief(export_brief):
    """A speaker's own initials head the matrix and their own short name is the one the text uses."""
    data = world_panel()
    for speaker in data["speakers"]:
        if speaker["id"] == "ben":
            speaker.update(initials="LML", short_name="Lin")
    text = export_brief(load_bytes(to_bytes(data))).text
    matrix = _section(text, SECTION_TITLES["agreement"], "Each cell")
    assert "(LML)" in matrix and "PV LML HB" in matrix
    assert "Rests on: de Vries, Lin and Berg" in normalised(text)


def test_no_verdict_word_is_given_on_fewer_than_three_voices(export_brief):
    """A theme with two voices lists the stances instead of a verdict, in the table and everywhere else."""
    data = coded_panel([("ada", "ties", 1, "assessment"), ("bo", "ties", -1, "assessment")], speakers=("host",))
    brief = export_brief(load_bytes(to_bytes(data)))
    table = _section(brief.text, SECTION_TITLES["themes"], "n: speakers")
    assert "too few voices (2 voices: Ada convergence, Bo divergence)" in table
    page_one = brief.pages[0][: brief.pages[0].index(SECTION_TITLES["chart"])]
    for word in ("contested", "consensus:", "mixed"):
        assert word not in table
        assert word not in page_one


def test_agree_and_split_quote_the_source_verbatim_with_the_speakers_name(export_brief):
    """Where they agree and where they split quote each excerpt in quotation marks, attributed, with the pole it leans to."""
    text = export_brief(_panel_with_brief()).text
    agree = _section(text, "Where they agree", "Where they split")
    assert normalised("\u201cDr Ana Ames judged energy at +1 on the scale\u201d \u2014 Dr Ana Ames") in agree or (
        normalised("\u201cBen Bly judged energy at +2 on the scale\u201d \u2014 Ben Bly") in agree
    )
    split = _section(text, "Where they split", SECTION_TITLES["forecasts"])
    assert "Trade" in split and "Leaning to convergence:" in split and "Leaning to divergence:" in split


def test_the_provenance_credits_the_preparer_with_coding_and_judgements(export_brief):
    """A named preparer is said to have coded the positions and written the judgements, not "the analyst"."""
    text = export_brief(_panel_with_brief(), ReportOptions(sections=("source",))).text
    assert "Positions coded by A. Analyst, Test Desk." in text
    assert normalised("The bottom line, key judgements and what to watch were written by A. Analyst, Test Desk") in text


def test_the_default_seminars_provenance_names_the_default_coding_and_no_analyst(default_brief):
    """The shipped brief says it was coded with the default coding, and credits its judgements to no analyst."""
    text = default_brief.text
    assert "Prepared by Seminar Lens default coding" not in text
    assert normalised("Positions coded with Seminar Lens\u2019s default coding") in text
    assert "key judgements are the analyst" not in text


def test_the_method_box_says_the_median_is_rounded_toward_0_and_credits_no_analyst(export_brief):
    """The method states the rule the analysis applies, and leaves who coded to the provenance."""
    text = export_brief(_panel_with_brief(), ReportOptions(sections=("method",))).text
    assert normalised("the median of their counted positions there, rounded toward 0 when it falls between two steps") in text
    assert "analyst\u2019s coding" not in text


def test_the_citation_names_source_publisher_date_address_app_preparer_and_export_date(export_brief):
    """The provenance gives the source's title, publisher, date and address, the app and version, the preparer and the date."""
    text = export_brief(_panel_with_brief()).text
    source = text[text.index(SECTION_TITLES["source"]) :]
    for words in ("Panel record", "Test Institute", "3 May 2024", "https://example.org/panel-record",
                  f"{APP_NAME} {__version__}", "Prepared by A. Analyst, Test Desk", f"{GENERATED.day} March {GENERATED.year}",
                  "not a publication of Test Institute"):
        assert normalised(words) in source, words


def test_the_method_box_states_the_kinds_counted_and_the_verdict_rules(export_brief):
    """The method box names the kinds counted and those shown as context, in the window's words, and the verdict rules."""
    text = export_brief(_panel_with_brief(), ReportOptions(sections=("method",))).text
    assert normalised(
        "Kinds counted: assessments, predictions and prescriptions; questions, history and chair's summaries "
        "are shown as context"
    ) in text
    assert "none below 3 voices" in text and "at least 20% of all" in text


def test_the_running_title_elides_a_long_title_rather_than_cutting_it(export_brief):
    """A title too long for the footer ends in an ellipsis there, beside the page number."""
    data = panel()
    data["seminar"]["title"] = "A very long title " * 12 + "that ends here"
    brief = export_brief(load_bytes(to_bytes(data)), ReportOptions(sections=("themes",)))
    footer = brief.pages[0][brief.pages[0].rindex("Seminar Lens brief on") :]
    assert "\u2026" in footer and "Page 1 of" in footer
    assert "that ends here" not in footer


def test_a_large_panel_gets_a_summarised_brief_and_profiles_only_on_request(export_brief):
    """Above 40 speakers the default brief has a speaker index, not profiles; asking for the appendix gives the profiles."""
    from tests.synthetic.generator import generate_text

    big = load_bytes(generate_text(speakers=60, themes=8, positions=600, seed=3).encode("utf-8"))
    summarised = export_brief(big).text
    assert "Speaker index" in summarised and "Most divided pairs" in summarised
    assert SECTION_TITLES["speakers"] not in summarised
    full = export_brief(big, ReportOptions(sections=("speakers",))).text
    assert SECTION_TITLES["speakers"] in full and "Speaker index" not in full


def test_another_kind_of_event_speaks_in_its_own_poles_and_marks_context_only_themes(export_brief):
    """A city-transport panel's brief speaks of support and opposition and says which themes had only context."""
    from tests.factories import transport_panel

    brief = export_brief(load_bytes(to_bytes(transport_panel())))
    text = brief.text
    assert "Bus lanes: four of 4 voices lean to support and none to opposition." not in text  # digits for voices
    assert "Bus lanes: 4 of 4 voices lean to support and none to opposition." in brief.pages[0]
    assert "no counted position (history only)" in text
    assert "no counted position (open question only)" in text
    assert "convergence" not in text and "divergence." not in text


def test_the_brief_is_written_as_pdf_a_1b_with_its_fonts_embedded(export_brief):
    """The PDF declares PDF/A-1b in its metadata, carries an output intent, and embeds every font it uses."""
    brief = export_brief(_panel_with_brief(), ReportOptions(sections=("themes",)))
    root = brief.reader.trailer["/Root"]
    assert "/OutputIntents" in root
    assert b"pdfaid:part" in root["/Metadata"].get_object().get_data()
    fonts = brief.reader.pages[0]["/Resources"]["/Font"]
    for font in fonts.values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()

