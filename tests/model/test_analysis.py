"""The analysis definitions, checked against cases worked out by hand."""

import pytest

from desktop_app.model.analysis import (
    CONSENSUS_AT,
    CONTESTED_AT,
    SeminarAnalysis,
    Verdict,
    mean_stances,
    pair_agreement,
    stance_label,
    theme_metrics,
    verdict_label,
)
from desktop_app.model.schema import Kind, Position, Scale


def position(speaker: str, theme: str, stance: int, number: int = 0) -> Position:
    return Position(
        id=f"{speaker}-{theme}-{number}",
        speaker=speaker,
        theme=theme,
        stance=stance,
        kind=Kind.ASSESSMENT,
        summary="a summary",
        excerpt="an excerpt",
    )


def test_tie_between_two_speakers_is_contested():
    """One speaker for convergence and one against: balance 0, agreement 0.5, fully contested."""
    metrics = theme_metrics("t", {"a": 1, "b": -1})
    assert (metrics.n, metrics.convergent, metrics.mixed, metrics.divergent) == (2, 1, 0, 1)
    assert metrics.balance == 0
    assert metrics.agreement == pytest.approx(1 - 2 / 4)
    assert metrics.controversy == 1
    assert metrics.verdict is Verdict.CONTESTED


def test_silent_speaker_is_left_out_but_a_mixed_one_counts():
    """A stance of 0 counts as mixed; a speaker with no position is not counted at all."""
    positions = [position("a", "t", 2), position("c", "t", 0), position("d", "other", -2)]
    stances = mean_stances(positions)
    assert stances["t"] == {"a": 2, "c": 0}
    metrics = theme_metrics("t", stances["t"])
    assert (metrics.n, metrics.convergent, metrics.mixed, metrics.divergent) == (2, 1, 1, 0)
    assert metrics.balance == 1.0
    assert metrics.agreement == pytest.approx(0.5)
    assert metrics.controversy == 0
    assert metrics.verdict is Verdict.CONSENSUS_POSITIVE


def test_single_voice_has_no_agreement():
    """A theme only one speaker addressed has a balance but no agreement, and says so."""
    metrics = theme_metrics("t", {"a": -2})
    assert metrics.n == 1
    assert metrics.balance == -2
    assert metrics.agreement is None
    assert metrics.controversy == 0
    assert metrics.verdict is Verdict.SINGLE_VOICE


def test_theme_nobody_addressed():
    """A theme with no positions has no metrics and is marked as not addressed."""
    metrics = theme_metrics("t", {})
    assert metrics.n == 0
    assert metrics.balance is None and metrics.agreement is None and metrics.controversy is None
    assert metrics.verdict is Verdict.NOT_ADDRESSED


def test_several_positions_of_one_speaker_are_averaged():
    """A speaker at +2 and +1 on one theme counts once, at 1.5."""
    positions = [position("a", "t", 2, 1), position("a", "t", 1, 2), position("b", "t", -1)]
    stances = mean_stances(positions)["t"]
    assert stances == {"a": 1.5, "b": -1}
    metrics = theme_metrics("t", stances)
    assert metrics.n == 2
    assert metrics.balance == pytest.approx(0.25)
    assert metrics.agreement == pytest.approx(1 - 2.5 / 4)
    assert metrics.verdict is Verdict.CONTESTED


def test_three_speakers_worked_example():
    """+2, +1 and -1: pair gaps 1, 3 and 2, so agreement 0.5; controversy 2/3."""
    metrics = theme_metrics("t", {"a": 2, "b": 1, "c": -1})
    assert metrics.balance == pytest.approx(2 / 3)
    assert metrics.agreement == pytest.approx(0.5)
    assert metrics.controversy == pytest.approx(2 / 3)
    assert metrics.verdict is Verdict.CONTESTED


def test_controversy_threshold_is_inclusive():
    """Exactly one dissenter among four reaches the contested threshold (2·1/4 = 0.5)."""
    assert CONTESTED_AT == 0.5
    metrics = theme_metrics("t", {"a": 2, "b": 2, "c": 1, "d": -1})
    assert metrics.controversy == 0.5
    assert metrics.verdict is Verdict.CONTESTED


