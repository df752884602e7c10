"""Who answered whom: a turn answers the turn just before it on a theme both hold a counted position on."""

from __future__ import annotations

from desktop_app.model.analysis.discussion_order import moments
from desktop_app.model.analysis.replies import replies, reply_pairs
from desktop_app.model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from desktop_app.model.format.loader import load_bytes
from tests import factories
from tests.factories import to_bytes


def _replies(data=None, kinds=COUNTED_KINDS_DEFAULT):
    dataset = load_bytes(to_bytes(data or factories.hearing()), "hearing.seminar.json")
    turns = dataset.seminar.source.turns
    return dataset, replies(turns, dataset.positions, moments(dataset.positions, dataset.spans, turns), kinds)


def test_replies_on_a_shared_theme_are_counted_and_others_are_not():
    """Moss answered Lee and Lee answered Moss on the budget, Moss answered Nye on staffing; nobody answered the chair."""
    _, found = _replies()
    assert [(r.speaker, r.answered, r.theme) for r in found] == [
        ("moss", "lee", "budget"), ("lee", "moss", "budget"), ("moss", "nye", "staff"),
    ]


def test_pairs_come_strongest_first_with_both_directions():
    """Lee and Moss replied to each other twice, once each way; Moss and Nye once."""
    dataset, found = _replies()
    rank = {speaker.id: index for index, speaker in enumerate(dataset.speakers)}
    pairs = reply_pairs(found, rank)
    assert [(p.a, p.b, p.a_to_b, p.b_to_a, p.total) for p in pairs] == [("lee", "moss", 1, 1, 2), ("moss", "nye", 1, 0, 1)]
    assert pairs[0].themes == ("budget",)


def test_a_theme_the_turn_before_did_not_hold_is_no_reply():
    """When Lee's later turn is on staffing instead, it no longer answers Moss's budget turn."""
    data = factories.hearing()
    for position in data["positions"]:
        if position["id"] == "lee-budget-2":
            position["theme"] = "staff"
    _, found = _replies(data)
    assert ("lee", "moss", "budget") not in [(r.speaker, r.answered, r.theme) for r in found]
    assert ("lee", "moss", "staff") in [(r.speaker, r.answered, r.theme) for r in found]
