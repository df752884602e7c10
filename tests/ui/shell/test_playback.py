"""The recording plays in the window: loaded, sought to a turn, the spoken turn marked, relinked, kept across Save As.

A recording is generated in the test (a six-second WAV tone); the offscreen
platform has no audio output, and QMediaPlayer plays without one.
"""

from __future__ import annotations

import json
import math
import struct
import wave
from pathlib import Path

import pytest

from desktop_app.model.format.loader import load
from desktop_app.presentation.playback_times import passage_start, spoken_turn
from desktop_app.ui.views import player_bar
from tests.factories import DEBATE_SOURCE, debate_with_turns, to_bytes

TIMES = (0.5, 2.0, 4.0)
"""When the debate's three turns begin, in seconds (the last one ends at 5.5)."""


def write_wav(path: Path, seconds: float = 6.0, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = int(seconds * rate)
        out.writeframes(b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * 330 * i / rate))) for i in range(frames)))
    return path


def timed_debate(recording: str | None) -> dict:
    data = debate_with_turns()
    for turn, start in zip(data["seminar"]["source"]["turns"], TIMES, strict=True):
        turn["start_time"] = start
    data["seminar"]["source"]["turns"][-1]["end_time"] = 5.5
    if recording is not None:
        data["recording"] = {"path": recording, "offset": 0.0}
    return data


