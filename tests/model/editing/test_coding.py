"""Which speaker a passage is suggested for, the passage as selected, fresh ids, and removing a position named in the brief."""

from __future__ import annotations

from desktop_app.model.editing.coding import (
    new_position_id,
    passage,
    remove_position,
    suggested_speaker,
)
from desktop_app.model.editing.edits import apply_edit
from desktop_app.model.format.loader import load_bytes
from tests.factories import DEBATE_SOURCE, debate, to_bytes


def loaded(data) -> object:
    return load_bytes(to_bytes(data), "debate.seminar.json")


def test_the_speaker_named_last_before_a_passage_is_suggested():
    """In a report, a passage after "Mr Ben Roe argued" is suggested for Ben Roe; one after "Ms Obi conceded" for Ada Obi."""
    dataset = loaded(debate())
    assert suggested_speaker(dataset, DEBATE_SOURCE.index("small firms")) == "roe"
    assert suggested_speaker(dataset, DEBATE_SOURCE.index("inspectorate")) == "obi"


def test_a_transcript_turn_holding_the_passage_decides_the_speaker():
    """With transcript turns, the turn the passage falls in names the speaker, whatever names appear before it."""
    data = debate()
    data["format"] = "seminar-lens/2"
    middle = DEBATE_SOURCE.index("Mr Ben Roe")
    data["seminar"]["source"]["turns"] = [
        {"speaker": "obi", "start": 0, "end": middle},
        {"speaker": "speaker", "start": middle, "end": len(DEBATE_SOURCE)},
    ]
    dataset = loaded(data)
    assert suggested_speaker(dataset, DEBATE_SOURCE.index("small firms")) == "speaker"
    assert suggested_speaker(dataset, 5) == "obi"


def test_without_a_name_the_nearest_coded_excerpt_before_decides():
    """When no speaker's name comes before the passage, the speaker of the last coded excerpt before it is suggested."""
    data = debate()
    for speaker in data["speakers"]:
        speaker["name"] = {"speaker": "Chair Person", "obi": "Zed Zed", "roe": "Yan Yan"}[speaker["id"]]
    dataset = loaded(data)
    assert suggested_speaker(dataset, DEBATE_SOURCE.index("and that the bill must")) == "roe"
    assert suggested_speaker(dataset, 3) is None


def test_a_passage_drops_the_spaces_a_selection_drags_along_but_keeps_those_inside():
    """Selecting " a  b \\n" gives "a  b"; a selection of spaces only gives nothing."""
    text = "x a  b \ny"
    span = passage(text, 1, 8)
    assert text[span.start : span.end] == "a  b"
    assert passage(text, 6, 8) is None


def test_new_position_ids_are_fresh():
    """A second position of Ada Obi on Emissions gets an id of its own."""
    dataset = loaded(debate())
    assert new_position_id(dataset, "obi", "costs") == "obi-costs"
    assert new_position_id(dataset, "obi", "emissions") == "obi-emissions-2"


def test_removing_a_position_takes_it_out_of_the_brief_too():
    """A position a key judgement rests on is removed with its mention in the brief, and the removal undoes."""
    data = debate()
    data["format"] = "seminar-lens/2"
    data["brief"] = {"bottom_line": "Close.", "key_judgements": [{"text": "Costs bite.", "positions": ["roe-costs", "obi-emissions"]}]}
    dataset = loaded(data)
    after, inverse = apply_edit(dataset, remove_position(dataset, "roe-costs"))
    assert after.model.brief.key_judgements[0].positions == ["obi-emissions"]
    back, _ = apply_edit(after, inverse)
    assert back.model == dataset.model
