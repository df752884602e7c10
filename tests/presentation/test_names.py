"""Short names and initials for names from many traditions: particles kept, brackets never cut, one script."""

from __future__ import annotations

import pytest

from desktop_app.presentation.names import CJK_FROM, distinct_initials, initials, short_name

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
