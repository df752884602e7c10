"""The analysis definitions, checked against cases worked out by hand: counted kinds, stances, verdict rules."""

import pytest

from desktop_app.model.analysis.seminar_analysis import (
    CONTESTED_MIN_EACH_SIDE,
    CONTESTED_MIN_SHARE,
    COUNTED_KINDS_DEFAULT,
    MIN_VOICES,
    SeminarAnalysis,
    Verdict,
    counted_kinds_text,
    parse_kinds,
    speaker_stances_by_theme,
    stance_label,
    theme_metrics,
    verdict_label,
)
from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.schema import Kind, Position, Scale
from tests.factories import coded_panel, to_bytes


def position(speaker: str, theme: str, stance: int, number: int = 0, kind: Kind = Kind.ASSESSMENT) -> Position:
    return Position(
        id=f"{speaker}-{theme}-{number}",
        speaker=speaker,
        theme=theme,
        stance=stance,
        kind=kind,
        summary="a summary",
        excerpt="an excerpt",
    )


def verdict_of(*stances: int) -> Verdict:
    return theme_metrics("t", {f"s{i}": stance for i, stance in enumerate(stances)}).verdict


def test_rules_are_named_constants_with_the_documented_values():
    """The thresholds the README states are the ones the code uses."""
    assert MIN_VOICES == 3
    assert CONTESTED_MIN_EACH_SIDE == 1
    assert CONTESTED_MIN_SHARE == 0.2
    assert {Kind.ASSESSMENT, Kind.PREDICTION, Kind.PRESCRIPTION} == COUNTED_KINDS_DEFAULT


def test_two_voices_give_no_verdict_word_but_three_do():
    """Two speakers at +2 are too few voices; a third at +1 makes it a consensus."""
    assert verdict_of(2, 2) is Verdict.TOO_FEW_VOICES
    assert verdict_of(2, -2) is Verdict.TOO_FEW_VOICES
    assert verdict_of(2, 2, 1) is Verdict.CONSENSUS_POSITIVE


def test_a_single_voice_and_silence():
    """One voice is too few for a verdict; a theme nobody addressed is not addressed, with no figures."""
    assert verdict_of(-2) is Verdict.TOO_FEW_VOICES
    nobody = theme_metrics("t", {})
    assert nobody.verdict is Verdict.NOT_ADDRESSED
    assert (nobody.n, nobody.median, nobody.consensus, nobody.robust) == (0, None, None, None)


def test_consensus_needs_a_strict_majority_on_the_pole():
    """Two of four on a pole (exactly half) is no consensus; three of four is."""
    assert verdict_of(1, 1, 0, 0) is Verdict.MIXED
    assert verdict_of(1, 1, 1, 0) is Verdict.CONSENSUS_POSITIVE
    assert verdict_of(-1, -2, 0, 0) is Verdict.MIXED
    assert verdict_of(-1, -2, -1, 0) is Verdict.CONSENSUS_NEGATIVE


def test_a_mixed_voice_is_not_support():
    """One speaker for convergence and two at mixed is no consensus, though nobody disagrees."""
    assert verdict_of(2, 0, 0) is Verdict.MIXED


def test_one_voice_on_the_opposite_pole_prevents_consensus():
    """Four at +2 and one at -1 is not a consensus: the dissenter, a fifth of the voices, makes it contested."""
    assert verdict_of(2, 2, 2, 2, -1) is Verdict.CONTESTED


def test_contested_needs_the_smaller_side_to_hold_a_fifth_of_the_voices():
    """One dissenter among five (a fifth) contests a theme; one among six (under a fifth) leaves it mixed."""
    assert verdict_of(1, -1, 0) is Verdict.CONTESTED
    assert verdict_of(2, 2, 2, 2, -1) is Verdict.CONTESTED
    assert verdict_of(2, 2, 2, 2, 2, -1) is Verdict.MIXED
    assert verdict_of(2, 2, 2, 2, -1, -1) is Verdict.CONTESTED


def test_theme_figures_worked_by_hand():
    """+2, +1 and -1: three voices, counts by stance, median +1, consensus 0.504, contested."""
    metrics = theme_metrics("t", {"a": 2, "b": 1, "c": -1})
    assert metrics.n == 3
    assert dict(metrics.counts) == {-2: 0, -1: 1, 0: 0, 1: 1, 2: 1}
    assert (metrics.convergent, metrics.mixed, metrics.divergent) == (2, 0, 1)
    assert metrics.median == 1
    # mean 2/3; gaps/4 = 1/3, 1/12, 5/12; log2(2/3) = -0.5850, log2(11/12) = -0.1255, log2(7/12) = -0.7776;
    # 1 + (-1.4881) / 3 = 0.5040
    assert metrics.consensus == pytest.approx(0.5040, abs=1e-4)
    assert metrics.verdict is Verdict.CONTESTED


def test_theme_median_of_an_even_count_is_the_middle_twos_mean():
    """Voices at -1, 0, +1 and +2 have median +0.5."""
    assert theme_metrics("t", {"a": -1, "b": 0, "c": 1, "d": 2}).median == 0.5


