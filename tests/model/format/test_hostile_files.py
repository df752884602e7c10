"""Hostile and broken seminar files, one by one: each is refused with problems a person can act on.

Every case goes through :func:`tests.model.format.outcomes.refused`, which also checks
that each problem is located and reads as one printable line of sensible length.
"""

from __future__ import annotations

import builtins
import codecs
import errno
import io
import json
import os
from pathlib import Path

import pytest

from desktop_app.assets import default_seminar_path
from desktop_app.model.format import json_text
from desktop_app.model.format.loader import load, load_bytes
from desktop_app.model.format.problems import MAX_PROBLEMS, TOO_MANY_PROBLEMS, DatasetError
from tests.factories import debate, to_bytes
from tests.model.format.outcomes import assert_clean_error, refused

DEFAULT_BYTES = default_seminar_path().read_bytes()
DEFAULT_TEXT = DEFAULT_BYTES.decode("utf-8")
STANCE_TEXT = '"stance": 2,'
STANCE_LINE = DEFAULT_TEXT[: DEFAULT_TEXT.index(STANCE_TEXT)].count("\n") + 1
STANCE_POSITION = next(i for i, p in enumerate(json.loads(DEFAULT_TEXT)["positions"]) if p["stance"] == 2)


def default_data() -> dict:
    return json.loads(DEFAULT_TEXT)


def with_first_stance(replacement: str) -> bytes:
    """The default seminar with the first stance of 2 written as ``replacement``, verbatim."""
    return DEFAULT_TEXT.replace(STANCE_TEXT, f'"stance": {replacement},', 1).encode("utf-8")


def load_problems(path: Path, *, located: bool = False) -> list:
    """The problems reading the file gives; about the whole file, unless ``located``."""
    with pytest.raises(DatasetError) as caught:
        load(path)
    return assert_clean_error(caught.value, located=located)


# -- bytes that are not UTF-8 JSON ----------------------------------------------


def test_empty_file():
    """An empty file is refused as empty, pointing at its start."""
    (problem,) = refused(b"")
    assert problem.message == "the file is empty"
    assert (problem.line, problem.column) == (1, 1)


@pytest.mark.parametrize(
    "garbage",
    [
        bytes((i * 167 + 13) % 256 for i in range(4096)),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(255, -1, -1)),
        b"\x00" * 1000,
    ],
    ids=["noise", "png", "zip", "zeros"],
)
def test_binary_garbage(garbage):
    """Binary data opened by mistake (noise, a picture, an archive) is refused as not UTF-8 JSON text."""
    (problem,) = refused(garbage)
    assert "UTF-8" in problem.message or "not valid JSON" in problem.message
    assert problem.line is not None


def test_invalid_utf8_is_reported_at_its_line():
    """A stray byte that is not UTF-8 is reported with its value and the line it sits on."""
    at = DEFAULT_BYTES.index(STANCE_TEXT.encode())
    (problem,) = refused(DEFAULT_BYTES[:at] + b"\xff" + DEFAULT_BYTES[at:])
    assert "not valid UTF-8 (byte 0xff" in problem.message
    assert problem.line == STANCE_LINE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark(encoding):
    """A seminar saved as UTF-16 or UTF-32 with a byte-order mark is refused, naming the encoding."""
    data = DEFAULT_TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (problem,) = refused(data)
    assert encoding[:6].upper() in problem.message and "save it as UTF-8" in problem.message
    assert problem.line == 1


def test_two_byte_order_marks_are_named_as_such():
    """A file that starts with two UTF-8 byte-order marks is told so in plain words, not as a decoding hint."""
    (problem,) = refused(codecs.BOM_UTF8 * 2 + DEFAULT_BYTES)
    assert problem.message.startswith("the file starts with two byte-order marks")
    assert "utf-8-sig" not in problem.message and (problem.line, problem.column) == (1, 1)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_byte_order_mark(encoding):
    """ASCII-only UTF-16 or UTF-32 without a byte-order mark is named as such, not as bad JSON."""
    (problem,) = refused(to_bytes(debate()).decode("utf-8").encode(encoding))
    assert encoding[:6].upper() in problem.message and "without a byte-order mark" in problem.message
    assert (problem.line, problem.column) == (1, 1)


# -- JSON that is valid but hostile -------------------------------------------------


