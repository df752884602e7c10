"""Where the panel converged and where it split: theme figures, verdicts, their robustness, and pair agreement.

The panel is the whole population, not a sample, and it is small: the
uncertainty that matters is how the statements were coded and who happened
to speak.  So the figures are ordinal, shown to one decimal at most, and
every verdict carries the evidence that would overturn it.

Counted kinds.  Only positions of the kinds counted take part
(COUNTED_KINDS_DEFAULT: assessment, prediction, prescription).  Questions,
history and a chair's summary are context, never counted unless chosen.

A speaker's stance on a theme is the median of their counted positions on it,
rounded toward 0 when it falls between two stances (see :mod:`.ordinal`).  A
speaker whose counted positions there span both poles (+1 and -1 is not the
same as 0) is marked *divided* on that theme.  A speaker with no counted
position on a theme was silent on it and does not count (0 is "mixed").

Per theme: ``n`` voices; ``counts`` per stance -2 … +2; the ``median`` of the
voices; Tastle & Wierman's ``consensus``::

    Cns = 1 + Σ_i p_i · log2(1 - |X_i - μ| / 4)

(p_i the share of voices at stance X_i, μ their mean, 4 the width of the
scale; 1 when all agree, 0 when split evenly between the extremes; Tastle &
Wierman, Int. J. Approximate Reasoning 45, 2007); the ``verdict`` by the
rules of :mod:`.verdict` (no verdict word below MIN_VOICES = 3; consensus needs a
strict majority on one pole and nobody on the other; contested needs voices
on both poles); and the ``flips``: each drop of one voice, or move of one
voice's stance by one step, that would change the verdict (:mod:`.robustness`).
A stated verdict with any flip is tentative.

Pairs of speakers: agreement over the k themes both addressed, against what
chance gives for their own stance mixes (:mod:`.pairs`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..format.schema import Kind, Position
from .extreme_pairs import ExtremePairs, extreme_pairs
from .ordinal import (
    MEASURE_DECIMALS,
    STANCE_RANGE,
    STANCES,
    consensus,
    format_measure,
    median,
    median_of_counts,
    median_stance,
    spans_both_poles,
    stance_counts,
)
from .pairs import (
    MIN_SHARED_THEMES,
    AgreementMatrix,
    PairAgreement,
    PairsAfter,
    agreement_matrix,
    distances_from,
    pair_agreement,
    pairs_by_row,
    stance_shares,
)
from .robustness import Flip, describe_flip, describe_flips, verdict_flips
from .stance_words import rounded_stance, stance_label
from .verdict import (
    CONTESTED_MIN_EACH_SIDE,
    CONTESTED_MIN_SHARE,
    MIN_VOICES,
    Verdict,
    verdict_from_counts,
    verdict_label,
)

__all__ = [
    "CONTESTED_MIN_EACH_SIDE",
    "CONTESTED_MIN_SHARE",
    "COUNTED_KINDS_DEFAULT",
    "MEASURE_DECIMALS",
    "MIN_SHARED_THEMES",
    "MIN_VOICES",
    "STANCES",
    "STANCE_RANGE",
    "WITHOUT_CHAIR",
    "AgreementMatrix",
    "ExtremePairs",
    "Flip",
    "PairAgreement",
    "PairsAfter",
    "SeminarAnalysis",
    "ThemeMetrics",
    "Verdict",
    "agreement_matrix",
    "consensus",
    "counted_kinds_text",
    "describe_flip",
    "describe_flips",
    "format_measure",
    "median",
    "median_stance",
    "pair_agreement",
    "parse_kinds",
    "rounded_stance",
    "speaker_stances_by_theme",
    "stance_label",
    "theme_metrics",
    "verdict_label",
]

COUNTED_KINDS_DEFAULT: frozenset[Kind] = frozenset({Kind.ASSESSMENT, Kind.PREDICTION, Kind.PRESCRIPTION})
"""The kinds of position counted unless the reader chooses otherwise: present assessments, forecasts, prescriptions."""


def parse_kinds(text: str) -> frozenset[Kind]:
    """Kinds from a comma-separated list (``prediction,history``); ValueError naming any unknown one."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    known = {kind.value: kind for kind in Kind}
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise ValueError(_kinds_problem(unknown))
    return frozenset(known[name] for name in names)


