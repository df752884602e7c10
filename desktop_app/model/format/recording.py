"""The recording a seminar's transcript was made from: where it is, relative to the seminar file, and its offset.

The path is stored relative to the folder of the seminar file, with ``/``
between folders on every system, so the seminar and its recording can move
together; :func:`recording_for_new_folder` rewrites it when the seminar is
saved into another folder.  ``offset`` is the recording's time, in seconds, at
the transcript's time 0 (positive when the recording starts earlier).
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator

MAX_PATH = 4096


class Recording(BaseModel):
    """A seminar's recording (audio or video)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    path: StrictStr = Field(
        min_length=1, max_length=MAX_PATH,
        description="The recording's file, relative to the seminar file's folder, folders separated by '/'.",
    )
    offset: float = Field(0.0, ge=-86_400, le=86_400, description="The recording's time in seconds at the transcript's time 0.")

    @field_validator("path")
    @classmethod
    def _plain_path(cls, value: str) -> str:
        if "\x00" in value or not value.strip():
            raise ValueError("must be a file name, not blank and without NUL characters")
        return value


def relative_reference(recording_file: Path, seminar_folder: Path) -> str:
    """``recording_file`` as the file stores it: relative to ``seminar_folder``, with '/'."""
    relative = os.path.relpath(os.path.abspath(recording_file), os.path.abspath(seminar_folder))
    return PurePosixPath(*Path(relative).parts).as_posix()


def recording_file(recording: Recording, seminar_folder: Path) -> Path:
    """Where the recording is, for a seminar file in ``seminar_folder`` (it may not be there)."""
    stored = Path(*PurePosixPath(recording.path).parts)
    return stored if stored.is_absolute() else Path(os.path.normpath(seminar_folder / stored))


def recording_for_new_folder(recording: Recording, old_folder: Path, new_folder: Path) -> Recording:
    """The same recording, its path rewritten for a seminar file saved into ``new_folder`` instead of ``old_folder``."""
    if Path(old_folder).resolve() == Path(new_folder).resolve():
        return recording
    return recording.model_copy(update={"path": relative_reference(recording_file(recording, old_folder), new_folder)})
