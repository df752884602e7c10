"""Importing transcripts and reports: each format's parser, and the mapping from labels to speakers.

Everything here is pure Python (no Qt).  :func:`.reading.import_file` reads a
file of any supported format into an :class:`.common.ImportedTranscript`;
:mod:`.mapping` turns its labels into speakers and builds a new seminar.
"""
