"""The "At a glance" sentences, generated from the verdicts in the seminar's own words."""

from desktop_app.model.loader import load_bytes
from desktop_app.presentation.glance import panel_sentences, speaker_sentences
from tests.factories import debate, to_bytes


def texts(sentences) -> list[str]:
    return [sentence.text for sentence in sentences]


def test_panel_sentences_come_in_verdict_order(panel_dataset):
    """Convergence, divergence and contested themes come first and in that order, then mixed, then the silent."""
    lines = texts(panel_sentences(panel_dataset))
    assert lines == [
        "Convergence was the consensus on Energy.",
        "Divergence was the consensus on Borders.",
        "The panel was split on Trade, with speakers on both sides.",
        "Views were mixed, without a consensus or a split, on Talks.",
        "No speaker addressed Quiet matters.",
    ]


def test_theme_names_are_marked_for_emphasis(panel_dataset):
    """Theme labels are the emphasised pieces of a sentence, the words around them are not."""
    first = panel_sentences(panel_dataset)[0]
    assert [text for text, strong in first.parts if strong] == ["Energy"]


def test_a_debate_speaks_of_support_and_opposition():
    """Another event's scale words drive the sentences, including the positive consensus."""
    data = debate()
    data["positions"].append(
        {
            "id": "roe-emissions", "speaker": "roe", "theme": "emissions", "stance": 1, "kind": "assessment",
            "summary": "Grants the bill helps the air.", "excerpt": "the bill will cut emissions",
        }
    )
    lines = texts(panel_sentences(load_bytes(to_bytes(data))))
    assert lines[0] == "Support was the consensus on Emissions."
    assert lines[1] == "No theme reached a consensus of opposition."
    assert lines[2] == "No theme split the panel into opposing camps."


def test_a_seminar_nobody_spoke_at_says_so():
    """With no positions at all, every theme is named as not addressed and nothing is invented."""
    data = debate()
    data["positions"] = []
    lines = texts(panel_sentences(load_bytes(to_bytes(data))))
    assert lines[:3] == [
        "No theme reached a consensus of support.",
        "No theme reached a consensus of opposition.",
        "No theme split the panel into opposing camps.",
    ]
    assert lines[3] == "No speaker addressed Emissions, Costs to business and Enforcement."


def test_speaker_sentences_name_closest_and_furthest(panel_dataset):
    """A speaker's brief says how much they said and whom they agreed with most and least."""
    lines = texts(speaker_sentences(panel_dataset, "ana"))
    assert lines[0] == "Dr Ana Ames took 2 positions on 2 of the 5 themes."
    # Ana (trade +2, energy +1) is nearest Cai (+1, +1) and furthest from Dee (trade -1 only).
    assert lines[1] == (
        "Closest to Cai Cole (agreement 0.88 over 2 shared themes); furthest from Dee Dunn (0.25 over 1 shared theme)."
    )


def test_speaker_with_no_positions(panel_dataset):
    """The chair, who took no position, gets one plain sentence."""
    assert texts(speaker_sentences(panel_dataset, "host")) == ["Hana Host took no recorded position."]
