"""The export options dialog: set the choices, press OK, read them back (never exec'd)."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop_app.presentation.brief_options import SECTIONS, ReportOptions
from desktop_app.ui.files.export_dialog import ExportOptionsDialog


def click(qtbot, button) -> None:
    """Click a check box or radio button on its indicator (its middle may lie past the end of its label)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def make(qtbot, dataset, selected=None, previous=None) -> ExportOptionsDialog:
    dialog = ExportOptionsDialog(dataset, selected, previous)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_defaults_are_every_section_and_the_whole_seminar(qtbot, panel_dataset):
    """Opened fresh with no speaker selected, the dialog offers every section but the speakers appendix, for the whole seminar."""
    dialog = make(qtbot, panel_dataset)
    options = dialog.options()
    assert options.sections == tuple(name for name in SECTIONS if name != "speakers")
    assert not dialog.section_boxes["speakers"].isChecked()
    assert options.speaker is None
    assert dialog.whole_seminar.isChecked()
    assert not dialog.only_speaker.isEnabled()


def test_choices_come_back_after_ok(qtbot, panel_dataset):
    """Choosing Letter, two sections and the selected speaker, then OK, accepts with those options."""
    dialog = make(qtbot, panel_dataset, selected="ana")
    assert "Ana Ames" in dialog.only_speaker.text()
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("letter"))
    for key, box in dialog.section_boxes.items():
        if key != "chart" and box.isChecked():
            click(qtbot, box)
    click(qtbot, dialog.section_boxes["speakers"])
    click(qtbot, dialog.only_speaker)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.options() == ReportOptions(page_size="letter", sections=("chart", "speakers"), speaker="ana")


def test_ok_is_disabled_with_no_section(qtbot, panel_dataset):
    """Unticking every section leaves nothing to export, so OK cannot be pressed."""
    dialog = make(qtbot, panel_dataset)
    for box in dialog.section_boxes.values():
        if box.isChecked():
            click(qtbot, box)
    assert not dialog.ok_button.isEnabled()
    click(qtbot, dialog.section_boxes["source"])
    assert dialog.ok_button.isEnabled()


def test_cancel_rejects(qtbot, panel_dataset):
    """Cancel closes the dialog as rejected."""
    dialog = make(qtbot, panel_dataset)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_previous_choices_are_offered_again(qtbot, panel_dataset):
    """The options chosen last time are the starting point next time, speaker scope included."""
    previous = ReportOptions(page_size="letter", sections=("themes",), speaker="ben")
    dialog = make(qtbot, panel_dataset, selected="cai", previous=previous)
    assert dialog.options() == ReportOptions(page_size="letter", sections=("themes",), speaker="cai")
    without_selection = make(qtbot, panel_dataset, selected=None, previous=previous)
    assert without_selection.options().speaker is None
