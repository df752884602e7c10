"""``--export-qdpx``, ``--export-graphml`` and ``--import PROJECT.qdpx``: the exchange formats, headless."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from ..atomic import write_text_atomic
from ..model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from ..model.dataset import Dataset
from ..model.exchange.qdpx_import import import_project
from ..model.format.loader import dumps, from_model
from ..model.format.problems import DatasetError
from ..model.format.schema import Kind
from ..model.importers.common import ImportFailed
from ..report.errors import ExportFailed
from ..write_targets import UnsafeTarget
from .export import failed_export, links_note, load_seminar, refuse_new_file, refuse_target
from .failure import EXIT_FAILED, EXIT_OK, CommandFailed, print_error, print_warning


def _export(out: Path, dataset_path: Path, force: bool, write: Callable[[Dataset], Path], said: Callable[[Dataset], str]) -> str:
    """The steps every export command takes: refuse a bad target first, load, ``write``, then the line to print."""
    refuse_target(out, dataset_path, force)
    note = links_note(out)
    dataset = load_seminar(dataset_path)
    try:
        path = write(dataset)
    except ExportFailed as error:
        raise failed_export(error) from None
    return f"wrote {path} ({said(dataset)}){note}"


def export_qdpx_command(out: Path, dataset_path: Path, force: bool = False) -> str:
    """Write the seminar as a REFI-QDA project; the line to print."""
    from ..report.exchange_files import export_qdpx

    def said(dataset: Dataset) -> str:
        placed = sum(1 for position in dataset.positions if position.id in dataset.spans)
        return f"REFI-QDA project: {len(dataset.speakers)} cases, {len(dataset.themes)} theme codes, {placed} coded selections"

    return _export(out, dataset_path, force, lambda dataset: export_qdpx(dataset, out, replace_read_only=force), said)


def export_qdc_command(out: Path, dataset_path: Path, force: bool = False) -> str:
    """Write the seminar's themes as a REFI-QDA codebook; the line to print."""
    from ..report.exchange_files import export_qdc

    return _export(
        out, dataset_path, force, lambda dataset: export_qdc(dataset, out, replace_read_only=force),
        lambda dataset: f"REFI-QDA codebook: {len(dataset.themes)} theme codes, each with its stance steps",
    )


def export_graphml_command(
    out: Path, dataset_path: Path, counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT, force: bool = False,
    without_chair: bool = False,
) -> str:
    """Write the speaker and theme network as GraphML; the line to print."""
    from ..report.exchange_files import export_graphml

    return _export(
        out, dataset_path, force,
        lambda dataset: export_graphml(dataset, out, counted_kinds, replace_read_only=force, without_chair=without_chair),
        lambda dataset: f"GraphML: {len(dataset.speakers)} speakers and {len(dataset.themes)} themes as nodes",
    )


def import_qdpx_command(project: Path, out: Path, *, source: str | None, level: int, force: bool = False) -> int:
    """Make a new seminar file from a REFI-QDA project; print what came over and what did not."""
    refuse_new_file(out, project, force)
    try:
        imported = import_project(project, source=source, level=level)
        from_model(imported.model, source=str(out))  # the rules across the file, as on opening it
        text = dumps(imported.model)
    except ImportFailed as failure:
        print_error(failure.line_for(str(project)))
        return EXIT_FAILED
    except DatasetError as error:
        raise CommandFailed("the imported seminar does not pass the loader's checks:\n" + "\n".join(error.lines())) from None
    try:
        write_text_atomic(out, text, protected=(project,))
    except UnsafeTarget as error:
        raise CommandFailed(f"--out: {error}") from None
    except OSError as error:
        raise CommandFailed(f"cannot write {out}: {error.strerror or error}") from None
    for item in imported.left_out:
        print_warning(f"not brought over: {item}")
    model = imported.model
    print(
        f"wrote {out}: source {imported.source_name!r}, {len(model.speakers)} speakers, {len(model.themes)} themes, "
        f"{len(model.positions)} positions ({imported.awaiting} awaiting a stance)"
    )
    return EXIT_OK
