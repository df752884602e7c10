"""The default seminar taken as it stands: the same models a full check builds, and a fall-back for anything else."""

import hashlib
import json
import subprocess
import sys

import pytest

from desktop_app.assets import DEFAULT_SEMINAR_SHA256
from desktop_app.model.format.loader import dumps, load, load_shipped
from desktop_app.model.format.problems import DatasetError
from desktop_app.model.format.schema import SeminarFile
from desktop_app.model.format.trusted import NotTrusted, trusted_model
from tests.benchmarks.children import CHECKOUT
from tests.factories import city_panel, debate, debate_with_turns, markup_debate, panel, to_bytes, transport_panel


def _fields_set(model) -> object:
    """Every model's set fields, nested: what a save writes depends on them."""
    if isinstance(model, list):
        return [_fields_set(item) for item in model]
    if hasattr(model, "model_fields_set"):
        return (sorted(model.model_fields_set), {name: _fields_set(getattr(model, name)) for name in type(model).model_fields})
    return None


def _whole_second_times() -> dict:
    """The transcript with its times written as whole numbers, which a float field keeps as floats."""
    data = debate_with_turns()
    for turn in data["seminar"]["source"]["turns"]:
        turn["start_time"] = int(turn["start_time"])
    return data


def _same_models(trusted: SeminarFile, checked: SeminarFile) -> None:
    assert trusted == checked
    assert dumps(trusted) == dumps(checked), "the file it saves is byte for byte the same"
    assert _fields_set(trusted) == _fields_set(checked)


@pytest.mark.parametrize(
    "data",
    [debate(), debate_with_turns(), debate_with_turns(times=False), _whole_second_times(), markup_debate(), panel(),
     transport_panel(), city_panel()],
    ids=["debate", "turns", "turns-no-times", "whole-seconds", "markup", "panel", "transport", "city"],
)
def test_trusted_models_are_the_checked_ones(data):
    """Built from valid JSON without checks, the models equal those a full check builds, down to what a save writes."""
    raw = json.loads(to_bytes(data))
    _same_models(trusted_model(raw), SeminarFile.model_validate(raw))


def test_the_digest_recorded_is_that_of_the_shipped_seminar(default_path):
    """The window takes the default seminar as it stands only while its bytes are those recorded (and checked here)."""
    assert hashlib.sha256(default_path.read_bytes()).hexdigest() == DEFAULT_SEMINAR_SHA256, (
        "the default seminar changed: write its new sha256 as DEFAULT_SEMINAR_SHA256 in desktop_app/assets.py"
    )


def test_bytes_of_another_digest_are_checked_in_full(tmp_path):
    """A value of the right type but out of range is caught when the bytes are not the recorded ones."""
    data = debate()
    data["positions"][0]["stance"] = 7
    file = tmp_path / "shipped.seminar.json"
    file.write_bytes(to_bytes(data))
    with pytest.raises(DatasetError) as refused:
        load_shipped(file, hashlib.sha256(to_bytes(debate())).hexdigest())
    assert any("positions[0].stance" in str(problem) for problem in refused.value.problems)


def test_the_shipped_seminar_is_the_same_taken_as_it_stands(default_path):
    """The default seminar, taken as it stands, is the dataset a full load gives, excerpt places and all."""
    shipped, checked = load_shipped(default_path, DEFAULT_SEMINAR_SHA256), load(default_path)
    _same_models(shipped.model, checked.model)
    assert shipped.path == checked.path
    assert shipped.spans == checked.spans


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda data: data["positions"][0].update(stance="2"), "positions[0].stance"),
        (lambda data: data["speakers"][0].update(role="emperor"), "speakers[0].role"),
        (lambda data: data["themes"][0].update(colour="red"), "themes[0]"),
        (lambda data: data["seminar"].update(date=20210825), "seminar.date"),
    ],
    ids=["string-stance", "unknown-role", "unknown-field", "number-date"],
)
def test_data_of_the_wrong_type_is_not_taken_and_the_full_check_names_it(tmp_path, change, path):
    """A value not of its field's type is refused as it stands, and loading such a file reports it as a full load does."""
    data = debate()
    change(data)
    with pytest.raises(NotTrusted):
        trusted_model(json.loads(to_bytes(data)))
    file = tmp_path / "shipped.seminar.json"
    file.write_bytes(to_bytes(data))
    with pytest.raises(DatasetError) as refused:
        load_shipped(file, hashlib.sha256(file.read_bytes()).hexdigest())  # its own digest: it is tried as it stands
    assert any(path in str(problem) for problem in refused.value.problems), refused.value.problems


def test_the_shipped_seminar_is_taken_without_building_pydantic_validators():
    """In a fresh process, taking the default seminar as it stands builds no validator of any model; the full check then does."""
    script = (
        "from desktop_app.assets import DEFAULT_SEMINAR_SHA256, default_seminar_path\n"
        "from desktop_app.model.format.loader import load, load_shipped\n"
        "from desktop_app.model.format.schema import SeminarFile\n"
        "from pydantic import BaseModel\n"
        "load_shipped(default_seminar_path(), DEFAULT_SEMINAR_SHA256)\n"
        "def every(cls):\n"
        "    for sub in cls.__subclasses__():\n"
        "        yield sub\n"
        "        yield from every(sub)\n"
        "ours = {c for c in every(BaseModel) if c.__module__.startswith('desktop_app.')}\n"
        "built = sorted(c.__name__ for c in ours if type(c.__pydantic_validator__).__name__ != 'MockValSer')\n"
        "print(len(ours), built)\n"
        "load(default_seminar_path())\n"
        "print(type(SeminarFile.__pydantic_validator__).__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=CHECKOUT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = done.stdout.splitlines()[-2:]
    models, built = before.split(" ", 1)
    assert int(models) >= 10, before  # the format's models were all imported by then
    assert built == "[]", f"validators built to take the shipped seminar: {built}"
    assert after == "SchemaValidator"
