"""The command line: headless commands, or start the GUI.  The contract is in the README.

Exit codes: 0 success, 1 bad data or a failed command (one clear message on
stderr, never a traceback), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import APP_NAME, __version__
from .commands.failure import EXIT_FAILED, EXIT_OK, CommandFailed, print_error
from .model.importers.common import FORMATS
from .presentation.brief_options import PAGE_SIZES
from .presentation.tabs import TABS

if TYPE_CHECKING:
    from .model.format.schema import Kind


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seminar-lens",
        description=f"{APP_NAME}: who said what at a panel discussion, and where the panel converged or split.",
        epilog="With no command, the window opens on FILE, else the last file opened, else the default seminar.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="seminar file (.seminar.json)")
    commands = parser.add_mutually_exclusive_group()
    commands.add_argument(
        "--check", action="store_true", help="validate each FILE; one summary line per valid file, one line per problem"
    )
    commands.add_argument("--schema", action="store_true", help="print the JSON Schema of the seminar file format")
    commands.add_argument("--screenshot", metavar="OUT.png", help="render the main window on FILE (or the default seminar) to a PNG")
    commands.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add the app to this user's menu, with its icon, and open *.seminar.json files with it (Linux)",
    )
    commands.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="remove exactly what --install-desktop-entry added"
    )
    shot = parser.add_argument_group("screenshot options")
    shot.add_argument("--select", metavar="SPEAKER_ID", help="with --screenshot: the speaker (or theme) to select")
    shot.add_argument("--tab", choices=TABS, help="with --screenshot: the tab to show (default themes)")
    shot.add_argument("--size", metavar="WxH", help="with --screenshot: window size (default 1280x800)")
    commands.add_argument(
        "--import", dest="import_file", metavar="TRANSCRIPT",
        help="make a new seminar file from a transcript or report (vtt, srt, whisper JSON, text, docx, pdf) "
        "or from a REFI-QDA project (.qdpx)",
    )
    commands.add_argument(
        "--replace-source", metavar="NEW.txt",
        help="re-anchor FILE's excerpts and turns onto a revised source text and write it to --out; "
        "prints each excerpt whose words changed; writes nothing if any is no longer found",
    )
    parser.add_argument(
        "--reliability", action="store_true",
        help="how far two or more codings of one seminar (the FILEs) agree: Krippendorff's alpha overall and per theme, "
        "with a 95 %% bootstrap interval, and the verdicts that differ; with --export-csv OUT.csv also a CSV",
    )
    imports = parser.add_argument_group("import options")
    imports.add_argument("--out", metavar="OUT.seminar.json", help="with --import or --replace-source: the seminar file to write")
    imports.add_argument("--title", metavar="TEXT", help="with --import: the seminar's title (default: from the file)")
    imports.add_argument("--format", choices=FORMATS, help="with --import: the file's format (default: detected)")
    imports.add_argument("--media", metavar="RECORDING",
                         help="with --import TRANSCRIPT: the recording (audio or video) the transcript was made from")
    imports.add_argument("--source", dest="source_name", metavar="NAME",
                         help="with --import PROJECT.qdpx: the text source to import when the project has several")
    imports.add_argument("--code-level", type=int, metavar="N",
                         help="with --import PROJECT.qdpx: the level of the codebook whose codes become themes (default 1, the top)")
    parser.add_argument("--force", action="store_true", help="with --import or --replace-source: replace OUT if it exists; "
                        "with --export-pdf or --export-csv: replace OUT even if it is read-only")
    commands.add_argument("--export-pdf", metavar="OUT.pdf", help="write the PDF brief of FILE (or the default seminar); no display needed")
    commands.add_argument("--export-csv", metavar="OUT.csv", help="write every position of FILE (or the default seminar) as CSV")
    commands.add_argument("--export-qdpx", metavar="OUT.qdpx",
                          help="write FILE (or the default seminar) as a REFI-QDA project for QualCoder, MAXQDA, ATLAS.ti or NVivo")
    commands.add_argument("--export-qdc", metavar="OUT.qdc",
                          help="write the themes of FILE (or the default seminar), with their definitions, as a REFI-QDA codebook")
    commands.add_argument("--export-graphml", metavar="OUT.graphml",
                          help="write the speaker and theme network of FILE (or the default seminar) as GraphML")
    export = parser.add_argument_group("export options")
    export.add_argument("--page-size", choices=PAGE_SIZES, help="with --export-pdf: paper size (default a4)")
    export.add_argument("--sections", metavar="LIST", help="with --export-pdf: comma-separated sections to include "
                        "(judgements, chart, themes, agree_split, discussion, forecasts, agreement, method, source, speakers; "
                        "default all but speakers, the appendix of speaker profiles)")
    parser.add_argument("--speaker", action="append", metavar="SPEAKER_ID | NAME=LABEL",
                        help="with --export-pdf: a brief on this speaker only; with --import (repeatable): "
                        "name the speaker behind a label, e.g. 'Amara Okafor=SPEAKER_00'")
    export.add_argument("--csv-kind", choices=("positions", "matrix", "themes", "pairs", "timeline"), help="with --export-csv: one row "
                        "per position (default), the speaker \u00d7 theme matrix of stances, one row per theme (figures, "
                        "verdict, robustness, movement), one row per pair of speakers (agreement against chance) or one "
                        "row per position in the order of the discussion (timeline)")
    export.add_argument("--without-chair", action="store_true", help="with either export: leave the chair's positions "
                        "out of every figure, as View \u25b8 Counted Kinds \u25b8 Leave Out the Chair does")
    export.add_argument("--counted-kinds", metavar="LIST", help="with either export: comma-separated kinds of position the "
                        "analysis counts (default assessment,prediction,prescription; also question, history, summary)")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


_FILE_OPTIONS = {
    "--screenshot": "screenshot", "--import": "import_file", "--out": "out",
    "--export-pdf": "export_pdf", "--export-csv": "export_csv", "--replace-source": "replace_source",
    "--export-qdpx": "export_qdpx", "--export-qdc": "export_qdc", "--export-graphml": "export_graphml", "--media": "media",
}
"""Options naming a file, with their attribute: an empty name is a usage error, never "no option"."""


def main(argv: Sequence[str] | None = None) -> int:
    _tolerate_unencodable_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    for option, value in _FILE_OPTIONS.items():
        given = getattr(args, value)
        if given is not None and not given.strip():
            parser.error(f"{option} needs the name of a file, not an empty one")
    if not args.screenshot and (args.select or args.tab or args.size):
        parser.error("--select, --tab and --size go with --screenshot")
    try:
        if args.reliability:
            return reliability(parser, args)
        if args.import_file:
            return import_transcript(parser, args)
        if args.replace_source:
            return replace_source(parser, args)
        if args.source_name is not None or args.code_level is not None:
            parser.error("--source and --code-level go with --import PROJECT.qdpx")
        if args.media:
            parser.error("--media goes with --import TRANSCRIPT")
        if args.export_qdpx is not None or args.export_qdc is not None or args.export_graphml is not None:
            return exchange_export(parser, args)
        if args.out or args.title or args.format:
            parser.error("--out, --title and --format go with --import (--out also with --replace-source)")
        if args.check:
            if not args.files:
                parser.error("--check needs at least one FILE")
            return check(args.files)
        if args.export_pdf is not None or args.export_csv is not None:
            return export(parser, args)
        if args.page_size or args.sections or args.speaker or args.csv_kind or args.counted_kinds or args.without_chair or args.force:
            parser.error(
                "--page-size, --sections and --speaker go with --export-pdf; --csv-kind with --export-csv; "
                "--counted-kinds and --without-chair with either export; --force with --import or either export"
            )
        if args.screenshot:
            return screenshot(parser, args)
        if args.schema:
            if args.files:
                parser.error("--schema takes no FILE")
            return print_schema()
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            if args.files:
                parser.error("--install-desktop-entry and --uninstall-desktop-entry take no FILE")
            from .commands.desktop_entry import install_desktop_entry, uninstall_desktop_entry

            return install_desktop_entry() if args.install_desktop_entry else uninstall_desktop_entry()
        if len(args.files) > 1:
            parser.error("give at most one FILE to open")
        from .gui import run_gui

        return run_gui(args.files[0] if args.files else None)
    except CommandFailed as exc:
        print_error(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (``--schema | head``): not an error, and nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the contract: a message, never a traceback (set SEMINAR_LENS_DEBUG=1 to see it)
        if os.environ.get("SEMINAR_LENS_DEBUG"):
            raise
        print_error(f"unexpected error: {type(exc).__name__}: {exc}")
        return EXIT_FAILED


def check(files: Sequence[str]) -> int:
    """``--check``: validate files, print one summary line each, or one line per problem."""
    from .model.format.loader import load
    from .model.format.problems import DatasetError
    from .presentation.counts import counted

    status = EXIT_OK
    for name in files:
        try:
            dataset = load(name)
        except DatasetError as exc:
            print_error("\n".join(exc.lines()))
            status = EXIT_FAILED
            continue
        model = dataset.model
        figures = ", ".join(
            counted(len(entries), noun)
            for entries, noun in ((model.speakers, "speaker"), (model.themes, "theme"), (model.positions, "position"))
        )
        print(f"{name}: ok: {figures} ({dataset.seminar.title})")
    return status


def print_schema() -> int:
    """``--schema``: the JSON Schema of the file format, on stdout."""
    from .model.format.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def screenshot(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--screenshot``: the real main window rendered to PNG."""
    from .commands.screenshot import DEFAULT_SIZE, parse_size, take_screenshot

    if len(args.files) > 1:
        parser.error("--screenshot takes at most one FILE")
    try:
        size = parse_size(args.size) if args.size else DEFAULT_SIZE
    except ValueError as exc:
        parser.error(str(exc))
    tab = args.tab or "themes"
    out = take_screenshot(Path(args.screenshot), resolve_dataset_path(args.files), args.select, tab, size)
    print(f"wrote {out}")
    return EXIT_OK


