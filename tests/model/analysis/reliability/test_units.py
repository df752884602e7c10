"""The units coders are compared on: speaker × theme cells under the verdicts' median rule, and passages."""

from __future__ import annotations

from desktop_app.model.analysis.reliability.alpha import Level
from desktop_app.model.analysis.reliability.comparison import ALL, compare
from desktop_app.model.analysis.reliability.units import Coding, cell_table, id_differences, passage_table
from desktop_app.model.format.schema import Kind, Position


def _position(speaker: str, theme: str, stance: int | None, kind: Kind = Kind.ASSESSMENT, excerpt: str = "words") -> Position:
    return Position.model_construct(
        id=f"{speaker}-{theme}-{stance}-{excerpt}", speaker=speaker, theme=theme, stance=stance, kind=kind,
        summary="", excerpt=excerpt, note="",
    )


def _coding(name: str, *positions: Position, speakers=("ana", "ben", "cai"), themes=("trade", "energy")) -> Coding:
    return Coding(name, list(positions), list(speakers), list(themes))


def test_a_cell_takes_the_median_of_a_coders_counted_positions():
    """Two positions at +2 and +1 make the cell +1, as the verdicts count it; a question is not counted."""
    first = _coding("a", _position("ana", "trade", 2), _position("ana", "trade", 1), _position("ben", "trade", -2, Kind.QUESTION))
    second = _coding("b", _position("ana", "trade", 1))
    cells, rows = cell_table([first, second])["trade"]
    assert cells == [("ana", "trade")]
    assert rows == [[1, 1]]


def test_a_cell_coded_by_one_coder_only_is_a_missing_value():
    """Ben coded by the first coder alone is listed with a missing value and is not pairable."""
    first = _coding("a", _position("ana", "trade", 2), _position("ben", "trade", -1), _position("cai", "trade", 0))
    second = _coding("b", _position("ana", "trade", 2), _position("cai", "trade", 1))
    cells, rows = cell_table([first, second])["trade"]
    assert rows[cells.index(("ben", "trade"))] == [-1, None]
    row = compare([first, second], draws=50).row(ALL, Level.ORDINAL)
    assert row is not None and row.units == 2 and row.pairable_values == 4


def test_a_position_awaiting_a_stance_is_no_value():
    """A blind round's unrated passage gives the second coder no value in the cell or the passage."""
    first = _coding("a", _position("ana", "trade", 2))
    second = _coding("b", _position("ana", "trade", None))
    assert cell_table([first, second])["trade"][1] == [[2, None]]
    assert passage_table([first, second])[1] == [[2, None]]


def test_differing_ids_are_named_for_each_file():
    """A speaker only the second coder has, and a theme only the first has, are each named with the file."""
    first = _coding("a.json", themes=("trade", "energy"))
    second = _coding("b.json", speakers=("ana", "ben", "cai", "dee"), themes=("trade",))
    assert id_differences([first, second]) == ["speaker ids only in b.json: dee", "theme ids only in a.json: energy"]


def test_verdicts_that_depend_on_the_coder_are_listed():
    """Three voices converging for one coder and diverging for the other: energy's verdict depends on the coder."""
    first = _coding("a", *(_position(s, "energy", 1) for s in ("ana", "ben", "cai")))
    second = _coding("b", *(_position(s, "energy", -1) for s in ("ana", "ben", "cai")))
    comparison = compare([first, second], draws=20)
    assert comparison.coder_dependent == {"energy"}
    assert len(comparison.verdict_differences[0].verdicts) == 2
