"""Editing in the window: the coding editor and its actions, undo commands, edit and entry dialogs, and
the speakers-and-themes manager.  Uses ui's shared modules and the views' text offsets; nothing of the
window shell."""
