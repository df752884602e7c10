"""The file format's schema: strict where it matters, and the copy kept in data/ is current."""

import json

import pytest
from pydantic import ValidationError

from desktop_app.assets import SCHEMA_FILE, data_path
from desktop_app.model.format.schema import Position, Scale, Seminar, SeminarFile, json_schema
from tests.factories import debate


def test_schema_in_data_folder_is_current():
    """The JSON Schema kept in data/ is what the models generate (regenerate with --schema)."""
    kept = json.loads(data_path(SCHEMA_FILE).read_text(encoding="utf-8"))
    assert kept == json.loads(json.dumps(json_schema())), (
        "data/schema is stale: run  seminar-lens --schema > data/schema/seminar-lens-2.schema.json"
    )


def test_schema_documents_every_field():
    """Every property of every model in the schema carries a description or a documented type."""
    schema = json_schema()
    for name, definition in schema["$defs"].items():
        if "properties" not in definition:
            continue
        assert definition.get("description"), f"{name} has no description"
        for field, spec in definition["properties"].items():
            if field == "id":
                continue
            assert spec.get("description"), f"{name}.{field} has no description"


@pytest.mark.parametrize("stance", [3, -3, 1.5, True, "1"])
def test_stance_must_be_a_whole_number_from_minus_two_to_two(stance):
    """Stances outside -2…+2, fractional, boolean or textual are refused."""
    data = debate()["positions"][0] | {"stance": stance}
    with pytest.raises(ValidationError):
        Position.model_validate(data)


def test_a_position_may_await_a_stance_with_no_summary_yet():
    """``"stance": null`` is a position awaiting a stance; its summary may still be empty."""
    data = debate()["positions"][0] | {"stance": None, "summary": ""}
    assert Position.model_validate(data).stance is None


def test_the_stance_key_is_still_required():
    """Awaiting is said with an explicit null: a position without the key is refused, as before."""
    data = dict(debate()["positions"][0])
    del data["stance"]
    with pytest.raises(ValidationError, match="stance"):
        Position.model_validate(data)


def test_a_rated_position_needs_a_summary():
    """Once a position has a stance, a blank summary is refused with a message that says why."""
    data = debate()["positions"][0] | {"summary": "  "}
    with pytest.raises(ValidationError, match="once the position has a stance"):
        Position.model_validate(data)


@pytest.mark.parametrize("bad_id", ["", "Rumer", "two words", "-lead", "trail-", "a--b", "x" * 65])
def test_ids_must_be_slugs(bad_id):
    """Ids are lower-case words joined by single hyphens or underscores."""
    data = debate()["positions"][0] | {"id": bad_id}
    with pytest.raises(ValidationError):
        Position.model_validate(data)


@pytest.mark.parametrize("field", ["summary", "excerpt"])
def test_blank_text_is_refused(field):
    """A position must say something: a blank summary or excerpt is refused."""
    data = debate()["positions"][0] | {field: "   "}
    with pytest.raises(ValidationError):
        Position.model_validate(data)


def test_names_are_single_lines_without_control_characters():
    """A title with a line break or a control character is refused; long text may have newlines."""
    seminar = debate()["seminar"]
    with pytest.raises(ValidationError):
        Seminar.model_validate(seminar | {"title": "Two\nlines"})
    with pytest.raises(ValidationError):
        Seminar.model_validate(seminar | {"title": "Bell\x07"})
    assert Seminar.model_validate(seminar | {"summary": "Para one.\n\nPara two."}).summary.count("\n") == 2


def test_unknown_fields_are_refused_at_every_level():
    """A misspelt field name is an error, not silently ignored."""
    data = debate()
    data["seminar"]["source"]["autor"] = "x"
    with pytest.raises(ValidationError, match="autor"):
        SeminarFile.model_validate(data)


def test_dates_must_be_iso_strings():
    """A date written as a number is refused even though it could be read as a timestamp."""
    with pytest.raises(ValidationError):
        Seminar.model_validate(debate()["seminar"] | {"date": 1614902400})


def test_scale_defaults_to_convergence_and_divergence():
    """A seminar that names no scale reads stances as convergence and divergence."""
    seminar = debate()["seminar"]
    del seminar["scale"]
    assert Seminar.model_validate(seminar).scale == Scale(negative="divergence", positive="convergence")
