"""Recovery files: the open seminar's unsaved state, written now and then so a crash or a kill loses nothing.

Each running window writes its own file, named after its process id, in the
user's state folder (:func:`desktop_app.app_folders.state_folder`; tests point
``XDG_STATE_HOME`` at a temporary folder).  Beside the seminar, written with the loader's own
``dumps``, a small ``.info.json`` says where it came from (the original
file, if any), when it was written and what it holds.  A file whose process
is no longer running was left by a crash: the next start offers it.  A
clean save or close removes the window's own file.  No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ...app_folders import state_folder
from ...atomic import write_text_atomic
from ...model.dataset import Dataset
from ...model.format.loader import dumps, load
from ...model.format.problems import DatasetError
from ...model.format.references import SeminarParts, check_references
from ...model.format.schema import SeminarFile
from .other_writers import process_running

SUFFIX = ".recovery.seminar.json"
INFO_SUFFIX = ".recovery.info.json"


def recovery_folder() -> Path:
    """Where recovery files are kept: the user's state folder for the application."""
    return state_folder() / "recovery"


@dataclass(frozen=True)
class RecoveryFile:
    """A recovery file found on disk, with what its note says about it."""

    path: Path
    info_path: Path
    original: str | None
    saved_at: str
    title: str
    counts: str

    def summary(self) -> str:
        """What the user is told before choosing to recover it."""
        where = self.original or "a seminar never saved to a file"
        return (
            f"Seminar Lens did not close normally. Unsaved changes to \u201c{self.title}\u201d were kept.\n\n"
            f"Holds: {self.counts}\nKept at: {self.saved_at}\nOriginal file: {where}\n\n"
            "Recover them? The original file is not changed until you save, and you will be asked first."
        )

    def discard(self) -> None:
        for path in (self.path, self.info_path):
            with contextlib.suppress(OSError):
                path.unlink()


def own_file(folder: Path, pid: int | None = None) -> Path:
    """The recovery file of the running process (or of ``pid``)."""
    return folder / f"{pid if pid is not None else os.getpid()}{SUFFIX}"


def write(folder: Path, dataset: Dataset, original: Path | None, pid: int | None = None) -> Path:
    """Write ``dataset`` as this process's recovery file, with its note; atomically, so a kill mid-write harms nothing."""
    folder.mkdir(parents=True, exist_ok=True)
    target = own_file(folder, pid)
    write_text_atomic(target, dumps(dataset.model))
    model = dataset.model
    info = {
        "original": str(original) if original else None,
        "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "title": model.seminar.title,
        "counts": f"{len(model.speakers)} speakers, {len(model.themes)} themes, {len(model.positions)} positions",
    }
    write_text_atomic(_info_path(target), json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    return target


def remove_own(folder: Path, pid: int | None = None) -> None:
    """Remove this process's recovery file and its note (after a save or a clean close)."""
    target = own_file(folder, pid)
    for path in (target, _info_path(target)):
        with contextlib.suppress(OSError):
            path.unlink()


def left_by_crashes(folder: Path) -> list[RecoveryFile]:
    """Recovery files whose process is no longer running, newest first."""
    if not folder.is_dir():
        return []
    found: list[RecoveryFile] = []
    for path in folder.glob(f"*{SUFFIX}"):
        pid_text = path.name[: -len(SUFFIX)]
        if not pid_text.isdigit() or process_running(int(pid_text)):
            continue
        info = _read_info(_info_path(path))
        found.append(
            RecoveryFile(path, _info_path(path), info.get("original"), str(info.get("saved_at", "unknown")),
                         str(info.get("title", path.name)), str(info.get("counts", "")))
        )
    found.sort(key=lambda item: item.saved_at, reverse=True)
    return found


def adopt(folder: Path, found: RecoveryFile) -> None:
    """Make a recovered file this process's own, so that it is kept should this run end badly too."""
    target = own_file(folder)
    with contextlib.suppress(OSError):
        os.replace(found.path, target)
        os.replace(found.info_path, _info_path(target))


def read(found: RecoveryFile) -> Dataset:
    """The seminar a recovery file holds; raises DatasetError if it is damaged.

    Unlike a saved file, a recovery file may hold positions whose excerpt is no
    longer in the source text (the analyst had not fixed them yet): they come
    back unanchored, as they were, rather than stopping the recovery.
    """
    try:
        return load(found.path)
    except DatasetError as error:
        if not all(problem.path[-1:] == ("excerpt",) for problem in error.problems):
            raise
    model = SeminarFile.model_validate_json(found.path.read_bytes())
    spans, problems = check_references(SeminarParts.from_model(model))
    if any(problem.path[-1:] != ("excerpt",) for problem in problems):
        raise DatasetError(str(found.path), problems)
    return Dataset(model, spans, found.path)


def _info_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(SUFFIX)] + INFO_SUFFIX)


def _read_info(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
