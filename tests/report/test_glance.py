"""The "At a glance" sentences, generated from the verdicts in the seminar's own words."""

from desktop_app.model.dataset import load_bytes
from desktop_app.report.glance import panel_sentences, speaker_sentences
from tests.factories import debate, to_bytes


def texts(sentences) -> list[str]:
    return [sentence.text for sentence in sentences]


def test_default_seminar_sentences(default_dataset):
    """Convergence, divergence and contested themes come first and in that order, then the rest."""
    lines = texts(panel_sentences(default_dataset))
    assert lines[0] == "Convergence was the consensus on Shared values and Security at home & nearby."
    assert lines[1] == "No theme reached a consensus of divergence."
    assert lines[2] == (
        "The panel was split on Depth of alignment, Can the West split them?, Will it last?, World order aims, "
        "Geopolitical fit, Economy & energy and Power asymmetry, with speakers on both sides."
    )
    assert lines[3] == "Views were mixed, without a consensus or a split, on Lessons of history."
    assert len(lines) == 4


def test_theme_names_are_marked_for_emphasis(default_dataset):
    """Theme labels are the emphasised pieces of a sentence, the words around them are not."""
    first = panel_sentences(default_dataset)[0]
    assert [text for text, strong in first.parts if strong] == ["Shared values", "Security at home & nearby"]


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


def test_speaker_sentences_name_closest_and_furthest(default_dataset):
    """A speaker's brief says how much they said and whom they agreed with most and least."""
    lines = texts(speaker_sentences(default_dataset, "rumer"))
    assert lines[0] == "Eugene Rumer took 10 positions on 8 of the 10 themes."
    assert lines[1].startswith("Closest to Prof. Sergey Radchenko (agreement 0.97 over 3 shared themes); furthest from Barry Gardiner")


def test_speaker_with_no_positions(default_dataset):
    """The chair, who took no position, gets one plain sentence."""
    assert texts(speaker_sentences(default_dataset, "hawksley")) == ["Humphrey Hawksley took no recorded position."]
