"""The icon files: every size present, transparent around the tile, and up to date with the SVG master."""

import importlib.util
import struct

import numpy
import pytest
from PySide6.QtGui import QImage, QImageReader

from desktop_app.assets import resource_path
from desktop_app.desktop.icons import PNG_SIZES, icon_pngs, icon_svg, theme_icon_files

RENDER_SCRIPT = resource_path("packaging", "render_icons.py")


@pytest.fixture(scope="module")
def render_icons():
    spec = importlib.util.spec_from_file_location("render_icons", RENDER_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def share_of_pixels_changed(first: QImage, second: QImage, by_more_than: int = 16) -> float:
    """The share of pixels where some channel differs by more than ``by_more_than`` (0-255 scale)."""
    first = first.convertToFormat(QImage.Format.Format_RGBA8888)
    second = second.convertToFormat(QImage.Format.Format_RGBA8888)
    a = numpy.frombuffer(bytes(first.constBits()), dtype=numpy.uint8).reshape(-1, 4).astype(int)
    b = numpy.frombuffer(bytes(second.constBits()), dtype=numpy.uint8).reshape(-1, 4).astype(int)
    return float((numpy.abs(a - b).max(axis=1) > by_more_than).mean())


def test_script_and_app_agree_on_the_sizes(render_icons):
    """The render script writes exactly the PNG sizes the app and the installer use."""
    assert render_icons.PNG_SIZES == PNG_SIZES
    assert all(render_icons.png_path(size) == path for size, path in icon_pngs().items())


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_is_square_and_transparent_around_the_tile(size):
    """Each PNG has its nominal size, an alpha channel, clear corners and an opaque centre."""
    image = QImage(str(icon_pngs()[size]))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


@pytest.mark.parametrize("size", PNG_SIZES)
def test_committed_pngs_match_the_svg_master(render_icons, size):
    """Each committed PNG is what the SVG renders to now: edit the SVG, and this fails until they are re-rendered."""
    committed = QImage(str(icon_pngs()[size]))
    fresh = render_icons.render(size, icon_svg())
    # A little slack for anti-aliasing that differs between Qt versions, none for a changed drawing.
    assert share_of_pixels_changed(committed, fresh) < 0.005


def test_windows_icon_holds_every_size_up_to_256():
    """The .ico carries a separate image for each size Windows asks for, 16 to 256 px."""
    reader = QImageReader(str(resource_path("icons", "seminar-lens.ico")))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.append(reader.read().width())
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icon_holds_png_images_up_to_1024():
    """The .icns holds PNG images for the standard and retina sizes, the largest 1024 px."""
    data = resource_path("icons", "seminar-lens.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    entries, offset = {}, 8
    while offset < len(data):
        kind, length = data[offset : offset + 4].decode("ascii"), struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        entries[kind] = data[offset + 8 : offset + length]
        offset += length
    for kind in ("ic07", "ic08", "ic09", "ic10", "ic11", "ic12", "ic13", "ic14"):
        assert entries[kind].startswith(b"\x89PNG"), kind
    largest = QImage.fromData(entries["ic10"])
    assert largest.width() == 1024


def test_theme_files_cover_every_png_and_the_svg():
    """The installer's list of theme files names every PNG size and the scalable SVG, all present."""
    files = theme_icon_files()
    assert set(files) == {f"{n}x{n}/apps/seminar-lens.png" for n in PNG_SIZES} | {"scalable/apps/seminar-lens.svg"}
    assert all(path.is_file() for path in files.values())
