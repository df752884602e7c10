"""Writing the exchange files (a REFI-QDA project, a GraphML network) as the other exports are written.

Atomically, never over the seminar itself, a device, a FIFO or a read-only
file unless asked: the same checks and messages as the CSV and the PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from ..atomic import atomic_writer
from ..model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT
from ..model.dataset import Dataset
from ..model.exchange.codebook import codebook_xml
from ..model.exchange.guids import Guids
from ..model.exchange.qdpx_export import qdpx_bytes
from ..model.format.schema import Kind
from .errors import refuse_read_only, refuse_unsafe, write_failure
from .graphml_export import graphml_lines


def export_qdpx(dataset: Dataset, path: str | Path, *, replace_read_only: bool = False) -> Path:
    """Write the seminar as a REFI-QDA project (QDPX) at ``path``; ExportFailed (nothing left behind) when it cannot."""
    return _write_bytes(dataset, Path(path), lambda: qdpx_bytes(dataset.model, dataset.spans), replace_read_only)


def export_qdc(dataset: Dataset, path: str | Path, *, replace_read_only: bool = False) -> Path:
    """Write the seminar's themes as a REFI-QDA codebook (``.qdc``) at ``path``."""
    return _write_bytes(
        dataset, Path(path), lambda: codebook_xml(list(dataset.themes), dataset.seminar.scale, Guids(dataset.model)),
        replace_read_only,
    )


def _write_bytes(dataset: Dataset, path: Path, make: Callable[[], bytes], replace_read_only: bool) -> Path:
    """The checks of every export, then ``make()``'s bytes written atomically at ``path``."""
    refuse_unsafe(path, (dataset.path,))
    refuse_read_only(path, replace_read_only)
    data = make()
    try:
        with atomic_writer(path, "wb", replace_read_only=replace_read_only, protected=(dataset.path,)) as stream:
            stream.write(data)
    except OSError as error:
        raise write_failure(path, error) from None
    return path


def export_graphml(
    dataset: Dataset,
    path: str | Path,
    counted_kinds: Collection[Kind] = COUNTED_KINDS_DEFAULT,
    *,
    replace_read_only: bool = False,
    without_chair: bool = False,
) -> Path:
    """Write the speaker and theme network as GraphML at ``path``, counting ``counted_kinds``."""
    path = Path(path)
    refuse_unsafe(path, (dataset.path,))
    refuse_read_only(path, replace_read_only)
    analysis = dataset.analysis_for(counted_kinds, without_chair)
    try:
        with atomic_writer(
            path, "w", encoding="utf-8", newline="\n", replace_read_only=replace_read_only, protected=(dataset.path,)
        ) as stream:
            stream.writelines(graphml_lines(dataset, analysis))
    except OSError as error:
        raise write_failure(path, error) from None
    return path
