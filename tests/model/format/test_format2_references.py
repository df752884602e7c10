"""The whole-file rules for the fields format 2 adds: the brief's positions and the transcript's turns."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.model.format.loader import from_model, load_bytes
from desktop_app.model.format.problems import MAX_PROBLEMS, TOO_MANY_PROBLEMS, DatasetError
from tests.factories import DEBATE_SOURCE, debate, to_bytes
from tests.model.format.outcomes import refused


def span(passage: str) -> tuple[int, int]:
    """Where a passage of the debate's record starts and ends."""
    start = DEBATE_SOURCE.index(passage)
    return start, start + len(passage)


OPENING = span("Opening the debate, the Speaker asked whether the Clean Air Bill should pass.")
OBI = span("Ms Ada Obi said the bill will cut emissions within five years and should pass unamended.")
ROE = span("Mr Ben Roe argued that the costs fall on small firms, and that the bill must be delayed.")


def turn(speaker: str, where: tuple[int, int], times: tuple[float, float] | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"speaker": speaker, "start": where[0], "end": where[1]}
    if times is not None:
        entry["start_time"], entry["end_time"] = times
    return entry


def transcript_debate(*turns: dict[str, Any]) -> dict[str, Any]:
    """The debate in format 2 with the given turns (three good ones by default) and a brief."""
    data = debate()
    data["format"] = "seminar-lens/2"
    data["seminar"]["source"]["turns"] = list(turns) or [
        turn("speaker", OPENING, (0, 12.5)),
        turn("obi", OBI, (12.5, 40)),
        turn("roe", ROE, (41, 70)),
    ]
    data["brief"] = {
        "bottom_line": "The bill is likely to pass, delayed.",
        "key_judgements": [{"text": "Support rests on air quality.", "positions": ["obi-emissions"]}],
        "what_to_watch": [{"text": "Watch the inspectorate's budget.", "positions": ["obi-enforcement", "roe-costs"]}],
        "preparer": "A. Analyst",
    }
    return data


def problem_lines(data: dict[str, Any]) -> list[str]:
    return [str(problem) for problem in refused(to_bytes(data))]


def test_a_transcript_with_turns_and_a_brief_loads():
    """A format-2 file whose turns fit the record and whose brief names real positions opens."""
    dataset = load_bytes(to_bytes(transcript_debate()))
    assert [t.speaker for t in dataset.seminar.source.turns] == ["speaker", "obi", "roe"]
    assert dataset.model.brief is not None
    assert dataset.model.brief.what_to_watch[0].positions == ["obi-enforcement", "roe-costs"]


def test_a_judgement_naming_an_unknown_position_is_located():
    """A key judgement and a thing to watch that rest on positions the file lacks are each reported where they are named."""
    data = transcript_debate()
    data["brief"]["key_judgements"][0]["positions"].append("ghost")
    data["brief"]["what_to_watch"][0]["positions"][0] = "phantom"
    lines = problem_lines(data)
    assert len(lines) == 2
    assert lines[0].startswith("brief.key_judgements[0].positions[1] (line ")
    assert lines[0].endswith(": unknown position 'ghost'")
    assert lines[1].startswith("brief.what_to_watch[0].positions[0] (line ")
    assert lines[1].endswith(": unknown position 'phantom'")


def test_a_turn_by_an_unknown_speaker_is_located():
    """A turn given to someone who is not among the speakers is reported at its speaker field."""
    data = transcript_debate(turn("speaker", OPENING), turn("nobody", OBI))
    (line,) = problem_lines(data)
    assert line.startswith("seminar.source.turns[1].speaker (line ")
    assert line.endswith(": unknown speaker 'nobody'")


def test_a_turn_running_past_the_end_of_the_record_is_located():
    """A turn that ends after the last character of the record is refused, naming the record's length."""
    length = len(DEBATE_SOURCE)
    data = transcript_debate(turn("roe", (ROE[0], length + 5)))
    (line,) = problem_lines(data)
    assert line.startswith("seminar.source.turns[0].end (line ")
    assert line.endswith(f": the turn ends at character {length + 5}, past the end of the source text ({length} characters)")


