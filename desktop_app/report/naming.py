"""Suggested names for exported files: a slug of the seminar's title (and speaker), in a sensible folder."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..assets import default_seminar_path
from ..model.dataset import Dataset

MAX_SLUG = 60


def slug(text: str, limit: int = MAX_SLUG) -> str:
    """``"Will the China–Russia relationship hold?"`` → ``will-the-china-russia-relationship-hold``."""
    kept = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue  # the accent of a decomposed letter: "ü" becomes "u"
        kept.append(char.lower() if char.isascii() and char.isalnum() else "-")
    words = re.sub(r"-+", "-", "".join(kept)).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0] or words[:limit]
    return words


def suggested_name(dataset: Dataset, suffix: str, speaker_id: str | None = None) -> str:
    """File name for an export: title slug, plus the speaker's name when the export is about one."""
    stem = slug(dataset.seminar.title) or "seminar"
    if speaker_id:
        stem += "-" + (slug(dataset.speaker(speaker_id).name, 30) or speaker_id)
    return f"{stem}{suffix}"


def suggested_folder(dataset: Dataset, home: Path | None = None) -> Path:
    """The open file's folder when the user can write there; else the home folder.

    The default seminar ships inside the application, whose folder is no
    place for the user's exports.
    """
    home = home if home is not None else Path.home()
    path = dataset.path
    if path is None or _same_file(path, default_seminar_path()):
        return home
    folder = path.parent
    return folder if os.access(folder, os.W_OK) else home


def suggested_path(dataset: Dataset, suffix: str, speaker_id: str | None = None, home: Path | None = None) -> Path:
    return suggested_folder(dataset, home) / suggested_name(dataset, suffix, speaker_id)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
