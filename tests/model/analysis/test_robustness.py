"""The robustness check: which single drop or one-step move of a voice would overturn a theme's verdict."""

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.model.analysis.ordinal import stance_counts
from desktop_app.model.analysis.robustness import Flip, describe_flip, verdict_flips
from desktop_app.model.analysis.seminar_analysis import theme_metrics
from desktop_app.model.analysis.stance_words import stance_label
from desktop_app.model.analysis.verdict import Verdict, verdict_from_counts
from desktop_app.model.format.schema import Scale


def test_dropping_one_speaker_turns_a_mixed_theme_into_a_consensus():
    """+1, +1, +1, 0, 0, -1 is mixed (3 of 6 is no majority); without the one dissenter it is a consensus."""
    stances = {"bruce": 0, "radchenko": 1, "kuhrt": 0, "rumer": 1, "kaczmarski": -1, "shagina": 1}
    metrics = theme_metrics("durability", stances)
    assert metrics.verdict is Verdict.MIXED
    assert metrics.robust is False and metrics.tentative
    # Drop -1: 3 of 5 on the positive pole, none against -> consensus.
    # Drop a 0: 3 for, 1 against among 5, the dissenter a fifth -> contested; drop a +1 likewise (2 v 1 of 5).
    # Move a 0 to -1: 2 against of 6, a third -> contested.  Other moves leave it mixed.
    assert metrics.flips == (
        Flip("drop", ("kaczmarski",), -1, None, Verdict.CONSENSUS_POSITIVE),
        Flip("drop", ("bruce", "kuhrt"), 0, None, Verdict.CONTESTED),
        Flip("drop", ("radchenko", "rumer", "shagina"), 1, None, Verdict.CONTESTED),
        Flip("shift", ("bruce", "kuhrt"), 0, -1, Verdict.CONTESTED),
    )
    scale = Scale()

    def surname(speaker_id: str) -> str:
        return speaker_id.capitalize()

    assert describe_flip(metrics.flips[0], surname, scale) == "flips to consensus: convergence if Kaczmarski is dropped"
    assert describe_flip(metrics.flips[1], surname, scale) == "flips to contested if any one of Bruce or Kuhrt is dropped"
    assert describe_flip(metrics.flips[2], surname, scale) == (
        "flips to contested if any one of Radchenko, Rumer or Shagina is dropped"
    )
    assert describe_flip(metrics.flips[3], surname, scale) == (
        "flips to contested if any one of Bruce or Kuhrt moves from mixed to divergence"
    )


def test_a_three_voice_consensus_rests_on_every_voice():
    """Three at +1 is a consensus; drop any one and too few voices remain; no one-step move changes it."""
    metrics = theme_metrics("t", {"a": 1, "b": 1, "c": 1})
    assert metrics.verdict is Verdict.CONSENSUS_POSITIVE
    assert metrics.flips == (Flip("drop", ("a", "b", "c"), 1, None, Verdict.TOO_FEW_VOICES),)
    assert describe_flip(metrics.flips[0], str.upper, Scale()) == "too few voices for a verdict if any one of A, B or C is dropped"


def test_moving_one_stance_a_step_can_break_a_consensus():
    """+1, +1, 0, 0, -0... : +2, +1, 0 is mixed; moving the 0 up makes it a consensus, moving it down contests it."""
    metrics = theme_metrics("t", {"a": 2, "b": 1, "c": 0, "d": 0})
    assert metrics.verdict is Verdict.MIXED
    shifts = [flip for flip in metrics.flips if flip.kind == "shift"]
    assert Flip("shift", ("c", "d"), 0, 1, Verdict.CONSENSUS_POSITIVE) in shifts
    assert Flip("shift", ("c", "d"), 0, -1, Verdict.CONTESTED) in shifts
    assert Flip("shift", ("b",), 1, 0, Verdict.MIXED) not in shifts


def test_a_verdict_no_single_voice_can_overturn_is_robust():
    """Five at +2: dropping one leaves four, moving one to +1 changes nothing."""
    metrics = theme_metrics("t", dict.fromkeys("abcde", 2))
    assert metrics.verdict is Verdict.CONSENSUS_POSITIVE
    assert metrics.flips == ()
    assert metrics.robust is True and not metrics.tentative


def test_without_a_verdict_word_there_is_nothing_to_overturn():
    """Two voices give no verdict, so no flip and no robustness claim either way."""
    metrics = theme_metrics("t", {"a": 2, "b": -2})
    assert metrics.flips == () and metrics.robust is None and not metrics.tentative


def test_many_speakers_are_counted_not_listed_in_words():
    """A flip shared by more than three speakers gives their number and stance."""
    flip = Flip("drop", tuple("abcdefg"), 1, None, Verdict.MIXED)
    assert describe_flip(flip, str, Scale()) == "flips to mixed if any one of the 7 speakers at convergence is dropped"
    assert stance_label(1, Scale()) == "convergence"


@given(st.dictionaries(st.sampled_from([f"s{i}" for i in range(9)]), st.integers(-2, 2), max_size=9))
def test_the_count_based_check_equals_trying_every_speaker(stances):
    """Checking per stance value finds exactly the flips that trying each speaker's drop and move finds."""
    verdict = verdict_from_counts(stance_counts(stances.values()))
    expected = set()
    if verdict.is_stated:
        for speaker, stance in stances.items():
            others = [value for name, value in stances.items() if name != speaker]
            dropped = verdict_from_counts(stance_counts(others))
            if dropped is not verdict:
                expected.add(("drop", speaker, stance, None, dropped))
            for target in (stance - 1, stance + 1):
                if -2 <= target <= 2:
                    moved = verdict_from_counts(stance_counts([*others, target]))
                    if moved is not verdict:
                        expected.add(("shift", speaker, stance, target, moved))
    found = {
        (flip.kind, speaker, flip.from_stance, flip.to_stance, flip.new_verdict)
        for flip in verdict_flips(stances)
        for speaker in flip.speakers
    }
    assert found == expected
