"""The brief's chart is painted straight onto the PDF, with no widget and no pyqtgraph behind it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_brief_with_its_chart_is_written_without_qt_widgets_or_pyqtgraph(tmp_path):
    """With only a QGuiApplication, a brief with a speaker's chart is written, and neither widgets nor pyqtgraph load."""
    out = tmp_path / "brief.pdf"
    script = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['x'])\n"
        "from desktop_app.assets import default_seminar_path\n"
        "from desktop_app.model.format.loader import load\n"
        "from desktop_app.presentation.brief_options import ReportOptions\n"
        "from desktop_app.report.pdf import export_pdf\n"
        f"done = export_pdf(load(default_seminar_path()), {str(out)!r}, ReportOptions(sections=('chart',), speaker='kuhrt'))\n"
        "print(done.pages, sorted(m for m in sys.modules if m.startswith(('PySide6.QtWidgets', 'pyqtgraph'))))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "[]"]
    assert out.read_bytes().startswith(b"%PDF")
