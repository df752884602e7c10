"""What the user is looking at (:class:`Focus`) and a request to bring a position into view (:class:`Navigation`).

Plain values with no Qt: the window's ``Selection`` holds one focus at a time
and announces navigations, and the report can name a focus without widgets.
A focus is built through its constructors (:meth:`Focus.none`,
:meth:`Focus.on_speaker`, :meth:`Focus.on_theme`, :meth:`Focus.on_pair`) and
refuses any combination of fields that names no single thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal, get_args


class FocusKind(Enum):
    NONE = "none"
    SPEAKER = "speaker"
    THEME = "theme"
    PAIR = "pair"


_FIELDS_OF: dict[FocusKind, frozenset[str]] = {
    FocusKind.NONE: frozenset(),
    FocusKind.SPEAKER: frozenset({"speaker"}),
    FocusKind.THEME: frozenset({"theme"}),
    FocusKind.PAIR: frozenset({"speaker", "other_speaker"}),
}
"""The fields each kind of focus fills; every other field stays None."""


class InvalidFocus(ValueError):
    """A focus whose fields do not fit its kind."""


@dataclass(frozen=True)
class Focus:
    """The current selection: nothing, a speaker, a theme, or a pair of two different speakers."""

    kind: FocusKind = FocusKind.NONE
    speaker: str | None = None
    theme: str | None = None
    other_speaker: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, FocusKind):
            raise InvalidFocus(f"unknown kind of focus: {self.kind!r}")
        wanted = _FIELDS_OF[self.kind]
        for name in ("speaker", "theme", "other_speaker"):
            value = getattr(self, name)
            if name in wanted and not (isinstance(value, str) and value):
                raise InvalidFocus(f"a {self.kind.value} focus needs a non-empty {name.replace('_', ' ')}")
            if name not in wanted and value is not None:
                raise InvalidFocus(f"a {self.kind.value} focus has no {name.replace('_', ' ')}")
        if self.kind is FocusKind.PAIR and self.speaker == self.other_speaker:
            raise InvalidFocus("a pair needs two different speakers")

    @classmethod
    def none(cls) -> Focus:
        return cls()

    @classmethod
    def on_speaker(cls, speaker_id: str) -> Focus:
        return cls(FocusKind.SPEAKER, speaker=speaker_id)

    @classmethod
    def on_theme(cls, theme_id: str) -> Focus:
        return cls(FocusKind.THEME, theme=theme_id)

    @classmethod
    def on_pair(cls, speaker_id: str, other_id: str) -> Focus:
        return cls(FocusKind.PAIR, speaker=speaker_id, other_speaker=other_id)


NavigationTarget = Literal["source", "detail"]
NAVIGATION_TARGETS: tuple[str, ...] = get_args(NavigationTarget)
"""Where a position can be brought into view: its passage in the source, or its entry in the detail panel."""


@dataclass(frozen=True)
class Navigation:
    """A request to bring one position into view in one place; it changes nothing about the selection."""

    position: str
    target: NavigationTarget

    def __post_init__(self) -> None:
        if not (isinstance(self.position, str) and self.position):
            raise ValueError("a navigation needs a position id")
        if self.target not in NAVIGATION_TARGETS:
            raise ValueError(f"cannot bring a position into view in {self.target!r} (only {', '.join(NAVIGATION_TARGETS)})")
