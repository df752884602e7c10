"""The label mapping: rename, merge, drop and roles; the new seminar it builds passes the loader."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from desktop_app.model.format.loader import from_model, load, save
from desktop_app.model.format.schema import Position, Role, Theme
from desktop_app.model.importers.mapping import (
    DEFAULT_QUESTION,
    LabelMapping,
    build_seminar,
    label_counts,
    slug,
    title_from_path,
    unique_ids,
)
from desktop_app.model.importers.reading import import_bytes, import_file

from .checks import FIXTURES
from .test_word import word_file


@pytest.fixture
def whisper():
    return import_file(FIXTURES / "whisperx.json")


def test_label_counts_list_each_label_with_its_turns_and_first_words(whisper):
    """The preview's label table: each label once, in order, with its turn count and opening words."""
    counts = label_counts(whisper, words=3)
    assert [(count.label, count.turns, count.first_words) for count in counts] == [
        ("SPEAKER_00", 2, "Welcome to the"),
        ("SPEAKER_01", 1, "How many gardeners"),
        ("SPEAKER_02", 1, "Thank you."),
    ]


def test_rename_gives_the_speaker_a_name_and_an_id_from_it(whisper):
    """SPEAKER_00 renamed 'Dr Amara Okafor' becomes speaker dr-amara-okafor, owning both turns."""
    mapping = LabelMapping.initial(whisper).rename("SPEAKER_00", "Dr Amara Okafor")
    model = build_seminar(whisper, mapping, "Seed library")
    speakers = {speaker.id: speaker.name for speaker in model.speakers}
    assert speakers["dr-amara-okafor"] == "Dr Amara Okafor"
    assert [turn.speaker for turn in model.seminar.source.turns].count("dr-amara-okafor") == 2


def test_merge_makes_one_speaker_of_two_labels_and_joins_their_neighbouring_turns(whisper):
    """Merging SPEAKER_00 and SPEAKER_01 leaves one speaker whose neighbouring turns become one."""
    mapping = LabelMapping.initial(whisper).merge(["SPEAKER_00", "SPEAKER_01"], "Ines Moreau")
    speakers = mapping.speakers(whisper)
    assert [(speaker.name, speaker.labels, speaker.turns) for speaker in speakers] == [
        ("Ines Moreau", ("SPEAKER_00", "SPEAKER_01"), 3),
        ("SPEAKER_02", ("SPEAKER_02",), 1),
    ]
    model = build_seminar(whisper, mapping, "Seed library")
    turns = model.seminar.source.turns
    assert [turn.speaker for turn in turns] == ["ines-moreau", "speaker-02"]
    assert (turns[0].start, turns[0].start_time, turns[0].end_time) == (0, 0.0, 11.5)


def test_drop_leaves_the_words_in_the_text_but_in_no_turn(whisper):
    """A dropped label makes no speaker; its words stay in the source text outside every turn."""
    mapping = LabelMapping.initial(whisper).drop("SPEAKER_02")
    model = build_seminar(whisper, mapping, "Seed library")
    assert len(model.speakers) == 2
    assert "Thank you." in model.seminar.source.text
    thanks = model.seminar.source.text.index("Thank you.")
    assert all(not (turn.start <= thanks < turn.end) for turn in model.seminar.source.turns)


def test_roles_from_the_file_and_set_by_the_user_and_the_chair(whisper):
    """'(Chair)' in a text file gives the chair role; set_role changes one; the chair becomes seminar.chair."""
    roles = import_file(FIXTURES / "roles.txt")
    mapping = LabelMapping.initial(roles)
    assert mapping.roles == {"Greta Solheim": Role.CHAIR, "Arun Mehta": Role.WITNESS}
    mapping = mapping.rename("Greta Solheim", "Greta Solheim MP").set_role("Arun Mehta", Role.PANELLIST)
    model = build_seminar(roles, mapping, "Flood hearing")
    assert [(speaker.name, speaker.role) for speaker in model.speakers] == [
        ("Greta Solheim MP", Role.CHAIR),
        ("Arun Mehta", Role.PANELLIST),
    ]
    assert model.seminar.chair == "greta-solheim-mp"


def test_bad_edits_are_refused(whisper):
    """Renaming an unknown label, a blank name, or a role for nobody raises ValueError."""
    mapping = LabelMapping.initial(whisper)
    with pytest.raises(ValueError, match="no label"):
        mapping.rename("SPEAKER_09", "X")
    with pytest.raises(ValueError, match="blank"):
        mapping.rename("SPEAKER_00", "   ")
    with pytest.raises(ValueError, match="no speaker named"):
        mapping.set_role("Nobody", Role.CHAIR)


