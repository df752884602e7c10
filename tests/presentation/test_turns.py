"""Transcript turns: which turn holds a passage, who spoke last before it, and when a position was said."""

from __future__ import annotations

import pytest

from desktop_app.model.editing.turn_lookup import speaker_before, turn_at
from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.turns import clock, position_time, position_turn
from tests import factories
from tests.factories import DEBATE_SOURCE, to_bytes


def debate_with_turns(times: bool = True):
    """The factory debate with three turns, loaded."""
    return load_bytes(to_bytes(factories.debate_with_turns(times)), "debate.seminar.json")


@pytest.mark.parametrize(("seconds", "short", "long"), [(0, "0:00", "0:00:00"), (65.9, "1:05", "0:01:05"), (3723, "1:02:03", "1:02:03")])
def test_clock_reads_like_a_player(seconds, short, long):
    """Times read m:ss under an hour and h:mm:ss from an hour, or always h:mm:ss for a spreadsheet."""
    assert clock(seconds) == short and clock(seconds, with_hours=True) == long


def test_the_turn_holding_a_place_and_none_between_turns():
    """A place inside Roe's line is in his turn; the blank line after the opening is in nobody's."""
    dataset = debate_with_turns()
    turns = dataset.seminar.source.turns
    assert turn_at(turns, DEBATE_SOURCE.index("costs fall")).speaker == "roe"
    assert turn_at(turns, 0).speaker == "speaker"
    assert turn_at(turns, DEBATE_SOURCE.index("\n\n") + 1) is None
    assert turn_at([], 10) is None


def test_the_nearest_speaker_before_a_place():
    """The suggestion is the turn's speaker inside a turn, the last speaker after it, and nobody before the first."""
    dataset = debate_with_turns()
    turns = dataset.seminar.source.turns
    assert speaker_before(turns, DEBATE_SOURCE.index("cut emissions")) == "obi"
    assert speaker_before(turns, DEBATE_SOURCE.index("inspectorate")) == "roe"  # after Roe's turn, no turn of its own
    assert speaker_before(turns, DEBATE_SOURCE.index("\n\n") + 1) == "speaker"
    assert speaker_before([], 5) is None


def test_a_position_takes_the_time_of_its_turn():
    """Obi's emissions position lies in the turn that began at 1:05; one outside every turn has no time."""
    dataset = debate_with_turns()
    assert position_turn(dataset, "obi-emissions").speaker == "obi"
    assert position_time(dataset, "obi-emissions") == pytest.approx(65.4)
    assert position_time(dataset, "roe-costs") == 3723.0
    assert position_time(dataset, "obi-enforcement") is None


def test_turns_without_times_give_no_time():
    """A typed transcript's turns have speakers but no times."""
    dataset = debate_with_turns(times=False)
    assert position_turn(dataset, "roe-costs").speaker == "roe" and position_time(dataset, "roe-costs") is None
