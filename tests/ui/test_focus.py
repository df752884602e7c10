"""What can be selected: a focus names nothing, one speaker, one theme or two different speakers, and nothing else."""

from __future__ import annotations

import pytest

from desktop_app.presentation.focus import Focus, FocusKind, InvalidFocus, Navigation
from desktop_app.ui.selection import Selection

INVALID = [
    ("a speaker focus without a speaker", lambda: Focus(FocusKind.SPEAKER)),
    ("a speaker focus with a theme too", lambda: Focus(FocusKind.SPEAKER, speaker="obi", theme="costs")),
    ("a speaker focus with a second speaker", lambda: Focus(FocusKind.SPEAKER, speaker="obi", other_speaker="roe")),
    ("a theme focus without a theme", lambda: Focus(FocusKind.THEME)),
    ("a theme focus with a speaker", lambda: Focus(FocusKind.THEME, theme="costs", speaker="obi")),
    ("a pair with one speaker", lambda: Focus(FocusKind.PAIR, speaker="obi")),
    ("a pair of the same speaker twice", lambda: Focus.on_pair("obi", "obi")),
    ("a pair with a theme", lambda: Focus(FocusKind.PAIR, speaker="obi", other_speaker="roe", theme="costs")),
    ("no focus that names a speaker", lambda: Focus(FocusKind.NONE, speaker="obi")),
    ("an empty speaker id", lambda: Focus.on_speaker("")),
    ("a kind that is not one", lambda: Focus("speaker", speaker="obi")),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("make", [make for _, make in INVALID], ids=[name for name, _ in INVALID])
def test_a_focus_that_names_no_single_thing_is_refused(make):
    """Every mix of fields that does not fit its kind is refused when the focus is made."""
    with pytest.raises(InvalidFocus):
        make()


def test_each_valid_focus_holds_what_it_names():
    """The four kinds of focus keep what they were given, and equal values are equal foci."""
    assert Focus.none() == Focus()
    assert (Focus.on_speaker("obi").kind, Focus.on_speaker("obi").speaker) == (FocusKind.SPEAKER, "obi")
    assert Focus.on_theme("costs").theme == "costs"
    pair = Focus.on_pair("obi", "roe")
    assert (pair.kind, pair.speaker, pair.other_speaker) == (FocusKind.PAIR, "obi", "roe")


def test_a_navigation_names_a_position_and_one_of_two_places():
    """A navigation goes to the source or to the detail panel, for a named position; nothing else is accepted."""
    assert Navigation("obi-emissions", "source").target == "source"
    with pytest.raises(ValueError, match="only source, detail"):
        Navigation("obi-emissions", "chart")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a position id"):
        Navigation("", "detail")


def test_the_selection_turns_a_pair_of_one_speaker_into_that_speaker(qtbot):
    """Picking a speaker's own cell in the agreement map selects that speaker, not an impossible pair."""
    selection = Selection()
    selection.select_pair("obi", "obi")
    assert selection.focus == Focus.on_speaker("obi")


def test_navigating_leaves_the_selection_as_it_was(qtbot):
    """A request to bring a position into view is announced without touching the focus."""
    selection = Selection()
    selection.select_theme("costs")
    with qtbot.assertNotEmitted(selection.changed), qtbot.waitSignal(selection.navigationRequested) as asked:
        selection.navigate("roe-costs", "detail")
    assert asked.args == [Navigation("roe-costs", "detail")]
    assert selection.focus == Focus.on_theme("costs")
