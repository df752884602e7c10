"""Import benchmarks: a three-hour meeting's WebVTT (target ≤ 1 s) and a 100-page PDF report (target ≤ 5 s).

The VTT sample is the whole headless import: decoding, parsing 3,000 cues
(about 30,000 words), building the new seminar and checking it with the
loader's rules.  The PDF sample is extracting and cleaning the text of a
report drawn with QPdfWriter (made once, before the clock starts).  The
window sample is the same import followed by opening the new seminar in a
main window (offscreen) with its Source tab in front, until it is painted.
The hostile rows run ``seminar-lens --import`` on each hostile file of
:mod:`tests.synthetic.hostile_imports` in a fresh interpreter, and give the
time to its answer (target ≤ 10 s), its peak memory (≤ 1 GiB) and the answer.
"""

from __future__ import annotations

import functools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop_app.model.format.loader import from_model
from desktop_app.model.importers.mapping import LabelMapping, build_seminar
from desktop_app.model.importers.reading import import_bytes
from tests.synthetic import hostile_imports

from .harness import Measurement, Settings, benchmark, shown, timed

WORDS = ["harbour", "council", "quay", "tide", "budget", "ferry", "bridge", "orchard", "hive", "library", "seed", "garden", "winter", "spring", "report", "members", "agree", "question", "answer", "plan", "vote", "road", "school", "water", "flood", "wall", "repair", "cost", "year", "month", "week"]
NAMES = ("Mira Castellan", "Joss Whitlock", "Ilse Varga", "Tobias Renn", "Hana Ostrova", "Pieter Lund")


@functools.cache
def meeting_vtt(cues: int) -> bytes:
    """A Zoom-style WebVTT of ``cues`` cues of ten words, speakers changing every one to four cues."""
    chooser = random.Random(7)
    lines = ["WEBVTT", ""]
    speaker = NAMES[0]
    for number in range(cues):
        if chooser.random() < 0.4:
            speaker = chooser.choice(NAMES)
        start = number * 3.6
        words = " ".join(chooser.choice(WORDS) for _ in range(10))
        lines += [str(number + 1), f"{_clock(start)} --> {_clock(start + 3.5)}", f"{speaker}: {words}.", ""]
    return "\n".join(lines).encode("utf-8")


def _clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def import_meeting(data: bytes) -> int:
    transcript = import_bytes(data, "meeting.vtt")
    model = build_seminar(transcript, LabelMapping.initial(transcript), "Meeting")
    from_model(model)
    return len(model.seminar.source.turns)


@benchmark("import a 3,000-cue WebVTT (~30,000 words)", target=1.0, group="import")
def vtt_import(settings: Settings) -> Measurement:
    cues = settings.size(3_000, quick=300)
    data = meeting_vtt(cues)
    turns = import_meeting(data)
    samples = [timed(lambda: import_meeting(data)) for _ in range(settings.runs)]
    parse_only = timed(lambda: import_bytes(data, "meeting.vtt"))
    detail = f"{cues:,} cues, {len(data) / 1024:.0f} KiB, {turns:,} turns; parsing alone {shown(parse_only, 's')}"
    return Measurement(samples, "s", detail)


@functools.cache
def report_pdf(pages: int) -> bytes:
    """A prose report of ``pages`` A4 pages, 45 lines each, with a running head and page numbers."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    from desktop_app.qt_app import make_application

    make_application(headless=True)
    chooser = random.Random(11)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    for number in range(1, pages + 1):
        if number > 1:
            writer.newPage()
        painter.drawText(QPointF(60, 36), "Harbour Council Annual Report")
        for row in range(45):
            painter.drawText(QPointF(60, 70 + 16 * row), " ".join(chooser.choice(WORDS) for _ in range(12)))
        painter.drawText(QPointF(280, 810), f"Page {number}")
    painter.end()
    buffer.close()
    return bytes(data.data())


@benchmark("import a 100-page PDF report (text extraction)", target=5.0, group="import")
def pdf_import(settings: Settings) -> Measurement:
    pages = settings.size(100, quick=5)
    data = report_pdf(pages)
    calls: list[int] = []
    transcript = import_bytes(data, "report.pdf", progress=lambda done, total: calls.append(done))
    samples = [timed(lambda: import_bytes(data, "report.pdf")) for _ in range(settings.runs)]
    detail = (
        f"{pages} pages, {len(data) / 1024:.0f} KiB, {len(transcript.text):,} characters extracted; "
        f"{len(calls)} progress reports; {_pypdf_rate(data, settings)}"
    )
    return Measurement(samples, "s", detail)


def _pypdf_rate(data: bytes, settings: Settings) -> str:
    """pypdf's time for the same pages, sampled on a few, to show why PDFium extracts the text."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = reader.pages[: settings.size(5, quick=1)]
    per_page = timed(lambda: [page.extract_text() for page in pages]) / len(pages)
    return f"pypdf takes {shown(per_page, 's')} a page here, {shown(per_page * len(reader.pages), 's')} for all"


