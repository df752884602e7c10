"""Fonts you can count on: the CJK fallback every route to a PDF uses, and one line when no font can show a name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.commands.export import export_pdf_command
from desktop_app.model.format.loader import load_bytes
from desktop_app.presentation.brief_options import ReportOptions
from desktop_app.report import fonts
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings import AppSettings
from tests.factories import to_bytes, world_panel
from tests.fakes import FakeDialogs

from .conftest import read_pdf

ROOT = Path(__file__).resolve().parents[2]
CHINESE = "林美玲"


def _world_file(tmp_path: Path) -> Path:
    path = tmp_path / "world.seminar.json"
    path.write_bytes(to_bytes(world_panel()))
    return path


def _embedded_fonts(reader) -> dict[str, bool]:
    """Each font the pages use, by base name, and whether its glyphs are embedded in the file."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            described = [font, *(part.get_object() for part in font.get("/DescendantFonts", []))]
            embedded = any(
                key in (part.get("/FontDescriptor") or {}) for part in described for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = found.get(str(font["/BaseFont"]), False) or embedded
    return found


def _no_cjk_font(family: str, character: str) -> bool:
    """Fonts as on a machine without a CJK font: nothing has a glyph at or past the CJK blocks."""
    return ord(character) < 0x2E80


def test_the_command_line_pdf_holds_a_chinese_name_as_text_in_an_embedded_cjk_font(qapp, tmp_path):
    """The command line's brief reads 林美玲 back as text, set in one of the CJK fallback families, embedded."""
    installed = fonts._installed(fonts.CJK_FAMILIES)
    assert installed, f"no CJK font installed: install {fonts.CJK_PACKAGE}, as the README's install line does"
    out = tmp_path / "world.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--export-pdf", str(out), str(_world_file(tmp_path))],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "font" not in result.stderr
    brief = read_pdf(out)
    assert CHINESE in brief.text
    squeezed = {family.replace(" ", "").casefold() for family in fonts.CJK_FAMILIES}
    cjk = {name: embedded for name, embedded in _embedded_fonts(brief.reader).items() if any(f in name.casefold() for f in squeezed)}
    assert cjk and all(cjk.values()), _embedded_fonts(brief.reader)


def test_with_no_font_for_a_name_the_command_line_says_so_in_one_line(qapp, tmp_path, monkeypatch, capsys):
    """No installed font covering Chinese: one stderr line names the characters and the speaker, and the PDF is still written."""
    monkeypatch.setattr(fonts, "covers", _no_cjk_font)
    out = tmp_path / "world.pdf"
    line = export_pdf_command(out, _world_file(tmp_path), ReportOptions())
    assert line.startswith("wrote ")
    warnings = [text for text in capsys.readouterr().err.splitlines() if "font" in text]
    assert warnings == [
        f"seminar-lens: warning: No installed font can show {CHINESE} (in the name {CHINESE} (Lin Meiling)); the PDF prints boxes there."
        f" Install a font that covers it, e.g. {fonts.CJK_PACKAGE}."
    ]
    assert out.exists()


def test_text_every_font_covers_raises_no_warning(qapp):
    """A seminar in Latin letters alone, or with the fallback installed, gets no warning."""
    assert fonts.missing_glyphs_warning(load_bytes(to_bytes(world_panel()))) is None
    assert fonts.missing_characters("Åsa Ågren, Małgorzata Wiśniewska") == []


def test_every_route_paints_with_the_one_family_list(qapp):
    """The brief's font, used by the window's worker and the command line alike, asks for the CJK fallback after the Latin families."""
    from desktop_app.report.pdf import brief_font

    assert brief_font().families() == fonts.FONT_FAMILIES
    assert fonts.FONT_FAMILIES.index(fonts.CJK_FAMILIES[0]) > fonts.FONT_FAMILIES.index(fonts.LATIN_FAMILIES[-1])


@pytest.fixture
def window(qtbot, tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    dialogs = FakeDialogs()
    main = MainWindow(load_bytes(to_bytes(world_panel())), settings=settings, dialogs=dialogs)
    qtbot.addWidget(main)
    return main, dialogs


def test_with_no_font_for_a_name_the_window_says_so_when_it_exports(window, tmp_path, monkeypatch):
    """The window's export warns in its message and the status line, and still writes the PDF."""
    main, dialogs = window
    monkeypatch.setattr(fonts, "covers", _no_cjk_font)
    dialogs.options_answer = ReportOptions()
    dialogs.save_answer = str(tmp_path / "world.pdf")
    dialogs.ask_answer = False
    assert main.exports.export_pdf() == tmp_path / "world.pdf"
    message = dialogs.named("ask")[0]
    assert f"No installed font can show {CHINESE}" in str(message)
    assert f"No installed font can show {CHINESE}" in main.statusBar().currentMessage()
