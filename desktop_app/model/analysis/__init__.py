"""The analysis of a coded seminar: stance words, ordinal measures, verdicts and their robustness, pairwise
agreement, and (to come) reliability between coders.  Reads the format's schema only; knows nothing of
loading, editing, importers or exchange formats."""
