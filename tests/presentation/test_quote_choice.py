"""Which positions the brief quotes for a theme: the strongest voices on a side, each by its most telling counted passage."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.quote_choice import best_position, positions_to_quote
from tests.factories import coded_panel, to_bytes


def _dataset():
    return load_bytes(to_bytes(coded_panel(
        [
            ("ada", "t1", 2, "assessment"),  # p0
            ("ada", "t1", 0, "assessment"),  # p1
            ("ada", "t1", 1, "history"),  # p2: nearest ada's stance, but not counted
            ("bo", "t1", 2, "assessment"),  # p3
            ("cy", "t1", -1, "assessment"),  # p4
            ("di", "t1", 1, "assessment"),  # p5
        ],
        speakers=("host",),
    )))


def test_the_strongest_voices_on_a_side_come_first_then_speaking_order():
    """On the positive side bo (+2) leads, then ada before di (both +1); the negative side has cy alone."""
    dataset = _dataset()
    metrics = dataset.analysis.themes["t1"]
    assert metrics.stances["ada"] == 1
    assert [p.id for p in positions_to_quote(dataset, metrics, 1, most=2)] == ["p3", "p0"]
    assert [p.id for p in positions_to_quote(dataset, metrics, -1, most=2)] == ["p4"]
    assert positions_to_quote(dataset, metrics, 0, most=2) == []


def test_a_speakers_passage_is_a_counted_one_nearest_their_stance():
    """The history passage at ada's very stance is context, so a counted one a step away is quoted instead."""
    dataset = _dataset()
    chosen = best_position(dataset, "ada", "t1", 1)
    assert chosen is not None and chosen.id == "p0"
    assert best_position(dataset, "host", "t1", 0) is None


def test_a_claim_is_quoted_before_a_recommendation_at_the_same_step():
    """Of two passages at the speaker's stance, the forecast shows it better than the shorter recommendation built on it."""
    data = coded_panel([("ada", "t1", -1, "prediction"), ("ada", "t1", -1, "prescription")], speakers=("host",))
    data["seminar"]["source"]["text"] += "\nShort."
    data["positions"][1]["excerpt"] = "Short."
    dataset = load_bytes(to_bytes(data))
    assert len(dataset.position("p1").excerpt) < len(dataset.position("p0").excerpt)
    chosen = best_position(dataset, "ada", "t1", -1)
    assert chosen is not None and chosen.id == "p0"
