"""Exports of the open seminar: the analyst's PDF brief and CSV tables.

One builder serves both the window (File ▸ Export PDF…, File ▸ Export CSV)
and the headless command line (``--export-pdf``, ``--export-csv``).  The
pure-Python parts (options, file names, the "At a glance" sentences, the CSV
rows) import no Qt; the PDF itself is laid out and painted with Qt.
"""