def test_arrays_nested_100000_deep():
    """Arrays nested 100,000 deep are refused as nested too deep, at the line and column where the limit is passed."""
    (problem,) = refused(b"[" * 100_000 + b"]" * 100_000)
    assert problem.message == f"arrays and objects are nested more than {json_text.MAX_DEPTH} levels deep"
    assert (problem.line, problem.column) == (1, json_text.MAX_DEPTH + 1)
    assert "levels)…" in problem.location  # the 500-step path is shortened to fit a line


def test_objects_nested_100000_deep_inside_a_seminar():
    """Objects nested 100,000 deep inside a field are refused, located under that field."""
    deep = '{"a": ' * 100_000 + "1" + "}" * 100_000
    (problem,) = refused(('{"format": "seminar-lens/1", "seminar": ' + deep + "}").encode())
    assert problem.path[0] == "seminar" and "nested more than" in problem.message


def test_nesting_up_to_the_documented_limit_parses():
    """Arrays nested exactly as deep as the documented limit (500 levels) are read as JSON."""
    assert json_text.MAX_DEPTH == 500
    parsed = json_text.parse("[" * 500 + "]" * 500)
    depth = 0
    value = parsed.value
    while isinstance(value, list):
        depth += 1
        value = value[0] if value else None
    assert depth == 500


@pytest.mark.parametrize("levels", [501, 600, 900])
def test_nesting_past_the_documented_limit_is_refused(levels):
    """Arrays nested 501, 600 or 900 deep, which Python's parser would read, are refused at the 501st level."""
    with pytest.raises(json_text.JsonProblem) as caught:
        json_text.parse("[" * levels + "]" * levels)
    (problem,) = caught.value.problems
    assert problem.message == "arrays and objects are nested more than 500 levels deep"
    assert (problem.line, problem.column) == (1, 501)


@pytest.mark.parametrize("levels", [501, 600, 900])
def test_objects_nested_past_the_limit_inside_a_seminar(levels):
    """A seminar file with objects nested 501, 600 or 900 deep inside a field is refused as nested too deep."""
    deep = '{"a": ' * levels + "1" + "}" * levels
    (problem,) = refused(('{"format": "seminar-lens/1", "seminar": ' + deep + "}").encode())
    assert problem.path[0] == "seminar"
    assert problem.message == "arrays and objects are nested more than 500 levels deep"


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """A 200 MB file is refused by the size limit, named in the message, without a byte of it being read."""
    huge = tmp_path / "huge.seminar.json"
    huge.write_bytes(b"")
    os.truncate(huge, 200 * 1024 * 1024)  # sparse: takes no disk space
    opened = []

    def recording_open(*args, **kwargs):
        opened.append(args)
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", recording_open)
    monkeypatch.setattr(builtins, "open", recording_open)
    monkeypatch.setattr(io, "open", recording_open)
    monkeypatch.setattr(os, "open", recording_open)
    with pytest.raises(DatasetError) as caught:
        load(huge)
    monkeypatch.undo()
    assert opened == []
    (problem,) = caught.value.problems
    limit = json_text.human_size(json_text.MAX_FILE_BYTES)
    assert problem.message == f"the file is 200 MiB, larger than the {limit} limit for seminar files"
    assert limit == "128 MiB"


def test_file_one_byte_over_the_limit_gives_its_exact_size(tmp_path):
    """A file one byte over the limit is not described as being the limit's own size."""
    over = tmp_path / "over.seminar.json"
    over.write_bytes(b"")
    os.truncate(over, json_text.MAX_FILE_BYTES + 1)
    (problem,) = load_problems(over)
    assert problem.message == (
        f"the file is {json_text.MAX_FILE_BYTES + 1:,} bytes, larger than the 128 MiB limit for seminar files"
    )


def test_file_that_grows_past_the_limit_while_being_opened(tmp_path, monkeypatch):
    """A file that another program extends after its size was checked is still refused by the limit."""
    monkeypatch.setattr(json_text, "MAX_FILE_BYTES", 1_000)
    path = tmp_path / "growing.seminar.json"
    path.write_bytes(b"{}")
    real_open = Path.open

    def open_after_growth(self, *args, **kwargs):
        os.truncate(self, 50_000)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_after_growth)
    (problem,) = load_problems(path)
    assert "larger than the 1000 bytes limit" in problem.message