@pytest.fixture
def seminar_with_recording(tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    write_wav(folder / "hearing.wav")
    path = folder / "debate.seminar.json"
    path.write_bytes(to_bytes(timed_debate("hearing.wav")))
    return path


def _loaded(qtbot, window):
    bar = window.playback.bar
    qtbot.waitUntil(lambda: bar.player is not None and bar.player.duration() > 0, timeout=10_000)
    return bar


def test_the_player_loads_the_recording_and_a_turn_click_seeks_to_it(qtbot, open_window, seminar_with_recording):
    """The WAV loads (6 s); a click on turn 2 in the Source margin plays from within 0.2 s of its start."""
    window = open_window(load(seminar_with_recording))
    bar = _loaded(qtbot, window)
    assert bar.isVisible() and abs(bar.player.duration() - 6000) < 100
    window.show_tab("source")
    window.source.ensure_filled()
    text = window.source.text
    qtbot.waitUntil(lambda: len(text.margin_labels()) == 3)
    text.turnClicked.emit(1)  # what a click on the second turn's label sends
    qtbot.waitUntil(lambda: bar.player.playbackState() == bar.player.PlaybackState.PlayingState, timeout=5000)
    assert abs(bar.player.position() / 1000 - TIMES[1]) < 0.2
    qtbot.waitUntil(lambda: bar.player.position() / 1000 > TIMES[1] + 0.2, timeout=5000)  # and it plays on
    bar.toggle()
    qtbot.waitUntil(lambda: bar.player.playbackState() != bar.player.PlaybackState.PlayingState)


def test_the_marked_turn_follows_the_recording(qtbot, open_window, seminar_with_recording):
    """Played from the third turn, the margin marks turn 3; moved back to the first, it marks turn 1."""
    window = open_window(load(seminar_with_recording))
    bar = _loaded(qtbot, window)
    window.show_tab("source")
    window.source.ensure_filled()
    assert window.playback.play_turn(2)
    qtbot.waitUntil(lambda: window.source.text.spoken == 2, timeout=5000)
    bar.player.setPosition(700)
    qtbot.waitUntil(lambda: window.source.text.spoken == 0, timeout=5000)
    bar.player.pause()


def test_play_this_passage_starts_at_the_passages_estimated_place_in_its_turn(qtbot, open_window, seminar_with_recording):
    """Roe's excerpt sits partway into his turn: it plays from that share of the turn, and says it is an estimate."""
    dataset = load(seminar_with_recording)
    window = open_window(dataset)
    bar = _loaded(qtbot, window)
    estimate = passage_start(dataset, "roe-costs")
    turn_start = TIMES[2]
    assert turn_start < estimate < 5.5
    roe = DEBATE_SOURCE.index("Mr Ben Roe")
    share = (DEBATE_SOURCE.index("the costs fall") - roe) / (dataset.seminar.source.turns[2].end - roe)
    assert estimate == pytest.approx(turn_start + share * (5.5 - turn_start))
    assert window.playback.play_position("roe-costs", passage=True)
    qtbot.waitUntil(lambda: bar.player.playbackState() == bar.player.PlaybackState.PlayingState, timeout=5000)
    assert abs(bar.player.position() / 1000 - estimate) < 0.2
    assert "an estimate" in window.statusBar().currentMessage()
    bar.player.pause()


def test_the_relative_path_survives_save_as_into_another_folder(qtbot, open_window, dialogs, seminar_with_recording, tmp_path):
    window = open_window(load(seminar_with_recording))
    elsewhere = tmp_path / "copies" / "deeper"
    elsewhere.mkdir(parents=True)
    dialogs.save_answer = str(elsewhere / "copy.seminar.json")
    assert window.saving.save_as()
    saved = json.loads((elsewhere / "copy.seminar.json").read_text(encoding="utf-8"))
    assert saved["recording"]["path"] == "../../event/hearing.wav"
    assert window.playback.recording_path().resolve() == (seminar_with_recording.parent / "hearing.wav").resolve()


def test_a_moved_recording_is_reported_and_relinked_in_one_undoable_step(qtbot, open_window, dialogs, tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    path = folder / "debate.seminar.json"
    path.write_bytes(to_bytes(timed_debate("gone.wav")))
    window = open_window(load(path))
    bar = window.playback.bar
    assert bar.isVisible() and "gone.wav was not found" in bar.message.text() and bar.locate_button.isVisible()
    moved = write_wav(tmp_path / "moved.wav")
    dialogs.recording_answer = str(moved)
    dialogs.offset_answer = 0.0
    assert window.playback.choose_recording()
    assert window.document.dataset.model.recording.path == "../moved.wav"
    _loaded(qtbot, window)
    assert not bar.locate_button.isVisible()
    window.document.undo_stack.undo()
    assert window.document.dataset.model.recording.path == "gone.wav"


def test_the_edit_menu_offers_the_recording_after_the_seminar_details(qtbot, open_window, dialogs, tmp_path):
    """Edit ▸ Recording… follows Seminar Details… and sets the recording relative to the seminar file."""
    folder = tmp_path / "event"
    folder.mkdir()
    path = folder / "debate.seminar.json"
    path.write_bytes(to_bytes(timed_debate(None)))
    window = open_window(load(path))
    actions = window.edit_menu.actions()
    details = actions.index(window.editing.details_action)
    assert actions[details + 1] is window.playback.edit_recording_action
    dialogs.recording_answer = str(write_wav(folder / "talk.wav"))
    dialogs.offset_answer = 1.5
    actions[details + 1].trigger()
    recording = window.document.dataset.model.recording
    assert recording is not None and (recording.path, recording.offset) == ("talk.wav", 1.5)
    _loaded(qtbot, window)


def test_a_seminar_without_a_recording_shows_no_player(qtbot, open_window, tmp_path):
    path = tmp_path / "debate.seminar.json"
    path.write_bytes(to_bytes(timed_debate(None)))
    window = open_window(load(path))
    assert not window.playback.bar.isVisible() and window.playback.bar.player is None
    assert not window.playback.play_action.isEnabled()


def test_without_the_media_extra_the_bar_says_how_to_install_it(qtbot, open_window, seminar_with_recording, monkeypatch):
    monkeypatch.setattr(player_bar, "multimedia", lambda: None)
    window = open_window(load(seminar_with_recording))
    bar = window.playback.bar
    assert bar.message.text() == player_bar.INSTALL_HINT and not bar.play_button.isEnabled()


def test_an_unplayable_file_is_named_with_the_reason(qtbot, open_window, tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "broken.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot really a recording")
    path = folder / "debate.seminar.json"
    path.write_bytes(to_bytes(timed_debate("broken.wav")))
    window = open_window(load(path))
    bar = window.playback.bar
    qtbot.waitUntil(lambda: "Cannot play broken.wav" in bar.message.text(), timeout=10_000)


def test_the_spoken_turn_is_the_last_to_have_begun_and_not_yet_ended():
    from desktop_app.model.format.loader import load_bytes

    turns = load_bytes(to_bytes(timed_debate(None))).seminar.source.turns
    assert [spoken_turn(turns, t) for t in (0.1, 0.5, 1.9, 2.0, 4.2, 5.6)] == [None, 0, 0, 1, 2, None]


def test_import_with_media_stores_the_recording_beside_the_new_file(tmp_path):
    """--import cues.vtt --media REC --out sub/OUT stores REC relative to OUT's folder; --media must be a file."""
    from tests.report.test_export_commands import run

    cues = tmp_path / "talk.vtt"
    cues.write_text(
        "WEBVTT\n\n00:00:00.500 --> 00:00:01.900\n<v Ada Obi>The bill will cut emissions.\n\n"
        "00:00:02.000 --> 00:00:03.900\n<v Ben Roe>The costs fall on small firms.\n",
        encoding="utf-8",
    )
    write_wav(tmp_path / "talk.wav")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "talk.seminar.json"
    result = run("--import", str(cues), "--media", str(tmp_path / "talk.wav"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["recording"] == {"path": "../talk.wav", "offset": 0.0}
    missing = run("--import", str(cues), "--media", str(tmp_path / "none.wav"), "--out", str(tmp_path / "x.seminar.json"))
    assert missing.returncode == 1 and "--media" in missing.stderr and "not a file" in missing.stderr


def test_with_a_recording_the_detail_panel_offers_to_play_a_position(seminar_with_recording):
    from desktop_app.presentation.detail_html import Ink, speaker_html

    dataset = load(seminar_with_recording)
    page = speaker_html(dataset, "roe", Ink())
    assert 'href="play:roe-costs"' in page and 'href="passage:roe-costs"' in page
    from desktop_app.model.format.loader import load_bytes

    plain = load_bytes(to_bytes(timed_debate(None)))
    assert "play:" not in speaker_html(plain, "roe", Ink())


def test_the_import_preview_can_name_the_recording_and_saving_makes_it_relative(qtbot, tmp_path):
    """A recording chosen in the preview goes into the new seminar; the first save stores it beside the file."""
    from desktop_app.model.format.recording import recording_file, recording_for_new_folder
    from desktop_app.model.importers.reading import import_file
    from desktop_app.ui.files.import_dialog import ImportDialog

    cues = tmp_path / "talk.vtt"
    cues.write_text("WEBVTT\n\n00:00:00.500 --> 00:00:01.900\n<v Ada Obi>The bill will cut emissions.\n", encoding="utf-8")
    (tmp_path / "media").mkdir()
    recording = write_wav(tmp_path / "media" / "talk.wav")
    dialog = ImportDialog(str(cues), import_file(cues), lambda *args: import_file(cues))
    qtbot.addWidget(dialog)
    assert dialog.seminar_file().recording is None
    dialog.set_recording(recording)
    made = dialog.seminar_file().recording
    assert Path(made.path) == recording.resolve()
    saved = recording_for_new_folder(made, Path.cwd(), tmp_path / "out")
    assert saved.path == "../media/talk.wav"
    assert recording_file(saved, tmp_path / "out") == recording
