"""Seminar Lens: who said what at a panel discussion, and where the panel converged or split."""

__version__ = "0.1.0"
APP_NAME = "Seminar Lens"
ORGANISATION = "Seminar Lens"
ERROR_PREFIX = "seminar-lens: "
"""How every error, warning and progress line the program prints starts, so a script can tell them from a file's own words."""
