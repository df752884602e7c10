"""No CSV cell starts a formula: names, theme labels, summaries and notes that look like one come out inert."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.problems import DatasetError
from desktop_app.report.csv_export import CSV_KINDS, ENCODING, FORMULA_STARTS, csv_text, inert
from tests.factories import debate, to_bytes

NUMBER = re.compile(r"-?\d+(\.\d+)?")
NUMBER_COLUMNS = {
    "positions": {"stance"},
    "themes": {"n", "median", "consensus", "count_-2", "count_-1", "count_0", "count_+1", "count_+2"},
    "pairs": {"shared_themes", "agreement", "expected_by_chance", "chance_corrected"},
    "timeline": {"order", "stance"},
}

hostile = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from([*FORMULA_STARTS, "", "a"]),
    st.text(alphabet="=+-@|!()\"';,1 AZcmd/\t\r\n", max_size=12),
).filter(lambda text: text.strip() != "")
"""A summary: it may start like a formula, and hold tabs and line breaks."""
one_line = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from(["=", "+", "-", "@", "a"]),
    st.text(alphabet="=+-@|!()\"';,1 AZcmd/", max_size=12),
).filter(lambda text: text.strip() == text)
"""A name or label: one line (the loader refuses control characters there), often starting like a formula."""


def _seminar(names: list[str], labels: list[str], summaries: list[str]):
    data = debate()
    for speaker, name in zip(data["speakers"], names, strict=True):
        speaker["name"] = name
        speaker.pop("honorific", None)  # the display name then starts with the name itself
    for theme, label in zip(data["themes"], labels, strict=True):
        theme["label"] = label
    for position, summary in zip(data["positions"], summaries, strict=True):
        position["summary"] = summary
        position["note"] = summary
    position = data["positions"][1]
    position["stance"] = -2  # the app's own negative numbers must stay numbers
    return load_bytes(to_bytes(data), "hostile.seminar.json")


def _cells(text: str, kind: str):
    """Each cell with whether the application wrote it as a number."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    header = rows[0]
    for cell in header:
        yield cell, False
    for row in rows[1:]:
        for index, cell in enumerate(row):
            number = index >= 2 if kind == "matrix" else header[index] in NUMBER_COLUMNS.get(kind, set())
            yield cell, number


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(one_line, min_size=3, max_size=3, unique_by=str.casefold),
    labels=st.lists(one_line, min_size=3, max_size=3, unique_by=str.casefold),
    summaries=st.lists(hostile, min_size=3, max_size=3),
)
def test_no_csv_cell_of_any_kind_starts_a_formula(names, labels, summaries):
    """Whatever the names, labels and summaries, no cell of any CSV starts like a formula unless it is the app's own number."""
    try:
        dataset = _seminar(names, labels, summaries)
    except DatasetError as error:
        raise AssertionError(f"the strategy made a file the loader refuses: {error.lines()}") from None
    for kind in CSV_KINDS:
        for cell, number in _cells(csv_text(dataset, kind), kind):
            if cell.startswith(FORMULA_STARTS):
                assert number and NUMBER.fullmatch(cell), (kind, cell)


def test_the_users_text_is_kept_after_the_apostrophe(tmp_path):
    """A speaker named =1+1 and a summary +cmd|" /C calc"!A0 read back with one apostrophe in front, and a stance of -2 stays -2."""
    dataset = _seminar(["=1+1", "Ada", "Ben"], ["@SUM(1+1)", "Costs", "Enforcement"], ["-2+3", '+cmd|" /C calc"!A0', "fine"])
    rows = list(csv.DictReader(io.StringIO(csv_text(dataset, "positions").removeprefix("\ufeff"), newline="")))
    by_id = {row["position_id"]: row for row in rows}
    assert by_id["obi-emissions"]["summary"] == "'-2+3"
    assert by_id["roe-costs"]["summary"] == "'+cmd|\" /C calc\"!A0"
    assert by_id["roe-costs"]["stance"] == "-2"
    matrix = csv_text(dataset, "matrix")
    assert "'@SUM(1+1)" in matrix.splitlines()[0]
    assert inert("=1+1") == "'=1+1" and inert("plain") == "plain" and inert("") == ""
    assert ENCODING == "utf-8-sig"
