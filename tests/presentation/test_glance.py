"""The "At a glance" sentences, generated from the verdicts in the seminar's own words."""

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.glance import panel_sentences, speaker_sentences
from tests.factories import coded_panel, debate, to_bytes


def texts(sentences) -> list[str]:
    return [sentence.text for sentence in sentences]


def test_panel_sentences_come_in_verdict_order(panel_dataset):
    """Convergence, divergence and contested themes come first and in that order, then mixed, then the silent."""
    lines = texts(panel_sentences(panel_dataset))
    assert lines == [
        "Convergence was the consensus on Energy (3 voices, tentative).",
        "Divergence was the consensus on Borders (3 voices, tentative).",
        "The panel was split on Trade (5 voices), with speakers on both sides.",
        "Views were mixed, without a consensus or a split, on Talks (3 voices, tentative).",
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
    data["positions"].append(
        {
            "id": "speaker-emissions", "speaker": "speaker", "theme": "emissions", "stance": 1, "kind": "assessment",
            "summary": "Frames the bill as worth passing.", "excerpt": "the Clean Air Bill should pass",
        }
    )
    lines = texts(panel_sentences(load_bytes(to_bytes(data))))
    assert lines[0] == "Support was the consensus on Emissions (3 voices, tentative)."
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


def test_speaker_sentences_name_no_closest_on_too_few_shared_themes(panel_dataset):
    """Ana shares at most two themes with anyone, so nobody is named closest or furthest."""
    lines = texts(speaker_sentences(panel_dataset, "ana"))
    assert lines[0] == "Dr Ana Ames took 2 positions on 2 of the 5 themes."
    assert lines[1] == "No other speaker shared enough themes with them to compare."


def test_speaker_sentences_name_closest_and_furthest_over_three_shared_themes():
    """With three shared themes each, the brief names the closest and the furthest speaker."""
    stances = {"a": (2, 1, 1), "b": (2, 1, 0), "c": (-2, -1, -1)}
    data = coded_panel(
        [(speaker, theme, stance, "assessment") for speaker, row in stances.items() for theme, stance in zip(("t1", "t2", "t3"), row, strict=True)],
        speakers=("chair",),
    )
    lines = texts(speaker_sentences(load_bytes(to_bytes(data)), "a"))
    assert lines[1].startswith("Closest to Speaker B (agreement 0.9") and "furthest from Speaker C (0.3 over 3 shared themes)" in lines[1]


def test_speaker_with_no_positions(panel_dataset):
    """The chair, who took no position, gets one plain sentence."""
    assert texts(speaker_sentences(panel_dataset, "host")) == ["Hana Host took no recorded position."]


def test_glance_follows_the_counted_kinds():
    """Counting history turns a two-voice theme into a three-voice verdict; by default it is "too few"."""
    from desktop_app.model.format.schema import Kind

    data = coded_panel([("a", "t", 1, "assessment"), ("b", "t", 1, "assessment"), ("c", "t", 1, "history")])
    dataset = load_bytes(to_bytes(data))
    default = texts(panel_sentences(dataset))
    assert "Too few speakers addressed T for a verdict." in default
    assert not any("consensus on T" in line for line in default)
    counting_history = texts(panel_sentences(dataset, dataset.analysis_for({Kind.ASSESSMENT, Kind.HISTORY})))
    assert counting_history[0].startswith("Convergence was the consensus on T (3 voices")


def test_glance_never_states_a_verdict_below_three_voices():
    """Two voices on one pole give no consensus sentence, only "too few speakers"."""
    data = coded_panel([("a", "t", 2, "assessment"), ("b", "t", 2, "prediction")])
    lines = texts(panel_sentences(load_bytes(to_bytes(data))))
    assert lines[0] == "No theme reached a consensus of convergence."
    assert "Too few speakers addressed T for a verdict." in lines


def test_a_theme_holding_only_history_is_not_called_unaddressed():
    """A theme where the panel only recalled the past says so, rather than that nobody spoke to it."""
    data = coded_panel([("a", "past", 1, "history"), ("b", "past", -1, "history"), ("a", "now", 1, "assessment")], speakers=("chair",))
    lines = texts(panel_sentences(load_bytes(to_bytes(data))))
    assert "Only context not counted here (such as history or open questions) was coded on Past." in lines
    assert not any(line.startswith("No speaker addressed") for line in lines)
