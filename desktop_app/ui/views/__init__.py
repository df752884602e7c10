"""The window's views and their Qt models: speaker list, detail panel, theme chart, agreement map, source
view with its turn margin, and search navigation.  They read the document, the derived data and the
selection (ui's shared modules) and import nothing of editing, files or the window shell."""
