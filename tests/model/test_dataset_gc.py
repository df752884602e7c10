"""Loading pauses Python's cycle collector, files what it built as long-lived, and leaves the collector as it was."""

import gc

import pytest

from desktop_app.model.format.loader import load_bytes
from desktop_app.model.format.problems import DatasetError
from tests.factories import debate, to_bytes


@pytest.fixture
def collector_state():
    """Restore the collector's state whatever the test does to it."""
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_collector_is_paused_while_loading_and_back_on_afterwards(collector_state, monkeypatch):
    """During a load the collector is off; after a good or a broken file it is on again."""
    gc.enable()
    seen = []
    from desktop_app.model.format import loader

    real_check = loader.check_references

    def spying_check(refs, monitor=None):
        seen.append(gc.isenabled())
        return real_check(refs, monitor)

    monkeypatch.setattr(loader, "check_references", spying_check)
    load_bytes(to_bytes(debate()))
    assert seen == [False] and gc.isenabled()
    with pytest.raises(DatasetError):
        load_bytes(b"{ not json")
    assert gc.isenabled()


def test_loading_leaves_a_paused_collector_paused(collector_state):
    """An application that runs with the collector off finds it still off after loading."""
    gc.disable()
    load_bytes(to_bytes(debate()))
    assert not gc.isenabled()


def test_loaded_dataset_is_filed_with_the_long_lived_objects(collector_state):
    """After loading, the seminar's objects sit in the oldest generation, so young collections do not walk them."""
    gc.enable()
    dataset = load_bytes(to_bytes(debate()))
    oldest = {id(thing) for thing in gc.get_objects(generation=2)}
    assert id(dataset.model) in oldest
    assert all(id(position) in oldest for position in dataset.model.positions)


def test_objects_the_application_froze_stay_frozen(collector_state):
    """An application that froze its objects (before forking, say) finds them still frozen after a load."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        load_bytes(to_bytes(debate()))
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
