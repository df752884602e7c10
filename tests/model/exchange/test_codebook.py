"""The REFI-QDA codebook file (.qdc): the themes with their definitions, shared across tools."""

from __future__ import annotations

import pytest

from desktop_app.model.exchange.codebook import codebook_xml, new_themes, read_codebook
from desktop_app.model.exchange.guids import Guids
from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Theme
from desktop_app.model.importers.common import ImportFailed
from tests.factories import debate, to_bytes


def _debate():
    data = debate()
    data["themes"][1] |= {"definition": "Who pays, and how much.", "anchors": {"1": "Costs are bearable.", "-2": "Ruinous."}}
    return load_bytes(to_bytes(data), "debate.seminar.json")


def test_a_codebook_written_here_reads_back_with_definitions_and_anchors():
    dataset = _debate()
    data = codebook_xml(list(dataset.themes), dataset.seminar.scale, Guids(dataset.model))
    assert data.startswith(b"<?xml") and b'xmlns="urn:QDA-XML:codebook:1.0"' in data
    themes = read_codebook(data, "debate.qdc")
    assert [t.label for t in themes] == ["Emissions", "Costs to business", "Enforcement"]
    costs = themes[1]
    assert (costs.definition, costs.anchors) == ("Who pays, and how much.", {"1": "Costs are bearable.", "-2": "Ruinous."})
    assert themes[0].description == "Effect on air quality."


def test_importing_into_a_seminar_adds_only_the_themes_it_lacks():
    dataset = _debate()
    themes = read_codebook(codebook_xml(list(dataset.themes), dataset.seminar.scale, Guids(dataset.model)))
    existing = [Theme(id="costs", label="costs to business", order=1)]
    added, present = new_themes(themes, existing)
    assert [t.label for t in added] == ["Emissions", "Enforcement"] and present == ["Costs to business"]
    assert [t.order for t in added] == [2, 3] and "costs" not in {t.id for t in added}


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', "holds no code"),
        (b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', "not a REFI-QDA codebook"),
        (b"<CodeBook", "not well-formed"),
    ],
)
def test_a_file_that_is_no_codebook_is_refused_plainly(data, words):
    with pytest.raises(ImportFailed, match=words):
        read_codebook(data, "bad.qdc")
