"""Suggested export names: a slug of the title, in the open file's folder or the home folder."""

import os

from desktop_app.model.format.loader import load, load_bytes
from desktop_app.report.naming import slug, suggested_name, suggested_path
from tests.factories import debate, to_bytes


def test_slug_of_a_title():
    """Titles become short lower-case ASCII names: accents dropped, punctuation turned to single hyphens."""
    assert slug("Will the China\u2013Russia relationship hold?") == "will-the-china-russia-relationship-hold"
    assert slug("Zürich: <b>Zoning</b> & co") == "zurich-b-zoning-b-co"
    assert slug("\u4e2d\u6587") == ""
    assert len(slug("word " * 40)) <= 60


def test_default_seminar_is_exported_to_the_home_folder(default_dataset, private_home):
    """The bundled seminar's folder belongs to the application, so the suggestion is in the home folder."""
    path = suggested_path(default_dataset, ".pdf")
    assert path.parent == private_home
    assert path.name == "will-the-china-russia-relationship-hold-understanding.pdf"


def test_a_users_file_is_exported_beside_it(tmp_path):
    """A seminar opened from the user's folder gets its exports suggested in that folder."""
    source = tmp_path / "debate.seminar.json"
    source.write_bytes(to_bytes(debate()))
    dataset = load(source)
    assert suggested_path(dataset, ".csv") == tmp_path / "second-reading-the-clean-air-bill.csv"
    assert suggested_name(dataset, ".pdf", "obi") == "second-reading-the-clean-air-bill-ada-obi.pdf"


def test_a_title_with_no_latin_letters_still_gets_a_name(private_home):
    """A title that slugs to nothing falls back to a plain name."""
    data = debate()
    data["seminar"]["title"] = "\u4e2d\u6587"
    dataset = load_bytes(to_bytes(data))
    assert suggested_path(dataset, ".pdf") == private_home / "seminar.pdf"


def test_a_read_only_folder_sends_the_suggestion_home(tmp_path, private_home, monkeypatch):
    """When the file's folder is not writable, the suggestion is in the home folder instead."""
    source = tmp_path / "debate.seminar.json"
    source.write_bytes(to_bytes(debate()))
    dataset = load(source)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert suggested_path(dataset, ".pdf").parent == private_home
