"""Desktop integration: the application-menu entry, its icons and the seminar file type.

Nothing here needs Qt: installing the entry is copying files into the user's
XDG data folder and asking the desktop's tools to refresh their caches.
"""

DESKTOP_FILE_ID = "seminar-lens"  # the .desktop file's name, and the app id a window should announce
ICON_NAME = "seminar-lens"
MIME_TYPE = "application/x-seminar-lens+json"
SEMINAR_GLOB = "*.seminar.json"


class DesktopIntegrationError(Exception):
    """The desktop entry could not be installed or removed; the message says why, for the user."""
