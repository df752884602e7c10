"""Importing pyqtgraph the chart's way: Qt's classes and unused widgets are fetched as used, and every name is still there."""

import functools
import json
import os
import subprocess
import sys
import textwrap

from tests.benchmarks.children import CHECKOUT

# pyqtgraph is imported once per process, and this test process has imported it already: look in a fresh one.
FRESH_IMPORT = textwrap.dedent("""
    import json, sys
    from desktop_app.qt_app import make_application
    app = make_application(headless=True)
    import PySide6.QtCore, PySide6.QtWidgets
    names_before = set(dir(PySide6.QtCore))
    from desktop_app.ui.views.pyqtgraph_import import import_pyqtgraph
    pg = import_pyqtgraph()
    copies_held = len(vars(pg.Qt.QtWidgets))
    trees_imported = "pyqtgraph.parametertree" in sys.modules
    scatter_widget = pg.ScatterPlotWidget  # a left-out widget, fetched when asked for
    plot = pg.PlotWidget()
    plot.addItem(pg.ScatterPlotItem(x=[1, 2], y=[3, 4]))
    print(json.dumps({
        "copies_held": copies_held,
        "classes_in_qtwidgets": sum(1 for name in dir(PySide6.QtWidgets) if name.startswith("Q")),
        "same_class": pg.Qt.QtWidgets.QGraphicsView is PySide6.QtWidgets.QGraphicsView,
        "same_enum": pg.QtCore.Qt.AlignmentFlag is PySide6.QtCore.Qt.AlignmentFlag,
        "listed": set(dir(PySide6.QtGui)) <= set(dir(pg.Qt.QtGui)),
        "names_kept": names_before <= set(dir(PySide6.QtCore)),
        "plot_is_a_view": isinstance(plot, PySide6.QtWidgets.QGraphicsView),
        "missing_raises": not hasattr(pg.Qt.QtCore, "NoSuchQtName"),
        "trees_imported": trees_imported,
        "left_out_fetched": scatter_widget.__module__ == "pyqtgraph.widgets.ScatterPlotWidget",
        "left_out_is_real": isinstance(pg.RemoteGraphicsView, type) and "pyqtgraph.multiprocess" in sys.modules,
        "missing_from_package_raises": not hasattr(pg, "NoSuchWidget"),
    }))
""")


@functools.cache
def fresh_import_report() -> dict:
    done = subprocess.run(
        [sys.executable, "-c", FRESH_IMPORT], cwd=CHECKOUT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_pyqtgraph_gets_qt_names_as_they_are_used_and_all_of_them():
    """Imported fresh, pyqtgraph's copy of QtWidgets holds only what was used, yet gives PySide6's own objects."""
    report = fresh_import_report()
    assert report["copies_held"] < report["classes_in_qtwidgets"] / 2, report
    assert report["same_class"] and report["same_enum"] and report["plot_is_a_view"]
    assert report["listed"], "dir() of a copy lists every name PySide6 has"
    assert report["names_kept"], "PySide6's own list of names is back once pyqtgraph is imported"
    assert report["missing_raises"]


def test_widgets_the_chart_never_uses_come_only_when_asked_for():
    """The parameter trees stay out of the start, yet every left-out widget is pyqtgraph's own when asked for."""
    report = fresh_import_report()
    assert not report["trees_imported"]
    assert report["left_out_fetched"] and report["left_out_is_real"]
    assert report["missing_from_package_raises"]
