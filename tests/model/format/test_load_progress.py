"""A load followed by a monitor: its phases and progress, cancellation, and the long report checked in pieces."""

from __future__ import annotations

import gc

import pytest

from desktop_app.model.format import loader as loader_module
from desktop_app.model.format.loader import load, load_bytes
from desktop_app.model.format.problems import DatasetError
from desktop_app.model.format.progress import LOAD_PHASES, LoadCancelled, Monitor, Phase
from tests.factories import debate, to_bytes


def long_report_debate(extra: str = "") -> dict:
    """The debate with a report longer than the size checked in one piece, ``extra`` near its end."""
    data = debate()
    source = data["seminar"]["source"]
    padding = "The committee then heard further evidence. " * (loader_module.LONG_TEXT // 40)
    source["text"] = source["text"] + "\n\n" + padding + extra + "\nThe end."
    return data


def test_a_monitored_load_reports_every_phase_in_order_up_to_the_whole(tmp_path):
    """Loading a file with a monitor reports reading, decoding, parsing, checking and placing excerpts, in order, never going back."""
    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate()))
    reports: list[tuple[str, float]] = []
    dataset = load(path, monitor=Monitor(lambda label, share: reports.append((label, share))))
    dataset.precompute(Monitor(lambda label, share: reports.append((label, share))))
    labels = list(dict.fromkeys(label for label, _ in reports))
    assert labels == [phase.label for phase in LOAD_PHASES]
    shares = [share for _, share in reports]
    assert shares == sorted(shares) and shares[0] >= 0 and shares[-1] < 1


def test_progress_within_a_long_phase_is_reported_in_steps():
    """Checking tens of thousands of entries reports progress part-way through the phase, not only at its ends."""
    data = debate()
    template = data["positions"][0]
    data["positions"] = [{**template, "id": f"p{number}"} for number in range(5_000)]
    shares = []
    load_bytes(to_bytes(data), monitor=Monitor(lambda label, share: shares.append((label, share))))
    checking = [share for label, share in shares if label == "Checking every field"]
    placing = [share for label, share in shares if label == "Finding the excerpts in the report"]
    assert len(checking) > 2 and len(placing) > 2


@pytest.mark.parametrize("phase", [phase.key for phase in LOAD_PHASES if phase.key != "analysis"])
def test_cancelling_in_any_phase_stops_the_load_and_leaves_the_collector_on(tmp_path, phase):
    """Asking to stop during any phase ends the load with LoadCancelled, and Python's cycle collector runs again."""
    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(debate()))
    started: list[str] = []
    keys = {p.label: p.key for p in LOAD_PHASES}

    def note(label: str, share: float) -> None:
        started.append(keys[label])

    was_enabled = gc.isenabled()
    gc.enable()
    try:
        with pytest.raises(LoadCancelled):
            load(path, monitor=Monitor(note, lambda: phase in started))
        assert gc.isenabled()
    finally:
        if not was_enabled:
            gc.disable()
    assert started[-1] == phase


def test_a_long_report_checked_in_pieces_gives_the_same_seminar():
    """A report of more than a million characters loads into the same seminar with or without a monitor."""
    data = to_bytes(long_report_debate())
    plain = load_bytes(data)
    followed = load_bytes(data, monitor=Monitor(lambda label, share: None, lambda: False))
    assert plain.model == followed.model
    assert plain.seminar.source.text == followed.seminar.source.text
    assert dict(plain.spans) == dict(followed.spans)


@pytest.mark.parametrize(
    "extra, message",
    [("\x07", "must not contain control characters other than tab and newline")],
)
def test_a_control_character_deep_in_a_long_report_is_still_reported(extra, message):
    """A control character a million characters into the report is found and located like anywhere else."""
    with pytest.raises(DatasetError) as caught:
        load_bytes(to_bytes(long_report_debate(extra)))
    (problem,) = caught.value.problems
    assert problem.path == ("seminar", "source", "text")
    assert message in problem.message and problem.line is not None


def test_a_long_blank_report_is_refused():
    """A report of a million spaces counts as blank, as a short one does."""
    data = debate()
    data["seminar"]["source"]["text"] = " " * (loader_module.LONG_TEXT + 10)
    data["positions"] = []
    with pytest.raises(DatasetError) as caught:
        load_bytes(to_bytes(data))
    assert any(p.path == ("seminar", "source", "text") and "blank" in p.message for p in caught.value.problems)


def test_a_monitor_weighs_its_phases():
    """A monitor turns the steps of each phase into the share of the whole job, by the phases' weights."""
    reports = []
    monitor = Monitor(lambda label, share: reports.append((label, round(share, 3))), None, [Phase("a", "A", 1), Phase("b", "B", 3)])
    monitor.begin("a")
    monitor.advance(1, 2)
    monitor.begin("b")
    monitor.advance(2, 3)
    assert reports == [("A", 0.0), ("A", 0.125), ("B", 0.25), ("B", 0.75)]


def test_precompute_leaves_nothing_to_work_out_on_first_use(default_dataset):
    """After precompute, the analysis and the agreement matrix are already there for the views."""
    from desktop_app.model.format.loader import load as load_again

    fresh = load_again(default_dataset.path)
    fresh.precompute()
    assert "analysis" in fresh.__dict__ and "matrix" in fresh.analysis.__dict__
