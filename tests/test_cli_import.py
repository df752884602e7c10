"""``seminar-lens --import``: a transcript made into a seminar file from the command line."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os

import pytest

from desktop_app.cli import main
from desktop_app.commands import import_transcript
from desktop_app.commands.stderr_progress import StderrProgress
from desktop_app.model.format.loader import load

from .model.importers.checks import FIXTURES
from .synthetic import hostile_imports


def test_import_writes_a_valid_seminar_and_prints_a_summary(tmp_path, capsys):
    """A WhisperX file with --speaker names becomes a loadable seminar; one summary line is printed."""
    out = tmp_path / "seeds.seminar.json"
    status = main(
        [
            "--import", str(FIXTURES / "whisperx.json"), "--out", str(out), "--title", "Seed library evening",
            "--speaker", "Dr Amara Okafor=SPEAKER_00", "--speaker", "Ines Moreau=speaker_01",
        ]
    )
    printed = capsys.readouterr()
    assert status == 0, printed.err
    dataset = load(out)
    assert dataset.seminar.title == "Seed library evening"
    assert [speaker.name for speaker in dataset.speakers] == ["Dr Amara Okafor", "Ines Moreau", "SPEAKER_02"]
    characters = len(dataset.seminar.source.text)
    assert printed.out == f"wrote {out}: 3 speakers, 4 turns, {characters:,} characters\n"


def test_import_refuses_to_overwrite_without_force(tmp_path, capsys):
    """An existing --out is kept unless --force is given."""
    out = tmp_path / "talk.seminar.json"
    out.write_text("keep me", encoding="utf-8")
    assert main(["--import", str(FIXTURES / "upper.txt"), "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err and out.read_text(encoding="utf-8") == "keep me"
    assert main(["--import", str(FIXTURES / "upper.txt"), "--out", str(out), "--force"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["seminar"]["title"] == "upper"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("overlap.vtt", "overlap.vtt: cue 2 (line 6): the cue starts at 00:00:04.000"),
        ("no_header.vtt", "no_header.vtt: line 1: this is not a WebVTT file"),
        ("truncated.srt", "truncated.srt: cue 2 (line 6): the file ends in the middle of this cue"),
    ],
)
def test_a_malformed_file_exits_1_with_a_located_message(tmp_path, capsys, name, expected):
    """A bad transcript is exit 1 with FILE: LOCATION: MESSAGE on stderr, and nothing written."""
    out = tmp_path / "x.seminar.json"
    assert main(["--import", str(FIXTURES / name), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"seminar-lens: {FIXTURES / expected.split(':')[0]}") and expected.split(": ", 1)[1] in err
    assert "Traceback" not in err and not out.exists()


def test_an_empty_file_exits_1_saying_so(tmp_path, capsys):
    """An empty transcript is exit 1 with '(file): the file is empty'."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["--import", str(empty), "--out", str(tmp_path / "x.json")]) == 1
    assert capsys.readouterr().err == f"seminar-lens: {empty}: (file): the file is empty\n"


def test_an_unknown_label_in_speaker_is_exit_1_listing_the_labels(tmp_path, capsys):
    """--speaker naming a label the file does not have is refused with the labels it has."""
    assert main(["--import", str(FIXTURES / "upper.txt"), "--out", str(tmp_path / "x.json"), "--speaker", "A=ZED"]) == 1
    assert "no label 'ZED'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["--import", "talk.vtt"],
        ["--import", "talk.vtt", "--out", "x.json", "--speaker", "no-equals-sign"],
        ["--import", "talk.vtt", "--out", "x.json", "--format", "mp3"],
        ["--import", "talk.vtt", "--out", "x.json", "extra-file"],
        ["--out", "x.json"],
        ["--import", "talk.vtt", "--out", "x.json", "--page-size", "a4"],
    ],
)
def test_wrong_usage_exits_2(args, capsys):
    """Missing --out, a --speaker without '=', an unknown format or stray options are usage errors."""
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2 and "usage:" in capsys.readouterr().err


def test_import_writes_atomically_and_leaves_no_temporary_file(tmp_path):
    """After an import the folder holds the new file and nothing else of ours."""
    out = tmp_path / "panel.seminar.json"
    assert main(["--import", str(FIXTURES / "panel.srt"), "--out", str(out), "--format", "srt"]) == 0
    assert sorted(os.listdir(tmp_path)) == ["home", "panel.seminar.json"]


