"""The data and analysis layer stays free of Qt, so it runs anywhere and tests need no display."""

import ast
import subprocess
import sys
from pathlib import Path

import desktop_app.model

MODEL = Path(desktop_app.model.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")


def imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_module_under_model_imports_qt():
    """No file under desktop_app/model names Qt or pyqtgraph in an import, even inside a function."""
    offenders = {
        path.name: sorted(imported_roots(path.read_text(encoding="utf-8")) & set(FORBIDDEN))
        for path in MODEL.rglob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_loading_and_analysing_pull_in_no_qt():
    """Loading the default seminar and analysing it in a fresh interpreter imports no Qt module."""
    script = (
        "import sys\n"
        "from desktop_app.assets import default_seminar_path\n"
        "from desktop_app.model.loader import load\n"
        "d = load(default_seminar_path()); d.analysis.pair(d.speakers[0].id, d.speakers[1].id)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