def _kinds_problem(unknown: list[str]) -> str:
    choices = ", ".join(kind.value for kind in Kind)
    if unknown:
        return f"unknown kind {', '.join(repr(name) for name in unknown)}; choose from {choices}"
    return f"no kind given; choose from {choices}"


WITHOUT_CHAIR = "without-chair"
"""How an export's counted_kinds column and the command line name leaving the chair's positions out."""


def counted_kinds_text(kinds: Collection[Kind]) -> str:
    """The counted kinds for an export, in the format's order: ``assessment;prediction;prescription``."""
    return ";".join(kind.value for kind in Kind if kind in kinds)


@dataclass(frozen=True)
class ThemeMetrics:
    """How the panel stood on one theme, counting the chosen kinds only."""

    theme_id: str
    stances: Mapping[str, int]
    """Each voice's stance (median of their counted positions, see module doc), keyed by speaker id."""
    divided: frozenset[str]
    """Speakers whose counted positions on the theme span both poles."""
    counts: Mapping[int, int]
    """How many voices hold each stance, -2 … +2 (every stance present, zeros included)."""
    median: float | None
    """Median of the voices' stances; a half when the middle two differ; none when nobody spoke."""
    consensus: float | None
    """Tastle & Wierman's consensus of the voices (0 … 1); none when nobody spoke."""
    verdict: Verdict
    flips: tuple[Flip, ...]
    """Each single-voice change that would change the verdict; empty when it stands."""

    @property
    def n(self) -> int:
        """Number of voices: speakers with a counted position on the theme."""
        return len(self.stances)

    @property
    def convergent(self) -> int:
        """Voices on the positive pole (+1 or +2)."""
        return self.counts[1] + self.counts[2]

    @property
    def mixed(self) -> int:
        """Voices at 0: mixed, support for neither pole."""
        return self.counts[0]

    @property
    def divergent(self) -> int:
        """Voices on the negative pole (-1 or -2)."""
        return self.counts[-1] + self.counts[-2]

    @property
    def robust(self) -> bool | None:
        """Whether the verdict survives every single-voice change; none when there is no verdict word."""
        return not self.flips if self.verdict.is_stated else None

    @property
    def tentative(self) -> bool:
        """A verdict word that one voice could overturn: to be drawn and written as tentative."""
        return self.robust is False


def speaker_stances_by_theme(
    positions: Iterable[Position], counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT
) -> tuple[dict[str, dict[str, int]], dict[str, set[str]]]:
    """``({theme: {speaker: stance}}, {theme: divided speakers})`` from the positions of the counted kinds.

    Positions awaiting a stance (``stance`` None) are left out, like the kinds that are not counted.
    """
    # A tuple, not a set: Enum hashes in Python, while ``in`` on a tuple finds the same member by identity.
    counted = tuple(counted_kinds)
    stances: dict[str, dict[str, int]] = {}
    several: dict[tuple[str, str], list[int]] = {}
    for position in positions:
        # Read through __dict__: a pydantic model's attribute access costs several times a dict lookup,
        # and this loop runs over every position of a 10,000-position seminar on each edit.
        fields = position.__dict__
        stance = fields["stance"]
        # A position awaiting a stance is shown but never counted.
        if stance is not None and fields["kind"] in counted:
            theme_id, speaker = fields["theme"], fields["speaker"]
            by_speaker = stances.get(theme_id)
            if by_speaker is None:
                by_speaker = stances[theme_id] = {}
            if speaker in by_speaker:
                several.setdefault((theme_id, speaker), [by_speaker[speaker]]).append(stance)
            else:
                by_speaker[speaker] = stance
    divided: dict[str, set[str]] = {}
    for (theme_id, speaker), values in several.items():
        stances[theme_id][speaker] = median_stance(values)
        if spans_both_poles(values):
            divided.setdefault(theme_id, set()).add(speaker)
    return stances, divided


