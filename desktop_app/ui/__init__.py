"""Qt widgets. Each view is given its document and selection; none reaches for globals or files."""