def test_a_title_over_the_limit_is_exit_1_saying_so(tmp_path, capsys):
    """--title longer than the format allows is refused with the limit, and nothing is written."""
    out = tmp_path / "x.seminar.json"
    assert main(["--import", str(FIXTURES / "upper.txt"), "--out", str(out), "--title", "t" * 400]) == 1
    assert "the title must be at most 300 characters" in capsys.readouterr().err and not out.exists()


def test_export_pdf_still_takes_one_speaker(capsys):
    """--speaker may repeat for --import, but --export-pdf takes one: two is wrong usage."""
    with pytest.raises(SystemExit) as caught:
        main(["--export-pdf", "x.pdf", "--speaker", "rumer", "--speaker", "lukin"])
    assert caught.value.code == 2 and "one --speaker" in capsys.readouterr().err


def test_a_long_import_reports_its_progress_on_stderr(tmp_path, capsys, monkeypatch):
    """Past its first second, a Word import prints how far it has read, as the exports do; its result line is unchanged."""
    ticks = iter(range(1000))

    def slow_clock() -> float:
        return next(ticks) * 0.6  # each look at the clock finds 0.6 s gone

    monkeypatch.setattr(import_transcript, "StderrProgress", functools.partial(StderrProgress, clock=slow_clock))
    body = hostile_imports.paragraph("Ilse Varga: The quay floods.") * 5_000 + hostile_imports.PANEL
    path = hostile_imports.docx(tmp_path / "panel.docx", body)
    assert main(["--import", str(path), "--out", str(tmp_path / "p.seminar.json")]) == 0
    printed = capsys.readouterr()
    lines = printed.err.splitlines()
    assert lines == [f"seminar-lens: reading panel.docx\u2026 {share} %" for share in (39, 59, 79, 99, 100)]
    assert printed.out.startswith(f"wrote {tmp_path / 'p.seminar.json'}: 2 speakers")


def test_a_quick_import_prints_no_progress(tmp_path, capsys):
    path = hostile_imports.docx(tmp_path / "panel.docx", hostile_imports.PANEL)
    assert main(["--import", str(path), "--out", str(tmp_path / "p.seminar.json")]) == 0
    assert capsys.readouterr().err == ""


def test_zoom_speakers_who_speak_once_are_kept_from_the_command_line(tmp_path, capsys):
    """Two guests with one cue each are speakers of their own, not words in the chair's turn."""
    path = tmp_path / "zoom.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nMira Castellan: Our guests tonight.\n\n"
        "00:00:03.000 --> 00:00:05.000\nJoss Whitlock: The quay floods.\n\n"
        "00:00:05.000 --> 00:00:07.000\nHana Ostrova: The budget is spent.\n\n"
        "00:00:07.000 --> 00:00:09.000\nMira Castellan: Thank you.\n",
        encoding="utf-8",
    )
    out = tmp_path / "zoom.seminar.json"
    assert main(["--import", str(path), "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}: 3 speakers, 4 turns")
    assert "Joss Whitlock:" not in load(out).seminar.source.text


def test_import_takes_the_title_and_date_the_report_states_and_title_wins(tmp_path, capsys):
    """A report's heading and written date become the seminar's; --title, when given, still wins."""
    report = tmp_path / "harbour_notes.txt"
    report.write_text("Harbour Futures: a public panel\n25 August 2021\n\nAna Silva: Hello.\nBen Okafor: Hi.\n"
                      "Ana Silva: Bye.\n", encoding="utf-8")
    stated, titled = tmp_path / "stated.seminar.json", tmp_path / "titled.seminar.json"
    assert main(["--import", str(report), "--out", str(stated)]) == 0
    assert main(["--import", str(report), "--out", str(titled), "--title", "Quay evening"]) == 0
    capsys.readouterr()
    assert (load(stated).seminar.title, load(stated).seminar.date) == ("Harbour Futures: a public panel", dt.date(2021, 8, 25))
    assert (load(titled).seminar.title, load(titled).seminar.date) == ("Quay evening", dt.date(2021, 8, 25))
