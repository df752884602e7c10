"""Render the application icon's PNG sizes, .ico and .icns from the SVG master.

Run it after editing ``resources/icons/seminar-lens.svg``, from any folder::

    python resources/packaging/render_icons.py

Qt (QtSvg) draws every size straight from the SVG onto a transparent image,
so small sizes are rendered, not shrunk.  The PNGs go into
``resources/icons/hicolor/<N>x<N>/apps/``, the layout of the freedesktop icon
theme, so the desktop entry installer copies them as they are.  Pillow, a
development-only dependency (``pip install Pillow``), then packs those renders
into ``seminar-lens.ico`` (Windows, 16-256 px) and ``seminar-lens.icns``
(macOS, 32-1024 px): Qt's own ICO and ICNS writers store a single image per
file, and both systems want every size.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "icons"
MASTER = ICONS / "seminar-lens.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def png_path(size: int, icons: Path = ICONS) -> Path:
    """Where the PNG of one size lives, in the freedesktop hicolor layout."""
    return icons / "hicolor" / f"{size}x{size}" / "apps" / "seminar-lens.png"


def render(size: int, svg: Path = MASTER):
    """The SVG drawn at ``size`` x ``size`` pixels on a transparent QImage."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read the SVG {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(size: int, svg: Path = MASTER) -> bytes:
    """The PNG file content of one rendered size."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render(size, svg).save(buffer, "PNG"):
        raise SystemExit(f"render_icons: Qt could not encode the {size} px PNG")
    buffer.close()
    return bytes(data)


def write_containers(renders: dict[int, bytes], icons: Path = ICONS) -> list[Path]:
    """Pack rendered PNGs into the .ico and .icns files; returns the files written."""
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit("render_icons: the .ico and .icns need Pillow: pip install Pillow") from None

    def opened(size: int):
        image = Image.open(BytesIO(renders[size]))
        image.load()
        return image

    ico = icons / "seminar-lens.ico"
    largest_ico = opened(max(ICO_SIZES))
    largest_ico.save(
        ico,
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[opened(size) for size in ICO_SIZES if size != max(ICO_SIZES)],
    )
    icns = icons / "seminar-lens.icns"
    largest_icns = opened(max(ICNS_SIZES))
    largest_icns.save(
        icns, format="ICNS", append_images=[opened(size) for size in ICNS_SIZES if size != max(ICNS_SIZES)]
    )
    return [ico, icns]


def main() -> int:
    # Every size is drawn from the SVG, including those only the containers use.
    renders = {size: png_bytes(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    written = []
    for size in PNG_SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(renders[size])
        written.append(target)
    written += write_containers(renders)
    for path in written:
        print(path.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
