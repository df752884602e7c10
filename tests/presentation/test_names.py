"""Short names and initials for names from many traditions: particles kept, brackets never cut, one script."""

from __future__ import annotations

import pytest

from desktop_app.model.format.schema import Speaker
from desktop_app.presentation.names import (
    CJK_FROM,
    distinct_initials,
    initials,
    initials_by_id,
    short_name,
    speaker_short_name,
)

NAMES = [
    # name, short name, initials
    ("Sergey Radchenko", "Radchenko", "SR"),  # Russian, in Latin letters
    ("Сергей Радченко", "Радченко", "СР"),  # Russian, in Cyrillic
    ("Pieter de Vries", "de Vries", "PV"),  # Dutch
    ("Ludwig van der Berg", "van der Berg", "LB"),  # Dutch, two particles
    ("Ursula von der Leyen", "von der Leyen", "UL"),  # German
    ("Charles de Gaulle", "de Gaulle", "CG"),  # French
    ("Jean-Pierre Dupont", "Dupont", "JD"),  # French, hyphenated given name
    ("Luiz Inácio da Silva", "da Silva", "LS"),  # Portuguese
    ("Mohammed bin Salman", "bin Salman", "MS"),  # Arabic patronymic
    ("Ahmed al-Sayed", "al-Sayed", "AS"),  # Arabic article joined to the name
    ("Åsa Ågren", "Ågren", "ÅÅ"),  # Swedish
    ("Małgorzata Wiśniewska", "Wiśniewska", "MW"),  # Polish
    ("林美玲 (Lin Meiling)", "林美玲", "LM"),  # Chinese with its transliteration
    ("林美玲", "林美玲", "林美玲"),  # Chinese alone
    ("山田太郎", "山田太郎", "山田太郎"),  # Japanese
    ("김민준", "김민준", "김민준"),  # Korean
    ("Sukarno", "Sukarno", "Su"),  # Indonesian, one name
    ("Lord Bruce (of Bennachie)", "Bruce", "LB"),  # an aside in brackets after a Latin name
    ("NAGY Imre", "Nagy", "NI"),  # Hungarian, family name first, marked by capitals
    ("TANAKA Hiroshi", "Tanaka", "TH"),  # Japanese in Latin letters, family name first
    ("KIM Min-jun", "Kim", "KM"),  # Korean in Latin letters, hyphenated given name
    ("Imre Nagy", "Nagy", "IN"),  # the same Hungarian name in Western order
    ("Nguyễn Thị Minh Khai", "Khai", "NK"),  # Vietnamese: no marker, so derivation takes the last word
    ("Jan Kowalski", "Kowalski", "JK"),  # Polish
    ("Kofi A. Annan", "Annan", "KA"),  # Ghanaian, with a middle initial (a capital letter, not a family name)
    ("Gabriel García Márquez", "Márquez", "GM"),  # Spanish double surname: only the file can say "García Márquez"
]


@pytest.mark.parametrize(("name", "short", "letters"), NAMES, ids=[row[0] for row in NAMES])
def test_each_name_gets_its_short_name_and_initials(name, short, letters):
    """The short name keeps a surname's particles and never ends inside a bracket; initials are the name's own."""
    assert short_name(name) == short
    assert initials(name) == letters


@pytest.mark.parametrize("name", [row[0] for row in NAMES])
def test_initials_stay_in_one_script(name):
    """No initials mix CJK characters with Latin ones (the old ``林M``)."""
    letters = initials(name)
    cjk = [ord(character) >= CJK_FROM for character in letters]
    assert all(cjk) or not any(cjk), letters


def test_clashing_initials_are_lengthened_from_the_surname_then_numbered():
    """Two names with the same initials take the surname's next letters; names that still clash are numbered."""
    assert distinct_initials(["Ana Ames", "Anna Amber", "Ben Bly"]) == ["AAme", "AAmb", "BB"]
    assert distinct_initials(["林美玲 (Lin Meiling)", "Li Ming"]) == ["LMei", "LMin"]
    assert distinct_initials(["Ana Ames", "Ana Ames"]) == ["AAme", "AAme2"]
    assert distinct_initials(["林美玲", "林美玲"]) == ["林美玲", "林美玲2"]


def test_a_middle_name_does_not_lengthen_the_initials():
    """A matrix header and a chart block read the same: first and last names only (HB, not HCB)."""
    assert distinct_initials(["Hanna Carla Berg", "Pieter de Vries"]) == ["HB", "PV"]


def _speaker(name: str, id: str = "s", **fields) -> Speaker:
    return Speaker.model_validate({"id": id, "name": name, "role": "panellist", "order": 0, **fields})


def test_the_files_short_name_wins_over_derivation():
    """A name derivation gets wrong (a double surname, an unmarked family-first name) is put right by the file."""
    assert speaker_short_name(_speaker("Gabriel García Márquez")) == "Márquez"
    assert speaker_short_name(_speaker("Gabriel García Márquez", short_name="García Márquez")) == "García Márquez"
    assert speaker_short_name(_speaker("Nguyễn Thị Minh Khai", short_name="Nguyễn")) == "Nguyễn"


def test_the_files_initials_win_and_are_never_lengthened():
    """Initials the file gives are used as written; a derived name that clashes with them is the one lengthened."""
    speakers = [
        _speaker("Nguyễn Thị Minh Khai", "a", initials="NTK"),
        _speaker("林美玲 (Lin Meiling)", "b", initials="林"),
        _speaker("Pieter de Vries", "c", initials="PV"),
        _speaker("Paul Vance", "d"),
    ]
    assert initials_by_id(speakers) == {"a": "NTK", "b": "林", "c": "PV", "d": "PVan"}
    assert initials_by_id([_speaker("Nguyễn Thị Minh Khai", "a")]) == {"a": "NK"}


def test_a_family_name_in_capitals_is_the_surname_even_with_its_particle():
    """Capitals mark the family name wherever it stands; a whole name in capitals marks nothing."""
    assert short_name("Pieter DE VRIES") == "de Vries"
    assert short_name("SZENT-GYÖRGYI Albert") == "Szent-Györgyi"
    assert short_name("JOHN SMITH") == "SMITH"
    assert short_name("Pope Pius XII") == "XII"  # a numeral is not a family name in capitals
    assert distinct_initials(["NAGY Imre", "NAGY Ilona"]) == ["NImr", "NIlo"]  # lengthened from the given name, read last


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"initials": ""}, "at least 1"),
        ({"initials": "ABCDE"}, "at most 4"),
        ({"initials": "P V"}, "without spaces"),
        ({"short_name": "x" * 61}, "at most 60"),
        ({"short_name": "two\nlines"}, "single line"),
    ],
)
def test_short_name_and_initials_are_checked(fields, problem):
    """Initials take 1 to 4 characters without spaces; a short name is one short line."""
    with pytest.raises(ValueError, match=problem):
        _speaker("Pieter de Vries", **fields)


def test_a_speaker_without_the_fields_loads_as_before():
    """Both fields are optional, so files written before them load unchanged."""
    speaker = _speaker("Pieter de Vries")
    assert speaker.short_name is None and speaker.initials is None
    assert speaker_short_name(speaker) == "de Vries"
