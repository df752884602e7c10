"""Performance benchmarks, run by ``python -m tests.benchmarks``; not part of the pass/fail test suite.

Modules here are named ``bench_*.py`` so pytest does not collect them; only
``tests/test_benchmarks_smoke.py`` runs the harness, in quick mode, to keep it working.
"""
