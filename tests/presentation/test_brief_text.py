"""The brief's words: the analyst's judgements with their evidence, or careful drafts from the analysis."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.brief_text import brief_words, names_in_words
from tests.factories import coded_panel, panel, to_bytes, transport_panel, world_panel


def test_a_drafted_brief_answers_from_the_verdicts_and_marks_itself_drafted():
    """Without a brief in the file, the bottom line counts the verdicts, and each judgement names its theme's voices."""
    words = brief_words(load_bytes(to_bytes(panel())))
    assert words.drafted
    assert words.bottom_line.startswith("Four themes drew the 3 or more voices a verdict needs; on them the panel leaned to convergence on one theme")
    assert "Three of the four verdicts would change" in words.bottom_line
    texts = [point.text for point in words.key_judgements]
    assert any(text.startswith("Energy: 3 of 3 voices lean to convergence and none to divergence.") for text in texts)
    assert any(text.startswith("Trade is contested: 2 of 5 voices lean to convergence") for text in texts)
    assert all(point.evidence for point in words.key_judgements)


def test_a_drafted_brief_claims_nothing_on_too_few_voices():
    """With two voices on the only theme, the draft says no verdict is possible rather than stating one."""
    data = coded_panel([("ada", "ties", 1, "prediction"), ("bo", "ties", -1, "assessment")], speakers=("host",))
    words = brief_words(load_bytes(to_bytes(data)))
    assert "supports no answer" in words.bottom_line
    assert [point.text for point in words.key_judgements] == [
        "No verdict is possible on Ties: fewer than 3 speakers took a counted position there."
    ]
    assert words.what_to_watch and words.what_to_watch[0].text.startswith("Whether Ada\u2019s forecast on Ties comes true.")


def test_a_written_judgement_gets_the_speakers_and_themes_it_rests_on():
    """A key judgement from the file is given its speakers and each theme's verdict, firm or tentative, with n."""
    data = panel()
    data["brief"] = {"bottom_line": "Holds.", "key_judgements": [{"text": "Borders divide.", "positions": ["dee-borders", "ben-borders"]}]}
    words = brief_words(load_bytes(to_bytes(data)))
    assert not words.drafted
    assert words.key_judgements[0].evidence.startswith("Bly and Dunn \u00b7 Borders (consensus: divergence, ")
    assert words.key_judgements[0].evidence.endswith("n\u00a0=\u00a03)")


def test_up_to_six_names_are_spelled_out_and_the_rest_counted_as_speakers():
    """Six names are listed in full; past six, the first six and how many more speakers, never "others"."""
    assert names_in_words(["A", "B"]) == "A and B"
    assert names_in_words(["A", "B", "C", "D", "E", "F"]) == "A, B, C, D, E and F"
    assert names_in_words(["A", "B", "C", "D", "E", "F", "G"]) == "A, B, C, D, E, F and 1 more speaker"
    assert names_in_words([*"ABCDEFGHI"]) == "A, B, C, D, E, F and 3 more speakers"


def test_a_written_judgement_names_every_speaker_of_a_six_voice_theme():
    """Evidence resting on six speakers names all six: a reader sees who, not "and 2 others"."""
    data = coded_panel([(who, "ties", 1, "assessment") for who in ("ann", "bea", "cy", "di", "ed", "flo")], speakers=("host",))
    data["brief"] = {"bottom_line": "Holds.", "key_judgements": [{"text": "Ties bind.", "positions": [f"p{n}" for n in range(6)]}]}
    evidence = brief_words(load_bytes(to_bytes(data))).key_judgements[0].evidence
    assert evidence.startswith("Ann, Bea, Cy, Di, Ed and Flo \u00b7 Ties")
    assert "others" not in evidence


def test_a_drafted_bottom_line_names_the_themes_behind_each_verdict():
    """An event without a written brief gets a bottom line that says which themes leaned which way, by label."""
    words = brief_words(load_bytes(to_bytes(panel())))
    assert words.drafted
    assert "leaned to convergence on one theme (Energy)" in words.bottom_line
    assert "to divergence on one theme (Borders)" in words.bottom_line
    assert "was split on one theme (Trade)" in words.bottom_line
    assert "no clear lean on one theme (Talks)" in words.bottom_line


def test_a_drafted_what_to_watch_holds_forecasts_and_open_questions_never_recommendations():
    """What to watch lists what could be monitored: forecasts and open questions; the recommendations are left out."""
    words = brief_words(load_bytes(to_bytes(transport_panel())))
    texts = [point.text for point in words.what_to_watch]
    assert texts and all(text.startswith(("Whether ", "How ")) for text in texts)
    assert any("forecast on Bus lanes comes true" in text for text in texts)
    assert any(text.startswith("How Patel\u2019s open question on Night buses is answered.") for text in texts)
    assert not any("Okafor" in text for text in texts)  # his only forward-looking position is a recommendation
    assert not any("Parking charges" in text for text in texts)  # only a recommendation looks ahead there


def test_evidence_names_speakers_by_surname_with_its_particle_and_never_cuts_a_bracket():
    """Pieter de Vries is "de Vries", 林美玲 (Lin Meiling) is "林美玲", never "Vries" or "Meiling)"."""
    data = world_panel()
    data["brief"] = {"bottom_line": "Holds.", "key_judgements": [{"text": "Energy binds.", "positions": ["ana-energy", "ben-energy"]}]}
    words = brief_words(load_bytes(to_bytes(data)))
    assert words.key_judgements[0].evidence.startswith("de Vries and 林美玲 \u00b7 Energy")
