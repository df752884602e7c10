"""Re-anchoring benchmarks: replacing the source text of the 500-speaker seminar (40 themes, 10,000 positions).

Pure model work (no window): the time :func:`~desktop_app.model.editing.reanchor.reanchor`
takes to place every excerpt and turn again.  Two edits far apart used to make one
changed stretch across half the report, with every excerpt in it searched for
afresh (about 150 s); each edit is now its own stretch.  The target, 1 s, is this
project's: a replacement the user waits for once, behind a dialog.
"""

from __future__ import annotations

import functools
import time

from desktop_app.model.editing.reanchor import reanchor
from desktop_app.model.format.loader import load_bytes
from tests.synthetic.generator import generate_text

from .harness import Measurement, Settings, benchmark

SEED = 1
RUNS = 5


@functools.cache
def _seminar(settings: Settings):
    sizes = settings.size(500, quick=8), settings.size(40, quick=5), settings.size(10_000, quick=60)
    return load_bytes(generate_text(*sizes, SEED).encode("utf-8"), "large.seminar.json")


def _edited(text: str, word_in_the_middle: bool) -> str:
    if word_in_the_middle:
        cut = text.find(" ", len(text) // 2)
        text = text[:cut] + " really" + text[cut:]
    return text.replace("\n", "\nA paragraph the organiser added.\n", 1)


def _register(name: str, word_in_the_middle: bool) -> None:
    @benchmark(f"replace the source text, {name}, 500 speakers × 10,000 positions", target=1.0, group="editing")
    def run(settings: Settings) -> Measurement:
        dataset = _seminar(settings)
        source = dataset.seminar.source
        new = _edited(source.text, word_in_the_middle)
        samples, review = [], 0
        for _ in range(settings.size(RUNS, quick=1)):
            began = time.perf_counter()
            outcome = reanchor(source.text, new, dataset.model.positions, dataset.spans, source.turns)
            samples.append(time.perf_counter() - began)
            review = len(outcome.review)
        noun = "excerpt" if review == 1 else "excerpts"
        detail = f"{len(samples)} runs over {len(source.text):,} characters; {review} {noun} listed for review, {len(outcome.lost)} lost"
        return Measurement(samples, "s", detail)


_register("a paragraph at the top", False)
_register("a paragraph at the top and a word in the middle", True)
