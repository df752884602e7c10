"""``--screenshot``: render the real main window to a PNG, offscreen when there is no display."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..atomic import write_bytes_atomic
from ..model.format.loader import load
from ..model.format.problems import DatasetError
from ..write_targets import UnsafeTarget, check_target
from .failure import CommandFailed

DEFAULT_SIZE = (1280, 800)
MIN_SIZE = (800, 600)
"""The main window's minimum size (MainWindow.MINIMUM_SIZE; kept here so parsing needs no Qt)."""


def parse_size(text: str) -> tuple[int, int]:
    """``1280x800`` → (1280, 800); ValueError when it is not WIDTHxHEIGHT within sensible bounds."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ValueError(f"size must be WIDTHxHEIGHT, such as 1280x800, not {text!r}")
    size = int(width), int(height)
    if not (MIN_SIZE[0] <= size[0] <= 7680 and MIN_SIZE[1] <= size[1] <= 4320):
        raise ValueError(f"size must be between {MIN_SIZE[0]}x{MIN_SIZE[1]} (the window's smallest) and 7680x4320")
    return size


def take_screenshot(out: Path, dataset_path: Path, select: str | None, tab: str, size: tuple[int, int]) -> Path:
    try:
        check_target(out, (dataset_path,))
    except UnsafeTarget as error:
        raise CommandFailed(str(error)) from None
    try:
        dataset = load(dataset_path)
    except DatasetError as error:
        raise CommandFailed("\n".join(error.lines())) from None
    if select and not dataset.has_speaker(select) and not dataset.has_theme(select):
        known = ", ".join(s.id for s in dataset.speakers)
        raise CommandFailed(f"--select: no speaker or theme '{select}' in {dataset_path} (speakers: {known})")

    from ..qt_app import make_application

    app = make_application(headless=True)
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings

    from ..ui.shell.main_window import MainWindow
    from ..ui.shell.scroll_style import use_plain_grooves
    from ..ui.shell.settings import AppSettings

    use_plain_grooves(app)

    with tempfile.TemporaryDirectory(prefix="seminar-lens-shot-") as scratch:
        # A throwaway settings file: a screenshot neither reads nor changes the user's settings.
        settings = AppSettings(QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(dataset, settings=settings, build_chart_now=True)
        window.resize(*size)
        window.show_tab(tab)
        window.show()
        if select:
            if dataset.has_speaker(select):
                window.selection.select_speaker(select)
            else:
                window.selection.select_theme(select)
        for _ in range(3):
            app.processEvents()
        image = window.grab()
        window.close()
        if (image.width(), image.height()) != size:
            got = f"{image.width()}x{image.height()}"
            raise CommandFailed(f"--size {size[0]}x{size[1]}: the window could only be made {got} on this screen")
        buffer = QByteArray()
        device = QBuffer(buffer)
        device.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(device, "PNG"):
            raise CommandFailed("the window could not be rendered to PNG")
        device.close()
    try:
        write_bytes_atomic(out, bytes(buffer.data()), protected=(dataset_path,))
    except UnsafeTarget as error:
        raise CommandFailed(str(error)) from None
    except OSError as exc:
        raise CommandFailed(f"cannot write {out}: {exc.strerror or exc}") from None
    return out
