"""REFI-QDA projects made into seminars: our own export comes back exactly; another tool's as far as the model holds."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop_app.model.exchange.qdpx_export import qdpx_bytes
from desktop_app.model.exchange.qdpx_import import SeveralSources, import_project
from desktop_app.model.format.loader import from_model, load_bytes
from desktop_app.model.importers.common import ImportFailed
from tests.factories import debate, to_bytes

from .foreign_project import INTERVIEW, write_empty_project, write_foreign_project


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _rewritten(path: Path, change) -> Path:
    """The QDPX at ``path`` with its project.qde passed through ``change`` (bytes to bytes), its other members dropped by None."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members = change(members)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _reading(dataset):
    """What must survive: speakers, themes, and each position's speaker, theme, stance, kind, excerpt, summary, note."""
    speakers = [(s.name, s.role, s.affiliation or "") for s in dataset.speakers]
    themes = [t.label for t in dataset.themes]
    positions = sorted(
        (dataset.speaker(p.speaker).name, dataset.theme(p.theme).label, p.stance, p.kind, p.excerpt, p.summary, p.note)
        for p in dataset.positions
    )
    return speakers, themes, positions


def _round_trip(dataset, tmp_path):
    path = tmp_path / "out.qdpx"
    path.write_bytes(qdpx_bytes(dataset.model, dataset.spans))
    return from_model(import_project(path).model)


def test_our_own_export_comes_back_exactly(tmp_path):
    """The debate, one position awaiting a stance and one with a coder's note, survives the round trip."""
    data = debate()
    data["positions"][1] |= {"stance": None, "summary": ""}
    data["positions"][2]["note"] = "Conceded in passing.\nSecond line."
    dataset = load_bytes(to_bytes(data), "debate.seminar.json")
    back = _round_trip(dataset, tmp_path)
    assert _reading(back) == _reading(dataset)
    assert [p.stance for p in back.awaiting] == [None]


def test_the_default_seminar_comes_back_exactly(default_dataset, tmp_path):
    """All 50 positions of the shipped seminar, with the chair who coded none."""
    back = _round_trip(default_dataset, tmp_path)
    assert _reading(back) == _reading(default_dataset)
    assert back.seminar.question == default_dataset.seminar.question
    assert back.chair.name == default_dataset.chair.name  # ids are made afresh from the names


def test_another_tools_project_imports_with_a_queue_awaiting_a_stance(tmp_path):
    """Cases become speakers, top-level codes themes, coded selections positions awaiting a stance; the rest is listed."""
    imported = import_project(write_foreign_project(tmp_path / "port.qdpx"), source="Interview 1")
    model = imported.model
    assert [(s.name, s.role.value) for s in model.speakers] == [("Mira Holm", "witness"), ("Jonas Berg", "panellist")]
    assert [t.label for t in model.themes] == ["Economy", "Security"]
    assert imported.awaiting == len(model.positions) == 4
    tariffs = next(p for p in model.positions if p.excerpt.startswith("Tariffs"))
    assert (tariffs.speaker, tariffs.theme, tariffs.note) == ("mira-holm", "economy", "Check the steel figures with the port authority.")
    naval = next(p for p in model.positions if "naval" in p.excerpt)
    start = INTERVIEW.index(naval.excerpt)
    assert model.seminar.source.text[start:start + len(naval.excerpt)] == naval.excerpt  # code points, not UTF-16
    said = " | ".join(imported.left_out)
    for expected in ("Field notes", "1 PDF source", "1 set", "1 graph", "'Age'"):
        assert expected in said
    dataset = from_model(model)
    assert all(metrics.n == 0 for metrics in dataset.analysis.themes.values())  # nothing counted until rated


def test_a_deeper_level_of_the_codebook_can_be_the_themes(tmp_path):
    """At level 2, Trade is a theme: the Tariffs selection counts for Trade, its parent at that level."""
    imported = import_project(write_foreign_project(tmp_path / "port.qdpx"), source="Interview 1", level=2)
    assert "Trade" in [t.label for t in imported.model.themes]
    tariffs = next(p for p in imported.model.positions if p.excerpt.startswith("Tariffs"))
    assert tariffs.theme == "trade"


def test_several_text_sources_need_a_choice_and_the_names_are_listed(tmp_path):
    path = write_foreign_project(tmp_path / "port.qdpx")
    with pytest.raises(SeveralSources) as raised:
        import_project(path)
    assert raised.value.names == ["Interview 1", "Field notes"] and "--source NAME" in str(raised.value)
    notes = import_project(path, source="Field notes")
    assert notes.model.seminar.source.text.startswith("Field notes:") and notes.model.positions == []


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (write_empty_project, "holds no text source"),
        (lambda path: _written(path, b"not a zip at all"), "not a zip archive"),
    ],
)
def test_a_project_with_nothing_importable_is_refused_in_one_sentence(tmp_path, make, words):
    with pytest.raises(ImportFailed, match=words) as raised:
        import_project(make(tmp_path / "bad.qdpx"))
    assert "\n" not in str(raised.value)


