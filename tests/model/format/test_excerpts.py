"""Finding excerpts in the source: the same first occurrence whether the text is indexed or searched plainly."""

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.model.format import excerpts
from desktop_app.model.format.excerpts import ExcerptFinder, Span, normalise


def reference_find(source: str, excerpt: str) -> Span | None:
    """The definition, character by character: collapse white space, find, map back to the source."""
    kept, origin = [], []
    for offset, character in enumerate(source):
        if character.isspace():
            if offset > 0 and source[offset - 1].isspace():
                continue  # the run already stands as one space
            kept.append(" ")
        else:
            kept.append(character)
        origin.append(offset)
    needle = normalise(excerpt)
    at = "".join(kept).find(needle) if needle else -1
    if at < 0:
        return None
    return Span(origin[at], origin[at + len(needle) - 1] + 1)


@pytest.fixture
def always_indexed(monkeypatch):
    """Build the index on the first search, whatever the size of the text."""
    monkeypatch.setattr(excerpts, "INDEX_MIN_TEXT", 0)
    monkeypatch.setattr(excerpts, "INDEX_AFTER_SCANS", -1)
    monkeypatch.setattr(excerpts._AnchorIndex, "SAMPLE_STRIDE", 1)


def test_other_white_space_is_exactly_what_the_pattern_calls_white_space():
    """The list of white-space characters the finder maps to a space matches the regular expression engine's."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert sorted(re.findall(r"\s", everything)) == sorted(" " + excerpts._OTHER_WHITESPACE)


def test_normalise_takes_the_quick_path_without_changing_the_result():
    """Single-spaced text, odd white space and a zero-width space all normalise as defined."""
    for text in ["  plain text here ", "tabs\tand\nlines", "a\u00a0b  c", "zero\u200bwidth  gap", "\u3000x\u2028"]:
        assert normalise(text) == re.sub(r"\s+", " ", text).strip()


WORDS = st.sampled_from(["Lord", "Bruce", "said", "the", "relationship", "hold", "ab", "ba", "’", "Zoë", "x"])
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\t ", "\u00a0"])


@st.composite
def source_and_excerpts(draw):
    """A repetitive report and passages cut from it (some altered so they do not occur)."""
    pieces = draw(st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=400))
    source = "".join(word + space for word, space in pieces)
    cuts = []
    for _ in range(draw(st.integers(1, 12))):
        start = draw(st.integers(0, len(source) - 1))
        end = draw(st.integers(start + 1, min(len(source), start + 120)))
        excerpt = source[start:end]
        if draw(st.booleans()) and draw(st.booleans()):
            excerpt += draw(st.sampled_from(["q", " Q", "x", "ab"]))
        cuts.append(excerpt)
    return source, cuts


@given(source_and_excerpts())
@settings(max_examples=150, deadline=None)
def test_plain_search_places_each_excerpt_at_its_first_occurrence(case):
    """Without the index, every excerpt is placed where the definition puts it, or reported missing."""
    source, cuts = case
    finder = ExcerptFinder(source)
    for excerpt in cuts:
        assert finder.find(excerpt) == reference_find(source, excerpt)


@given(source_and_excerpts())
@settings(max_examples=150, deadline=None)
def test_indexed_search_places_each_excerpt_at_its_first_occurrence(case):
    """With the index of a long report in use, every excerpt still lands on its first occurrence, or is missing."""
    source, cuts = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(excerpts, "INDEX_MIN_TEXT", 0)
        patch.setattr(excerpts, "INDEX_AFTER_SCANS", -1)
        patch.setattr(excerpts._AnchorIndex, "SAMPLE_STRIDE", 1)
        patch.setattr(excerpts._AnchorIndex, "KEY", 4)
        finder = ExcerptFinder(source)
        for excerpt in cuts:
            assert finder.find(excerpt) == reference_find(source, excerpt)
            assert finder.matching_prefix(excerpt) == len(_longest_found_prefix(source, excerpt))
        assert finder._index is not None or not any(normalise(excerpt) for excerpt in cuts)


def _longest_found_prefix(source: str, excerpt: str) -> str:
    needle = normalise(excerpt)
    flat = re.sub(r"\s+", " ", source)
    while needle and needle not in flat:
        needle = needle[:-1]
    return needle


def test_a_long_report_is_indexed_and_every_excerpt_placed(always_indexed):
    """In a long report of sentences that repeat themselves, each quoted sentence is found at its first place."""
    sentences = [f"Speaker {n % 37} said that point {n % 101} matters for region {n % 13}." for n in range(4_000)]
    source = "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))
    finder = ExcerptFinder(source)
    for n in range(0, 4_000, 97):
        excerpt = sentences[n]
        span = finder.find(excerpt)
        assert span == Span(source.index(excerpt), source.index(excerpt) + len(excerpt))
    assert finder.find("Speaker 3 said that point 5 matters for region 99.") is None
    assert finder._index is not None
