"""``--export-pdf`` and ``--export-csv``: the exports as headless commands, with no display needed."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Collection, Iterator
from pathlib import Path

from ..commands.failure import CommandFailed
from ..model.analysis import COUNTED_KINDS_DEFAULT
from ..model.dataset import Dataset
from ..model.loader import load
from ..model.problems import DatasetError
from ..model.schema import Kind
from .errors import ExportFailed
from ..presentation.brief_options import ReportOptions


def _load(dataset_path: Path) -> Dataset:
    try:
        return load(dataset_path)
    except DatasetError as error:
        raise CommandFailed("\n".join(error.lines())) from None


def export_pdf_command(out: Path, dataset_path: Path, options: ReportOptions) -> str:
    """Write the brief; returns the line to print.  CommandFailed with the reason when it cannot."""
    dataset = _load(dataset_path)
    if options.speaker is not None and not dataset.has_speaker(options.speaker):
        known = ", ".join(speaker.id for speaker in dataset.speakers)
        raise CommandFailed(f"--speaker: no speaker '{options.speaker}' in {dataset_path} (speakers: {known})")
    from ..qt_app import make_application

    make_application(headless=True)  # before any Qt object: picks the offscreen platform when there is no display
    from .pdf import export_pdf

    try:
        with _without_offscreen_notices():
            exported = export_pdf(dataset, out, options)
    except ExportFailed as error:
        raise CommandFailed(str(error)) from None
    noun = "page" if exported.pages == 1 else "pages"
    return f"wrote {exported.path} ({exported.pages} {noun})"


HARMLESS_NOTICES = ("does not support propagateSizeHints",)
"""Qt messages the offscreen platform prints while the chart is laid out; nothing is wrong."""


@contextlib.contextmanager
def _without_offscreen_notices() -> Iterator[None]:
    """Keep the offscreen platform's harmless notices off the terminal; pass every other message on."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(kind, context, message: str) -> None:
        if not any(notice in message for notice in HARMLESS_NOTICES):
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def export_csv_command(
    out: Path, dataset_path: Path, kind: str, counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT
) -> str:
    dataset = _load(dataset_path)
    from .csv_export import export_csv

    try:
        path = export_csv(dataset, out, kind, counted_kinds)
    except ExportFailed as error:
        raise CommandFailed(str(error)) from None
    if kind == "positions":
        rows, noun = len(dataset.positions), "position"
    elif kind == "themes":
        rows, noun = len(dataset.themes), "theme"
    elif kind == "pairs":
        compared = len(dataset.analysis_for(counted_kinds).compared_speakers)
        rows, noun = compared * (compared - 1) // 2, "pair"
    else:
        rows, noun = len(dataset.speakers), "speaker"
    return f"wrote {path} ({rows} {noun}{'' if rows == 1 else 's'})"
