"""``python -m tests.synthetic``: write a synthetic seminar file."""

import sys

from .generator import main

sys.exit(main())
