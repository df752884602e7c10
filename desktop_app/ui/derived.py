"""What the views work out from a whole seminar (search text, the report's layout, the analysis), kept beside the document.

The pydantic model holds only the file.  A :class:`DerivedData` belongs to
one dataset: the document makes a fresh one whenever its dataset changes, so
nothing stale survives an edit or an open.  It holds no Qt objects, so a
background load can fill one in its worker thread before the window shows
the seminar.  What depends on the report's text alone (its folding for the
search, its offsets as Qt counts them) is kept per text instead, and passes
to the next dataset when an edit leaves the text as it was: working it out
again took a large report most of a stance edit's time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT, SeminarAnalysis
from ..model.dataset import Dataset
from ..model.format.schema import Kind

_Result = TypeVar("_Result")

Derivation = Callable[[Dataset], Any]
"""Works out something from a whole dataset; no Qt objects."""


class DerivedData:
    """Values worked out from one dataset, each on first request and then kept."""

    def __init__(
        self,
        dataset: Dataset,
        counted_kinds: Iterable[Kind] = COUNTED_KINDS_DEFAULT,
        earlier: DerivedData | None = None,
        without_chair: bool = False,
    ):
        self.dataset = dataset
        self.counted_kinds = frozenset(counted_kinds)
        """The kinds of position the analysis counts (the window's filter)."""
        self.without_chair = without_chair
        """Whether the chair's positions are left out of the analysis."""
        self._kept: dict[Callable[[Dataset], Any], Any] = {}
        same_text = earlier is not None and earlier.dataset.seminar.source.text == dataset.seminar.source.text
        self._of_text: dict[Callable[[str], Any], Any] = earlier._of_text if earlier is not None and same_text else {}

    def get(self, make: Callable[[Dataset], _Result]) -> _Result:
        """``make(dataset)``, worked out once and kept."""
        if make not in self._kept:
            self._kept[make] = make(self.dataset)
        value: _Result = self._kept[make]
        return value

    def of_source_text(self, make: Callable[[str], _Result]) -> _Result:
        """``make(the report's text)``, worked out once per text: edits that leave the text alone keep it."""
        if make not in self._of_text:
            self._of_text[make] = make(self.dataset.seminar.source.text)
        value: _Result = self._of_text[make]
        return value

    def holds(self, make: Derivation) -> bool:
        """Whether ``make``'s value is worked out already."""
        return make in self._kept

    @property
    def analysis(self) -> SeminarAnalysis:
        """Theme metrics and speaker agreement, counting :attr:`counted_kinds` (without the chair's positions if :attr:`without_chair`)."""
        # The report and the command line, which have no document, share the dataset's cached
        # analysis; the views reach it through here so that it can move out of the model whole.
        return self.dataset.analysis_for(self.counted_kinds, self.without_chair)
