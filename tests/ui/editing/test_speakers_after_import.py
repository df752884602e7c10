"""Speakers after the import, in the window: merge two speakers, give a turn to another speaker; each one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from desktop_app.model.format.loader import dumps, load_bytes
from desktop_app.presentation.turns import position_time
from tests.factories import debate_with_turns, to_bytes
from tests.ui.editing.test_coding import select


@pytest.fixture
def debate_window(open_window):
    return open_window(load_bytes(to_bytes(debate_with_turns()), "debate.seminar.json"))


def _turns(dataset) -> list[tuple[str, float | None]]:
    return [(turn.speaker, turn.start_time) for turn in dataset.seminar.source.turns]


def test_merging_a_speaker_from_the_panel_moves_positions_and_turns_in_one_undoable_step(qtbot, debate_window, dialogs):
    """Ben Roe merged into Ada Obi with the panel's Merge Into…: his position and turn are hers, the two turns one; undo restores him."""
    window = debate_window
    before = dumps(window.document.dataset.model)
    manager = window.coding.manager
    manager.show()
    manager.speakers.setCurrentRow([s.id for s in window.document.dataset.speakers].index("roe"))
    dialogs.speaker_choice_answer = "obi"
    merge = next(b for b in manager.tabs.widget(0).findChildren(QPushButton) if b.text() == "Merge Into\u2026")
    merge.click()
    ((title, prompt, choices),) = dialogs.named("choose_speaker")
    assert title == "Merge speaker" and "Ben Roe" in prompt and ("obi", "Ada Obi") in choices
    dataset = window.document.dataset
    assert [s.id for s in dataset.speakers] == ["speaker", "obi"]
    assert dataset.position("roe-costs").speaker == "obi"
    assert _turns(dataset) == [("speaker", 0.0), ("obi", 65.4)]
    text = dataset.seminar.source.text
    obi = dataset.seminar.source.turns[1]
    assert text[obi.start : obi.end].endswith("the bill must be delayed.")
    assert window.editing.undo_action.text() == "&Undo Merge speaker Ben Roe into Ada Obi (1 moved)"
    assert manager.speakers.count() == 2
    window.editing.undo_action.trigger()
    assert dumps(window.document.dataset.model) == before


def test_giving_a_turn_to_another_speaker_takes_its_positions_and_keeps_its_time(qtbot, debate_window, dialogs):
    """Edit ▸ Give This Turn To… with the caret in Roe's turn gives it, and his position in it, to the Speaker; undo gives it back."""
    window = debate_window
    before = dumps(window.document.dataset.model)
    text = window.document.dataset.seminar.source.text
    at = text.index("argued")
    select(window, at, at)
    dialogs.speaker_choice_answer = "speaker"
    assert window.coding.give_turn_action in window.edit_menu.actions()
    window.coding.give_turn_action.trigger()
    ((title, prompt, choices),) = dialogs.named("choose_speaker")
    assert title == "Give turn" and prompt == "Give Ben Roe's turn at 1:02:03 to:" and "roe" not in [c[0] for c in choices]
    dataset = window.document.dataset
    assert _turns(dataset) == [("speaker", 0.0), ("obi", 65.4), ("speaker", 3723.0)]
    assert dataset.position("roe-costs").speaker == "speaker" and dataset.position("obi-emissions").speaker == "obi"
    assert position_time(dataset, "roe-costs") == 3723.0
    window.editing.undo_action.trigger()
    assert dumps(window.document.dataset.model) == before