def test_one_dissenter_among_five_is_still_a_consensus():
    """One dissenter among five (controversy 0.4) with balance 0.8 is a consensus."""
    metrics = theme_metrics("t", {"a": 2, "b": 1, "c": 1, "d": 1, "e": -1})
    assert metrics.controversy == pytest.approx(0.4)
    assert metrics.balance == pytest.approx(0.8)
    assert metrics.verdict is Verdict.CONSENSUS_POSITIVE


def test_negative_consensus_and_balance_threshold():
    """Two speakers at -1 agree fully on divergence; a balance of exactly -0.5 is still consensus."""
    both = theme_metrics("t", {"a": -1, "b": -1})
    assert both.agreement == 1
    assert both.verdict is Verdict.CONSENSUS_NEGATIVE
    edge = theme_metrics("t", {"a": -1, "b": 0})
    assert edge.balance == -CONSENSUS_AT
    assert edge.verdict is Verdict.CONSENSUS_NEGATIVE


def test_mild_lean_without_dissent_is_mixed():
    """0, 0 and +1 lean positive (balance 1/3) but not enough for a consensus."""
    metrics = theme_metrics("t", {"a": 0, "b": 0, "c": 1})
    assert metrics.controversy == 0
    assert metrics.verdict is Verdict.MIXED


def test_pair_with_no_shared_theme_has_no_agreement():
    """Two speakers who never addressed the same theme have no agreement and zero shared themes."""
    result = pair_agreement("a", "b", {"t1": 2}, {"t2": -2})
    assert result.agreement is None
    assert result.shared_themes == 0


def test_pair_agreement_counts_only_shared_themes():
    """Only the theme both addressed counts: gap 2 on it gives agreement 0.5 over one theme."""
    result = pair_agreement("a", "b", {"t1": 2, "t2": -1}, {"t1": 0, "t3": 1})
    assert result.agreement == pytest.approx(0.5)
    assert result.shared_themes == 1


def test_seminar_analysis_pairs_are_symmetric_and_cached():
    """Asking for (a, b) or (b, a) gives the same agreement, over speakers' mean stances."""
    positions = [position("a", "t1", 2), position("a", "t2", 1), position("b", "t1", -2), position("b", "t2", 1)]
    analysis = SeminarAnalysis(positions, ["t1", "t2", "t3"], ["a", "b", "c"])
    forward = analysis.pair("a", "b")
    backward = analysis.pair("b", "a")
    assert forward.agreement == backward.agreement == pytest.approx(1 - (4 + 0) / 2 / 4)
    assert (backward.speaker_a, backward.speaker_b) == ("b", "a")
    assert analysis.pair("a", "c").shared_themes == 0
    assert analysis.themes["t3"].verdict is Verdict.NOT_ADDRESSED
    assert analysis.themes_with(Verdict.CONTESTED) == ["t1"]


def test_labels_use_the_seminars_own_words():
    """A debate's scale names its poles, and every label follows them."""
    debate = Scale(negative="opposition", positive="support", neutral="undecided")
    assert verdict_label(Verdict.CONSENSUS_POSITIVE, debate) == "consensus: support"
    assert verdict_label(Verdict.CONSENSUS_NEGATIVE, debate) == "consensus: opposition"
    assert verdict_label(Verdict.CONTESTED, debate) == "contested"
    assert stance_label(2, debate) == "strong support"
    assert stance_label(-1, debate) == "opposition"
    assert stance_label(0, debate) == "undecided"
    assert stance_label(-1.5, Scale()) == "strong divergence"


def test_mean_stances_round_half_away_from_zero():
    """A speaker at +1 and 0 (mean 0.5) leans to convergence, as the counts treat them."""
    assert stance_label(0.5, Scale()) == "convergence"
    assert stance_label(-0.5, Scale()) == "divergence"
    assert stance_label(0.49, Scale()) == "mixed"
    assert stance_label(1.5, Scale()) == "strong convergence"