def test_integer_of_5000_digits_as_a_stance():
    """A stance written with 5,000 digits is refused at that stance, saying the number is too long."""
    (problem,) = refused(with_first_stance("9" * 5000))
    assert problem.path == ("positions", STANCE_POSITION, "stance")
    assert problem.line == STANCE_LINE
    assert problem.message == "a number with 5,000 digits is too long (at most 100 digits)"


@pytest.mark.parametrize("number", ["1e400", "-1e400", "1" + "0" * 400 + ".5"])
def test_number_too_large_for_a_float(number):
    """A number too large to hold (1e400) is refused at its place, not read as infinity."""
    (problem,) = refused(with_first_stance(number))
    assert problem.path == ("positions", STANCE_POSITION, "stance")
    assert "is too large" in problem.message and "Infinity" not in problem.message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(constant):
    """NaN, Infinity and -Infinity, which JSON does not allow, are each refused at their path and line."""
    (problem,) = refused(with_first_stance(constant))
    assert problem.path == ("positions", STANCE_POSITION, "stance")
    assert problem.line == STANCE_LINE
    assert problem.message == f"{constant} is not a number JSON allows"


def test_duplicate_keys_reported_with_path_and_line():
    """A key written twice in one object is reported at the second one's path and line, every time it happens."""
    text = to_bytes(debate()).decode()
    text = text.replace('"name": "Ada Obi",', '"name": "Ada Obi",\n      "name": "Ada Obi-Roe",', 1)
    text = text.replace('"format": "seminar-lens/1",', '"format": "seminar-lens/1",\n  "format": "seminar-lens/1",', 1)
    problems = refused(text.encode())
    lines = text.splitlines()
    assert [(p.location.split(" (")[0], p.message) for p in problems] == [
        ("format", "the key 'format' appears twice in one object"),
        ("speakers[1].name", "the key 'name' appears twice in one object"),
    ]
    for problem in problems:
        assert lines[problem.line - 1].strip().startswith(f'"{problem.path[-1]}"')
    assert problems[0].line == 3


def test_control_characters_in_names_and_text():
    """Control characters written as escapes in a name or a summary are refused, and shown escaped."""
    data = debate()
    data["speakers"][1]["name"] = "Ada\u0007 Obi"
    data["positions"][0]["summary"] = "Expects \u001b[31mcleaner\u001b[0m air."
    problems = refused(to_bytes(data))
    by_path = {p.location.split(" (")[0]: p.message for p in problems}
    assert "without control characters" in by_path["speakers[1].name"]
    assert "\\u0007" in by_path["speakers[1].name"]
    assert "control characters other than tab and newline" in by_path["positions[0].summary"]
    assert "\\u001b[31m" in by_path["positions[0].summary"]


def test_raw_control_character_inside_a_string():
    """A control byte written straight into a string (not as an escape) is refused at its line."""
    text = to_bytes(debate()).decode().replace("Ada Obi", "Ada\x01Obi", 1)
    (problem,) = refused(text.encode())
    assert "invalid control character" in problem.message
    assert problem.line == next(n for n, line in enumerate(text.splitlines(), 1) if "\x01" in line)


def test_values_quoted_in_messages_cannot_break_the_line_or_the_terminal():
    """Ids, keys and versions from the file appear in messages escaped and cut short, never raw."""
    data = debate()
    data["format"] = "seminar-lens/\u001b[2J\u202e9"
    problems = refused(to_bytes(data))
    assert problems[0].message.startswith("format 'seminar-lens/\\x1b[2J\\u202e9' is not one")
    data = debate()
    data["positions"][0]["speaker"] = "gh\nost\u202e" + "x" * 10_000
    data["themes"][0]["colour\r\n"] = "green"
    data["speakers"][2]["id"] = data["speakers"][1]["id"] = "o\tbi"
    text = "\n".join(map(str, refused(to_bytes(data))))
    assert "unknown speaker 'gh\\x0aost\\u202e" in text
    assert "unknown field 'colour\\x0d\\x0a'" in text and "themes[0]['colour\\x0d\\x0a']" in text
    assert "duplicate id 'o\\x09bi'" in text


def test_label_of_10_megabytes():
    """A theme label of 10 MB is refused with the length limit, and the message shows only its start."""
    data = default_data()
    data["themes"][0]["label"] = "L" * 10_000_000
    (problem,) = refused(to_bytes(data))
    assert problem.path == ("themes", 0, "label")
    assert problem.message.startswith("string should have at most 300 characters (found \"LLL")


