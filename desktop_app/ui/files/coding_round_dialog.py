"""The dialog of File ▸ New Coding Round: the second coder's name, the round's label, and the mode."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...model.format.coding import MAX_CODER, CodingMode

MODE_CHOICES = (
    (CodingMode.BLIND, "&Blind re-rating: the same passages, with stances, summaries and notes removed"),
    (CodingMode.INDEPENDENT, "&Independent: no positions; the coder finds and codes passages from scratch"),
)


class CodingRoundDialog(QDialog):
    """Who codes the new round, what it is called, and whether it re-rates the passages or starts afresh."""

    def __init__(self, round_label: str = "2", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("New Coding Round")
        intro = QLabel(
            "Writes a copy of this seminar for a second coder: the same source, turns, speakers, themes and codebook, "
            "without this coding's stances, brief or memos. Compare the two with Analysis \u25b8 Compare with Another "
            "Coding, or seminar-lens --reliability."
        )
        intro.setWordWrap(True)
        self.coder = QLineEdit()
        self.coder.setMaxLength(MAX_CODER)
        self.coder.setPlaceholderText("e.g. Second reader")
        self.round = QLineEdit(round_label)
        self.round.setMaxLength(MAX_CODER)
        form = QFormLayout()
        form.addRow("&Coder:", self.coder)
        form.addRow("&Round:", self.round)
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[CodingMode, QRadioButton] = {}
        for index, (mode, text) in enumerate(MODE_CHOICES):
            button = QRadioButton(text)
            self.modes.addButton(button, index)
            self.mode_buttons[mode] = button
        self.mode_buttons[CodingMode.BLIND].setToolTip(
            "Every passage of this coding, each awaiting a stance: rate them one after another with Ctrl+J"
        )
        self.mode_buttons[CodingMode.INDEPENDENT].setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Write Copy\u2026")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        for button in self.mode_buttons.values():
            layout.addWidget(button)
        layout.addWidget(self.buttons)
        self.coder.textChanged.connect(self._update)
        self.round.textChanged.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _update(self) -> None:
        ready = bool(self.coder.text().strip()) and bool(self.round.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def choice(self) -> tuple[str, str, CodingMode]:
        """(coder, round, mode) as chosen."""
        mode = next(mode for mode, button in self.mode_buttons.items() if button.isChecked())
        return self.coder.text().strip(), self.round.text().strip(), mode