def theme_metrics(theme_id: str, stances: Mapping[str, int], divided: Iterable[str] = ()) -> ThemeMetrics:
    """The figures, verdict and flips of a theme from its voices' stances (``{speaker: stance}``)."""
    counts = stance_counts(stances.values())
    return ThemeMetrics(
        theme_id=theme_id,
        stances=dict(stances),
        divided=frozenset(divided),
        counts=counts,
        median=median_of_counts(counts),
        consensus=consensus(counts),
        verdict=verdict_from_counts(counts),
        flips=verdict_flips(stances),
    )


class SeminarAnalysis:
    """The analysis of one seminar for one choice of counted kinds, computed once and read by every view.

    Theme figures are computed up front (one pass over the positions); pair
    agreements on first use, one pair at a time (:meth:`pair`), all at once
    (:attr:`matrix`, n × n arrays for the heatmap), or streamed a speaker at a
    time (:meth:`pairs_by_row`, :meth:`extreme_pairs`) in memory linear in the
    positions, since they grow with the square of the panel.
    """

    def __init__(
        self,
        positions: Iterable[Position],
        theme_ids: Sequence[str],
        speaker_ids: Sequence[str],
        counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT,
        left_out: Collection[str] = (),
    ):
        self.counted_kinds = frozenset(counted_kinds)
        self.left_out = frozenset(left_out)
        """Speakers none of whose positions are counted (the chair, when the user leaves the chair out)."""
        if self.left_out:
            positions = [position for position in positions if position.speaker not in self.left_out]
        by_theme, divided = speaker_stances_by_theme(positions, self.counted_kinds)
        self.theme_ids = tuple(theme_ids)
        self.speaker_ids = tuple(speaker_ids)
        self.themes: dict[str, ThemeMetrics] = {
            theme_id: theme_metrics(theme_id, by_theme.get(theme_id, {}), divided.get(theme_id, ()))
            for theme_id in self.theme_ids
        }
        self._by_speaker: dict[str, dict[str, int]] = {speaker_id: {} for speaker_id in self.speaker_ids}
        by_speaker = self._by_speaker
        for theme_id, stances in by_theme.items():
            for speaker_id, stance in stances.items():
                own = by_speaker.get(speaker_id)
                if own is None:
                    own = by_speaker[speaker_id] = {}
                own[theme_id] = stance
        self._pairs: dict[tuple[str, str], PairAgreement] = {}
        self._mixes: dict[str, tuple[list[float], list[float]]] = {}
        self._extremes: dict[int, ExtremePairs] = {}

    def revised(self, theme_ids: Collection[str], positions_on: Callable[[str], Iterable[Position]]) -> SeminarAnalysis:
        """The analysis after positions on ``theme_ids`` changed (same themes and speakers): only those themes are worked out again.

        ``positions_on(theme)`` gives the positions now on a theme.  Equal, figure
        for figure, to an analysis made afresh from all the positions (a test checks it).
        """
        changed = set(theme_ids)
        revised = SeminarAnalysis.__new__(SeminarAnalysis)
        revised.counted_kinds = self.counted_kinds
        revised.left_out = left_out = self.left_out
        revised.theme_ids = self.theme_ids
        revised.speaker_ids = self.speaker_ids
        by_theme, divided = speaker_stances_by_theme(
            (
                position
                for theme_id in changed
                for position in positions_on(theme_id)
                if not left_out or position.speaker not in left_out
            ),
            self.counted_kinds,
        )
        themes = dict(self.themes)
        touched: set[str] = set()
        for theme_id in changed:
            if theme_id not in themes:
                continue
            touched.update(themes[theme_id].stances)
            themes[theme_id] = theme_metrics(theme_id, by_theme.get(theme_id, {}), divided.get(theme_id, ()))
            touched.update(themes[theme_id].stances)
        revised.themes = themes
        by_speaker = dict(self._by_speaker)
        for speaker_id in touched:
            own = {theme_id: stance for theme_id, stance in by_speaker.get(speaker_id, {}).items() if theme_id not in changed}
            for theme_id in changed:
                stance = by_theme.get(theme_id, {}).get(speaker_id)
                if stance is not None:
                    own[theme_id] = stance
            by_speaker[speaker_id] = own
        revised._by_speaker = by_speaker
        revised._pairs = {}
        revised._mixes = {}
        revised._extremes = {}
        return revised

    @property
    def counted_kinds_text(self) -> str:
        """The counted kinds as an export states them: ``assessment;prediction;prescription``, then ``;without-chair`` when the chair is left out."""
        return counted_kinds_text(self.counted_kinds) + (f";{WITHOUT_CHAIR}" if self.left_out else "")

    @cached_property
    def compared_speakers(self) -> tuple[str, ...]:
        """Speakers with at least one counted position, in speaking order: the rows of the agreement matrix."""
        return tuple(speaker_id for speaker_id in self.speaker_ids if self._by_speaker.get(speaker_id))

    def speaker_stances(self, speaker_id: str) -> Mapping[str, int]:
        """``{theme id: stance}`` for the themes the speaker addressed with a counted position."""
        return self._by_speaker.get(speaker_id, {})

    def is_divided(self, speaker_id: str, theme_id: str) -> bool:
        """Whether the speaker's counted positions on the theme span both poles."""
        metrics = self.themes.get(theme_id)
        return metrics is not None and speaker_id in metrics.divided

    def pair(self, speaker_a: str, speaker_b: str) -> PairAgreement:
        """Agreement of two speakers; none over no shared theme (as for anyone with no counted position).

        Read from the matrix once it has been worked out (same figures, see
        :mod:`.pairs`), else worked out for this pair alone and kept.
        """
        matrix: AgreementMatrix | None = self.__dict__.get("matrix")
        if matrix is not None and speaker_a in matrix and speaker_b in matrix:
            return matrix.pair(speaker_a, speaker_b)
        key = (speaker_a, speaker_b) if speaker_a <= speaker_b else (speaker_b, speaker_a)
        found = self._pairs.get(key)
        if found is None:
            shares_a, distances_a = self._stance_mix(key[0])
            shares_b, _ = self._stance_mix(key[1])
            found = pair_agreement(
                *key, self.speaker_stances(key[0]), self.speaker_stances(key[1]), shares_a, shares_b, distances_a
            )
            self._pairs[key] = found
        if found.speaker_a == speaker_a:
            return found
        return PairAgreement(
            speaker_a, speaker_b, found.agreement, found.shared_themes, found.expected_by_chance, found.chance_corrected
        )

    def _stance_mix(self, speaker_id: str) -> tuple[list[float], list[float]]:
        """A speaker's stance shares and expected distance from each stance, worked out once."""
        found = self._mixes.get(speaker_id)
        if found is None:
            shares = stance_shares(self.speaker_stances(speaker_id))
            found = self._mixes[speaker_id] = (shares, distances_from(shares))
        return found

    @cached_property
    def matrix(self) -> AgreementMatrix:
        """Agreement of every pair of compared speakers, in speaking order, computed on first use and kept."""
        return agreement_matrix(self.speaker_ids, self._by_speaker)

    def pairs_by_row(self) -> Iterator[PairsAfter]:
        """Every pair of :attr:`compared_speakers`, a speaker at a time with those after them, never the whole matrix."""
        return pairs_by_row(self.compared_speakers, self._by_speaker)

    def extreme_pairs(self, keep: int) -> ExtremePairs:
        """The ``keep`` least and most agreeing comparable pairs, with their count and mean chance level; kept once found."""
        found = self._extremes.get(keep)
        if found is None:
            found = self._extremes[keep] = extreme_pairs(self.compared_speakers, self._by_speaker, keep)
        return found

    def themes_with(self, *verdicts: Verdict) -> list[str]:
        """Ids of the themes whose verdict is one of ``verdicts``, in report order."""
        return [theme_id for theme_id in self.theme_ids if self.themes[theme_id].verdict in verdicts]
