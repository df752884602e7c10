"""Importing transcripts and reports: each format's parser, and the mapping from labels to speakers.

Everything here is pure Python (no Qt).  The pieces, in the order a caller uses them:

- :func:`.reading.import_file` (or ``import_bytes``) reads a file of any supported
  format into an :class:`.common.ImportedTranscript`, or raises
  :class:`.common.ImportFailed` with a plain message and a location;
- :func:`.preview.turn_previews` and :func:`.mapping.label_counts` give the
  preview's turn rows and label table;
- :class:`.mapping.LabelMapping` renames, merges and drops labels and sets roles,
  each edit returning a new mapping;
- :func:`.mapping.build_seminar` makes the new seminar file model;
- :mod:`.command` is ``seminar-lens --import``.

One module per format: webvtt, srt (both through cues, cue_text, name_like and segments),
whisper, plain_text (with labels), word, pdf_text; encoding decodes text files.
"""
