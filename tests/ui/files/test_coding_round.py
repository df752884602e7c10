"""File ▸ New Coding Round in the window: the dialog, the copy written, and the banner on opening it."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.model.format.coding import CodingMode
from desktop_app.model.format.loader import load_bytes
from desktop_app.ui.editing.awaiting_queue import awaiting_in_text_order
from desktop_app.ui.files.coding_round_dialog import CodingRoundDialog
from tests.factories import panel, to_bytes


def test_the_dialog_needs_a_coder_and_returns_the_choice(qtbot):
    """Write Copy stays disabled until a coder is named; then the dialog gives coder, round and the chosen mode."""
    dialog = CodingRoundDialog("3")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.coder.setText("  Second reader ")
    dialog.mode_buttons[CodingMode.INDEPENDENT].setChecked(True)
    assert ok.isEnabled()
    assert dialog.choice() == ("Second reader", "3", CodingMode.INDEPENDENT)


def test_a_new_round_is_written_beside_the_seminar_and_opens_with_its_mode_on_the_banner(open_window, dialogs, tmp_path, qtbot):
    """An independent round of an opened panel is written where the user chose, opened, and named on the banner."""
    original = tmp_path / "panel.seminar.json"
    original.write_bytes(to_bytes(panel()))
    before = original.read_bytes()
    window = open_window(load_bytes(before, str(original), path=original))
    dialogs.coding_round_answer = ("Second reader", "2", CodingMode.INDEPENDENT)
    dialogs.save_answer = str(tmp_path / "round.seminar.json")
    dialogs.ask_answer = True
    assert "New Co&ding Round\u2026" in [action.text() for action in window.file_menu.actions()]
    written = window.coding_round.make_round()
    assert written == tmp_path / "round.seminar.json"
    _title, suggested, _filter = dialogs.named("save_path")[-1]
    assert suggested == str(tmp_path / "panel-round-2-independent.seminar.json")
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["coding"] == {"coder": "Second reader", "round": "2", "mode": "independent"}
    assert data["positions"] == []
    assert original.read_bytes() == before
    qtbot.waitUntil(lambda: window.document.dataset.path == written.resolve() or window.document.dataset.path == written)
    assert "Coding round 2 by Second reader: independent coding" in window.banner.text()


def test_a_round_is_never_written_over_the_open_seminar(open_window, dialogs, tmp_path):
    """Choosing the open seminar's own file as the round's name is refused and the file is left as it was."""
    original = tmp_path / "panel.seminar.json"
    original.write_bytes(to_bytes(panel()))
    before = original.read_bytes()
    window = open_window(load_bytes(before, str(original), path=original))
    dialogs.coding_round_answer = ("Second reader", "2", CodingMode.INDEPENDENT)
    dialogs.save_answer = str(original)
    assert window.coding_round.make_round() is None
    assert original.read_bytes() == before
    assert dialogs.named("show_error")


def test_a_blind_round_opens_with_every_passage_awaiting_a_stance(open_window, dialogs, tmp_path, qtbot):
    """The blind copy keeps each passage with no stance, summary or note; it opens, counts nothing, and Ctrl+J rates it."""
    original = tmp_path / "panel.seminar.json"
    original.write_bytes(to_bytes(panel()))
    window = open_window(load_bytes(original.read_bytes(), str(original), path=original))
    first = window.document.dataset
    dialogs.coding_round_answer = ("Second reader", "2", CodingMode.BLIND)
    dialogs.save_answer = str(tmp_path / "blind.seminar.json")
    dialogs.ask_answer = True
    written = window.coding_round.make_round()
    _title, suggested, _filter = dialogs.named("save_path")[-1]
    assert suggested.endswith("panel-round-2-blind.seminar.json")
    data = json.loads(written.read_text(encoding="utf-8"))
    assert [p["id"] for p in data["positions"]] == [p.id for p in first.model.positions]
    assert all(p["stance"] is None and p["summary"] == "" and p["note"] == "" for p in data["positions"])
    qtbot.waitUntil(lambda: window.document.dataset.path in (written, written.resolve()))
    opened = window.document.dataset
    assert len(opened.awaiting) == len(first.positions)
    assert all(metrics.n == 0 for metrics in opened.analysis.themes.values())
    assert "blind re-rating" in window.banner.text()
    assert window.awaiting.action.isEnabled()
    first_in_text = awaiting_in_text_order(opened)[0]
    assert window.awaiting.rate_next() == first_in_text
    assert window.coding.editor.isVisible() and window.coding.editor.editing == first_in_text


def test_the_dialog_offers_the_blind_mode(qtbot):
    """Both modes can be chosen now that a position may await a stance."""
    dialog = CodingRoundDialog("2")
    qtbot.addWidget(dialog)
    assert all(button.isEnabled() for button in dialog.mode_buttons.values())
