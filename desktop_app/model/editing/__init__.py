"""Editing a seminar: the edit operations (each with its inverse), re-anchoring excerpts in a new source
text, coding suggestions and turn lookup, and a new seminar made from an import.  Uses the format and the
dataset; the analysis only through the dataset."""
