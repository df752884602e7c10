"""The benchmark harness keeps working: a quick run gives a row per benchmark (timings are never judged here)."""

from tests.benchmarks import __main__ as benchmarks
from tests.benchmarks.harness import REGISTRY, Benchmark, Measurement, Row, Settings, run_benchmarks, table


def test_quick_run_prints_a_row_for_every_benchmark(capsys):
    """A smoke run of the whole harness prints one line per registered benchmark and exits 0."""
    assert benchmarks.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert REGISTRY, "at least the loading benchmarks are registered"
    for bench in REGISTRY:
        rows = [line for line in out.splitlines() if line.startswith(bench.name + " ")]
        assert len(rows) == 1, f"no single row for {bench.name!r} in:\n{out}"
        assert "not judged (quick run)" in rows[0]


def test_quick_run_covers_start_up_selection_loading_and_export(capsys):
    """The smoke run includes the start-up, memory, selection and PDF rows, each with its detail line."""
    assert benchmarks.main(["--quick"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    for name in (
        "start-up to first paint: app / bare pyqtgraph window",
        "start-up peak memory: app / bare pyqtgraph window",
        "select a speaker, default seminar",
        "select a theme, default seminar",
        "select a speaker, Source tab shown, default seminar",
        "select a speaker, 500 speakers × 40 themes × 10,000 positions",
        "select a theme, 500 speakers × 40 themes × 10,000 positions",
        "PDF export, default seminar",
    ):
        at = next((i for i, line in enumerate(lines) if line.startswith(name + " ")), None)
        assert at is not None, f"no row for {name!r} in:\n{out}"
        assert "failed" not in lines[at]
        assert lines[at + 1].startswith("    "), f"no detail line under {name!r}"
    assert "pyqtgraph window" in out and "bare PySide6 window" in out


def test_rows_say_whether_the_median_meets_the_target():
    """A median under the target reads 'meets target', one over it 'misses target', with the ratio."""
    under = Row("fast", "g", 0.3, "s", [0.1, 0.2, 0.9])
    over = Row("slow", "g", 0.3, "s", [0.2, 0.4, 0.5])
    text = table([under, over])
    assert "meets target" in text.splitlines()[2] and "0.67" in text.splitlines()[2]
    assert "misses target" in text.splitlines()[3] and "1.33" in text.splitlines()[3]


def test_a_broken_benchmark_is_reported_and_the_others_still_run():
    """A benchmark that raises gets a 'failed' row with its error; the next one still runs."""
    def broken(settings: Settings) -> Measurement:
        raise RuntimeError("no display")

    def fine(settings: Settings) -> Measurement:
        return Measurement([1.0, 2.0], "×", "side by side")

    rows = run_benchmarks(
        [Benchmark("broken", 1.0, "s", broken), Benchmark("fine", 1.1, "×", fine)], Settings(runs=1)
    )
    assert [row.verdict for row in rows] == ["failed", "misses target"]
    assert "RuntimeError: no display" in table(rows)