def test_speaker_stance_is_the_median_of_their_positions_and_marked_divided():
    """Positions +1 and -1 give 0 and mark the speaker divided; +2 and +1 give +1; +1 and 0 give 0, not divided."""
    positions = [
        position("a", "t", 1, 1), position("a", "t", -1, 2),
        position("b", "t", 2, 1), position("b", "t", 1, 2),
        position("c", "t", 1, 1), position("c", "t", 0, 2),
        position("d", "t", -1, 1), position("d", "t", -1, 2), position("d", "t", 2, 3),
    ]
    stances, divided = speaker_stances_by_theme(positions)
    assert stances["t"] == {"a": 0, "b": 1, "c": 0, "d": -1}
    assert divided["t"] == {"a", "d"}
    analysis = SeminarAnalysis(positions, ["t"], ["a", "b", "c", "d"])
    assert analysis.is_divided("a", "t") and not analysis.is_divided("c", "t")
    assert analysis.themes["t"].divided == {"a", "d"}


def test_question_history_and_summary_do_not_count_by_default():
    """An open question, a claim about the past and a chair's summary are left out of every figure unless chosen."""
    positions = [
        position("a", "t", 1),
        position("b", "t", 1),
        position("c", "t", 0, kind=Kind.QUESTION),
        position("d", "t", -2, kind=Kind.HISTORY),
        position("chair", "t", 2, kind=Kind.SUMMARY),
    ]
    default = SeminarAnalysis(positions, ["t"], ["chair", "a", "b", "c", "d"])
    assert default.themes["t"].stances == {"a": 1, "b": 1}
    assert default.themes["t"].verdict is Verdict.TOO_FEW_VOICES
    assert default.compared_speakers == ("a", "b")
    with_history = SeminarAnalysis(positions, ["t"], ["chair", "a", "b", "c", "d"], {*COUNTED_KINDS_DEFAULT, Kind.HISTORY})
    assert with_history.themes["t"].stances == {"a": 1, "b": 1, "d": -2}
    assert with_history.themes["t"].verdict is Verdict.CONTESTED
    everything = SeminarAnalysis(positions, ["t"], ["chair", "a", "b", "c", "d"], set(Kind))
    assert everything.themes["t"].n == 5
    assert everything.compared_speakers == ("chair", "a", "b", "c", "d")


def test_forecasts_only():
    """Counting predictions alone keeps only the forecasts."""
    positions = [position("a", "t", 1), position("b", "t", -1, kind=Kind.PREDICTION)]
    analysis = SeminarAnalysis(positions, ["t"], ["a", "b"], {Kind.PREDICTION})
    assert analysis.themes["t"].stances == {"b": -1}
    assert analysis.counted_kinds_text == "prediction"


def test_a_file_chooses_its_counted_kinds_through_the_dataset():
    """A loaded seminar gives the default analysis, and another one for another choice of kinds, each kept."""
    data = coded_panel([("a", "t", 1, "assessment"), ("b", "t", 1, "prediction"), ("c", "t", -1, "history")])
    dataset = load_bytes(to_bytes(data))
    assert dataset.analysis_for(COUNTED_KINDS_DEFAULT) is dataset.analysis
    assert dataset.analysis.themes["t"].n == 2
    with_history = dataset.analysis_for({*COUNTED_KINDS_DEFAULT, Kind.HISTORY})
    assert with_history.themes["t"].n == 3
    assert dataset.analysis_for([*COUNTED_KINDS_DEFAULT, Kind.HISTORY]) is with_history


def test_kinds_are_read_from_a_list_and_written_in_the_formats_order():
    """``history, Prediction`` reads as two kinds; an unknown kind is named in the error."""
    kinds = parse_kinds("history, Prediction")
    assert kinds == {Kind.HISTORY, Kind.PREDICTION}
    assert counted_kinds_text(kinds) == "prediction;history"
    with pytest.raises(ValueError, match="'forecast'"):
        parse_kinds("forecast")
    with pytest.raises(ValueError, match="no kind"):
        parse_kinds(" , ")


def test_labels_use_the_seminars_own_words():
    """A debate's scale names its poles, and every label follows them."""
    debate = Scale(negative="opposition", positive="support", neutral="undecided")
    assert verdict_label(Verdict.CONSENSUS_POSITIVE, debate) == "consensus: support"
    assert verdict_label(Verdict.CONSENSUS_NEGATIVE, debate) == "consensus: opposition"
    assert verdict_label(Verdict.CONTESTED, debate) == "contested"
    assert verdict_label(Verdict.TOO_FEW_VOICES, debate) == "too few voices"
    assert stance_label(2, debate) == "strong support"
    assert stance_label(-1, debate) == "opposition"
    assert stance_label(0, debate) == "undecided"
    assert stance_label(-1.5, Scale()) == "strong divergence"


def test_themes_with_lists_verdicts_in_report_order():
    """Asking for the contested themes gives them in the order of the report."""
    positions = [position(s, t, v) for t in ("t1", "t2") for s, v in (("a", 1), ("b", -1), ("c", 0))]
    analysis = SeminarAnalysis(positions, ["t2", "t1", "t3"], ["a", "b", "c"])
    assert analysis.themes_with(Verdict.CONTESTED) == ["t2", "t1"]
    assert analysis.themes["t3"].verdict is Verdict.NOT_ADDRESSED
