"""``--export-pdf`` and ``--export-csv``: the exports as headless commands, with no display needed."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Collection, Iterator
from pathlib import Path

from ..model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from ..model.dataset import Dataset
from ..model.format.loader import load
from ..model.format.problems import DatasetError
from ..model.format.schema import Kind
from ..presentation.brief_options import ReportOptions
from ..report.errors import ExportFailed, ReadOnlyRefused, UnsafeTargetRefused, refuse_read_only, refuse_unsafe
from ..write_targets import UnsafeTarget, check_target, other_links
from .failure import CommandFailed, print_warning
from .stderr_progress import StderrProgress


def load_seminar(dataset_path: Path) -> Dataset:
    try:
        return load(dataset_path)
    except DatasetError as error:
        raise CommandFailed("\n".join(error.lines())) from None


FORCE_HINT = " Pass --force to replace it anyway."


def refuse_target(out: Path, dataset_path: Path, force: bool) -> None:
    """CommandFailed, before any work, when ``out`` must not be written (``--force`` overrides only read-only)."""
    try:
        refuse_unsafe(out, (dataset_path,))
    except UnsafeTargetRefused as error:
        raise CommandFailed(str(error)) from None
    try:
        refuse_read_only(out, force)
    except ReadOnlyRefused as error:
        raise CommandFailed(f"{error}{FORCE_HINT}") from None


def refuse_new_file(out: Path, read_from: Path, force: bool) -> None:
    """CommandFailed, before any work, when ``--out`` is unsafe to write or exists without ``--force``."""
    try:
        check_target(out, (read_from,))
    except UnsafeTarget as error:
        raise CommandFailed(f"--out: {error}") from None
    if out.exists() and not force:
        raise CommandFailed(f"{out} already exists; add --force to replace it")


def links_note(out: Path) -> str:
    """What the result line adds when ``out`` has other hard links: they keep the previous content."""
    others = other_links(out)
    if not others:
        return ""
    names = "its other hard link keeps" if others == 1 else f"its {others} other hard links keep"
    return f"; {names} the previous content"


def failed_export(error: ExportFailed) -> CommandFailed:
    return CommandFailed(f"{error}{FORCE_HINT}" if isinstance(error, ReadOnlyRefused) else str(error))


def export_pdf_command(out: Path, dataset_path: Path, options: ReportOptions, force: bool = False) -> str:
    """Write the brief; returns the line to print.  CommandFailed with the reason when it cannot.

    A read-only file at ``out`` is refused unless ``force``; ``dataset_path``
    itself (under any name) and anything not a regular file always are.  An export that
    lasts more than about a second reports its progress on stderr, and text no installed
    font can show is named there in one line before the export starts.
    """
    refuse_target(out, dataset_path, force)
    note = links_note(out)
    dataset = load_seminar(dataset_path)
    if options.speaker is not None and not dataset.has_speaker(options.speaker):
        known = ", ".join(speaker.id for speaker in dataset.speakers)
        raise CommandFailed(f"--speaker: no speaker '{options.speaker}' in {dataset_path} (speakers: {known})")
    from ..qt_app import make_application

    make_application(headless=True)  # before any Qt object: picks the offscreen platform when there is no display
    from ..report.fonts import missing_glyphs_warning
    from ..report.pdf import export_pdf, prepare_chart

    warning = missing_glyphs_warning(dataset)
    if warning:
        print_warning(warning)

    try:
        with _without_offscreen_notices():
            chart = prepare_chart(dataset, options)
            report = StderrProgress()  # after the chart, whose first drawing imports pyqtgraph
            exported = export_pdf(
                dataset,
                out,
                options,
                building=report.building,
                laying_out=report.laying_out,
                progress=report.painted,
                replace_read_only=force,
                chart=chart,
            )
    except ExportFailed as error:
        raise failed_export(error) from None
    noun = "page" if exported.pages == 1 else "pages"
    return f"wrote {exported.path} ({exported.pages} {noun}){note}"


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
    out: Path,
    dataset_path: Path,
    kind: str,
    counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT,
    force: bool = False,
    without_chair: bool = False,
) -> str:
    """Write the CSV; returns the line to print.  Refuses what :func:`export_pdf_command` refuses."""
    refuse_target(out, dataset_path, force)
    note = links_note(out)
    dataset = load_seminar(dataset_path)
    from ..report.csv_export import export_csv

    try:
        path = export_csv(dataset, out, kind, counted_kinds, replace_read_only=force, without_chair=without_chair)
    except ExportFailed as error:
        raise failed_export(error) from None
    if kind in ("positions", "timeline"):
        rows, noun = len(dataset.positions), "position"
    elif kind == "themes":
        rows, noun = len(dataset.themes), "theme"
    elif kind == "pairs":
        compared = len(dataset.analysis_for(counted_kinds, without_chair).compared_speakers)
        rows, noun = compared * (compared - 1) // 2, "pair"
    else:
        rows, noun = len(dataset.speakers), "speaker"
    return f"wrote {path} ({rows} {noun}{'' if rows == 1 else 's'}){note}"
