"""A checked seminar held in memory: the file's model, where each excerpt sits, and lookups.

A :class:`Dataset` is made by :mod:`.loader` (from a file, or from a model built in
code) and is never changed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from .analysis.seminar_analysis import COUNTED_KINDS_DEFAULT, SeminarAnalysis
from .format.excerpts import ExcerptFinder, Span
from .format.progress import Monitor
from .format.schema import Kind, Position, Seminar, SeminarFile, Speaker, Theme

__all__ = ["Dataset"]

_Result = TypeVar("_Result")


@dataclass(frozen=True, eq=False)
class Dataset:
    """A checked seminar: the file's model, where each excerpt sits in the source, and lookups.

    Immutable: an edit makes a new dataset, so anything derived from one (the
    analysis, a view's rows) stays valid for as long as it is held.
    """

    model: SeminarFile
    spans: Mapping[str, Span]
    path: Path | None = None

    @property
    def seminar(self) -> Seminar:
        return self.model.seminar

    @cached_property
    def speakers(self) -> tuple[Speaker, ...]:
        """Speakers in speaking order."""
        return tuple(sorted(self.model.speakers, key=lambda s: s.order))

    @cached_property
    def themes(self) -> tuple[Theme, ...]:
        """Themes in the report's order."""
        return tuple(sorted(self.model.themes, key=lambda t: t.order))

    @cached_property
    def positions(self) -> tuple[Position, ...]:
        return tuple(self.model.positions)

    @cached_property
    def awaiting(self) -> tuple[Position, ...]:
        """Positions still awaiting a stance (``stance`` None), in file order: shown, never counted."""
        return tuple(position for position in self.positions if position.stance is None)

    @cached_property
    def _speaker_index(self) -> dict[str, Speaker]:
        return {speaker.id: speaker for speaker in self.speakers}

    @cached_property
    def _theme_index(self) -> dict[str, Theme]:
        return {theme.id: theme for theme in self.themes}

    @cached_property
    def _position_index(self) -> dict[str, Position]:
        return {position.id: position for position in self.positions}

    @cached_property
    def _by_speaker(self) -> dict[str, tuple[Position, ...]]:
        return _group(self.positions, "speaker", self._theme_order)

    @cached_property
    def _by_theme(self) -> dict[str, tuple[Position, ...]]:
        return _group(self.positions, "theme", self._speaker_order)

    @cached_property
    def _theme_order(self) -> dict[str, int]:
        return {theme.id: rank for rank, theme in enumerate(self.themes)}

    @cached_property
    def _speaker_order(self) -> dict[str, int]:
        return {speaker.id: rank for rank, speaker in enumerate(self.speakers)}

    def speaker(self, speaker_id: str) -> Speaker:
        return self._speaker_index[speaker_id]

    def theme(self, theme_id: str) -> Theme:
        return self._theme_index[theme_id]

    def position(self, position_id: str) -> Position:
        return self._position_index[position_id]

    def has_speaker(self, speaker_id: str) -> bool:
        return speaker_id in self._speaker_index

    def has_theme(self, theme_id: str) -> bool:
        return theme_id in self._theme_index

    def positions_of(self, speaker_id: str) -> tuple[Position, ...]:
        """A speaker's positions, in theme order, then file order."""
        return self._by_speaker.get(speaker_id, ())

    def positions_on(self, theme_id: str) -> tuple[Position, ...]:
        """The positions taken on a theme, in speaking order, then file order."""
        return self._by_theme.get(theme_id, ())

    def speaker_rank(self, speaker_id: str) -> int:
        """Place of the speaker in speaking order, from 0."""
        return self._speaker_order[speaker_id]

    @cached_property
    def analysis(self) -> SeminarAnalysis:
        """Theme metrics and speaker agreement counting the default kinds, computed on first use and kept."""
        return SeminarAnalysis(
            self.positions, [theme.id for theme in self.themes], [speaker.id for speaker in self.speakers]
        )

    def analysis_for(self, counted_kinds: Iterable[Kind], without_chair: bool = False) -> SeminarAnalysis:
        """The analysis counting only ``counted_kinds`` (and none of the chair's positions when ``without_chair``), worked out once per choice and kept."""
        kinds = frozenset(counted_kinds)
        left_out = frozenset({self.seminar.chair} if without_chair and self.seminar.chair else ())
        key = (kinds, left_out)
        found = self._analyses.get(key)
        if found is None and kinds == COUNTED_KINDS_DEFAULT and not left_out:
            return self.analysis
        if found is None:
            found = SeminarAnalysis(
                self.positions, [theme.id for theme in self.themes], [speaker.id for speaker in self.speakers], kinds, left_out
            )
            self._analyses[key] = found
        return found

    @cached_property
    def _analyses(self) -> dict[tuple[frozenset[Kind], frozenset[str]], SeminarAnalysis]:
        return {}

    def counting(self, counted_kinds: Iterable[Kind], without_chair: bool = False) -> Dataset:
        """This seminar with :attr:`analysis` counting ``counted_kinds``: for code that reads ``dataset.analysis`` (the brief).

        The same dataset for the default kinds with the chair counted; otherwise a twin sharing every
        lookup and analysis already worked out (the chosen one among them).
        """
        kinds = frozenset(counted_kinds)
        chosen = self.analysis_for(kinds, without_chair)
        if chosen is self.analysis:
            return self
        twin = Dataset(self.model, self.spans, self.path)
        twin.__dict__.update(self.__dict__)
        twin.__dict__["analysis"] = chosen
        # The twin's analysis_for still finds the default kinds' analysis, which is no longer its ``analysis``.
        twin.__dict__["_analyses"] = {**self._analyses, (COUNTED_KINDS_DEFAULT, frozenset()): self.analysis}
        return twin

    def precompute(self, monitor: Monitor | None = None) -> None:
        """Work out now what is otherwise worked out on first use: the lookups, the analysis, the agreement matrix.

        A load in a background thread calls this, so the window does not do the
        work while it shows the seminar.  Reports the "analysis" phase.
        """
        monitor = monitor or Monitor()
        monitor.begin("analysis")
        for name in ("_speaker_index", "_theme_index", "_position_index", "_by_speaker", "_by_theme"):
            getattr(self, name)
        monitor.advance(1, 3)
        analysis = self.analysis
        monitor.advance(2, 3)
        analysis.matrix  # noqa: B018 (a cached property, worked out here)

    @cached_property
    def excerpt_finder(self) -> ExcerptFinder:
        """Finds excerpts in this seminar's source text; shared by the datasets edits make while the text stays."""
        return ExcerptFinder(self.seminar.source.text)

    @cached_property
    def unanchored(self) -> tuple[str, ...]:
        """Ids of positions whose excerpt is no longer found in the source text (after the text was edited), in file order."""
        spans = self.spans
        if len(spans) == len(self.model.positions):
            return ()
        return tuple(p.id for p in self.model.positions if p.id not in spans)

    def succeeded_by(self, model: SeminarFile, spans: Mapping[str, Span], finder_from: Dataset | None = None) -> Dataset:
        """The dataset an edit makes: ``model`` with ``spans``, at the same path.

        What depends only on the source text (the excerpt finder) is handed on
        when the text is the same, from ``finder_from`` or else from this dataset.
        """
        following = Dataset(model, spans, self.path)
        donor = finder_from or self
        if "excerpt_finder" in donor.__dict__ and donor.seminar.source.text is model.seminar.source.text:
            following.__dict__["excerpt_finder"] = donor.__dict__["excerpt_finder"]
        return following

    def inherit_everything(self, previous: Dataset) -> None:
        """Take over all that ``previous`` worked out, after an edit that left speakers, themes and positions as they were."""
        self.__dict__.update({key: value for key, value in previous.__dict__.items() if key not in ("model", "spans", "path", "excerpt_finder")})

    def inherit_lookups(self, previous: Dataset, old: Position | None, new: Position | None) -> None:
        """Take over what ``previous`` worked out, after an edit that changed only one position (``old`` became ``new``).

        Only the changed speakers' and themes' groups, and the changed themes'
        analysis, are worked out again; everything else is shared.  An edit of
        a speaker, a theme or the seminar inherits nothing.
        """
        known = previous.__dict__
        if self.model.speakers is not previous.model.speakers or self.model.themes is not previous.model.themes:
            return
        mine = self.__dict__
        for name in ("speakers", "themes", "_speaker_index", "_theme_index", "_theme_order", "_speaker_order"):
            if name in known:
                mine[name] = known[name]
        changed = [p for p in (old, new) if p is not None]
        if "_position_index" in known:
            index = dict(known["_position_index"])
            if old is not None:
                index.pop(old.id, None)
            if new is not None:
                index[new.id] = new
            mine["_position_index"] = index
        for name, key, order in (("_by_speaker", "speaker", "_theme_order"), ("_by_theme", "theme", "_speaker_order")):
            if name in known:
                owners = {getattr(p, key) for p in changed}
                groups = dict(known[name])
                if old is not None and new is not None and old.speaker == new.speaker and old.theme == new.theme:
                    # Same place in the same groups (a stance, a summary, an excerpt changed): swap it in.
                    owner = getattr(new, key)
                    groups[owner] = tuple(new if p is old else p for p in groups[owner])
                    mine[name] = groups
                    continue
                groups.update(_group(self.positions, key, getattr(self, order), owners))
                for owner in owners:
                    if owner in groups and not groups[owner]:
                        del groups[owner]
                mine[name] = groups
        themes = {p.theme for p in changed}
        if "analysis" in known:
            mine["analysis"] = known["analysis"].revised(themes, self.positions_on)
        if known.get("_analyses"):
            mine["_analyses"] = {kinds: analysis.revised(themes, self.positions_on) for kinds, analysis in known["_analyses"].items()}

    @property
    def chair(self) -> Speaker | None:
        chair_id = self.seminar.chair
        return self._speaker_index.get(chair_id) if chair_id else None

    @property
    def name(self) -> str:
        """File name to show, or the seminar's title for a dataset not read from a file."""
        return self.path.name if self.path else self.seminar.title


def _group(
    positions: Sequence[Position], key: str, order: Mapping[str, int], owners: set[str] | None = None
) -> dict[str, tuple[Position, ...]]:
    """Positions grouped by ``key`` (speaker or theme), each group sorted by the other's order then file order; only ``owners``' groups if given."""
    other = "theme" if key == "speaker" else "speaker"
    groups: dict[str, list[tuple[int, Position]]] = {owner: [] for owner in owners} if owners is not None else {}
    for index, position in enumerate(positions):
        owner = position.__dict__[key]
        if owners is not None and owner not in owners:
            continue
        groups.setdefault(owner, []).append((index, position))
    return {
        owner: tuple(p for _, p in sorted(items, key=lambda item: (order.get(getattr(item[1], other), 0), item[0])))
        for owner, items in groups.items()
    }
