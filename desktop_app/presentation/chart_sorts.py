"""The orders the themes chart can put its rows in: keys and the words the window shows for them."""

from __future__ import annotations

SORTS = ("report", "balance", "controversy")
"""Sort keys; the first is the default."""
SORT_LABELS = {"report": "Report order", "balance": "Balance", "controversy": "Controversy"}
SORT_MENU_TITLES = {"report": "Report Order", "balance": "Balance", "controversy": "Controversy"}
"""The same in a menu's title case."""