def test_excerpt_of_1_megabyte():
    """An excerpt of 1 MB is refused with the excerpt's own length limit."""
    data = default_data()
    data["positions"][0]["excerpt"] = "e" * 1_000_000
    problems = refused(to_bytes(data))
    assert {p.path for p in problems} == {("positions", 0, "excerpt")}
    assert problems[0].message.startswith("string should have at most 5000 characters")


def test_10000_themes_load():
    """A seminar with 10,000 themes loads, and every one of them is there."""
    data = default_data()
    extra = 10_000 - len(data["themes"])
    data["themes"] += [{"id": f"extra-{n}", "label": f"Extra theme {n}", "order": 100 + n} for n in range(extra)]
    dataset = load_bytes(to_bytes(data))
    assert len(dataset.themes) == 10_000
    assert dataset.themes[-1].id == f"extra-{extra - 1}"


def test_10000_broken_themes_are_listed_up_to_the_limit():
    """10,000 broken themes give the first problems, in file order, and a note that there are more."""
    data = default_data()
    data["themes"] = [{"id": f"t{n}", "label": n, "order": n} for n in range(10_000)]
    problems = refused(to_bytes(data))
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message == TOO_MANY_PROBLEMS
    assert problems[0].location.startswith("themes[0].label (line")
    lines = [p.line for p in problems[:-1]]
    assert lines == sorted(lines)


def test_a_flood_of_empty_entries_is_cut_short():
    """200,000 empty positions (a 600 KB file) are reported up to the limit instead of exhausting memory."""
    text = DEFAULT_TEXT.replace('"positions": [', '"positions": [' + "{}," * 200_000, 1)
    problems = refused(text.encode())
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[0].message == "missing required field 'id'"
    assert problems[-1].message == TOO_MANY_PROBLEMS


def test_object_with_too_many_members():
    """An object with 100,000 members is refused as one problem at that object, not 100,000."""
    data = default_data()
    data["seminar"].update({f"extra-{n}": n for n in range(100_000)})
    (problem,) = refused(to_bytes(data))
    assert problem.path == ("seminar",)
    assert problem.message.startswith("the object has more than 1,000 members")


# -- files that change or cannot be read -----------------------------------------


def test_file_deleted_between_choosing_and_reading(tmp_path, monkeypatch):
    """A file removed after it was chosen (it still passed the size check) is reported as missing."""
    path = tmp_path / "vanishing.seminar.json"
    path.write_bytes(DEFAULT_BYTES)
    real_open = Path.open

    def open_after_deletion(self, *args, **kwargs):
        os.unlink(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_after_deletion)
    (problem,) = load_problems(path)
    assert problem.message == "no such file"


def test_file_changed_between_choosing_and_reading(tmp_path, monkeypatch):
    """A file cut short by another program after it was chosen is judged on what it then holds."""
    path = tmp_path / "rewritten.seminar.json"
    path.write_bytes(DEFAULT_BYTES)
    real_open = Path.open

    def open_after_rewrite(self, *args, **kwargs):
        os.truncate(self, len(DEFAULT_BYTES) // 3)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_after_rewrite)
    (problem,) = load_problems(path, located=True)
    assert "the file may be truncated" in problem.message


def test_folder_instead_of_a_file(tmp_path):
    """A folder given as the seminar file is one clear problem."""
    (problem,) = load_problems(tmp_path)
    assert problem.message == "this is a folder, not a file"


def test_file_without_read_permission(tmp_path, monkeypatch):
    """A file the user may not read is reported as such (simulated, so it also holds when run as root)."""
    path = tmp_path / "secret.seminar.json"
    path.write_bytes(DEFAULT_BYTES)

    def denied_open(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))

    monkeypatch.setattr(Path, "open", denied_open)
    (problem,) = load_problems(path)
    assert problem.message == "permission denied: the file cannot be read"


def test_named_pipe_is_refused_without_waiting(tmp_path):
    """A named pipe with nothing writing to it is refused at once instead of blocking the app."""
    import os

    from desktop_app.model.format.loader import load
    from desktop_app.model.format.problems import DatasetError

    pipe = tmp_path / "pipe.seminar.json"
    os.mkfifo(pipe)
    with pytest.raises(DatasetError, match="not an ordinary file"):
        load(pipe)
