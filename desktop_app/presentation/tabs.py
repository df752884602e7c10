"""The window's tabs: their keys, in order, and their titles.  The command line's ``--tab`` offers the same keys."""

from __future__ import annotations

TABS = ("themes", "agreement", "source", "timeline")
"""Tab keys, left to right; the first is the default."""
TAB_TITLES = {"themes": "Themes", "agreement": "Agreement", "source": "Source", "timeline": "Timeline"}
