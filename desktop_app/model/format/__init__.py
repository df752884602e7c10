"""The file format and its loading: the pydantic schema, the JSON reader and its limits, located problems,
the cross-reference checks, excerpt finding and load progress.  Imports nothing of the rest of the model
but the dataset the loader builds; importers and exchange formats reach the model through here."""
