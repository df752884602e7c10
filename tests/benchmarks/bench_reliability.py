"""Reliability benchmark: ``--reliability`` on two 500-speaker codings against ``--check`` of the same two files.

The second coding is the first with about one stance in six moved a step, so
alpha, its thousand bootstrap draws per scope and level, and the verdicts that
differ are all worked out on realistic disagreement.  Both commands run in this
process, alternately, with their output thrown away; the target (≤ 3× --check)
is the issue's.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import random
import statistics
import tempfile
from pathlib import Path

from desktop_app.cli import main as cli
from tests.synthetic.generator import generate_text

from .harness import Measurement, Settings, benchmark, side_by_side

SEED = 1
_FOLDER = tempfile.TemporaryDirectory(prefix="seminar-lens-reliability-")


@functools.cache
def _codings(speakers: int, themes: int, positions: int) -> tuple[Path, Path]:
    text = generate_text(speakers, themes, positions, SEED)
    first = Path(_FOLDER.name) / "first.seminar.json"
    first.write_text(text, encoding="utf-8")
    data = json.loads(text)
    rng = random.Random(SEED)
    for position in data["positions"]:
        if rng.random() < 1 / 6:
            position["stance"] = max(-2, min(2, position["stance"] + rng.choice((-1, 1))))
    second = Path(_FOLDER.name) / "second.seminar.json"
    second.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return first, second


def _quietly(arguments: list[str]) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        status = cli(arguments)
    if status != 0:
        raise RuntimeError(f"seminar-lens {' '.join(arguments)} exited {status}")


@benchmark("--reliability of two 500-speaker codings (bootstrap included) / --check of both", target=3.0, unit="×", group="loading")
def reliability_ratio(settings: Settings) -> Measurement:
    sizes = settings.size(500, quick=8), settings.size(40, quick=5), settings.size(10_000, quick=60)
    first, second = _codings(*sizes)
    names = [str(first), str(second)]
    runs = settings.runs
    reliability, check = side_by_side(lambda: _quietly(["--reliability", *names]), lambda: _quietly(["--check", *names]), runs)
    ratios = [subject / baseline for subject, baseline in zip(reliability, check, strict=True)]
    detail = (
        f"{sizes[0]} speakers, {sizes[1]} themes, {sizes[2]:,} positions each; --reliability "
        f"{statistics.median(reliability):.2f} s, --check {statistics.median(check):.2f} s"
    )
    return Measurement(ratios, "×", detail)