def test_edits_leave_the_previous_mapping_unchanged(whisper):
    """Every edit returns a new mapping, so the old one can be kept for undo."""
    before = LabelMapping.initial(whisper)
    after = before.drop("SPEAKER_01")
    assert before.names["SPEAKER_01"] == "SPEAKER_01" and after.names["SPEAKER_01"] is None


def test_ids_are_slugs_made_unique():
    """Names become lower-case ASCII ids, numbered when two collide."""
    assert slug("Dr Amélie  O'Neil") == "dr-amelie-o-neil"
    assert slug("正") == "speaker"
    assert unique_ids(["Ada Brook", "ADA BROOK!", "Cy"]) == {"Ada Brook": "ada-brook", "ADA BROOK!": "ada-brook-2", "Cy": "cy"}


def test_title_from_a_file_name():
    """The file's name, without its extensions and underscores, is the default title."""
    assert title_from_path("/x/board_meeting.seminar.vtt") == "board meeting"


@pytest.mark.parametrize("name", ["zoom.vtt", "teams.vtt", "panel.srt", "whisperx.json", "colon.txt", "upper.txt", "brackets.md", "roles.txt"])
def test_every_fixture_builds_a_seminar_the_loader_accepts(name):
    """Each imported fixture makes a format-2 seminar with placeholders that pass the loader's checks."""
    transcript = import_file(FIXTURES / name)
    model = build_seminar(transcript, LabelMapping.initial(transcript), title_from_path(name), date=dt.date(2026, 5, 1))
    dataset = from_model(model)
    assert dataset.seminar.question == DEFAULT_QUESTION and dataset.seminar.organiser == "Unknown"
    assert model.format == "seminar-lens/2" and model.positions == [] and model.themes == []
    known = {speaker.id for speaker in model.speakers}
    turns = model.seminar.source.turns
    assert turns and all(turn.speaker in known for turn in turns)
    assert all(a.end <= b.start for a, b in itertools.pairwise(turns))
    assert all(0 <= turn.start < turn.end <= len(model.seminar.source.text) for turn in turns)


def test_round_trip_import_code_one_position_save_and_load(tmp_path):
    """Import, add a theme and one position on a turn's words, save, and load the same seminar back."""
    transcript = import_file(FIXTURES / "zoom.vtt")
    mapping = LabelMapping.initial(transcript).set_role("Mira Castellan", Role.CHAIR)
    model = build_seminar(transcript, mapping, "Harbour committee", date=dt.date(2026, 4, 2))
    theme = Theme(id="flooding", label="Flooding", order=1)
    position = Position(
        id="joss-floods",
        speaker="joss-whitlock",
        theme="flooding",
        stance=-1,
        kind="assessment",
        summary="The new quay floods at spring tides.",
        excerpt="It floods at every spring tide & that worries me.",
    )
    coded = model.model_copy(update={"themes": [theme], "positions": [position]})
    path = tmp_path / "harbour.seminar.json"
    save(coded, path)
    loaded = load(path)
    assert loaded.model == coded
    assert loaded.position("joss-floods").speaker == "joss-whitlock"


def test_a_title_too_long_or_blank_is_refused_in_plain_words(whisper):
    """A blank title or one over the format's 300 characters is refused, saying which."""
    mapping = LabelMapping.initial(whisper)
    with pytest.raises(ValueError, match="the title must be at most 300 characters"):
        build_seminar(whisper, mapping, "x" * 301)
    with pytest.raises(ValueError, match="not blank"):
        build_seminar(whisper, mapping, "  ")


def test_a_word_import_starts_each_turn_after_its_bold_or_colon_label(tmp_path):
    """In the seminar built from a .docx, a turn opened by a bold name or by "Name:" holds only the words said."""
    data = word_file([("Ilse Varga", " The ferry runs twice a day."), ("", "In winter, once."), ("Tobias Renn:", " Not enough."),
                      ("Ilse Varga", " We agree."), ("", "Tobias Renn: Good.")])
    transcript = import_bytes(data, "hearing.docx")
    seminar = build_seminar(transcript, LabelMapping.initial(transcript), "Hearing")
    text = seminar.seminar.source.text
    assert [text[turn.start : turn.end] for turn in seminar.seminar.source.turns] == [
        "The ferry runs twice a day.\nIn winter, once.", "Not enough.", "We agree.", "Good.",
    ]
