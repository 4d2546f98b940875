"""Training runs of one document: start, progress, Cancel, and where the weights land.

:class:`TrainingRuns` belongs to one :class:`~explorer.ui.document.document.Document`
(it is the document's child and ends on its ``closing``): it starts
:func:`~explorer.train.loop.train` on a
:class:`~explorer.ui.lab.train_worker.TrainWorker` with the model as it is,
shows the progress in the Train dialog and the loss plot, and when the run
ends puts the trained weights into the stepping view as one undoable edit
(``controller.edit``) of that same document. A run that was cancelled or
diverged asks first, through the window's dialogs: keep the weights reached
(or go back to the last finite ones), or discard them.

The last run's result is the document's too: the plots draw it while it
stands, and forget it when the edit that landed it is undone
(:attr:`TrainingRuns.drawn`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDockWidget, QWidget

from explorer.engine import EngineError
from explorer.model import Model, ModelError
from explorer.model.messages import message
from explorer.train.layers import layer_weights, weight_names
from explorer.train.loop import TrainResult, check_settings, with_params
from explorer.train.update import format_number
from explorer.ui.document.controller import Controller
from explorer.ui.document.document import Document
from explorer.ui.kit.dialogs import Dialogs
from explorer.ui.lab.train_dialog import TrainDialog
from explorer.ui.lab.train_worker import TrainRequest, TrainWorker
from explorer.ui.text.engine_text import error_text, worded
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line

if TYPE_CHECKING:
    from explorer.ui.lab.plots import LossPlot


class Lab(Protocol):
    """What a run needs of the lab (:class:`~explorer.ui.lab.lab.LearningLab`): the document, the plot, a voice."""

    controller: Controller
    dialog: TrainDialog | None

    @property
    def loss_dock(self) -> QDockWidget: ...

    @property
    def window(self) -> QWidget: ...

    @property
    def dialogs(self) -> Dialogs: ...

    @property
    def loss_plot(self) -> LossPlot: ...

    def say(self, text: str) -> None: ...

    def reveal(self, dock: QDockWidget) -> None: ...


def replaced(model: Model, new: Model) -> Model:
    """The edit of the lab: the model becomes ``new`` (built by the engine from ``model``)."""
    return new


class TrainingRuns(QObject):
    """One training run at a time for one document, in a :class:`~explorer.ui.lab.lab.LearningLab`."""

    ended = Signal(object)  # a TrainResult, after it landed, was kept, discarded or refused
    drawn_changed = Signal()  # the result to draw came or went (a run ended, its edit undone or redone)

    def __init__(self, lab: Lab, document: Document) -> None:
        super().__init__(document)
        self.lab = lab
        self.document = document
        self.worker = TrainWorker(self)
        self.last_result: TrainResult | None = None
        self._landed: tuple[QUndoCommand, int] | None = None  # the edit that landed the last result, its index
        self._start_model: Model | None = None
        self._settings = (0, 0.0, 0.0)
        self._refusal = ""  # why the last run's weights did not land
        self.worker.progressed.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        document.closing.connect(self.shutdown)
        document.undo_stack.indexChanged.connect(self._on_history_moved)

    @property
    def running(self) -> bool:
        return self.worker.running

    @property
    def current(self) -> bool:
        """Whether its document is the one the window shows."""
        return not self.document.closed and self.lab.controller.document is self.document

    @property
    def drawn(self) -> TrainResult | None:
        """The last run's result while it stands: None once the edit that landed it is undone."""
        if self._landed is None:
            return self.last_result
        command, index = self._landed
        stack = self.document.undo_stack
        applied = stack.index() >= index and stack.command(index - 1) is command
        return self.last_result if applied else None

    def _on_history_moved(self, _index: int) -> None:
        if self._landed is not None:
            self.drawn_changed.emit()

    def start(self, steps: int, lr: float, momentum: float = 0.0) -> bool:
        """Train the window's model for ``steps`` iterations in the background; False when refused."""
        if self.worker.running or not self.current:
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
        self.last_result, self._landed = None, None
        self.lab.reveal(self.lab.loss_dock)
        self.lab.loss_plot.start_run(self._caption(steps, lr, momentum))
        if self.lab.dialog is not None:
            self.lab.dialog.set_running(True, steps)
        self.worker.start(TrainRequest(model, steps, lr, momentum))
        self.lab.say(
            translate("TrainingRuns", "Training {n} iterations with η = {lr} in the background…").format(
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

    def caption(self, result: TrainResult) -> str:
        """The plots' caption of ``result``."""
        _, lr, momentum = self._settings
        return self._caption(result.updates, lr, momentum)

    def _on_progress(self, iteration: int, loss: float) -> None:
        if not self.worker.running or not self.current:
            return
        self.lab.loss_plot.add_point(iteration, loss)
        if self.lab.dialog is not None:
            self.lab.dialog.show_progress(iteration, self._settings[0], loss)

    def _on_failed(self, message: str) -> None:
        if not self.current:
            return
        if self.lab.dialog is not None:
            self.lab.dialog.set_running(False)
            self.lab.dialog.show_outcome(one_line(message, 400))
        self.lab.say(self.tr("Training failed: {error}").format(error=message))

    def _on_finished(self, result: TrainResult) -> None:
        if not self.current:  # its document closed meanwhile: the result goes with it
            return
        self.last_result, self._landed = result, None
        self.drawn_changed.emit()
        if self.lab.dialog is not None:
            self.lab.dialog.set_running(False)
        outcome = self._settle(result)
        if self.lab.dialog is not None:
            self.lab.dialog.show_outcome(outcome)
        self.lab.say(outcome)
        self.ended.emit(result)

    @staticmethod
    def grad_history(result: TrainResult) -> tuple[list[str], np.ndarray]:
        """The names of the layers' weights and their gradient norms over the iterations of ``result``."""
        weights = [p for p in layer_weights(result.model) if p in result.params]
        columns = [result.params.index(w) for w in weights]
        return weight_names(result.model, weights), result.grad_norms[:, columns]

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
        if not self.current:  # never onto another document
            self._refusal = self.tr("Another document is open: the trained weights were not applied")
            return False
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
        if not c.edit(text, replaced, new):
            return False
        stack = self.document.undo_stack
        self._landed = (stack.command(stack.index() - 1), stack.index())
        return True

    def shutdown(self) -> bool:
        """Stop a run and wait a bounded time for it; its result is dropped, and so is the last one."""
        self.last_result, self._landed = None, None
        return self.worker.shutdown()
