"""Edits of a seminar beyond one entry: the event's details, the order, compound edits and their undoing."""

from __future__ import annotations

import pytest

from desktop_app.model.editing.edits import (
    Compound,
    EditRefused,
    Replace,
    ReplaceBrief,
    ReplaceSeminar,
    apply_edit,
    merge_themes,
    move_entry,
    remove_with_positions,
    split_position,
    unique_id,
)
from desktop_app.model.format.loader import dumps, from_model, load_bytes
from desktop_app.model.format.problems import DatasetError
from desktop_app.model.format.schema import Brief, Judgement
from tests.factories import debate, to_bytes


def debate_dataset():
    return load_bytes(to_bytes(debate()), "debate.seminar.json")


def round_trip(dataset, edit):
    """Apply, check against a full reload, undo, and check the original came back; return the edited dataset."""
    after, inverse = apply_edit(dataset, edit)
    reloaded = from_model(after.model)
    assert dict(reloaded.spans) == dict(after.spans) or after.unanchored
    back, _ = apply_edit(after, inverse)
    assert dumps(back.model) == dumps(dataset.model)
    assert dict(back.spans) == dict(dataset.spans)
    return after


def test_changing_the_title_and_scale_words_is_one_edit_that_undoes():
    """Renaming the event and its scale's poles changes only the details, and undo brings the old ones back."""
    dataset = debate_dataset()
    seminar = dataset.seminar.model_copy(
        update={"title": "Third reading", "scale": dataset.seminar.scale.model_copy(update={"positive": "yes"}), "memo": "Check the costs."}
    )
    after = round_trip(dataset, ReplaceSeminar(seminar))
    assert after.seminar.title == "Third reading" and after.seminar.scale.positive == "yes"
    assert after.spans == dataset.spans


def test_seminar_details_are_checked_like_a_file():
    """A blank title or an unknown chair is refused with the place of the problem."""
    dataset = debate_dataset()
    with pytest.raises(DatasetError, match=r"seminar\.title"):
        apply_edit(dataset, ReplaceSeminar(dataset.seminar.model_copy(update={"title": " "})))
    with pytest.raises(DatasetError, match="chair 'nobody'"):
        apply_edit(dataset, ReplaceSeminar(dataset.seminar.model_copy(update={"chair": "nobody"})))


def test_deleting_a_speaker_takes_their_positions_and_chair_role_in_one_step():
    """Removing Ms Obi removes her two positions too, and says so; undo restores all of it."""
    dataset = debate_dataset()
    edit, count = remove_with_positions(dataset, "speaker", "obi")
    assert count == 2
    after = round_trip(dataset, edit)
    assert not after.has_speaker("obi") and len(after.positions) == 1
    chair_edit, _ = remove_with_positions(dataset, "speaker", "speaker")
    assert round_trip(dataset, chair_edit).seminar.chair is None


def test_deleting_a_position_the_brief_rests_on_is_refused_alone_but_allowed_with_the_speaker():
    """The brief's judgements lose the deleted positions when the speaker goes, never a dangling id."""
    dataset = debate_dataset()
    brief = Brief(key_judgements=[Judgement(text="Costs matter.", positions=["roe-costs", "obi-emissions"])])
    with_brief = round_trip(dataset, ReplaceBrief(brief))
    from desktop_app.model.editing.edits import Remove

    with pytest.raises(DatasetError, match="unknown position 'roe-costs'"):
        apply_edit(with_brief, Remove("position", "roe-costs"))
    edit, _ = remove_with_positions(with_brief, "speaker", "roe")
    after = round_trip(with_brief, edit)
    assert after.model.brief.key_judgements[0].positions == ["obi-emissions"]


