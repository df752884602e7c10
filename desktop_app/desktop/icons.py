"""Where the application icon's files are, by size: for the window, the About box and the desktop.

The PNGs are rendered from the SVG master by resources/packaging/render_icons.py
and kept in the freedesktop hicolor layout, so the desktop entry installer
copies each to the same relative place in the user's icon theme.
"""

from __future__ import annotations

from pathlib import Path

from ..assets import resource_path
from . import ICON_NAME

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_svg() -> Path:
    """The scalable master."""
    return resource_path("icons", f"{ICON_NAME}.svg")


def icon_pngs() -> dict[int, Path]:
    """Every rendered PNG, by its size in pixels (for building a multi-size window icon)."""
    return {size: resource_path("icons", *_theme_parts(size)) for size in PNG_SIZES}


def theme_icon_files() -> dict[str, Path]:
    """Each icon file by its path inside a hicolor icon theme folder."""
    files = {"/".join(_theme_parts(size)[1:]): path for size, path in icon_pngs().items()}
    files[f"scalable/apps/{ICON_NAME}.svg"] = icon_svg()
    return files


def _theme_parts(size: int) -> tuple[str, ...]:
    return ("hicolor", f"{size}x{size}", "apps", f"{ICON_NAME}.png")
