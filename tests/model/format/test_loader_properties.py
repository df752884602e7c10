"""Property-based tests of the loader: whatever the bytes, a seminar or located problems, nothing else.

Three families of input: random bytes, random JSON values (shaped like a
seminar file or not), and the default seminar bent out of shape one mutation
at a time.  The settings (how many examples, deadline, repeatability) come
from the profile registered in tests/conftest.py.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from desktop_app.assets import default_seminar_path
from desktop_app.model.format.schema import Position, Seminar, SeminarFile, Source, Speaker, Theme
from tests.model.format.outcomes import load_or_problems, refused

DEFAULT_BYTES = default_seminar_path().read_bytes()
DEFAULT = json.loads(DEFAULT_BYTES)
END_OF_JSON = DEFAULT_BYTES.rindex(b"}") + 1


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path into a parsed JSON value, the value's own (empty) path first."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*path, index))
    return found


def _get(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


ALL_PATHS = _paths(DEFAULT)[1:]
FIELD_PATHS = [p for p in ALL_PATHS if isinstance(p[-1], str)]
LIST_PATHS = [p for p in ALL_PATHS if isinstance(_get(DEFAULT, p), list) and _get(DEFAULT, p)]
STRING_PATHS = [p for p in ALL_PATHS if isinstance(_get(DEFAULT, p), str)]
REFERENCE_PATHS = [("seminar", "chair")] + [
    ("positions", i, field) for i in range(len(DEFAULT["positions"])) for field in ("speaker", "theme")
]
IDS = sorted({item["id"] for section in ("themes", "speakers", "positions") for item in DEFAULT[section]})
FIELD_NAMES = sorted(
    {name for model in (SeminarFile, Seminar, Source, Theme, Speaker, Position) for name in model.model_fields}
)
MARKUP = [
    "<b>bold</b>",
    '<img src="file:///etc/passwd">',
    '<a href="https://example.invalid/">link</a>',
    "&amp;&lt;&#0;",
    "<script>alert(1)</script>",
    "<!--",
    "]]>",
    '"><',
    "\u202e<i>",
]

# Text that includes what JSON escapes and what a terminal or a layout engine treats specially.
texts = st.text(st.characters(exclude_categories=()), max_size=40) | st.sampled_from(["", " ", *IDS, *MARKUP])
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-3, max_value=3)
    | st.floats(allow_nan=True, allow_infinity=True)
    | texts
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=6)
    | st.dictionaries(st.sampled_from(FIELD_NAMES) | texts, children, max_size=6),
    max_leaves=40,
)


def encode(value: Any) -> bytes:
    """JSON text of a value as an editor might save it; NaN and Infinity are written as such,
    and unpaired surrogates (which UTF-8 cannot hold) as ``\\ud800`` escapes."""
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8", "backslashreplace")


def mutated(path: tuple, change) -> bytes:
    """The default seminar with ``change(parent, key)`` applied at ``path``, as file bytes."""
    data = copy.deepcopy(DEFAULT)
    change(_get(data, path[:-1]), path[-1])
    return encode(data)


# -- random bytes and random JSON ------------------------------------------------


@given(st.binary(max_size=4_000))
def test_random_bytes(data):
    """Any bytes at all load as a seminar or are refused with located problems."""
    load_or_problems(data)


@given(json_values)
def test_random_json_values(value):
    """Any JSON value, NaN and infinities included, is refused with located problems."""
    refused(encode(value))


@given(
    st.fixed_dictionaries(
        {"format": st.just("seminar-lens/1") | json_values},
        optional={
            "seminar": json_values,
            "themes": st.lists(json_values, max_size=5),
            "speakers": st.lists(json_values, max_size=5),
            "positions": st.lists(json_values, max_size=5),
        },
    )
)
def test_random_values_in_a_seminar_shape(data):
    """Random values under the sections of a seminar file are refused with located problems."""
    refused(encode(data))


# -- the default seminar, bent out of shape --------------------------------------


@given(st.sampled_from(FIELD_PATHS))
def test_deleting_any_field(path):
    """Deleting any one field of the default seminar leaves a seminar or located problems."""
    load_or_problems(mutated(path, lambda parent, key: parent.pop(key)))


@given(st.sampled_from(ALL_PATHS), json_values)
def test_changing_any_value(path, replacement):
    """Putting any JSON value in place of any value of the default seminar never crashes the loader."""
    original = _get(DEFAULT, path)
    assume(type(replacement) is not type(original))
    load_or_problems(mutated(path, lambda parent, key: parent.__setitem__(key, replacement)))


@given(st.sampled_from(LIST_PATHS), st.integers(min_value=0), st.booleans())
def test_duplicating_or_dropping_an_entry(path, index, duplicate):
    """Duplicating or dropping any entry of any list leaves a seminar or located problems."""

    def change(parent, key):
        entries = parent[key]
        at = index % len(entries)
        if duplicate:
            entries.insert(at, copy.deepcopy(entries[at]))
        else:
            del entries[at]

    load_or_problems(mutated(path, change))


@given(st.sampled_from(REFERENCE_PATHS), st.sampled_from(IDS) | texts)
def test_corrupting_a_reference(path, target):
    """Pointing a position or the chair at any other id, or at nonsense, is caught and located."""
    outcome = load_or_problems(mutated(path, lambda parent, key: parent.__setitem__(key, target)))
    if isinstance(outcome, list):
        assert any(problem.path[: len(path)] == path for problem in outcome), outcome


@given(st.integers(min_value=1, max_value=END_OF_JSON - 1))
def test_cutting_the_file_at_any_byte(length):
    """The default seminar cut short at any byte is refused, and the message says it may be truncated."""
    (problem,) = refused(DEFAULT_BYTES[:length])
    assert "truncated" in problem.message
    assert problem.line is not None


@given(st.integers(min_value=0, max_value=len(DEFAULT_BYTES) - 1), st.integers(min_value=1, max_value=255))
def test_flipping_any_byte(offset, flip):
    """The default seminar with any one byte changed loads or is refused with located problems."""
    data = bytearray(DEFAULT_BYTES)
    data[offset] ^= flip
    load_or_problems(bytes(data))


@given(st.integers(min_value=0, max_value=len(DEFAULT_BYTES)), st.sampled_from(MARKUP))
def test_inserting_markup_anywhere_in_the_bytes(offset, markup):
    """Markup pasted at any byte of the file loads or is refused with located problems."""
    load_or_problems(DEFAULT_BYTES[:offset] + markup.encode() + DEFAULT_BYTES[offset:])


def _blames(problem, path: tuple, original: str) -> bool:
    """Whether a refusal points at the changed string, or at what rested on its old value.

    The excerpts rest on the source text, and the references on an id.
    """
    where = tuple(problem.path)
    if where == path:
        return True
    if path == ("seminar", "source", "text"):
        return where[:1] == ("positions",) and where[-1:] == ("excerpt",)
    return path[-1] == "id" and original in problem.message


@given(st.sampled_from(STRING_PATHS), st.sampled_from(MARKUP), st.booleans())
def test_markup_in_any_string_is_kept_as_text(path, markup, append):
    """Markup added to any string value is either refused with a located problem or kept exactly as written."""
    original = _get(DEFAULT, path)
    changed = original + markup if append else markup
    outcome = load_or_problems(mutated(path, lambda parent, key: parent.__setitem__(key, changed)))
    if isinstance(outcome, list):
        assert any(_blames(problem, path, original) for problem in outcome), (path, outcome)
    else:
        assert _get(outcome.model.model_dump(mode="json"), path) == changed


def test_strategies_reach_every_kind_of_place():
    """The mutation strategies cover every section of the file, so the properties test the whole format."""
    sections = {path[0] for path in ALL_PATHS}
    assert sections == {"format", "seminar", "themes", "speakers", "positions", "brief"}
    assert {path[0] for path in LIST_PATHS} == {"themes", "speakers", "positions", "brief"}
    assert ("seminar", "source", "text") in STRING_PATHS
    assert len(REFERENCE_PATHS) == 1 + 2 * len(DEFAULT["positions"])
