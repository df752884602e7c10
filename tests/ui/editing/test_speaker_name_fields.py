"""The speaker dialog's short name and initials: blank shows what the name gives, a typed one is kept, a bad one is named."""

from __future__ import annotations

from desktop_app.model.format.schema import Role, Speaker
from desktop_app.ui.editing.entry_dialogs import SpeakerDialog


def test_blank_fields_show_the_derived_names_and_typed_ones_are_kept(qtbot):
    """Blank: the placeholders follow the name as it is typed; filled: the speaker carries them."""
    dialog = SpeakerDialog(Speaker(id="v", name="Pieter de Vries", role=Role.PANELLIST, order=0))
    qtbot.addWidget(dialog)
    assert (dialog.short_name.placeholderText(), dialog.initials.placeholderText()) == ("de Vries", "PV")
    dialog.name.setText("NAGY Imre")
    assert (dialog.short_name.placeholderText(), dialog.initials.placeholderText()) == ("Nagy", "NI")
    assert dialog.build().short_name is None and dialog.build().initials is None
    dialog.short_name.setText("Nagy I.")
    dialog.initials.setText("IN")
    built = dialog.build()
    assert (built.short_name, built.initials) == ("Nagy I.", "IN")


def test_initials_too_long_are_refused_with_the_field_named(qtbot):
    """Five letters are refused: the dialog stays open and says which field and why."""
    dialog = SpeakerDialog(Speaker(id="v", name="Pieter de Vries", role=Role.PANELLIST, order=0, initials="PV"))
    qtbot.addWidget(dialog)
    assert dialog.initials.text() == "PV"
    dialog.initials.setText("PDVRS")
    dialog.accept()
    assert dialog.result_entry() is None
    assert "initials" in dialog.problem.text() and "4" in dialog.problem.text()
