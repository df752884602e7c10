"""Importing pyqtgraph without it making every Qt class up front.

pyqtgraph keeps its own copies of PySide6's QtCore, QtGui and QtWidgets
modules (``pyqtgraph.Qt.QtCore`` and so on) and fills them, as it is
imported, by asking PySide6 for every name those modules hold.  PySide6 makes
its classes only when first asked for, so that copy makes some 700 classes
and their enums, of which the chart uses a few dozen: about 100 ms of CPU
time, a quarter of importing pyqtgraph on this machine.

:func:`import_pyqtgraph` gives pyqtgraph copies that hold nothing yet and
fetch each name from PySide6 the first time it is asked for (and keep it),
and hides PySide6's list of names from pyqtgraph's filling loop while
pyqtgraph is imported.  Every name pyqtgraph or the chart asks for is the very
object PySide6 has, and ``dir()`` of a copy lists them all, as before.

pyqtgraph's package also imports, up front, four widgets the chart never
uses, which bring its parameter trees and its multi-process machinery with
them: another 60 ms or so.  They are left out while pyqtgraph is imported and
come, as they were, the first time one of their names is asked of pyqtgraph
(or their module is imported).  When pyqtgraph is already imported, would use
another Qt binding, or is laid out differently from what this expects, it is
imported as usual.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

MIRRORED = ("QtCore", "QtGui", "QtWidgets")
"""PySide6's modules of which pyqtgraph keeps copies, under ``pyqtgraph.Qt``."""
DEFERRED = {
    "pyqtgraph.widgets.ColorMapWidget": ("ColorMapWidget", "ColorMapParameter"),
    "pyqtgraph.widgets.DataFilterWidget": ("DataFilterWidget",),
    "pyqtgraph.widgets.RemoteGraphicsView": ("RemoteGraphicsView",),
    "pyqtgraph.widgets.ScatterPlotWidget": ("ScatterPlotWidget",),
}
"""pyqtgraph's modules the chart does not use, each with the names pyqtgraph's package takes from it."""


def import_pyqtgraph() -> ModuleType:
    """pyqtgraph, imported with copies of Qt's modules that fill themselves as they are used."""
    if "pyqtgraph" in sys.modules:
        return sys.modules["pyqtgraph"]
    mirror_files = _mirror_files()
    if mirror_files is None:
        import pyqtgraph

        return pyqtgraph
    import PySide6.QtCore
    import PySide6.QtGui
    import PySide6.QtWidgets

    sources = {"QtCore": PySide6.QtCore, "QtGui": PySide6.QtGui, "QtWidgets": PySide6.QtWidgets}
    mirrors = [_lazy_mirror(f"pyqtgraph.Qt.{name}", mirror_files[name], sources[name]) for name in MIRRORED]
    for mirror in mirrors:
        sys.modules[mirror.__name__] = mirror
    try:
        with _names_hidden(list(sources.values())), _left_out(DEFERRED) as fetch_later:
            import pyqtgraph
    except BaseException:
        for mirror in mirrors:
            sys.modules.pop(mirror.__name__, None)
        raise
    fetch_later(pyqtgraph)
    return pyqtgraph


def _mirror_files() -> dict[str, Path] | None:
    """The files of pyqtgraph's copies of Qt's modules, if this pyqtgraph has them and will use PySide6."""
    if os.environ.get("PYQTGRAPH_QT_LIB", "PySide6") != "PySide6":
        return None
    spec = importlib.util.find_spec("pyqtgraph")
    if spec is None or spec.origin is None:
        return None
    qt_folder = Path(spec.origin).parent / "Qt"
    files = {name: qt_folder / name / "__init__.py" for name in MIRRORED}
    return files if all(path.is_file() for path in files.values()) else None


def _lazy_mirror(name: str, path: Path, source: ModuleType) -> ModuleType:
    """The module pyqtgraph would make of ``path``, fetching from ``source`` each name it lacks when first asked."""
    spec = importlib.util.spec_from_file_location(name, path, submodule_search_locations=[str(path.parent)])
    assert spec is not None and spec.loader is not None
    mirror = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mirror)

    def fetch(attribute: str) -> object:
        value = getattr(source, attribute)  # raises AttributeError, as the copy would, for a name Qt lacks
        setattr(mirror, attribute, value)
        return value

    def names() -> list[str]:
        return sorted(set(dir(source)) | set(vars(mirror)))

    mirror.__getattr__ = fetch  # type: ignore[method-assign]
    mirror.__dir__ = names  # type: ignore[method-assign]
    return mirror


@contextlib.contextmanager
def _left_out(modules: dict[str, tuple[str, ...]]) -> Iterator[Callable[[ModuleType], None]]:
    """While the block runs, each of ``modules`` is an empty stand-in; afterwards it is imported when first used.

    The block gets a function to call with the package once it is imported:
    it takes the stand-ins' names out of the package and has the package
    import the real module the first time one of them is asked for.
    """
    placeholder = object()
    standins = {}
    for name, attributes in modules.items():
        if name in sys.modules:
            continue
        standin = ModuleType(name)
        standin.__dict__["__all__"] = []  # what ``from name import *`` takes
        for attribute in attributes:
            setattr(standin, attribute, placeholder)  # what ``from name import attribute`` takes
        standins[name] = standin
    sys.modules.update(standins)
    owners = {attribute: name for name in standins for attribute in modules[name]}

    def fetch_later(package: ModuleType) -> None:
        for attribute in owners:
            if vars(package).get(attribute) is placeholder:
                delattr(package, attribute)

        def fetch(attribute: str) -> object:
            if attribute not in owners:
                raise AttributeError(f"module {package.__name__!r} has no attribute {attribute!r}")
            value = getattr(importlib.import_module(owners[attribute]), attribute)
            setattr(package, attribute, value)
            return value

        package.__getattr__ = fetch  # type: ignore[method-assign]

    try:
        yield fetch_later
    finally:
        for name, standin in standins.items():
            if sys.modules.get(name) is standin:
                del sys.modules[name]
            parent, _, child = name.rpartition(".")
            if getattr(sys.modules.get(parent), child, None) is standin:
                delattr(sys.modules[parent], child)


@contextlib.contextmanager
def _names_hidden(modules: list[ModuleType]) -> Iterator[None]:
    """While the block runs, ``dir()`` of each of ``modules`` is empty; afterwards it is as it was."""
    missing = object()
    saved = [vars(module).get("__dir__", missing) for module in modules]
    for module in modules:
        module.__dir__ = list  # type: ignore[method-assign]
    try:
        yield
    finally:
        for module, original in zip(modules, saved, strict=True):
            if original is missing:
                del module.__dir__
            else:
                module.__dir__ = original  # type: ignore[method-assign]
