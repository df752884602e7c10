"""What a speaker is called in passing: the short name a sentence uses, and initials for a chart block or a matrix header.

One set of rules for the window, the PDF and the CSV, so the same speaker is
never HB in one place and HCB in another.  Names from outside English keep
their shape: a particle stays with the surname (``de Vries``), a transliteration
in brackets is never cut (``林美玲 (Lin Meiling)``), and initials stay in one
script (``LM``, or the whole short CJK name, never ``林M``).  Pure Python.

A name written family name first keeps its order: a CJK name without spaces
(``山田太郎``) is family-first already and stands whole; a Latin name is read as
family-first when its family name is written in capitals (``NAGY Imre``,
``TANAKA Hiroshi``), the one convention that says so.  Anything else that
cannot be derived is the file's to say: a speaker's ``short_name`` and
``initials`` fields win over derivation (see :func:`speaker_short_name` and
:func:`initials_by_id`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Protocol


class Named(Protocol):
    """What the name rules read of a speaker: the name, and the file's own short name and initials if it gives them."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def short_name(self) -> str | None: ...

    @property
    def initials(self) -> str | None: ...

PARTICLES = frozenset({
    "al", "bin", "binti", "bint", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "ten", "ter", "van", "von", "zu",
})
"""Words that belong to the surname after them (``van der Berg``, ``bin Salman``), whatever their case."""

CJK_FROM = 0x2E80
"""From here on (CJK radicals, kana, ideographs, hangul) a character is read as one of a CJK name."""
CJK_INITIALS = 4
"""A CJK name up to this many characters is its own initials; a longer one gives its first word."""

_ROMAN = re.compile(r"[IVX]+\.?")
_TRANSLITERATED = re.compile(r"^(?P<name>[^()]*?)\s*\((?P<aside>[^()]*)\)\s*$")


def _is_cjk(text: str) -> bool:
    return any(ord(character) >= CJK_FROM for character in text)


def _parts(name: str) -> tuple[str, str]:
    """The name as written and the aside in brackets after it (``林美玲``, ``Lin Meiling``); no aside, ``""``."""
    found = _TRANSLITERATED.match(name.strip())
    if found and found["name"]:
        return found["name"], found["aside"].strip()
    return name.strip(), ""


def _is_capitals(word: str) -> bool:
    """Whether ``word`` is a family name written in capitals (``NAGY``), not an initial (``J.``) or a one-letter word."""
    letters = [character for character in word if character.isalpha()]
    if _ROMAN.fullmatch(word):
        return False  # a generation (John Smith III), not a family name
    return len(letters) >= 2 and all(character.isupper() for character in letters)


def _capitals_surname(words: list[str]) -> tuple[int, int] | None:
    """The run ``[start, end)`` of ``words`` written in capitals when the rest is not (``NAGY Imre``), else None."""
    marked = [_is_capitals(word) for word in words]
    if len(words) < 2 or all(marked) or not any(marked):
        return None
    start = marked.index(True)
    end = start
    while end < len(words) and (marked[end] or words[end].lower() in PARTICLES):
        end += 1
    if any(marked[end:]):
        return None  # capitals in two places: an acronym, not a family name
    while start > 0 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return start, end


def _spoken(word: str) -> str:
    """A word written in capitals as a sentence writes it: ``NAGY`` as ``Nagy``, a particle in lower case."""
    if word.lower() in PARTICLES:
        return word.lower()
    return "-".join(part.capitalize() for part in word.split("-"))


def _surname_start(words: list[str]) -> int:
    """Where the surname begins among ``words``: the last word, with the particles before it (never the first word)."""
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return start


def short_name(name: str) -> str:
    """The name a sentence uses: the surname with its particles (``de Vries``), or a CJK name whole (``林美玲``)."""
    written, _ = _parts(name)
    if _is_cjk(written):
        return "".join(written.split())
    words = written.split()
    if not words:
        return name.strip()
    capitals = _capitals_surname(words)
    if capitals:
        return " ".join(_spoken(word) for word in words[capitals[0]:capitals[1]])
    return " ".join(words[_surname_start(words):])


def initials(name: str) -> str:
    """``SR`` for Sergey Radchenko, ``PV`` for Pieter de Vries, ``LM`` for 林美玲 (Lin Meiling), ``林美玲`` for 林美玲.

    A Latin name gives the first letters of its first and last words (a
    one-word name its first two letters), in the order written, so
    ``NAGY Imre`` is ``NI``; a CJK name its transliteration's initials when it
    carries one, else the name itself when short.
    """
    written, aside = _parts(name)
    if _is_cjk(written):
        if aside and not _is_cjk(aside):
            return initials(aside)
        compact = "".join(written.split())
        if len(compact) <= CJK_INITIALS:
            return compact
        words = written.split()
        return words[0] if len(words) > 1 else compact[:2]
    capitals = _capitals_surname(written.split())
    if capitals and capitals[0] == 0:
        family = [word for word in written.split()[: capitals[1]] if word.lower() not in PARTICLES]
        return (family[0][0] + written.split()[capitals[1]][0]).upper()
    words = [word for word in written.replace("-", " ").split() if word[:1].isalpha()]
    if len(words) >= 2:
        return (words[0][0] + words[-1][0]).upper()
    word = words[0] if words else written
    return word[:2].capitalize()


def _last_word(name: str) -> str:
    """The word whose letters lengthen clashing initials: the one giving the initials' last letter, in Latin form if there is one."""
    written, aside = _parts(name)
    if _is_cjk(written) and aside and not _is_cjk(aside):
        written = aside
    words = written.split()
    capitals = _capitals_surname(words)
    if capitals:
        # Initials read family then given name here, so the given name is the one that lengthens them.
        return words[capitals[1]] if capitals[0] == 0 else _spoken(words[capitals[1] - 1])
    words = written.replace("-", " ").split()
    return words[-1] if words else ""


def distinct_initials(names: list[str], given: list[str | None] | None = None) -> list[str]:
    """Initials for each name, lengthened with the surname's next letters where two would read the same.

    ``Ana Ames`` and ``Anna Amber`` become ``AAme`` and ``AAmb``; names that
    still read the same (or cannot be lengthened) are numbered (``AA2``).
    ``given`` holds initials the file sets for a name (None where it sets
    none): they are taken as written and never lengthened.
    """
    fixed = list(given) if given is not None else [None] * len(names)
    labels = [own or initials(name) for name, own in zip(names, fixed, strict=True)]
    counts = Counter(labels)
    for index, label in enumerate(labels):
        surname = _last_word(names[index])
        if fixed[index]:
            continue
        if counts[label] > 1 and label[-1:] == surname[:1].upper() and len(surname) > 1:
            labels[index] = label[:-1] + surname[:3]
    seen: Counter[str] = Counter()
    unique = []
    for label in labels:
        seen[label] += 1
        unique.append(label if seen[label] == 1 else f"{label}{seen[label]}")
    return unique


def speaker_short_name(speaker: Named) -> str:
    """The speaker's short name: the file's ``short_name`` if it gives one, else :func:`short_name` of the name."""
    return speaker.short_name or short_name(speaker.name)


def initials_by_id(speakers: Iterable[Named]) -> dict[str, str]:
    """Each speaker's initials by id, one set for the chart, the matrix and the PDF: the file's own, else derived and made distinct."""
    listed = list(speakers)
    labels = distinct_initials([speaker.name for speaker in listed], [speaker.initials for speaker in listed])
    return {speaker.id: label for speaker, label in zip(listed, labels, strict=True)}
