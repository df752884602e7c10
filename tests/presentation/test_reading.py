"""The Reading the Analysis page."""

from desktop_app.model.analysis.seminar_analysis import (
    CONTESTED_MIN_EACH_SIDE,
    CONTESTED_MIN_SHARE,
    MIN_SHARED_THEMES,
    MIN_VOICES,
)
from desktop_app.model.format.schema import Kind
from desktop_app.presentation.reading import counting_sentence, reading_text


def test_the_page_quotes_each_rule_constant_with_its_value():
    """Every named threshold of the verdict and pair rules appears with its actual value."""
    text = reading_text()
    assert f"MIN_VOICES = {MIN_VOICES}" in text
    assert f"CONTESTED_MIN_EACH_SIDE = {CONTESTED_MIN_EACH_SIDE}" in text
    assert f"CONTESTED_MIN_SHARE = {CONTESTED_MIN_SHARE:g} ({CONTESTED_MIN_SHARE * 100:.0f}%)" in text
    assert f"MIN_SHARED_THEMES = {MIN_SHARED_THEMES}" in text


def test_the_page_says_which_kinds_are_counted_now():
    """Counting history marks it "counted now" and the counting sentence lists it."""
    text = reading_text(counted_kinds={Kind.PREDICTION, Kind.HISTORY})
    assert "history (a claim about the past) \u2014 counted now" in text
    assert counting_sentence({Kind.PREDICTION, Kind.HISTORY}) == (
        "Counting predictions and history. Shown as context, not counted: "
        "assessments, prescriptions, questions and chair's summaries."
    )
