"""The brief's fonts, one family list for every route to a PDF, and the check that some font can show its text.

The window's export, the command line and the worker thread all paint with
:func:`brief_font`, so a name prints the same whichever route made the PDF.
Latin families come first; the CJK ones after them are the fallback for
Chinese, Japanese and Korean names (the README's install line brings
``fonts-wqy-microhei``).  When no installed font has a glyph for a character
of the brief, Qt would print an empty box: :func:`missing_glyphs_warning`
says so in one line instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from ..model.dataset import Dataset

LATIN_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
CJK_FAMILIES = [
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Source Han Sans SC",
    "Droid Sans Fallback",
    "WenQuanYi Zen Hei",
]
FONT_FAMILIES = LATIN_FAMILIES + CJK_FAMILIES
"""Every family the brief asks for, in order of preference."""
CJK_PACKAGE = "fonts-wqy-microhei"
"""The Debian package the warning suggests: small, and it covers Chinese, Japanese and Korean."""
MOST_CHECKED = 64
"""Characters the brief's families lack that are looked for in every other installed font, at most."""


def brief_font(points: float) -> QFont:
    """The brief's font at ``points``: :data:`FONT_FAMILIES`, without ligatures."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    # Without ligatures, words copied or searched in the PDF read as typed ("fit", not "ﬁt").
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


@cache
def _raw(family: str) -> QRawFont:
    return QRawFont.fromFont(QFont(family))


def covers(family: str, character: str) -> bool:
    """Whether the installed font ``family`` has a glyph for ``character``."""
    raw = _raw(family)
    return raw.isValid() and raw.familyName().casefold() == family.casefold() and raw.supportsCharacter(ord(character))  # by code point: the QChar overload misreads most characters


def _installed(families: Iterable[str]) -> list[str]:
    known = {family.casefold() for family in QFontDatabase.families()}
    return [family for family in families if family.casefold() in known]


def missing_characters(text: str) -> list[str]:
    """The characters of ``text`` that no installed font can show, in the order met (blank and control ones skipped)."""
    wanted = _installed(FONT_FAMILIES)
    lacking = [
        character
        for character in dict.fromkeys(text)
        if character.isprintable() and not character.isspace() and not any(covers(family, character) for family in wanted)
    ]
    if not lacking:
        return []
    # Qt falls back on any installed font with the glyph, so only a character none has prints as a box.
    others = [family for family in _installed(QFontDatabase.families()) if family not in wanted]
    return [character for character in lacking[:MOST_CHECKED] if not any(covers(family, character) for family in others)]


def brief_texts(dataset: Dataset) -> Iterable[str]:
    """The words of the seminar a brief may print: names, labels, titles, the analyst's brief, summaries and excerpts."""
    seminar = dataset.seminar
    yield from (seminar.title, seminar.subtitle or "", seminar.question, seminar.source.title, seminar.summary)
    for speaker in dataset.speakers:
        yield from (speaker.display_name, speaker.short_name or "", speaker.initials or "", speaker.affiliation or "")
    for theme in dataset.themes:
        yield theme.label
    brief = dataset.model.brief
    if brief is not None:
        yield brief.bottom_line
        yield from (judgement.text for judgement in (*brief.key_judgements, *brief.what_to_watch))
    for position in dataset.positions:
        yield from (position.summary, position.excerpt)


def missing_glyphs_warning(dataset: Dataset) -> str | None:
    """One line naming what the PDF would print as boxes, and where, when no installed font can show it; else None."""
    texts = [text for text in brief_texts(dataset) if text]
    lacking = missing_characters("".join(texts))
    if not lacking:
        return None
    names = {speaker.display_name for speaker in dataset.speakers}
    first = next(text for text in texts if lacking[0] in text)
    where = f"the name {first}" if first in names else f"\u201c{first[:40]}\u201d"
    return (
        f"No installed font can show {''.join(lacking[:5])} (in {where}); the PDF prints boxes there."
        f" Install a font that covers it, e.g. {CJK_PACKAGE}."
    )