def test_merging_two_themes_moves_the_positions_and_undo_parts_them_again():
    """Merging Enforcement into Costs gives Costs both positions and takes Enforcement away."""
    dataset = debate_dataset()
    edit, moved = merge_themes(dataset, "costs", "enforcement")
    assert moved == 1
    after = round_trip(dataset, edit)
    assert {p.id for p in after.positions_on("costs")} == {"roe-costs", "obi-enforcement"}
    assert not after.has_theme("enforcement")
    with pytest.raises(EditRefused):
        merge_themes(dataset, "costs", "costs")


def test_splitting_a_position_gives_two_positions_each_with_its_part_of_the_excerpt():
    """A split at 'and' keeps the first half in the old position and puts the rest in a new one beside it."""
    dataset = debate_dataset()
    span = dataset.spans["roe-costs"]
    text = dataset.seminar.source.text
    at = text.index(", and that", span.start) + 1
    after = round_trip(dataset, split_position(dataset, "roe-costs", at))
    assert after.position("roe-costs").excerpt == "the costs fall on small firms,"
    assert after.position("roe-costs-2").excerpt == "and that the bill must be delayed"
    with pytest.raises(EditRefused):
        split_position(dataset, "roe-costs", span.start)


def test_moving_a_speaker_renumbers_the_speaking_order_and_undo_restores_it():
    """Dragging Mr Roe to the top puts him first and the others after him."""
    dataset = debate_dataset()
    after = round_trip(dataset, move_entry(dataset, "speaker", "roe", 0))
    assert [s.id for s in after.speakers] == ["roe", "speaker", "obi"]
    themes = round_trip(dataset, move_entry(dataset, "theme", "emissions", 2))
    assert [t.id for t in themes.themes] == ["costs", "enforcement", "emissions"]


def test_a_compound_edit_is_all_or_nothing():
    """When the second part of a compound edit is refused, the first part is not applied either."""
    dataset = debate_dataset()
    rename = Replace(dataset.speaker("obi").model_copy(update={"name": "Ada Obi-Smith"}))
    bad = Replace(dataset.position("roe-costs").model_copy(update={"theme": "nowhere"}))
    with pytest.raises(DatasetError, match="unknown theme 'nowhere'"):
        apply_edit(dataset, Compound((rename, bad)))
    assert dataset.speaker("obi").name == "Ada Obi"


def test_a_changed_excerpt_must_be_in_the_source_and_an_unchanged_one_keeps_its_place():
    """Retyping an excerpt that is not in the report is refused; changing only the stance keeps the highlight where it was."""
    dataset = debate_dataset()
    position = dataset.position("obi-emissions")
    with pytest.raises(DatasetError, match="does not occur"):
        apply_edit(dataset, Replace(position.model_copy(update={"excerpt": "words nobody said"})))
    after, _ = apply_edit(dataset, Replace(position.model_copy(update={"stance": 1})))
    assert after.spans["obi-emissions"] == dataset.spans["obi-emissions"]
    assert after.excerpt_finder is dataset.excerpt_finder


def test_a_new_id_is_made_from_a_name_and_never_taken():
    """A new speaker called 'Ada Obi' gets an id unlike any in use."""
    dataset = debate_dataset()
    assert unique_id(dataset, "speaker", "Kim Lee") == "kim-lee"
    assert unique_id(dataset, "speaker", "obi") == "obi-2"
    assert unique_id(dataset, "theme", "!!!") == "theme"


def test_changing_a_stance_moves_the_figures_and_undo_brings_them_back():
    """A recoded stance changes the theme's counts; its undo restores the stance, the file and the counts."""
    dataset = debate_dataset()
    position = next(p for p in dataset.positions if p.stance is not None and p.stance < 2)
    after = round_trip(dataset, Replace(position.model_copy(update={"stance": 2})))
    assert after.position(position.id).stance == 2
    assert after.analysis.themes != dataset.analysis.themes
    back, _ = apply_edit(after, apply_edit(dataset, Replace(position.model_copy(update={"stance": 2})))[1])
    assert back.position(position.id).stance == position.stance
    assert back.analysis.themes == dataset.analysis.themes