def _counted_kinds(parser: argparse.ArgumentParser, args: argparse.Namespace) -> frozenset[Kind]:
    """The kinds ``--counted-kinds`` names (the default ones without it); a usage error for a word it does not know."""
    from .model.analysis.seminar_analysis import COUNTED_KINDS_DEFAULT, parse_kinds

    if args.counted_kinds is None:
        return COUNTED_KINDS_DEFAULT
    try:
        return parse_kinds(args.counted_kinds)
    except ValueError as exc:
        parser.error(f"--counted-kinds: {exc}")


def export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--export-pdf`` and ``--export-csv``: the brief or the CSV, headless."""
    from .commands.export import export_csv_command, export_pdf_command
    from .presentation.brief_options import DEFAULT_SECTIONS, ReportOptions, parse_sections

    if len(args.files) > 1:
        parser.error("an export takes at most one FILE")
    counted = _counted_kinds(parser, args)
    if args.export_csv is not None:
        if args.page_size or args.sections or args.speaker:
            parser.error("--page-size, --sections and --speaker go with --export-pdf")
        print(
            export_csv_command(
                Path(args.export_csv),
                resolve_dataset_path(args.files),
                args.csv_kind or "positions",
                counted,
                args.force,
                without_chair=args.without_chair,
            )
        )
        return EXIT_OK
    if args.csv_kind:
        parser.error("--csv-kind goes with --export-csv")
    try:
        sections = parse_sections(args.sections) if args.sections is not None else DEFAULT_SECTIONS
    except ValueError as exc:
        parser.error(f"--sections: {exc}")
    if args.speaker and len(args.speaker) > 1:
        parser.error("--export-pdf takes one --speaker")
    speaker = args.speaker[0] if args.speaker else None
    options = ReportOptions(
        page_size=args.page_size or "a4", sections=sections, speaker=speaker, counted_kinds=counted, without_chair=args.without_chair
    )
    print(export_pdf_command(Path(args.export_pdf), resolve_dataset_path(args.files), options, args.force))
    return EXIT_OK


def exchange_export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--export-qdpx`` and ``--export-graphml``: the exchange files, headless."""
    from .commands.exchange import export_graphml_command, export_qdc_command, export_qdpx_command

    if len(args.files) > 1:
        parser.error("an export takes at most one FILE")
    if args.page_size or args.sections or args.speaker or args.csv_kind:
        parser.error("--page-size, --sections and --speaker go with --export-pdf; --csv-kind with --export-csv")
    if args.export_qdpx is not None or args.export_qdc is not None:
        if args.counted_kinds or args.without_chair:
            parser.error("--counted-kinds and --without-chair do not apply to --export-qdpx or --export-qdc: they hold every position")
        if args.export_qdpx is not None:
            print(export_qdpx_command(Path(args.export_qdpx), resolve_dataset_path(args.files), args.force))
        else:
            print(export_qdc_command(Path(args.export_qdc), resolve_dataset_path(args.files), args.force))
        return EXIT_OK
    counted = _counted_kinds(parser, args)
    print(export_graphml_command(
        Path(args.export_graphml), resolve_dataset_path(args.files), counted, args.force, without_chair=args.without_chair
    ))
    return EXIT_OK


