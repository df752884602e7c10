"""Movement over the discussion: moved only on a step between first and last counted position, held otherwise, silent on one."""

from __future__ import annotations

import copy

from desktop_app.model.analysis.discussion_order import Moment, moments
from desktop_app.model.analysis.movement import moved_toward, movements
from desktop_app.model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from desktop_app.model.format.loader import load_bytes
from tests import factories
from tests.factories import to_bytes


def _hearing(data=None):
    return load_bytes(to_bytes(data or factories.hearing()), "hearing.seminar.json")


def _by_pair(dataset):
    placed = moments(dataset.positions, dataset.spans, dataset.seminar.source.turns)
    return {(m.speaker, m.theme): m for m in movements(dataset.positions, placed, COUNTED_KINDS_DEFAULT)}


def test_a_speaker_whose_last_stance_lies_a_pole_away_from_the_first_moved():
    """Lee said the budget was sufficient, then that it falls short: moved toward the negative pole, two steps."""
    found = _by_pair(_hearing())[("lee", "budget")]
    assert (found.first_stance, found.last_stance, found.moved, found.direction) == (1, -1, True, -1)
    assert (found.first_position, found.last_position, found.count) == ("lee-budget-1", "lee-budget-2", 2)


def test_a_speaker_who_said_the_same_first_and_last_held():
    """Moss said the budget falls short in the first and the last turn: held."""
    found = _by_pair(_hearing())[("moss", "budget")]
    assert not found.moved and found.direction == 0 and found.first_stance == found.last_stance == -1


def test_one_position_on_a_theme_says_nothing():
    """Nye spoke once on staffing: no movement is stated for Nye at all."""
    assert not [pair for pair in _by_pair(_hearing()) if pair[0] == "nye"]


def test_a_change_between_first_and_last_back_to_mixed_is_held():
    """Moss went mixed, then +2, then mixed again on staffing: first and last are both mixed, so held."""
    found = _by_pair(_hearing())[("moss", "staff")]
    assert found.count == 3 and (found.first_stance, found.last_stance) == (0, 0) and not found.moved


def test_one_step_out_of_mixed_is_already_a_move():
    """A speaker going from mixed to +1 on staffing moved toward the positive pole: a single step is enough."""
    data = factories.hearing()
    last = next(p for p in data["positions"] if p["id"] == "moss-staff-3")
    last["stance"] = 1
    found = _by_pair(_hearing(data))[("moss", "staff")]
    assert found.moved and found.direction == 1 and found.step == 1


def test_uncounted_kinds_and_left_out_speakers_do_not_count():
    """The chair's question and summary are not counted kinds; leaving Lee out leaves no movement of Lee's."""
    dataset = _hearing()
    placed = moments(dataset.positions, dataset.spans, dataset.seminar.source.turns)
    assert not [m for m in movements(dataset.positions, placed, COUNTED_KINDS_DEFAULT) if m.speaker == "kim"]
    assert not [m for m in movements(dataset.positions, placed, COUNTED_KINDS_DEFAULT, left_out={"lee"}) if m.speaker == "lee"]


def test_two_positions_at_the_same_time_are_no_movement():
    """Two positions in one turn are said at the same time: no first and last to compare."""
    dataset = _hearing()
    same = {p.id: Moment(offset=index, turn=7) for index, p in enumerate(dataset.positions)}
    assert movements(dataset.positions, same, COUNTED_KINDS_DEFAULT) == []


def test_without_turns_the_place_in_the_report_orders_the_positions():
    """A report without turns: the first position is the one earlier in the text, whatever the file's order."""
    data = factories.hearing(times=False)
    del data["seminar"]["source"]["turns"]
    data["positions"] = list(reversed(copy.deepcopy(data["positions"])))
    found = _by_pair(_hearing(data))[("lee", "budget")]
    assert (found.first_position, found.last_position, found.direction) == ("lee-budget-1", "lee-budget-2", -1)


def test_moved_toward_counts_speakers_per_pole():
    """On the budget one speaker moved toward the negative pole and none toward the positive one."""
    dataset = _hearing()
    placed = moments(dataset.positions, dataset.spans, dataset.seminar.source.turns)
    found = movements(dataset.positions, placed, COUNTED_KINDS_DEFAULT)
    assert moved_toward(found, "budget") == (1, 0)
    assert moved_toward(found, "staff") == (0, 0)


def test_a_position_awaiting_a_stance_is_never_counted():
    """Lee's later budget position awaiting a stance leaves one counted position: nothing is said of Lee on the budget."""
    data = factories.hearing()
    later = next(p for p in data["positions"] if p["id"] == "lee-budget-2")
    later["stance"] = None
    later["summary"] = ""
    assert ("lee", "budget") not in _by_pair(_hearing(data))
