"""Train…: the settings of a run, its progress, the live loss and Cancel.

The dialog is not modal: the window keeps stepping while a run goes on. It
only asks (:attr:`TrainDialog.start_requested`, :attr:`cancel_requested`)
and shows what the lab tells it; the run itself is the lab's.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.train.loop import MAX_STEPS
from explorer.train.update import format_number
from explorer.ui.lab.rate_spin import DEFAULT_RATE, RateSpinBox
from explorer.ui.text.plain import plain

DEFAULT_STEPS = 500


class TrainDialog(QDialog):
    """Steps N, η, momentum (an extra), a progress bar, the live loss, Train and Cancel."""

    start_requested = Signal(int, float, float)  # steps, η, momentum
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None, lr: float = DEFAULT_RATE) -> None:
        super().__init__(parent)
        self.setObjectName("train_dialog")
        self.setWindowTitle(self.tr("Train: gradient descent (경사 하강법)"))
        self.steps_spin = QSpinBox(self)
        self.steps_spin.setRange(1, MAX_STEPS)
        self.steps_spin.setValue(DEFAULT_STEPS)
        self.steps_spin.setGroupSeparatorShown(True)
        self.steps_spin.setToolTip(self.tr("Iterations (반복) of forward, backward and update"))
        self.lr_spin = RateSpinBox(lr, self)
        self.momentum_spin = QDoubleSpinBox(self)
        self.momentum_spin.setRange(0.0, 0.99)
        self.momentum_spin.setSingleStep(0.1)
        self.momentum_spin.setDecimals(2)
        self.momentum_spin.setValue(0.0)
        self.momentum_spin.setToolTip(
            self.tr("Heavy-ball momentum μ: v ← μ v + ∂L/∂W, W ← W − η v; 0 is plain gradient descent")
        )
        note = plain(
            QLabel(
                self.tr(
                    "Momentum is an extra, not in the lecture: leave it at 0 for the lecture's plain gradient descent."
                ),
                self,
            )
        )
        note.setWordWrap(True)
        self.momentum_note = note
        form = QFormLayout()
        form.addRow(self.tr("Iterations N"), self.steps_spin)
        form.addRow(self.tr("Learning rate (학습률)"), self.lr_spin)
        form.addRow(self.tr("Momentum μ (extra)"), self.momentum_spin)
        form.addRow("", note)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, DEFAULT_STEPS)
        self.progress.setValue(0)
        self.loss_label = plain(QLabel(self.tr("Not started"), self))
        self.loss_label.setWordWrap(True)
        self.train_button = QPushButton(self.tr("Train"), self)
        self.train_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(
            self.tr("Stop after the current iteration; then keep or discard the weights reached")
        )
        self.cancel_button.setEnabled(False)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.train_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.clicked.connect(self.hide)
        self.train_button.clicked.connect(self._on_train_clicked)
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.loss_label)
        layout.addWidget(buttons)
        self.resize(460, 300)

    def _on_train_clicked(self) -> None:
        self.start_requested.emit(self.steps_spin.value(), self.lr_spin.value(), self.momentum_spin.value())

    def set_running(self, running: bool, steps: int = 0) -> None:
        """A run started (the settings lock, Cancel wakes) or ended."""
        for widget in (self.steps_spin, self.lr_spin, self.momentum_spin, self.train_button):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if running:
            self.progress.setRange(0, steps)
            self.progress.setValue(0)
            self.loss_label.setText(self.tr("Starting…"))

    def show_progress(self, iteration: int, steps: int, loss: float) -> None:
        self.progress.setValue(iteration)
        self.loss_label.setText(
            self.tr("Iteration (반복) {i} of {n}: loss L (손실) = {loss}").format(
                i=f"{iteration:,}", n=f"{steps:,}", loss=format_number(loss)
            )
        )

    def show_outcome(self, text: str) -> None:
        self.loss_label.setText(text)

    def clear(self) -> None:
        """Another document is open: no run, no result of the old one."""
        self.set_running(False)
        self.progress.setValue(0)
        self.loss_label.setText(self.tr("Not started"))

    def reject(self) -> None:
        """Escape or the close box hides the dialog; a run goes on (Cancel stops it)."""
        self.hide()
