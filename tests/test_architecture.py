"""The layers hold: import-linter's contracts pass, nothing in the app imports itself round in a circle,
and the model loads and analyses without Qt."""

import os
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
QT_ROOTS = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")


def test_lint_imports_finds_every_contract_kept():
    """`lint-imports` (the contracts in pyproject.toml) passes: model, presentation, window and brief stay in their layers."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    assert lint_imports.exists(), f"import-linter is not installed next to {sys.executable}"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def import_cycles(graph) -> list[list[str]]:
    """Groups of modules that import each other round in a circle (strongly connected components of two or more)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles = []
    for start in sorted(graph.modules):
        if start in order:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, imported = work[-1]
            step = next(imported, None)
            if step is not None:
                if step not in order:
                    order[step] = low[step] = len(order)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.find_modules_directly_imported_by(step)))))
                elif step in on_stack:
                    low[module] = min(low[module], order[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == order[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1 or module in graph.find_modules_directly_imported_by(module):
                    cycles.append(sorted(group))
    return cycles


def test_no_module_of_the_app_imports_itself_round_a_circle():
    """No chain of imports in desktop_app/, imports inside functions included, leads back to where it started."""
    graph = grimp.build_graph("desktop_app", cache_dir=None)
    assert len(graph.modules) > 50, "the whole package was read"
    assert import_cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    """The cycle search itself reports modules that import each other, through a function-level import too."""
    graph = grimp.ImportGraph()
    for name in ("app", "app.a", "app.b", "app.c", "app.d"):
        graph.add_module(name)
    graph.add_import(importer="app.a", imported="app.b")
    graph.add_import(importer="app.b", imported="app.c")
    graph.add_import(importer="app.c", imported="app.a")
    graph.add_import(importer="app.d", imported="app.a")
    assert import_cycles(graph) == [["app.a", "app.b", "app.c"]]


def test_loading_and_analysing_pull_in_no_qt():
    """Loading the default seminar and analysing it in a fresh interpreter imports no Qt module at all."""
    script = (
        "import sys\n"
        "from desktop_app.assets import default_seminar_path\n"
        "from desktop_app.model.format.loader import load\n"
        "d = load(default_seminar_path()); d.analysis.pair(d.speakers[0].id, d.speakers[1].id)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_ROOTS!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_the_painting_layer_pulls_in_no_widgets():
    """Importing every module of the shared painting layer in a fresh interpreter loads QtGui but no widgets, printing or pyqtgraph."""
    modules = sorted(f"desktop_app.painting.{path.stem}" for path in (ROOT / "desktop_app" / "painting").glob("*.py") if path.stem != "__init__")
    assert modules, "the painting layer has modules"
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    loaded = result.stdout.strip()
    assert "PySide6.QtGui" in loaded
    for unwanted in ("PySide6.QtWidgets", "PySide6.QtPrintSupport", "pyqtgraph"):
        assert unwanted not in loaded
