"""Loading seminar files: good ones open, broken ones list every problem with its place."""

import codecs

import pytest

from desktop_app.model.format.excerpts import ExcerptFinder
from desktop_app.model.format.loader import dumps, from_model, load, load_bytes
from desktop_app.model.format.problems import DatasetError
from desktop_app.model.format.schema import Role
from tests.factories import DEBATE_SOURCE, debate, to_bytes


def problems_of(data: bytes) -> list:
    with pytest.raises(DatasetError) as caught:
        load_bytes(data, "broken.json")
    assert caught.value.problems, "a DatasetError always carries at least one problem"
    return list(caught.value.problems)


def messages(problems) -> str:
    return "\n".join(str(problem) for problem in problems)


# -- good files ---------------------------------------------------------------


def test_debate_in_its_own_words_loads(tmp_path):
    """Another kind of event (a debate, with proposer and opposer) is expressed in the same format."""
    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate()))
    dataset = load(path)
    assert dataset.seminar.scale.positive == "support"
    assert [s.role for s in dataset.speakers] == [Role.CHAIR, Role.PROPOSER, Role.OPPOSER]
    assert [p.id for p in dataset.positions_of("obi")] == ["obi-emissions", "obi-enforcement"]
    assert dataset.name == "debate.seminar.json"


def test_excerpt_with_different_white_space_is_found_at_its_original_offsets():
    """An excerpt whose spaces differ from the source still matches, and its span is in the source."""
    dataset = load_bytes(to_bytes(debate()))
    span = dataset.spans["obi-enforcement"]
    assert DEBATE_SOURCE[span.start : span.end] == "the inspectorate is underfunded"


def test_excerpt_across_a_line_break():
    """A span that crosses a line break in the source covers the break."""
    finder = ExcerptFinder("one two\n\n   three four")
    span = finder.find("two three")
    assert (span.start, span.end) == (4, 17)
    assert finder.find("four five") is None


def test_utf8_byte_order_mark_is_accepted():
    """A file saved by an editor that writes a UTF-8 BOM still opens."""
    dataset = load_bytes(codecs.BOM_UTF8 + to_bytes(debate()))
    assert dataset.seminar.title.startswith("Second reading")


def test_saved_text_loads_back_identically(default_dataset):
    """Writing a dataset out and reading it back gives the same seminar."""
    again = load_bytes(dumps(default_dataset.model).encode("utf-8"))
    assert again.model == default_dataset.model


def test_model_built_in_code_is_checked_like_a_file():
    """A dataset built from a model in code is refused when a position names an unknown speaker."""
    good = load_bytes(to_bytes(debate())).model
    broken = good.model_copy(update={"positions": [*good.positions, good.positions[0].model_copy(update={"id": "x", "speaker": "nobody"})]})
    with pytest.raises(DatasetError) as caught:
        from_model(broken)
    assert "positions[3].speaker: unknown speaker 'nobody'" in messages(caught.value.problems)


# -- broken files ---------------------------------------------------------------


def test_not_json_at_all():
    """Plain text is reported as invalid JSON at line 1, column 1."""
    (problem,) = problems_of(b"this is not a seminar")
    assert problem.message.startswith("not valid JSON")
    assert (problem.line, problem.column) == (1, 1)


