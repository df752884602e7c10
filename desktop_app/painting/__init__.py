"""Painting shared by the window and the brief: the theme chart's glyphs and the agreement map's cells, with QPainter.

Below ``ui`` and ``report``, above ``presentation`` (whose geometry, words and
hex colours it paints) and the model; QtGui only: no widgets, no pyqtgraph.
"""