def test_entities_and_zip_bombs_are_refused(tmp_path):
    """A DOCTYPE with entities is refused unparsed; a member that expands thousands of times is refused unread."""
    entities = tmp_path / "entities.qdpx"
    with zipfile.ZipFile(entities, "w") as archive:
        archive.writestr("project.qde", '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Project name="x">&a;</Project>')
    with pytest.raises(ImportFailed, match="entities"):
        import_project(entities)
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
        archive.writestr("sources/big.txt", b"\0" * (64 * 1024 * 1024))
    with pytest.raises(ImportFailed, match="zip bomb"):
        import_project(bomb)


def test_a_selection_outside_the_text_is_listed_not_imported(tmp_path):
    """Offsets past the end of the text are named in what was left out; the other selections come in."""
    excerpt = "Tariffs on steel will hurt the port within a year"
    end = f'endPosition="{INTERVIEW.index(excerpt) + len(excerpt)}"'.encode()

    def stretched(members):
        assert end in members["project.qde"]
        return members | {"project.qde": members["project.qde"].replace(end, b'endPosition="99999"', 1)}

    path = _rewritten(write_foreign_project(tmp_path / "port.qdpx"), stretched)
    imported = import_project(path, source="Interview 1")
    assert any("fall outside the text" in item for item in imported.left_out)
    assert len(imported.model.positions) == 3


def test_a_missing_source_file_is_named(tmp_path):
    """A text source whose file is not in sources/ is refused with its name and the file it needs."""
    path = _rewritten(
        write_foreign_project(tmp_path / "port.qdpx"),
        lambda members: {name: data for name, data in members.items() if not name.endswith(".txt")},
    )
    with pytest.raises(ImportFailed, match="missing from the project's sources folder"):
        import_project(path, source="Interview 1")


def test_the_codebook_comes_back_with_descriptions_definitions_and_anchors(tmp_path):
    """A theme's description, definition and per-step anchors survive the project round trip."""
    data = debate()
    data["themes"][0] |= {"definition": "Any claim about air quality.", "anchors": {"2": "Clean air soon.", "-2": "Dirtier air."}}
    dataset = load_bytes(to_bytes(data), "debate.seminar.json")
    back = _round_trip(dataset, tmp_path)
    (emissions,) = [theme for theme in back.themes if theme.label == "Emissions"]
    assert (emissions.description, emissions.definition) == ("Effect on air quality.", "Any claim about air quality.")
    assert emissions.anchors == {"2": "Clean air soon.", "-2": "Dirtier air."}


def test_without_cases_speaker_labels_in_the_text_give_speakers_turns_and_each_selection_its_speaker(tmp_path):
    """A project whose interview has no cases: "NAME:" labels make the speakers, and a selection goes to its turn's."""
    text = (
        "Mira Holm: Tariffs will hurt the port.\nJonas Berg: The deal protects us.\nMira Holm: Watch the navy.\n"
        "Jonas Berg: Agreed.\nChair: Thank you.\n"
    )
    selections = ""
    for number, excerpt in enumerate(("Tariffs will hurt the port", "The deal protects us", "Watch the navy"), start=1):
        start = text.index(excerpt)
        selections += (
            f'<PlainTextSelection guid="20000000-0000-4000-8000-00000000000{number}" startPosition="{start}" '
            f'endPosition="{start + len(excerpt)}"><Coding guid="21000000-0000-4000-8000-00000000000{number}">'
            '<CodeRef targetGUID="22000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>'
        )
    project = (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Labels">'
        '<CodeBook><Codes><Code guid="22000000-0000-4000-8000-000000000001" name="Port" isCodable="true"/></Codes></CodeBook>'
        f'<Sources><TextSource guid="23000000-0000-4000-8000-000000000001" name="Talk"><PlainTextContent>{text}</PlainTextContent>'
        f"{selections}</TextSource></Sources></Project>"
    )
    path = tmp_path / "labels.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", project)
    imported = import_project(path)
    model = imported.model
    assert [s.name for s in model.speakers] == ["Mira Holm", "Jonas Berg"] and len(model.seminar.source.turns) == 4
    assert any("seen only once" in item and "Chair" in item for item in imported.left_out)
    assert [p.speaker for p in model.positions] == ["mira-holm", "jonas-berg", "mira-holm"]
