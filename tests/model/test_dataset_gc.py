"""Loading pauses Python's cycle collector and always leaves it as it found it."""

import gc

import pytest

from desktop_app.model.dataset import DatasetError, load_bytes
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
    from desktop_app.model import dataset

    real_check = dataset.check_references

    def spying_check(refs):
        seen.append(gc.isenabled())
        return real_check(refs)

    monkeypatch.setattr(dataset, "check_references", spying_check)
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
