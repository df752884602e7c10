"""Edit ▸ Replace Source Text in the window: turns keep their words, every changed excerpt is listed by name, one undo step."""

from __future__ import annotations

import pytest

from desktop_app.model.format.loader import dumps, load_bytes
from desktop_app.presentation.turns import position_time
from desktop_app.ui.editing.reanchor_dialog import ExcerptChangesDialog
from tests.factories import DEBATE_SOURCE, debate_with_turns, to_bytes

INSERTED = "The clerk read the order of business and the list of amendments.\n\n"
NEW_TEXT = (
    DEBATE_SOURCE.replace("Ms Ada Obi said", INSERTED + "Ms Ada Obi said")
    .replace("small firms", "small businesses")
    .replace("the inspectorate is underfunded", "money is short")
)


@pytest.fixture
def debate_window(open_window):
    return open_window(load_bytes(to_bytes(debate_with_turns()), "debate.seminar.json"))


def _said(dataset) -> list[tuple[str, str]]:
    text = dataset.seminar.source.text
    return [(turn.speaker, text[turn.start : turn.end]) for turn in dataset.seminar.source.turns]


def _answer_in_the_dialog(qtbot, dialogs, untick: tuple[str, ...] = ()):
    """Stand in for the user: the real dialog is built and read, the given boxes unticked, and Replace Text pressed."""
    seen: dict = {}

    def confirm(parent, changes):
        dialog = ExcerptChangesDialog(changes, parent)
        qtbot.addWidget(dialog)
        seen["rewritten"] = {pid: dialog.row_texts[pid].text() for pid in dialog.boxes}
        seen["lost"] = {pid: label.text() for pid, label in dialog.row_texts.items() if pid not in dialog.boxes}
        for position_id in untick:
            dialog.boxes[position_id].setChecked(False)
        return dialog.kept()

    dialogs.confirm_excerpt_changes = confirm
    return seen


def test_replacing_the_text_keeps_each_turn_on_its_words_and_lists_changed_excerpts_by_name(qtbot, debate_window, dialogs):
    """A paragraph inserted near the top, a word changed in Roe's excerpt and Obi's last words rewritten: both listed by name, turns intact."""
    window = debate_window
    before = _said(window.document.dataset)
    seen = _answer_in_the_dialog(qtbot, dialogs)
    steps = window.document.undo_stack.count()
    assert window.editing.replace_source(NEW_TEXT) is not None
    assert seen["rewritten"] == {
        "roe-costs": "Ben Roe on Costs to business\nBefore: \u201cthe costs fall on small firms, and that the bill must be delayed\u201d"
        "\nNow: \u201cthe costs fall on small businesses, and that the bill must be delayed\u201d"
    }
    assert seen["lost"] == {"obi-enforcement": "Ada Obi on Enforcement\nNot found: \u201cthe inspectorate is underfunded\u201d"}
    dataset = window.document.dataset
    assert _said(dataset) == [before[0], before[1], ("roe", before[2][1].replace("small firms", "small businesses"))]
    inserted = NEW_TEXT.index(INSERTED)
    assert all(not turn.start <= inserted < turn.end for turn in dataset.seminar.source.turns)
    assert dataset.position("roe-costs").excerpt == "the costs fall on small businesses, and that the bill must be delayed"
    assert position_time(dataset, "roe-costs") == 3723.0 and position_time(dataset, "obi-emissions") == 65.4
    assert dataset.unanchored == ("obi-enforcement",)
    assert window.document.undo_stack.count() == steps + 1


def test_an_unticked_rewritten_excerpt_is_left_unanchored_and_undo_brings_everything_back(qtbot, debate_window, dialogs):
    """Unticking Roe's rewritten excerpt leaves it unanchored with its old words; one undo restores text, turns and highlights."""
    window = debate_window
    old = dumps(window.document.dataset.model)
    old_spans = dict(window.document.dataset.spans)
    seen = _answer_in_the_dialog(qtbot, dialogs, untick=("roe-costs",))
    window.editing.replace_source(DEBATE_SOURCE.replace("small firms", "small businesses"))
    assert list(seen["rewritten"]) == ["roe-costs"] and seen["lost"] == {}
    dataset = window.document.dataset
    assert dataset.position("roe-costs").excerpt == "the costs fall on small firms, and that the bill must be delayed"
    assert dataset.unanchored == ("roe-costs",) and window.editing.lost_list.count() == 1
    window.editing.undo_action.trigger()
    assert dumps(window.document.dataset.model) == old and dict(window.document.dataset.spans) == old_spans


def test_cancelling_the_list_of_changed_excerpts_replaces_nothing(qtbot, debate_window, dialogs):
    """Cancel in the list of changed excerpts leaves the text, turns and excerpts as they were, with no undo step."""
    window = debate_window
    old = dumps(window.document.dataset.model)
    dialogs.excerpt_changes_answer = None
    steps = window.document.undo_stack.count()
    assert window.editing.replace_source(NEW_TEXT) is None
    assert dumps(window.document.dataset.model) == old and window.document.undo_stack.count() == steps


def test_a_text_that_keeps_every_excerpt_asks_nothing(qtbot, debate_window, dialogs):
    """Inserting only a paragraph finds every excerpt as it was: no list is shown, and the turns keep their words."""
    window = debate_window
    before = _said(window.document.dataset)
    window.editing.replace_source(DEBATE_SOURCE.replace("Mr Ben Roe", INSERTED + "Mr Ben Roe"))
    assert not dialogs.named("confirm_excerpt_changes")
    assert _said(window.document.dataset) == before and window.document.dataset.unanchored == ()
