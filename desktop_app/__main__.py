"""``python -m desktop_app`` and the ``seminar-lens`` launcher: the same command line."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
