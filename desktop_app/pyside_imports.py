"""Importing modules after PySide6 for less: skipping its search of every new module's source text.

Once PySide6 is imported, it looks at every module imported after it, to
know which ones use PySide6 and so could switch on its optional ``__feature__``
names (``from __feature__ import snake_case``): it reads each module's whole
source file, through ``inspect.getsource``, and searches it for "PySide6".
For the application's start, which imports pydantic, numpy and pyqtgraph
after PySide6, that reading cost about 120 ms of CPU time, a fifth of
importing pyqtgraph.  :func:`skip_feature_scan` answers "yes" for every
module without reading anything: such a module sees Qt's ordinary names
unless it asks for a feature itself, which is what the search decides for a
module that names PySide6 (a module found not to is left to see whatever
features the module before it chose; the application chooses none).
"""

from __future__ import annotations

import sys

FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")
"""Where PySide6 keeps the search (its name in ``sys.modules`` differs between versions)."""


def _may_use_pyside(module: object) -> bool:
    return True


def skip_feature_scan() -> bool:
    """Stop PySide6 reading the source of each module imported from now on; whether it could be stopped.

    Call it once PySide6 is imported.  A PySide6 without this search is left alone.
    """
    for name in FEATURE_MODULES:
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = _may_use_pyside  # type: ignore[attr-defined]
            return True
    return False
