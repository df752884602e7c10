"""``--replace-source``: a seminar re-anchored onto a revised source text, headless, for scripts.

Every excerpt and turn is found again in the new text as the window's Edit ▸
Replace Source Text finds them (:mod:`desktop_app.model.editing.reanchor`).
Each position whose excerpt now reads differently is printed, with its id and
its old and new words.  When any excerpt is no longer found, those are listed
on stderr and nothing is written (exit 1); otherwise the re-anchored seminar
is checked by the loader's rules and written atomically to OUT.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_text_atomic
from ..model.editing.edits import apply_edit, replace_source_text
from ..model.editing.excerpt_changes import excerpt_changes
from ..model.format.loader import dumps, load, load_bytes
from ..model.format.problems import DatasetError
from ..model.importers.common import ImportFailed
from ..model.importers.encoding import decode_text
from ..model.importers.reading import read_bytes
from ..write_targets import UnsafeTarget, check_target
from .failure import EXIT_FAILED, EXIT_OK, CommandFailed, print_error


def _quoted(words: str) -> str:
    return '"' + " ".join(words.split()).replace('"', '\\"') + '"'


def replace_source_command(new_text_path: Path, seminar_path: Path, out: Path, *, force: bool = False) -> int:
    """Re-anchor ``seminar_path`` onto the text of ``new_text_path`` and write it to ``out``; see the module's docstring."""
    try:
        check_target(out, (seminar_path, new_text_path))  # never the seminar or the text it is made from, nor a device
    except UnsafeTarget as error:
        raise CommandFailed(f"--out: {error}") from None
    if out.exists() and not force:
        raise CommandFailed(f"{out} already exists; add --force to replace it")
    try:
        dataset = load(seminar_path)
    except DatasetError as error:
        print_error("\n".join(error.lines()))
        return EXIT_FAILED
    try:
        text, _encoding = decode_text(read_bytes(new_text_path))
    except ImportFailed as failure:
        print_error(failure.line_for(str(new_text_path)))
        return EXIT_FAILED
    if not text.strip():
        print_error(f"{new_text_path}: (file): the new source text is blank")
        return EXIT_FAILED
    edit, outcome = replace_source_text(dataset, text)
    changes = excerpt_changes(dataset, outcome)
    for change in changes:
        if change.new is not None:
            print(f"changed {change.position_id}: {_quoted(change.old)} -> {_quoted(change.new)}")
    lost = [change for change in changes if change.new is None]
    if lost:
        for change in lost:
            print_error(f"{seminar_path}: position {change.position_id} ({change.name}): excerpt not found in "
                        f"{new_text_path}: {_quoted(change.old)}")
        noun = "excerpt was" if len(lost) == 1 else "excerpts were"
        raise CommandFailed(f"nothing written: {len(lost)} {noun} not found in the new text")
    replaced, _inverse = apply_edit(dataset, edit)
    written = dumps(replaced.model)
    try:
        load_bytes(written.encode("utf-8"), str(out))  # the file as written must open
    except DatasetError as error:
        raise CommandFailed("the re-anchored seminar does not pass the loader's checks:\n" + "\n".join(error.lines())) from None
    try:
        write_text_atomic(out, written, protected=(seminar_path, new_text_path))
    except UnsafeTarget as error:
        raise CommandFailed(f"--out: {error}") from None
    except OSError as error:
        raise CommandFailed(f"cannot write {out}: {error.strerror or error}") from None
    total = len(replaced.model.positions)
    rewritten = len(outcome.rewritten)
    turns = len(replaced.seminar.source.turns)
    print(f"wrote {out}: {total} excerpt{'' if total == 1 else 's'} found ({rewritten} changed), "
          f"{turns} turn{'' if turns == 1 else 's'}")
    return EXIT_OK
