"""A coding round for a second coder: what the copy keeps and what it leaves out, in each mode."""

from __future__ import annotations

from desktop_app.model.editing.coding_round import coding_round, round_banner
from desktop_app.model.format.coding import CodingMode
from desktop_app.model.format.loader import dumps, load_bytes
from tests.factories import panel, to_bytes


def _model():
    data = panel()
    data["speakers"][1]["summary"] = "Ana argued the partnership is deep."
    data["themes"][1]["memo"] = "Check trade figures."
    data["positions"][0]["note"] = "She says so outright."
    return load_bytes(to_bytes(data), "panel").model


def test_an_independent_round_keeps_source_speakers_and_themes_but_no_positions():
    """The independent copy has the same source, speakers and themes, no positions, no brief, and records the coder."""
    model = _model()
    copy = coding_round(model, "Second reader", "2", CodingMode.INDEPENDENT)
    assert copy.seminar.source == model.seminar.source
    assert [s.id for s in copy.speakers] == [s.id for s in model.speakers]
    assert [t.id for t in copy.themes] == [t.id for t in model.themes]
    assert copy.positions == [] and copy.brief is None
    assert copy.coding is not None and (copy.coding.coder, copy.coding.round, copy.coding.mode) == ("Second reader", "2", CodingMode.INDEPENDENT)
    assert all(not speaker.summary for speaker in copy.speakers) and all(not theme.memo for theme in copy.themes)
    reloaded = load_bytes(dumps(copy).encode("utf-8"), "copy").model
    assert reloaded.coding == copy.coding


def test_a_blind_round_keeps_every_passage_without_the_first_reading():
    """The blind copy has every passage of the first coder, each awaiting a stance, with no summary or note."""
    model = _model()
    copy = coding_round(model, "Second reader", "2", CodingMode.BLIND)
    assert [(p.speaker, p.theme, p.excerpt) for p in copy.positions] == [(p.speaker, p.theme, p.excerpt) for p in model.positions]
    assert all(p.stance is None and p.summary == "" and p.note == "" for p in copy.positions)
    assert '"mode": "blind"' in dumps(copy)


def test_opening_a_round_says_its_mode_and_an_original_says_nothing():
    """The banner names the round, the coder and the mode; a file with no coding block has none."""
    copy = coding_round(_model(), "Second reader", "2", CodingMode.BLIND)
    assert round_banner(copy.coding) == "Coding round 2 by Second reader: blind re-rating: give each passage a stance of your own."
    assert round_banner(_model().coding) is None


def test_a_file_without_a_coding_block_saves_without_one():
    """Saving a seminar that never had a coding round writes no coding key, so its bytes stay as before."""
    assert '"coding"' not in dumps(_model())
