"""Run the benchmarks and print medians against their targets: ``python -m tests.benchmarks``.

Options: ``--quick`` for a smoke run with small sizes and one sample each,
``--runs N`` for the number of samples, ``-k TEXT`` to run only benchmarks whose
name contains TEXT, ``--list`` to list them, ``--json FILE`` to keep the figures.
Exit code 0 when every benchmark ran (whether or not it met its target), 1 when one failed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from .harness import REGISTRY, Settings, run_benchmarks, table

MODULES = ("bench_startup", "bench_selection", "bench_loading", "bench_opening", "bench_pdf", "bench_export", "bench_import", "bench_soak", "bench_editing", "bench_coding", "bench_source_layout", "bench_reanchor", "bench_reliability", "bench_exchange")
"""The benchmark modules, imported in this order; each registers its benchmarks."""


def load_benchmarks() -> None:
    for name in MODULES:
        importlib.import_module(f"{__package__}.{name}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: small sizes, one sample, no verdicts")
    parser.add_argument("--runs", type=int, help="samples per benchmark (default 5, or 1 with --quick)")
    parser.add_argument("-k", dest="select", metavar="TEXT", help="only benchmarks whose name contains TEXT")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE as JSON")
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")

    load_benchmarks()
    chosen = [b for b in REGISTRY if not args.select or args.select.lower() in b.name.lower()]
    if args.list:
        for bench in chosen:
            print(bench.name)
        return 0
    if not chosen:
        parser.error(f"no benchmark name contains {args.select!r}")
    settings = Settings(runs=args.runs or (1 if args.quick else 5), quick=args.quick)
    print(
        f"Seminar Lens benchmarks: Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs; {settings.runs} sample(s) each{'; quick run' if settings.quick else ''}",
        flush=True,
    )
    rows = run_benchmarks(chosen, settings, progress=lambda name: print(f"  running {name}…", file=sys.stderr))
    print(table(rows))
    if args.json:
        figures = [
            {
                "name": row.name,
                "group": row.group,
                "unit": row.unit,
                "target": row.target,
                "samples": row.samples,
                "median": statistics.median(row.samples) if row.samples else None,
                "result": row.verdict,
                "detail": row.detail,
                "error": row.error,
            }
            for row in rows
        ]
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if any(row.error for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
