"""Files in the window: opening (with progress), saving, autosave and crash recovery, dropped files, and
the import and export actions and dialogs.  Uses ui's shared modules; nothing of the window shell."""
