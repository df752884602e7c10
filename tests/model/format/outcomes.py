"""What loading any bytes may end in: a seminar, or problems a person can act on.

Shared by the property-based and the hand-written hostile-file tests: a
DatasetError must carry at least one problem located by JSON path or line, and
every problem must read as one printable line of sensible length, whatever the
file held.
"""

from __future__ import annotations

from desktop_app.model.dataset import Dataset
from desktop_app.model.format.loader import dumps, load_bytes
from desktop_app.model.format.problems import MAX_PROBLEMS, DatasetError, Problem

LONGEST_PROBLEM_LINE = 1_000
"""Characters one problem may take on the screen: a value from the file is shown cut short."""


def is_located(problem: Problem) -> bool:
    return bool(problem.path) or problem.line is not None


def assert_clean_error(error: DatasetError, *, located: bool = True) -> list[Problem]:
    """The error's problems, after checking that a person can read and act on them.

    ``located=False`` is for problems with the file as a whole (missing, unreadable,
    too large), which have no place inside it.
    """
    problems = list(error.problems)
    assert problems, "a DatasetError always carries at least one problem"
    if located:
        assert any(is_located(problem) for problem in problems), problems
    assert len(problems) <= MAX_PROBLEMS + 1
    for problem in problems:
        line = str(problem)
        assert problem.message.strip(), problem
        assert line.isprintable(), f"not one printable line: {line[:200]!r}"
        assert len(line) <= LONGEST_PROBLEM_LINE, f"{len(line)} characters: {line[:200]!r}"
    return problems


def load_or_problems(data: bytes) -> Dataset | list[Problem]:
    """Load the bytes; a dataset must save and load back unchanged, an error must be clean."""
    try:
        dataset = load_bytes(data, "hostile.seminar.json")
    except DatasetError as error:
        return assert_clean_error(error)
    assert isinstance(dataset, Dataset)
    again = load_bytes(dumps(dataset.model).encode("utf-8"), "saved.seminar.json")
    assert again.model == dataset.model
    return dataset


def refused(data: bytes) -> list[Problem]:
    """The clean problems the bytes are refused with (fails if they load)."""
    outcome = load_or_problems(data)
    assert isinstance(outcome, list), "expected the file to be refused"
    return outcome
