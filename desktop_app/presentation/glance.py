"""The "At a glance" sentences: where the panel converged, where it diverged, where it split.

Generated from the analysis's verdicts, in the seminar's own words for the
poles of its scale (convergence / divergence for the default seminar, support /
opposition for a debate).  Pure Python; each sentence keeps the theme names
apart from the words around them, so the PDF can set the names in bold.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.analysis.seminar_analysis import SeminarAnalysis, Verdict, format_measure
from ..model.dataset import Dataset
from .counts import counted
from .wording import capital


@dataclass(frozen=True)
class Sentence:
    """A sentence as pieces of text; ``True`` marks a piece to emphasise (a theme or a name)."""

    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.parts)


def _sentence(*parts: str | tuple[str, bool]) -> Sentence:
    return Sentence(tuple(part if isinstance(part, tuple) else (part, False) for part in parts))


def listed(names: list[str] | list[tuple[str, str]]) -> list[tuple[str, bool]]:
    """``A``, ``A and B``, ``A, B and C``, with the names marked for emphasis.

    A name may come as ``(name, aside)``: the aside (say `` (3 voices)``) follows it unemphasised.
    """
    pieces: list[tuple[str, bool]] = []
    for index, entry in enumerate(names):
        name, aside = entry if isinstance(entry, tuple) else (entry, "")
        if index:
            pieces.append((" and " if index == len(names) - 1 else ", ", False))
        pieces.append((name, True))
        if aside:
            pieces.append((aside, False))
    return pieces


def panel_sentences(dataset: Dataset, analysis: SeminarAnalysis | None = None) -> list[Sentence]:
    """Consensus on the positive pole, on the negative pole, the contested themes; then the rest.

    ``analysis`` is the one counting the reader's chosen kinds (the dataset's
    default analysis when none is given).  Verdict words come only from the
    verdicts, which are never stated below MIN_VOICES voices; a tentative
    verdict is said to be so.
    """
    analysis = analysis if analysis is not None else dataset.analysis
    scale = dataset.seminar.scale
    if dataset.positions and len(dataset.awaiting) == len(dataset.positions):
        return []  # nothing rated yet: there is no reading of the panel to give, only the step of rating

    def labels(*verdicts: Verdict) -> list[tuple[str, str]]:
        return [_labelled(dataset, analysis, theme_id) for theme_id in analysis.themes_with(*verdicts)]

    sentences = []
    for verdict, pole in ((Verdict.CONSENSUS_POSITIVE, scale.positive), (Verdict.CONSENSUS_NEGATIVE, scale.negative)):
        themes = labels(verdict)
        if themes:
            sentences.append(_sentence(f"{capital(pole)} was the consensus on ", *listed(themes), "."))
        else:
            sentences.append(_sentence(f"No theme reached a consensus of {pole}."))
    contested = labels(Verdict.CONTESTED)
    if contested:
        sentences.append(_sentence("The panel was split on ", *listed(contested), ", with speakers on both sides."))
    else:
        sentences.append(_sentence("No theme split the panel into opposing camps."))
    mixed = labels(Verdict.MIXED)
    if mixed:
        sentences.append(_sentence("Views were mixed, without a consensus or a split, on ", *listed(mixed), "."))
    few = labels(Verdict.TOO_FEW_VOICES)
    if few:
        sentences.append(_sentence("Too few speakers addressed ", *listed(few), " for a verdict."))
    unaddressed = analysis.themes_with(Verdict.NOT_ADDRESSED)
    context_only: list[tuple[str, str]] = []
    awaiting_only: list[tuple[str, str]] = []
    silent: list[tuple[str, str]] = []
    for theme_id in unaddressed:
        positions = dataset.positions_on(theme_id)
        rated = any(position.stance is not None for position in positions)
        (context_only if rated else awaiting_only if positions else silent).append(_labelled(dataset, analysis, theme_id))
    if context_only:
        sentences.append(
            _sentence("Only context not counted here (such as history or open questions) was coded on ", *listed(context_only), ".")
        )
    if awaiting_only:
        sentences.append(_sentence("The positions coded on ", *listed(awaiting_only), " all await a stance."))
    if silent:
        sentences.append(_sentence("No speaker addressed ", *listed(silent), "."))
    return sentences


def _labelled(dataset: Dataset, analysis: SeminarAnalysis, theme_id: str) -> tuple[str, str]:
    """A theme's label and its aside: the voices, and "tentative" when one voice could overturn its verdict."""
    metrics = analysis.themes[theme_id]
    if not metrics.verdict.is_stated:
        return dataset.theme(theme_id).label, ""
    mark = ", tentative" if metrics.tentative else ""
    return dataset.theme(theme_id).label, f" ({metrics.n} voices{mark})"


def speaker_sentences(dataset: Dataset, speaker_id: str, analysis: SeminarAnalysis | None = None) -> list[Sentence]:
    """For a brief on one speaker: how much they said, and whom they agreed with most and least (k ≥ 3 only)."""
    analysis = analysis if analysis is not None else dataset.analysis
    speaker = dataset.speaker(speaker_id)
    name = speaker.display_name
    positions = dataset.positions_of(speaker_id)
    themes = {position.theme for position in positions}
    total = len(dataset.themes)
    if not positions:
        return [_sentence((name, True), " took no recorded position.")]
    sentences = [
        _sentence(
            (name, True),
            f" took {counted(len(positions), 'position')} on {len(themes)} of the {counted(total, 'theme')}.",
        )
    ]
    pairs = [analysis.pair(speaker_id, other.id) for other in dataset.speakers if other.id != speaker_id]
    measured = [(pair.agreement, pair) for pair in pairs if pair.agreement is not None and pair.comparable]
    if measured:
        measured.sort(key=lambda item: (-item[0], dataset.speaker_rank(item[1].speaker_b)))
        (closest_agreement, closest), (furthest_agreement, furthest) = measured[0], measured[-1]
        parts: list[str | tuple[str, bool]] = [
            "Closest to ",
            (dataset.speaker(closest.speaker_b).display_name, True),
            f" (agreement {format_measure(closest_agreement)} over {counted(closest.shared_themes, 'shared theme')})",
        ]
        if furthest is not closest and furthest_agreement < closest_agreement:
            parts += [
                "; furthest from ",
                (dataset.speaker(furthest.speaker_b).display_name, True),
                f" ({format_measure(furthest_agreement)} over {counted(furthest.shared_themes, 'shared theme')})",
            ]
        parts.append(".")
        sentences.append(_sentence(*parts))
    else:
        sentences.append(_sentence("No other speaker shared enough themes with them to compare."))
    return sentences