def import_transcript(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--import``: a transcript or report (or a REFI-QDA project) made into a new seminar file."""
    from .commands.import_transcript import import_command, parse_speaker_option

    if Path(args.import_file).suffix.lower() == ".qdpx":
        return import_project_file(parser, args)
    if args.source_name is not None or args.code_level is not None:
        parser.error("--source and --code-level go with --import PROJECT.qdpx")
    if args.files:
        parser.error("--import takes no FILE; give the transcript after --import and the new file with --out")
    if not args.out:
        parser.error("--import needs --out OUT.seminar.json")
    if args.page_size or args.sections or args.csv_kind or args.select or args.tab or args.size:
        parser.error("--import takes only --out, --title, --format, --speaker, --media and --force")
    try:
        speakers = [parse_speaker_option(value) for value in args.speaker or ()]
    except ValueError as exc:
        parser.error(str(exc))
    return import_command(
        Path(args.import_file), Path(args.out), title=args.title, speakers=speakers, format_name=args.format, force=args.force,
        media=Path(args.media) if args.media else None,
    )


def import_project_file(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--import PROJECT.qdpx``: a REFI-QDA project made into a new seminar file."""
    from .commands.exchange import import_qdpx_command

    if args.files:
        parser.error("--import takes no FILE; give the project after --import and the new file with --out")
    if not args.out:
        parser.error("--import needs --out OUT.seminar.json")
    if args.title or args.format or args.speaker or args.page_size or args.sections or args.csv_kind or args.media:
        parser.error("--import PROJECT.qdpx takes only --out, --source, --code-level and --force")
    if args.code_level is not None and args.code_level < 1:
        parser.error("--code-level must be 1 or more (1 is the top of the codebook)")
    return import_qdpx_command(
        Path(args.import_file), Path(args.out), source=args.source_name, level=args.code_level or 1, force=args.force
    )


def replace_source(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--replace-source``: FILE re-anchored onto a revised source text, written to --out."""
    from .commands.replace_source import replace_source_command

    if len(args.files) != 1:
        parser.error("--replace-source needs exactly one FILE, the seminar to re-anchor")
    if not args.out:
        parser.error("--replace-source needs --out OUT.seminar.json")
    if args.title or args.format or args.speaker or args.page_size or args.sections or args.csv_kind or args.counted_kinds or args.without_chair:
        parser.error("--replace-source takes only FILE, --out and --force")
    return replace_source_command(Path(args.replace_source), Path(args.files[0]), Path(args.out), force=args.force)


def reliability(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--reliability``: alpha between the codings in FILE..., printed and, with --export-csv, written."""
    from .commands.reliability import reliability_command

    if len(args.files) < 2:
        parser.error("--reliability needs at least two FILEs, one per coder")
    others = (args.check, args.schema, args.screenshot, args.import_file, args.replace_source, args.export_pdf, args.out,
              args.csv_kind, args.counted_kinds, args.without_chair, args.page_size, args.sections, args.speaker)
    if any(others):
        parser.error("--reliability takes only its FILEs, --export-csv OUT.csv and --force")
    out = Path(args.export_csv) if args.export_csv is not None else None
    print(reliability_command([Path(name) for name in args.files], out, args.force))
    return EXIT_OK


def resolve_dataset_path(files: Sequence[str]) -> Path:
    """FILE when given, else the default seminar (headless commands never depend on settings)."""
    from .assets import default_seminar_path

    return Path(files[0]) if files else default_seminar_path()


def _tolerate_unencodable_output() -> None:
    # A title in Cyrillic must not crash a terminal that speaks only ASCII.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None when there is no console at all
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