def test_truncated_json_says_it_may_be_truncated():
    """A file cut off half way says where it ends and that it may be truncated."""
    data = to_bytes(debate())
    (problem,) = problems_of(data[: len(data) // 2])
    assert "truncated" in problem.message
    assert problem.line is not None and problem.line > 1


def test_empty_file():
    """An empty file says it is empty."""
    assert [p.message for p in problems_of(b"  \n")] == ["the file is empty"]


def test_top_level_must_be_an_object():
    """A JSON array is not a seminar file."""
    (problem,) = problems_of(b"[1, 2]")
    assert "must hold a JSON object, not an array" in problem.message


def test_other_encodings_are_refused_clearly():
    """UTF-16 and Latin-1 files are refused with a message naming the encoding problem."""
    (utf16,) = problems_of(to_bytes(debate()).decode("utf-8").encode("utf-16"))
    assert "UTF-16" in utf16.message
    latin = to_bytes({"format": "seminar-lens/1", "x": "café"}).replace("é".encode(), "é".encode("latin-1"))
    (problem,) = problems_of(latin)
    assert "not valid UTF-8" in problem.message
    assert problem.line == 3


def test_wrong_format_version():
    """A file from a future version names the version it has and the one this app reads."""
    data = debate()
    data["format"] = "seminar-lens/9"
    text = messages(problems_of(to_bytes(data)))
    assert "format (line 2, column 13): format 'seminar-lens/9' is not one this version reads" in text


def test_wrong_types_each_reported_with_path_and_line():
    """Several fields of the wrong type are all reported, each at its own path and line."""
    data = debate()
    data["themes"][1]["label"] = 42
    data["positions"][0]["stance"] = "high"
    data["positions"][1]["stance"] = 3
    data["speakers"][2]["role"] = "heckler"
    data["seminar"]["date"] = "5 March"
    problems = problems_of(to_bytes(data))
    by_path = {p.location.split(" (")[0]: p for p in problems}
    assert set(by_path) >= {
        "themes[1].label",
        "positions[0].stance",
        "positions[1].stance",
        "speakers[2].role",
        "seminar.date",
    }
    assert all(p.line is not None for p in problems)
    assert "(found 3)" in by_path["positions[1].stance"].message
    assert '"heckler"' in by_path["speakers[2].role"].message
    # problems come in the order they appear in the file
    lines = [p.line for p in problems]
    assert lines == sorted(lines)


def test_missing_and_unknown_fields():
    """A missing required field and an unexpected one are both named."""
    data = debate()
    del data["themes"][0]["label"]
    data["speakers"][1]["colour"] = "green"
    text = messages(problems_of(to_bytes(data)))
    assert "themes[0].label (line" in text and "missing required field 'label'" in text
    assert "unknown field 'colour'" in text


def test_dangling_references_and_duplicates_reported_together():
    """Unknown speakers and themes, a chair who is not a speaker and duplicate ids: all at once."""
    data = debate()
    data["positions"][0]["speaker"] = "ghost"
    data["positions"][1]["theme"] = "weather"
    data["seminar"]["chair"] = "nobody"
    data["themes"][2]["id"] = "costs"
    data["positions"][2]["id"] = "obi-emissions"
    problems = problems_of(to_bytes(data))
    text = messages(problems)
    assert "positions[0].speaker" in text and "unknown speaker 'ghost'" in text
    assert "positions[1].theme" in text and "unknown theme 'weather'" in text
    assert "seminar.chair" in text and "the chair 'nobody' is not one of the speakers" in text
    assert "themes[2].id" in text and "duplicate id 'costs' (already used by themes[1])" in text
    assert "positions[2].id" in text and "duplicate id 'obi-emissions'" in text
    # renaming the third theme leaves the position on it pointing nowhere: reported too
    assert "positions[2].theme" in text and "unknown theme 'enforcement'" in text
    assert len(problems) == 6


def test_excerpt_not_in_source_says_where_it_departs():
    """An excerpt that is not in the report is reported at its path, with where it stops matching."""
    data = debate()
    data["positions"][0]["excerpt"] = "the bill will cut emissions within ten years"
    (problem,) = problems_of(to_bytes(data))
    assert problem.location.startswith("positions[0].excerpt (line")
    assert "does not occur in the source text" in problem.message
    assert "'ten years'" in problem.message or '"ten years"' in problem.message


def test_schema_and_reference_problems_are_reported_together():
    """A type error in one place does not hide a dangling reference in another."""
    data = debate()
    data["themes"][0]["order"] = "first"
    data["positions"][1]["speaker"] = "ghost"
    text = messages(problems_of(to_bytes(data)))
    assert "themes[0].order" in text and "unknown speaker 'ghost'" in text


def test_missing_file_and_folder(tmp_path):
    """A path that does not exist, or is a folder, is one clear problem."""
    with pytest.raises(DatasetError, match="no such file"):
        load(tmp_path / "absent.json")
    with pytest.raises(DatasetError, match="folder"):
        load(tmp_path)


def test_bad_ids_are_explained():
    """An id with capitals and spaces is refused with the rule for ids."""
    data = debate()
    data["speakers"][1]["id"] = "Ada Obi"
    text = messages(problems_of(to_bytes(data)))
    assert "speakers[1].id" in text and "not a valid id" in text
