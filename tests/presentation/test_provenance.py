"""The brief's provenance: who coded the positions and who wrote the judgements, as the file says."""

from __future__ import annotations

from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.provenance import coding_credit, is_shipped, judgements_credit
from tests.factories import panel, to_bytes


def _with_brief(preparer: str | None = None):
    data = panel()
    data["brief"] = {"bottom_line": "Holds.", "key_judgements": [{"text": "Energy binds.", "positions": ["ana-energy"]}]}
    if preparer:
        data["brief"]["preparer"] = preparer
    return load_bytes(to_bytes(data), "panel.seminar.json")


def test_a_named_preparer_is_credited_with_the_coding_and_the_judgements():
    dataset = _with_brief("A. Analyst, Test Desk")
    assert coding_credit(dataset, "A. Analyst, Test Desk") == "Positions coded by A. Analyst, Test Desk."
    assert "written by A. Analyst, Test Desk" in judgements_credit(dataset, "A. Analyst, Test Desk", drafted=False)


def test_an_unnamed_coder_is_the_analyst_and_never_the_default_coding():
    """A file of the user's own that names nobody is "the analyst's coding", not the application's."""
    dataset = _with_brief()
    assert not is_shipped(dataset)
    assert coding_credit(dataset, None).startswith("Positions are the analyst\u2019s coding")
    assert "default coding" not in coding_credit(dataset, None) + judgements_credit(dataset, None, drafted=False)
    assert judgements_credit(dataset, None, drafted=False).endswith("are the analyst\u2019s, as recorded in the seminar file.")


def test_the_shipped_seminar_is_credited_to_the_default_coding_and_not_to_an_analyst(default_dataset):
    """The default seminar names its coding as the application's, and its judgements as written with that coding."""
    assert is_shipped(default_dataset)
    brief = default_dataset.model.brief
    preparer = brief.preparer if brief else None
    coding = coding_credit(default_dataset, preparer)
    judgements = judgements_credit(default_dataset, preparer, drafted=False)
    assert coding == "Positions coded with Seminar Lens\u2019s default coding, which ships with the application."
    assert "analyst" not in coding + judgements
    assert "written with the default coding" in judgements


def test_drafted_judgements_are_said_to_be_the_applications_whoever_coded():
    dataset = _with_brief("A. Analyst")
    assert "drafted by the application from the coding and have not been reviewed" in judgements_credit(
        dataset, "A. Analyst", drafted=True
    )
