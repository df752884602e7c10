"""Importing after PySide6: no module's source is read to find out whether it uses PySide6."""

import inspect
import sys

from desktop_app.pyside_imports import FEATURE_MODULES, skip_feature_scan


def _feature_module():
    return next(sys.modules[name] for name in FEATURE_MODULES if name in sys.modules)


def test_a_module_imported_after_the_skip_is_not_read_for_pyside(tmp_path, monkeypatch):
    """Once skipped, PySide6 marks a newly imported module without reading its source file."""
    import PySide6.QtCore  # noqa: F401 (the search is installed with PySide6)

    feature = _feature_module()
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # put PySide6's own back afterwards
    read: list[str] = []
    real_getsource = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(getattr(obj, "__name__", "?")) or real_getsource(obj))
    (tmp_path / "freshly_written_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    assert skip_feature_scan() is True
    module = __import__("freshly_written_module")  # an import statement's way: PySide6 watches __import__

    assert module.VALUE == 1
    assert "freshly_written_module" not in read
    assert feature.pyside_feature_dict["freshly_written_module"] == 0, "it sees Qt's ordinary names, no feature"
    monkeypatch.delitem(sys.modules, "freshly_written_module")
