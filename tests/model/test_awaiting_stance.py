"""Positions awaiting a stance: a real state of the file, kept on saving, shown but counted nowhere."""

from __future__ import annotations

import json

from desktop_app.model.format.loader import dumps, load_bytes
from tests.factories import debate, to_bytes


def awaiting_debate(*ids: str):
    """The factory debate with the given positions awaiting a stance (no stance, no summary)."""
    data = debate()
    for position in data["positions"]:
        if position["id"] in ids:
            position["stance"] = None
            position["summary"] = ""
    return load_bytes(to_bytes(data), "awaiting.seminar.json")


def test_a_position_awaiting_a_stance_loads_and_saves_as_null():
    """``"stance": null`` loads, is listed as awaiting, and is written back explicitly."""
    dataset = awaiting_debate("roe-costs")
    assert [p.id for p in dataset.awaiting] == ["roe-costs"]
    saved = json.loads(dumps(dataset.model))
    (roe,) = [p for p in saved["positions"] if p["id"] == "roe-costs"]
    assert roe["stance"] is None and roe["summary"] == ""
    assert [p.id for p in load_bytes(dumps(dataset.model).encode(), "again").awaiting] == ["roe-costs"]


def test_awaiting_positions_are_left_out_of_every_figure():
    """A theme whose only position awaits a stance has no voice; the rated themes keep theirs."""
    dataset = awaiting_debate("roe-costs")
    analysis = dataset.analysis
    assert analysis.themes["costs"].n == 0 and analysis.themes["costs"].stances == {}
    assert analysis.themes["emissions"].stances == {"obi": 2}
    rated = load_bytes(to_bytes(debate()), "rated").analysis
    assert rated.themes["costs"].stances == {"roe": -2}


def test_an_awaiting_position_beside_a_rated_one_does_not_move_the_median():
    """A speaker's stance on a theme is the median of the rated positions alone."""
    data = debate()
    extra = dict(data["positions"][0], id="obi-emissions-2", stance=None, summary="", excerpt="should pass unamended")
    data["positions"].append(extra)
    dataset = load_bytes(to_bytes(data), "two.seminar.json")
    assert dataset.analysis.themes["emissions"].stances == {"obi": 2}
    assert not dataset.analysis.is_divided("obi", "emissions")
