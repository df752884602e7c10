"""Progress and cancellation for long jobs such as loading a big seminar, free of any user interface.

The loader is handed a :class:`Monitor` and tells it which phase it has
reached (:meth:`Monitor.begin`) and how far through a long phase it is
(:meth:`Monitor.advance`).  The monitor turns that into the share of the whole
job done, passes it on to a callback with the phase's label, and raises
:class:`LoadCancelled` at those same points once the caller has asked to
stop.  A monitor with no callbacks does nothing, so the loader uses one
either way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Progress = Callable[[str, float], None]
"""Called with the label of the phase under way and the share of the whole job done (0 to 1)."""
CancelCheck = Callable[[], bool]
"""Returns True once the caller wants the job stopped."""

REPORT_STEP = 0.005
"""Smallest gain in the share done worth reporting within a phase (a progress bar's half per cent)."""


class LoadCancelled(Exception):
    """The caller asked the load to stop; nothing was loaded and nothing was changed."""


@dataclass(frozen=True)
class Phase:
    """A step of a job: its key, the words a person sees, and its rough share of the time."""

    key: str
    label: str
    weight: float


LOAD_PHASES: tuple[Phase, ...] = (
    # Weights in hundredths of a 100,000-position load (500 speakers, 57 MiB), as measured.
    Phase("reading", "Reading the file", 2),
    Phase("decoding", "Decoding the text", 3),
    Phase("parsing", "Parsing the JSON", 9),
    Phase("fields", "Checking every field", 17),
    Phase("excerpts", "Finding the excerpts in the report", 56),
    Phase("analysis", "Analysing the positions", 13),
)
"""The phases of :func:`desktop_app.model.format.loader.load` followed by ``Dataset.precompute``."""


class Monitor:
    """Follows one job through its phases; see the module's docstring."""

    def __init__(
        self,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        phases: Sequence[Phase] = LOAD_PHASES,
    ):
        self._progress = progress
        self._cancelled = cancelled
        total = sum(phase.weight for phase in phases) or 1.0
        self._phases: dict[str, tuple[str, float, float]] = {}
        start = 0.0
        for phase in phases:
            self._phases[phase.key] = (phase.label, start / total, phase.weight / total)
            start += phase.weight
        self._current: tuple[str, float, float] | None = None
        self._reported = -1.0

    def check(self) -> None:
        """Raise LoadCancelled if the caller has asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise LoadCancelled()

    def begin(self, key: str) -> None:
        """The phase ``key`` starts now (after a check for cancellation)."""
        self.check()
        self._current = self._phases[key]
        label, start, _ = self._current
        self._report(label, start, always=True)

    def advance(self, done: int, total: int) -> None:
        """``done`` of the current phase's ``total`` units are done (after a check for cancellation)."""
        self.check()
        if self._progress is None or self._current is None or total <= 0:
            return
        label, start, span = self._current
        self._report(label, start + span * min(done / total, 1.0))

    def _report(self, label: str, share: float, always: bool = False) -> None:
        if self._progress is not None and (always or share - self._reported >= REPORT_STEP):
            self._reported = share
            self._progress(label, share)
