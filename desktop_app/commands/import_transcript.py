"""``--import``: a transcript or report made into a new seminar file, headless.

It lives beside the importers, as the exports' command lives in report/: the
shared ``commands`` package sits below every layer and imports none of them.

The new file holds the text, the speakers (labels renamed with ``--speaker
NAME=LABEL``) and their turns, no themes and no positions; it is checked by
the loader's own rules before it is written, and written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..atomic import write_text_atomic
from ..model.format.loader import dumps, load_bytes
from ..model.format.problems import DatasetError
from ..model.format.recording import Recording, relative_reference
from ..model.importers.common import ImportFailed
from ..model.importers.mapping import LabelMapping, build_seminar, title_from_path
from ..model.importers.reading import import_file
from ..write_targets import UnsafeTarget
from .export import refuse_new_file
from .failure import EXIT_FAILED, EXIT_OK, CommandFailed, print_error
from .stderr_progress import StderrProgress


def parse_speaker_option(value: str) -> tuple[str, str]:
    """``"Dr Amara Okafor=SPEAKER_00"`` → (name, label); ValueError when it is not NAME=LABEL."""
    name, equals, label = value.partition("=")
    if not equals or not name.strip() or not label.strip():
        raise ValueError(f"--speaker expects NAME=LABEL, not {value!r}")
    return " ".join(name.split()), label.strip()


def import_command(
    source: Path,
    out: Path,
    *,
    title: str | None = None,
    speakers: Sequence[tuple[str, str]] = (),
    format_name: str | None = None,
    force: bool = False,
    media: Path | None = None,
) -> int:
    """Import ``source`` into ``out``; print the summary line (exit 0) or ``FILE: LOCATION: MESSAGE`` (exit 1)."""
    refuse_new_file(out, source, force)
    labels = [label for _, label in speakers]
    report = StderrProgress()  # quiet unless the import lasts over a second

    def reading(done: int, total: int) -> None:
        report.reading(source.name, done, total)

    try:
        transcript = import_file(source, format_name, confirmed=labels, progress=reading, docx_progress=reading)
    except ImportFailed as failure:
        print_error(failure.line_for(str(source)))
        return EXIT_FAILED
    mapping = LabelMapping.initial(transcript)
    known = {label.casefold(): label for label in mapping.names}
    for name, label in speakers:
        if label.casefold() not in known:
            listed = ", ".join(mapping.names) or "none"
            print_error(f"{source}: (file): --speaker: no label {label!r} in the file (labels: {listed})")
            return EXIT_FAILED
        mapping = mapping.rename(known[label.casefold()], name)
    chosen_title = title if title is not None and title.strip() else transcript.title or title_from_path(source)
    if media is not None and not media.is_file():
        raise CommandFailed(f"--media: {media} is not a file")
    try:
        model = build_seminar(transcript, mapping, chosen_title)
        if media is not None:  # stored relative to the new file's folder, so the two can move together
            model = model.model_copy(update={"recording": Recording(path=relative_reference(media, out.parent))})
        text = dumps(model)
        load_bytes(text.encode("utf-8"), str(out))  # the file as written must open
    except DatasetError as error:
        raise CommandFailed("the imported seminar does not pass the loader's checks:\n" + "\n".join(error.lines())) from None
    except ValueError as error:
        raise CommandFailed(f"cannot make the seminar: {error}") from None
    try:
        write_text_atomic(out, text, protected=(source,))
    except UnsafeTarget as error:
        raise CommandFailed(f"--out: {error}") from None
    except OSError as error:
        raise CommandFailed(f"cannot write {out}: {error.strerror or error}") from None
    turns = len(model.seminar.source.turns)
    people = len(model.speakers)
    characters = len(model.seminar.source.text)
    print(
        f"wrote {out}: {people} speaker{'' if people == 1 else 's'}, {turns:,} turn{'' if turns == 1 else 's'}, "
        f"{characters:,} characters"
    )
    return EXIT_OK
