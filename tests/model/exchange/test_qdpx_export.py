"""The REFI-QDA project written for a seminar: valid against Project.xsd, and free of the known pitfalls."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
import xmlschema

from desktop_app.model.exchange.qdpx_export import project_xml, qdpx_bytes
from desktop_app.model.format.loader import from_model, load_bytes
from tests.factories import debate, to_bytes
from tests.synthetic.generator import generate

SCHEMA = Path(__file__).parents[2] / "data" / "refi" / "Project.xsd"
NS = "{urn:QDA-XML:project:1.0}"


@cache
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


def _dataset(text_change=None):
    data = debate()
    if text_change:
        text_change(data)
    return load_bytes(to_bytes(data), "debate.seminar.json")


def _selections(xml: bytes):
    import xml.etree.ElementTree as ET

    return list(ET.fromstring(xml).iter(f"{NS}PlainTextSelection"))


def test_the_default_seminars_project_validates_against_the_schema(default_dataset):
    """project.qde of the shipped seminar is valid REFI-QDA 1.0."""
    xml, _name = project_xml(default_dataset.model, default_dataset.spans)
    schema().validate(xml.decode("utf-8"))


@pytest.mark.slow
def test_a_500_speaker_seminars_project_validates_against_the_schema():
    """A synthetic 500-speaker, 10,000-position seminar's project is valid too."""
    dataset = from_model(generate(speakers=500, themes=40, positions=10_000, seed=3))
    xml, _name = project_xml(dataset.model, dataset.spans)
    schema().validate(xml.decode("utf-8"))
    assert len(_selections(xml)) == 10_000


def test_the_archive_has_a_lower_case_sources_folder_and_no_byte_order_mark():
    """project.qde starts with ``<?xml`` (no BOM) and the text sits in ``sources/`` referenced as internal://."""
    dataset = _dataset()
    with zipfile.ZipFile(io.BytesIO(qdpx_bytes(dataset.model, dataset.spans))) as archive:
        names = archive.namelist()
        project = archive.read("project.qde")
        assert project.startswith(b"<?xml")
        (text_name,) = [name for name in names if name != "project.qde"]
        assert text_name.startswith("sources/") and text_name.endswith(".txt")
        assert archive.read(text_name).decode("utf-8") == dataset.seminar.source.text
    assert f'plainTextPath="internal://{text_name.removeprefix("sources/")}"'.encode() in project


def test_offsets_count_code_points_and_keep_the_texts_line_endings():
    """With an emoji and CRLF before an excerpt, its selection's offsets slice exactly that excerpt out of the text."""

    def awkward(data):
        source = data["seminar"]["source"]
        source["text"] = "Opening \U0001f3db\U0001f3db remarks.\r\n\r\n" + source["text"].replace("\n", "\r\n")

    dataset = _dataset(awkward)
    xml, _name = project_xml(dataset.model, dataset.spans)
    text = dataset.seminar.source.text
    by_name = {selection.get("name"): selection for selection in _selections(xml)}
    for position in dataset.positions:
        selection = by_name[position.excerpt]
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert " ".join(text[start:end].split()) == " ".join(position.excerpt.split())
    assert "\r\n" in text  # written as held: the offsets and the file agree


def test_guids_are_the_same_in_two_exports_and_differ_between_entries():
    """Exporting twice gives byte-identical projects; every GUID is distinct."""
    import re

    dataset = _dataset()
    first, _ = project_xml(dataset.model, dataset.spans)
    second, _ = project_xml(_dataset().model, dataset.spans)
    assert first == second
    guids = re.findall(rb' guid="([^"]+)"', first)
    assert len(guids) == len(set(guids)) > 10


def test_a_stance_arrives_as_a_sub_code_named_in_the_scale_words():
    """Each theme code has five child codes; the debate's are named with its own poles."""
    import xml.etree.ElementTree as ET

    dataset = _dataset()
    xml, _ = project_xml(dataset.model, dataset.spans)
    codes = ET.fromstring(xml).find(f"{NS}CodeBook").find(f"{NS}Codes")
    emissions = codes.find(f"{NS}Code")
    assert emissions.get("name") == "Emissions"
    assert [child.get("name") for child in emissions.findall(f"{NS}Code")] == [
        "+2 strong support", "+1 support", "0 undecided", "-1 opposition", "-2 strong opposition",
    ]


def test_the_fast_guids_are_the_standard_name_based_uuids():
    """The GUID maker gives exactly uuid.uuid5 of the seminar's space and the entry's name."""
    import uuid

    from desktop_app.model.exchange.guids import _uuid5

    space = uuid.UUID("12345678-1234-5678-1234-567812345678")
    for name in ("speaker:obi", "theme:qualit\u00e9", "step:costs:-2", ""):
        assert _uuid5(space.bytes, name) == str(uuid.uuid5(space, name))
