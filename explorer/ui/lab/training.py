"""Training runs in the window: start, progress, Cancel, and where the weights land.

:class:`TrainingRuns` starts :func:`~explorer.train.loop.train` on a
:class:`~explorer.ui.lab.train_worker.TrainWorker` with the window's model as
it is, shows the progress in the Train dialog and the loss plot, and when
the run ends puts the trained weights into the stepping view as one
undoable edit (``controller.edit``). A run that was cancelled or diverged
asks first, through the window's dialogs: keep the weights reached (or go
back to the last finite ones), or discard them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from explorer.engine import EngineError
from explorer.model import Model, ModelError
from explorer.model.messages import message
from explorer.train.layers import layer_weights, weight_names
from explorer.train.loop import TrainResult, check_settings, with_params
from explorer.train.update import format_number
from explorer.ui.lab.train_dialog import TrainDialog
from explorer.ui.lab.train_worker import TrainRequest, TrainWorker
from explorer.ui.text.engine_text import error_text, worded
from explorer.ui.text.plain import one_line

if TYPE_CHECKING:
    from explorer.ui.lab.lab import LearningLab


def replaced(model: Model, new: Model) -> Model:
    """The edit of the lab: the model becomes ``new`` (built by the engine from ``model``)."""
    return new


class TrainingRuns(QObject):
    """One training run at a time for a :class:`~explorer.ui.lab.lab.LearningLab`."""

    ended = Signal(object)  # a TrainResult, after it landed, was kept, discarded or refused

    def __init__(self, lab: LearningLab) -> None:
        super().__init__(lab)
        self.lab = lab
        self.worker = TrainWorker(self)
        self.dialog: TrainDialog | None = None
        self.last_result: TrainResult | None = None
        self._start_model: Model | None = None
        self._settings = (0, 0.0, 0.0)
        self._refusal = ""  # why the last run's weights did not land
        self.worker.progressed.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)

    def show_dialog(self) -> TrainDialog:
        """Open (or raise) the Train dialog; it does not block the window."""
        if self.dialog is None:
            self.dialog = TrainDialog(self.lab.window, self.lab.lr_spin.value())
            self.dialog.start_requested.connect(self.start)
            self.dialog.cancel_requested.connect(self.cancel)
        elif not self.worker.running:
            self.dialog.lr_spin.setValue(self.lab.lr_spin.value())
        if self.dialog.isVisible() and QGuiApplication.platformName() != "offscreen":
            self.dialog.raise_()  # already open behind the window (offscreen has no stacking: it warns)
        self.dialog.show()
        return self.dialog

    @property
    def running(self) -> bool:
        return self.worker.running

    def start(self, steps: int, lr: float, momentum: float = 0.0) -> bool:
        """Train the window's model for ``steps`` iterations in the background; False when refused."""
        if self.worker.running:
            return False
        model = self.lab.controller.model
        try:
            check_settings(steps, lr, momentum)
            if not model.params:
                raise EngineError(message("train.no_param"))
        except EngineError as error:
            self.lab.say(self.tr("Training refused: {error}").format(error=error_text(error)))
            return False
        self._start_model = model
        self._settings = (steps, lr, momentum)
        self.lab.loss_plot.start_run(self._caption(steps, lr, momentum))
        if self.dialog is not None:
            self.dialog.set_running(True, steps)
        self.lab.reveal(self.lab.loss_dock)
        self.worker.start(TrainRequest(model, steps, lr, momentum))
        self.lab.say(
            self.tr("Training {n} iterations with η = {lr} in the background…").format(
                n=f"{steps:,}", lr=format_number(lr)
            )
        )
        return True

    def cancel(self) -> None:
        """Stop the run after the iteration it is in; the weights reached are then kept or discarded (asked)."""
        self.worker.cancel()

    def _caption(self, steps: int, lr: float, momentum: float) -> str:
        text = self.tr("{n} iterations, η = {lr}").format(n=f"{steps:,}", lr=format_number(lr))
        return text + (self.tr(", momentum μ = {m} (extra)").format(m=format_number(momentum)) if momentum else "")

    def _on_progress(self, iteration: int, loss: float) -> None:
        if not self.worker.running:
            return
        self.lab.loss_plot.add_point(iteration, loss)
        if self.dialog is not None:
            self.dialog.show_progress(iteration, self._settings[0], loss)

    def _on_failed(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.set_running(False)
            self.dialog.show_outcome(one_line(message, 400))
        self.lab.say(self.tr("Training failed: {error}").format(error=message))

    def _on_finished(self, result: TrainResult) -> None:
        self.last_result = result
        _, lr, momentum = self._settings
        self.lab.loss_plot.set_history(result.loss, self._caption(result.updates, lr, momentum))
        weights = [p for p in layer_weights(result.model) if p in result.params]
        columns = [result.params.index(w) for w in weights]
        self.lab.grad_plot.set_history(weight_names(result.model, weights), result.grad_norms[:, columns])
        if self.dialog is not None:
            self.dialog.set_running(False)
        outcome = self._settle(result)
        if self.dialog is not None:
            self.dialog.show_outcome(outcome)
        self.lab.say(outcome)
        self.ended.emit(result)

    def _settle(self, result: TrainResult) -> str:
        """Land, keep or discard the run's weights (asking when it did not complete); one line of what happened."""
        lr = format_number(result.lr)
        losses = (
            self.tr("loss {first} → {last}").format(
                first=format_number(result.loss[0]), last=format_number(result.loss[-1])
            )
            if len(result.loss)
            else ""
        )
        if result.status == "completed":
            if not self._land(result, self.tr("Train {n} iterations, η = {lr}").format(n=f"{result.updates:,}", lr=lr)):
                return self._refusal
            return self.tr("Trained {n} iterations: {losses}").format(n=f"{result.updates:,}", losses=losses)
        if result.status == "stopped" and result.updates == 0:
            return self.tr("Training stopped before its first update: nothing changed")
        if result.status == "stopped":
            question = self.tr(
                "Training stopped at iteration {n} ({losses}). Keep the weights reached so far, or discard them?"
            )
            answer = self.lab.dialogs.ask_training_outcome(
                self.lab.window, question.format(n=f"{result.updates:,}", losses=losses), self.tr("Keep the weights")
            )
            if answer != "keep":
                return self.tr("Training stopped at iteration {n}; the weights were discarded").format(
                    n=f"{result.updates:,}"
                )
            if not self._land(
                result, self.tr("Train {n} iterations, η = {lr} (stopped)").format(n=f"{result.updates:,}", lr=lr)
            ):
                return self._refusal
            return self.tr("Training stopped at iteration {n}; kept the weights: {losses}").format(
                n=f"{result.updates:,}", losses=losses
            )
        assert result.divergence is not None
        line = one_line(worded(result.divergence.reason()), 400)
        if result.updates == 0:
            self.lab.dialogs.warn(self.lab.window, line)
            return line
        question = self.tr("{line}. Go back to the last finite weights (after {n} iterations), or discard the run?")
        answer = self.lab.dialogs.ask_training_outcome(
            self.lab.window,
            question.format(line=line, n=f"{result.updates:,}"),
            self.tr("Go back to the last finite weights"),
        )
        if answer == "keep" and not self._land(
            result, self.tr("Train {n} iterations, η = {lr} (before diverging)").format(n=f"{result.updates:,}", lr=lr)
        ):
            return self._refusal
        return line

    def _land(self, result: TrainResult, text: str) -> bool:
        """The trained weights as one undoable edit of the window's model (which may have changed meanwhile)."""
        c = self.lab.controller
        if c.model is self._start_model or self._start_model is None:
            new = result.model
        else:
            values = {p: result.model.value(p) for p in result.params}
            if set(c.model.params) != set(values) or any(c.model.shape(p) != v.shape for p, v in values.items()):
                self._refusal = self.tr(
                    "The model's parameters changed during training: the trained weights were not applied"
                )
                return False
            try:
                new = with_params(c.model, values)
            except ModelError as error:
                self._refusal = one_line(error_text(error), 400)
                return False
        return c.edit(text, replaced, new)

    def shutdown(self) -> bool:
        """Stop a run and wait a bounded time for it; its result is dropped."""
        if self.dialog is not None:
            self.dialog.hide()
        return self.worker.shutdown()
