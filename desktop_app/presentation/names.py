"""What a speaker is called in passing: the short name a sentence uses, and initials for a chart block or a matrix header.

One set of rules for the window, the PDF and the CSV, so the same speaker is
never HB in one place and HCB in another.  Names from outside English keep
their shape: a particle stays with the surname (``de Vries``), a transliteration
in brackets is never cut (``林美玲 (Lin Meiling)``), and initials stay in one
script (``LM``, or the whole short CJK name, never ``林M``).  Pure Python.
"""

from __future__ import annotations

import re
from collections import Counter

PARTICLES = frozenset({
    "al", "bin", "binti", "bint", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "ten", "ter", "van", "von", "zu",
})
"""Words that belong to the surname after them (``van der Berg``, ``bin Salman``), whatever their case."""

CJK_FROM = 0x2E80
"""From here on (CJK radicals, kana, ideographs, hangul) a character is read as one of a CJK name."""
CJK_INITIALS = 4
"""A CJK name up to this many characters is its own initials; a longer one gives its first word."""

_TRANSLITERATED = re.compile(r"^(?P<name>[^()]*?)\s*\((?P<aside>[^()]*)\)\s*$")


def _is_cjk(text: str) -> bool:
    return any(ord(character) >= CJK_FROM for character in text)


def _parts(name: str) -> tuple[str, str]:
    """The name as written and the aside in brackets after it (``林美玲``, ``Lin Meiling``); no aside, ``""``."""
    found = _TRANSLITERATED.match(name.strip())
    if found and found["name"]:
        return found["name"], found["aside"].strip()
    return name.strip(), ""


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
    return " ".join(words[_surname_start(words):])


def initials(name: str) -> str:
    """``SR`` for Sergey Radchenko, ``PV`` for Pieter de Vries, ``LM`` for 林美玲 (Lin Meiling), ``林美玲`` for 林美玲.

    A Latin name gives the first letters of its first and last words (a
    one-word name its first two letters); a CJK name its transliteration's
    initials when it carries one, else the name itself when short.
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
    words = [word for word in written.replace("-", " ").split() if word[:1].isalpha()]
    if len(words) >= 2:
        return (words[0][0] + words[-1][0]).upper()
    word = words[0] if words else written
    return word[:2].capitalize()


def _last_word(name: str) -> str:
    """The word whose letters lengthen clashing initials: the surname's last word, in the Latin form if there is one."""
    written, aside = _parts(name)
    if _is_cjk(written) and aside and not _is_cjk(aside):
        written = aside
    words = written.replace("-", " ").split()
    return words[-1] if words else ""


def distinct_initials(names: list[str]) -> list[str]:
    """Initials for each name, lengthened with the surname's next letters where two would read the same.

    ``Ana Ames`` and ``Anna Amber`` become ``AAme`` and ``AAmb``; names that
    still read the same (or cannot be lengthened) are numbered (``AA2``).
    """
    labels = [initials(name) for name in names]
    counts = Counter(labels)
    for index, label in enumerate(labels):
        surname = _last_word(names[index])
        if counts[label] > 1 and label[-1:] == surname[:1].upper() and len(surname) > 1:
            labels[index] = label[:-1] + surname[:3]
    seen: Counter[str] = Counter()
    unique = []
    for label in labels:
        seen[label] += 1
        unique.append(label if seen[label] == 1 else f"{label}{seen[label]}")
    return unique