def _import_window(app):
    """A main window on the default seminar, shown offscreen at its first-start size, its Source tab in front."""
    from PySide6.QtCore import QSettings

    from desktop_app.assets import default_seminar_path
    from desktop_app.model.format.loader import load
    from desktop_app.ui.shell.main_window import MainWindow
    from desktop_app.ui.shell.settings import AppSettings

    folder = tempfile.mkdtemp(prefix="seminar-lens-bench-")
    settings = AppSettings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(load(default_seminar_path()), settings=settings, build_chart_now=True)
    window.resize(1280, 800)
    window.show()
    window.show_tab("source")
    app.processEvents()
    return window


@benchmark("import a 3,000-cue WebVTT and open it in the window", target=1.5, group="import")
def vtt_import_and_open(settings: Settings) -> Measurement:
    """From the file's bytes to the new seminar painted in the window, its Source tab (text and turn margin) in front."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.qt_app import make_application
    from desktop_app.ui.files.import_actions import open_imported

    app = make_application(headless=True)
    cues = settings.size(3_000, quick=300)
    data = meeting_vtt(cues)
    window = _import_window(app)
    parts: dict[str, list[float]] = {"import": [], "open": []}

    def import_and_open() -> None:
        started = time.perf_counter()
        transcript = import_bytes(data, "meeting.vtt")
        model = build_seminar(transcript, LabelMapping.initial(transcript), "Meeting")
        imported = time.perf_counter()
        open_imported(window.document, window.show_status, model)
        window.repaint()  # the views and the Source tab's text and margin, painted
        app.processEvents()
        parts["import"].append(imported - started)
        parts["open"].append(time.perf_counter() - imported)

    import_and_open()  # warm: the first opening imports the views' modules
    parts = {"import": [], "open": []}
    samples = [timed(import_and_open) for _ in range(settings.runs)]
    labels = len(window.source.text.margin_labels())
    window.document.undo_stack.setClean()  # the imports are unsaved: closing would ask whether to save them
    window.close()
    window.deleteLater()
    detail = (
        f"{cues:,} cues, {labels:,} turns in the margin; importing {shown(statistics.median(parts['import']), 's')}, "
        f"opening and painting {shown(statistics.median(parts['open']), 's')} (medians)"
    )
    return Measurement(samples, "s", detail)


HOSTILE = (
    ("a 5,000-digit number in whisper JSON", "long.json", hostile_imports.whisper_long_number, {}),
    ("a .docx of zip version 7.6", "v76.docx", hostile_imports.zip_version_76, {}),
    ("a .docx unpacking to 400 MiB", "bomb.docx", hostile_imports.docx_bomb, {"unpacked_mib": (400, 40)}),
    ("a .docx of 2 million paragraphs", "many.docx", hostile_imports.docx_paragraphs, {"count": (2_000_000, 200_000)}),
    ("a PDF whose page inflates to 400 MiB", "bomb.pdf", hostile_imports.pdf_bomb, {"inflated_mib": (400, 40)}),
)
"""The hostile files, each with the keyword of its size: (full run, quick run)."""


def _hostile_import(settings: Settings, name: str, make, sizes: dict[str, tuple[int, int]]) -> Measurement:
    """``--import`` of one hostile file in a fresh interpreter, as a user runs it: wall time and peak resident memory."""
    folder = Path(tempfile.mkdtemp(prefix="seminar-lens-hostile-"))
    path = make(folder / name, **{key: settings.size(full, quick=quick) for key, (full, quick) in sizes.items()})
    samples: list[float] = []
    peaks: list[float] = []
    answer = ""
    for _ in range(settings.runs):
        out = folder / "out.seminar.json"
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--import", str(path), "--out", str(out), "--force"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        _, _, usage = os.wait4(child.pid, 0)
        samples.append(time.perf_counter() - started)
        peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
        answer = (child.stderr.read() if child.stderr else "").strip().splitlines()[-1:] or ["(nothing on stderr)"]
        answer = answer[0].removeprefix(f"{path}: ")
        child.communicate()
    detail = f"{path.stat().st_size / 1024:,.0f} KiB; peak {statistics.median(peaks):,.0f} MiB (target ≤ 1,024); {answer}"
    return Measurement(samples, "s", detail)


def _register_hostile() -> None:
    for label, name, make, sizes in HOSTILE:
        benchmark(f"import of hostile file: {label} (answered)", target=10.0, group="import")(
            functools.partial(_hostile_import, name=name, make=make, sizes=sizes)
        )


_register_hostile()
