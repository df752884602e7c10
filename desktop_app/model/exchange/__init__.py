"""Exchange formats for other tools (REFI-QDA projects, GraphML networks).  Like the importers, they reach
the model through its format package alone: no analysis, editing or dataset."""