def test_a_turn_that_ends_exactly_at_the_end_of_the_record_is_accepted():
    """A turn may run up to the record's last character."""
    data = transcript_debate(turn("obi", (OBI[0], len(DEBATE_SOURCE))))
    assert load_bytes(to_bytes(data)).seminar.source.turns[0].end == len(DEBATE_SOURCE)


@pytest.mark.parametrize("end", [OBI[0], OBI[0] - 1])
def test_a_turn_that_ends_before_it_starts_is_located(end):
    """A turn whose end is not after its start (empty or backwards) is refused at its end."""
    data = transcript_debate(turn("obi", (OBI[0], end)))
    (line,) = problem_lines(data)
    assert line.startswith("seminar.source.turns[0].end (line ")
    assert line.endswith(f": the turn ends at character {end}, not after its start at {OBI[0]}")


def test_a_negative_offset_is_refused():
    """A turn starting before the record's first character is refused by the schema, at its start."""
    data = transcript_debate(turn("obi", (-1, OBI[1])))
    (line,) = problem_lines(data)
    assert line.startswith("seminar.source.turns[0].start (line ")
    assert "greater than or equal to 0" in line


def test_overlapping_turns_are_located():
    """A turn that starts inside the one before is refused, naming the turn it overlaps."""
    data = transcript_debate(turn("obi", OBI), turn("roe", (OBI[1] - 10, ROE[1])))
    (line,) = problem_lines(data)
    assert line.startswith("seminar.source.turns[1].start (line ")
    assert line.endswith(
        f": the turn starts at character {OBI[1] - 10}, inside turns[0] (characters {OBI[0]} to {OBI[1]}): "
        "turns must not overlap"
    )


def test_turns_out_of_text_order_are_located():
    """Turns listed in another order than the record's are refused at the first one out of place."""
    data = transcript_debate(turn("roe", ROE), turn("obi", OBI))
    (line,) = problem_lines(data)
    assert line.startswith("seminar.source.turns[1].start (line ")
    assert line.endswith(
        f": the turns are not in text order: this one starts at character {OBI[0]}, before turns[0] (at {ROE[0]})"
    )


def test_adjacent_turns_are_accepted():
    """A turn may start at the very character where the one before ends."""
    data = transcript_debate(turn("obi", (OBI[0], ROE[0])), turn("roe", ROE))
    assert len(load_bytes(to_bytes(data)).seminar.source.turns) == 2


def test_a_turn_that_ends_in_time_before_it_starts_is_located():
    """A turn whose end time comes before its start time is refused at its end time."""
    data = transcript_debate(turn("obi", OBI, (40, 12.5)))
    (line,) = problem_lines(data)
    assert line.startswith("seminar.source.turns[0].end_time (line ")
    assert line.endswith(": the turn ends at 12.5 s, before it starts at 40 s")


def test_a_model_built_in_code_is_held_to_the_same_rules():
    """A seminar built in code with a judgement on an unknown position and a turn past the record is refused."""
    model = load_bytes(to_bytes(transcript_debate())).model
    assert model.brief is not None
    judgement = model.brief.key_judgements[0].model_copy(update={"positions": ["ghost"]})
    brief = model.brief.model_copy(update={"key_judgements": [judgement]})
    source = model.seminar.source
    long_turn = source.turns[0].model_copy(update={"end": len(source.text) + 1})
    seminar = model.seminar.model_copy(update={"source": source.model_copy(update={"turns": [long_turn]})})
    with pytest.raises(DatasetError) as caught:
        from_model(model.model_copy(update={"brief": brief, "seminar": seminar}))
    lines = [str(problem) for problem in caught.value.problems]
    assert "brief.key_judgements[0].positions[0]: unknown position 'ghost'" in lines
    assert any(line.startswith("seminar.source.turns[0].end: the turn ends at character") for line in lines)


def test_a_brief_naming_thousands_of_unknown_positions_lists_a_bounded_number():
    """A hostile brief with 50,000 unknown position ids is refused with a capped list that says there are more."""
    data = transcript_debate()
    data["brief"]["key_judgements"][0]["positions"] = [f"ghost-{n}" for n in range(50_000)]
    problems = refused(to_bytes(data))
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message == TOO_MANY_PROBLEMS
