"""What the window and the brief both show, decided without Qt widgets: words, colours, rich text, chart geometry, selection.

Sits between the model and the two ways of showing it (``ui`` on screen,
``report`` on paper); both draw from here and never from each other.
"""
