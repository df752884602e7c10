"""Search folding: letters Unicode gives no accent-free form are matched as their base letters."""

from __future__ import annotations

import pytest

from desktop_app.presentation.search import FoldedText, find_in
from desktop_app.presentation.wording import fold


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("lukasz", "Łukasz"),  # Polish Ł ł
        ("lodz", "Łódź"),
        ("soren", "Søren"),  # Danish, Norwegian Ø ø
        ("dorde", "Đorđe"),  # Croatian Đ đ
        ("gudrun", "Guðrún"),  # Icelandic ð
        ("strasse", "Straße"),  # German ß
        ("aero", "Ærø"),  # Æ æ
        ("oeuvre", "Œuvre"),  # Œ œ
        ("thor", "Þór"),  # Icelandic Þ þ
        ("isik", "Işık"),  # Turkish dotless ı
        ("hamrun", "Ħamrun"),  # Maltese Ħ ħ
        ("zurich", "Zürich"),  # an ordinary accent
    ],
)
def test_a_reader_typing_base_letters_finds_the_name(typed, written):
    """Typing the base letters finds a name written with a letter that has no accent-free form."""
    assert fold(typed) in fold(written)
    assert find_in(f"Speaker: {written}.", typed) == [(9, 9 + len(written))]


def test_a_match_is_placed_on_the_original_letters_even_when_folding_changes_lengths():
    """A match after an ß and an Æ still highlights exactly the word the reader looked for."""
    text = "Die Straße nach Ærøskøbing führt zu Łukasz."
    start, end = find_in(text, "lukasz")[0]
    assert text[start:end] == "Łukasz"
    start, end = find_in(text, "aeroskobing")[0]
    assert text[start:end] == "Ærøskøbing"


def test_every_word_of_a_search_is_found_wherever_it_occurs():
    """Each word of a two-word search is found at every place, in text order."""
    found = FoldedText("Ana met Ben; Ben met Ana.").find(["ana", "ben"])
    assert found == [(0, 3), (8, 11), (13, 16), (21, 24)]
