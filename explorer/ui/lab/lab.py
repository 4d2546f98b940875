"""The learning lab in the window: Apply update, Train…, and the plots' docks.

:class:`LearningLab` adds to a main window, through
:func:`~explorer.ui.lab.install_learning_lab`, everything of the lab: a
toolbar (Apply update, the learning rate η, Train…), a Learn menu, and four
docks (the update seen, the loss, the gradient norms, the activations). It
reads the window's controller and changes the model only through
``controller.edit``, so one update and one training run are each one
undoable edit. Training runs on a :class:`~explorer.ui.lab.train_worker.TrainWorker`
with the model as it was; the window's session is never touched by it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QToolBar, QWidget

from ...engine import EngineError
from ...engine.train import TrainResult, check_settings, with_params
from ...engine.train_update import UpdateResult, apply_update, format_number
from ...model import Model, ModelError
from ..dialogs import Dialogs
from ..guard import guarded
from ..text import one_line, plain
from .activation_plot import ActivationPlot
from .layers import layer_weights, weight_names
from .plot_export import export_plots
from .plots import GradNormPlot, LossPlot
from .rate_spin import RateSpinBox
from .train_dialog import TrainDialog
from .train_worker import TrainRequest, TrainWorker
from .update_view import UpdateView


def _replace(model: Model, new: Model) -> Model:
    """The edit of a lab: the model becomes ``new`` (built by the engine from ``model``)."""
    return new


class LearningLab(QObject):
    """The lab's actions, docks and runs, over one main window."""

    run_ended = Signal(object)  # a TrainResult, after it landed, was kept, discarded or refused

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("learning_lab")
        self.window = window
        self.controller = window.controller
        self._own_dialogs: Dialogs | None = None
        self._applied: tuple[UpdateResult, float | None] | None = None  # the update just applied, the loss before
        self._preview: tuple[object, int, float, UpdateResult | None] | None = None
        self._start_model: Model | None = None
        self._settings = (0, 0.0, 0.0)
        self.last_result: TrainResult | None = None
        self._refusal = ""  # why the last run's weights did not land

        self.update_view = UpdateView()
        self.loss_plot = LossPlot()
        self.grad_plot = GradNormPlot()
        self.activation_plot = ActivationPlot()
        self.worker = TrainWorker(self)
        self.dialog: TrainDialog | None = None
        self.update_label = plain(QLabel(window))
        window.statusBar().addPermanentWidget(self.update_label)

        self._make_actions()
        self._make_docks()
        self._make_toolbar_and_menu()

        c = self.controller
        c.step_changed.connect(self._on_step_changed)
        c.model_changed.connect(self._on_model_changed)
        c.selection_changed.connect(lambda _: self._show_update())
        self.lr_spin.valueChanged.connect(lambda _: self._show_update())
        self.worker.progressed.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.worker.shutdown)
        self._on_model_changed()

    # -- building --------------------------------------------------------------------

    def _make_actions(self) -> None:
        w = self.window
        self.apply_action = QAction(self.tr("Apply update"), w)
        self.apply_action.setObjectName("apply_update")
        self.apply_action.triggered.connect(self.apply_update)
        self.train_action = QAction(self.tr("Train…"), w)
        self.train_action.setObjectName("train")
        self.train_action.setToolTip(self.tr("Run N iterations of gradient descent (경사 하강법) in the background"))
        self.train_action.triggered.connect(self.show_train_dialog)
        self.export_action = QAction(self.tr("Export plots…"), w)
        self.export_action.setObjectName("export_plots")
        self.export_action.setToolTip(
            self.tr("Write loss, gradient_norms and activations as PNG and SVG into a folder")
        )
        self.export_action.triggered.connect(self.export_dialog)
        self.lr_spin = RateSpinBox(parent=w)
        self.lr_spin.setObjectName("learning_rate")

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _make_docks(self) -> None:
        w = self.window
        self.update_dock = self._dock(self.tr("Update W ← W − η ∂L/∂W"), "lab_update", self.update_view)
        self.loss_dock = self._dock(self.tr("Loss (손실)"), "lab_loss", self.loss_plot)
        self.grad_dock = self._dock(self.tr("‖∂L/∂W‖ (기울기 소실)"), "lab_gradient_norms", self.grad_plot)
        self.activation_dock = self._dock(self.tr("Activations (활성함수)"), "lab_activations", self.activation_plot)
        self.docks = (self.update_dock, self.loss_dock, self.grad_dock, self.activation_dock)
        # the inspector keeps the window's full height; the lab's docks share one tabbed area under the canvas
        w.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.update_dock)
        for before, dock in zip(self.docks, self.docks[1:], strict=False):
            w.tabifyDockWidget(before, dock)
        self.update_dock.raise_()
        w.resizeDocks([self.update_dock], [300], Qt.Orientation.Vertical)

    def _make_toolbar_and_menu(self) -> None:
        w = self.window
        toolbar = QToolBar(self.tr("Learning lab"), w)
        toolbar.setObjectName("learning_lab")
        toolbar.addAction(self.apply_action)
        toolbar.addWidget(self.lr_spin)
        toolbar.addAction(self.train_action)
        w.addToolBar(toolbar)
        self.toolbar = toolbar
        menu = w.menuBar().addMenu(self.tr("&Learn"))
        menu.setObjectName("learn_menu")
        for action in (self.apply_action, self.train_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addSeparator()
        for dock in self.docks:
            menu.addAction(dock.toggleViewAction())
        self.menu = menu

    # -- the dialogs -----------------------------------------------------------------

    @property
    def dialogs(self) -> Dialogs:
        """The window's dialogs when it has them (tests give scripted ones), else the lab's own."""
        found = getattr(self.window, "dialogs", None)
        if isinstance(found, Dialogs):
            return found
        if self._own_dialogs is None:
            self._own_dialogs = Dialogs(None, self)
        return self._own_dialogs

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(one_line(text, 400), 10000)

    # -- one update ------------------------------------------------------------------

    def apply_update(self) -> bool:
        """``W ← W − η ∂L/∂W`` for every parameter, as one undoable edit; the pass starts again."""
        c = self.controller
        session = c.session
        if not session.done:
            self._say(self.tr("Apply update needs the backward pass to the end: every ∂L/∂W"))
            return False
        lr = self.lr_spin.value()
        try:
            update = apply_update(c.model, session, lr)
        except EngineError as error:
            self._say(self.tr("Apply update refused: {error}").format(error=error))
            return False
        before = session.loss
        text = self.tr("Apply update, η = {lr}").format(lr=format_number(lr))
        self._applied = (update, before)
        if not c.edit(text, _replace, update.model):
            self._applied = None
            return False
        self._say(
            self.tr(
                "Applied W ← W − η ∂L/∂W with η = {lr} to every parameter; loss before: L = {loss}. "
                "Run the forward pass (순전파) to see the loss after"
            ).format(lr=format_number(lr), loss=format_number(before) if before is not None else "?")
        )
        self._show_update()
        self.update_dock.raise_()
        return True

    def _applied_here(self) -> tuple[UpdateResult, float | None] | None:
        applied = self._applied
        return applied if applied is not None and applied[0].model is self.controller.model else None

    def _show_losses(self) -> None:
        applied = self._applied_here()
        if applied is None or applied[1] is None:
            self.update_label.setText("")
            return
        before = format_number(applied[1])
        after = self.controller.session.loss
        if after is None:
            text = self.tr("loss before the update {before} → after: run the forward pass  ").format(before=before)
        else:
            text = self.tr("loss before the update {before} → after {after}  ").format(
                before=before, after=format_number(after)
            )
        self.update_label.setText(text)

    def _update_to_show(self) -> tuple[UpdateResult | None, bool, str]:
        """The update to show (the one applied, or a preview), whether applied, or why none."""
        c = self.controller
        applied = self._applied_here()
        if applied is not None:
            return applied[0], True, ""
        session = c.session
        if not session.done:
            return None, False, self.tr("Run the backward pass (역전파) to the end, then Apply update: W ← W − η ∂L/∂W")
        lr = self.lr_spin.value()
        key = (session, session.position, lr)
        if self._preview is None or self._preview[:3] != key:
            try:
                preview: UpdateResult | None = apply_update(c.model, session, lr)
            except EngineError:
                preview = None
            self._preview = (*key, preview)
        update = self._preview[3]
        if update is None:
            return None, False, self.tr("With this learning rate the update would not be finite: try a smaller η")
        return update, False, ""

    def _show_update(self) -> None:
        update, applied, why = self._update_to_show()
        if update is None or not update.params:
            self.update_view.show_message(why or self.tr("The model has no parameter to update"))
            return
        selected = self.controller.selected
        node = selected if selected in update.params else next(iter(update.params))
        self.update_view.show_update(update.params[node], update.model.label(node), applied)

    # -- reacting to the controller ----------------------------------------------------

    def _on_step_changed(self) -> None:
        c = self.controller
        session = c.session
        ready = session.done and bool(c.model.params)
        self.apply_action.setEnabled(ready)
        if ready:
            self.apply_action.setToolTip(self.tr("W ← W − η ∂L/∂W for every parameter at once (경사 하강법); undoable"))
        else:
            self.apply_action.setToolTip(
                self.tr("Run the backward pass (역전파) to the end first: the update needs ∂L/∂W of every parameter")
            )
        self._show_pass_norms()
        self._show_update()
        self._show_losses()

    def _on_model_changed(self) -> None:
        self._preview = None
        self._on_step_changed()

    def _show_pass_norms(self) -> None:
        c = self.controller
        weights = layer_weights(c.model)
        names = weight_names(c.model, weights)
        grads = [c.session.grad(w) for w in weights]
        if not weights or any(g is None for g in grads):
            self.grad_plot.set_pass(names, None)
            return
        self.grad_plot.set_pass(names, [float(np.linalg.norm(g)) for g in grads])

    # -- training --------------------------------------------------------------------

    def show_train_dialog(self) -> TrainDialog:
        """Open (or raise) the Train dialog; it does not block the window."""
        if self.dialog is None:
            self.dialog = TrainDialog(self.window, self.lr_spin.value())
            self.dialog.start_requested.connect(self.start_training)
            self.dialog.cancel_requested.connect(self.cancel_training)
        elif not self.worker.running:
            self.dialog.lr_spin.setValue(self.lr_spin.value())
        if self.dialog.isVisible() and QGuiApplication.platformName() != "offscreen":
            self.dialog.raise_()  # already open behind the window (offscreen has no stacking: it warns)
        self.dialog.show()
        return self.dialog

    @property
    def training(self) -> bool:
        return self.worker.running

    def start_training(self, steps: int, lr: float, momentum: float = 0.0) -> bool:
        """Train the window's model for ``steps`` iterations in the background; False when refused."""
        if self.worker.running:
            return False
        model = self.controller.model
        try:
            check_settings(steps, lr, momentum)
            if not model.params:
                raise EngineError("the model has no param node to train")
        except EngineError as error:
            self._say(self.tr("Training refused: {error}").format(error=error))
            return False
        self._start_model = model
        self._settings = (steps, lr, momentum)
        self.loss_plot.start_run(self._caption(steps, lr, momentum))
        if self.dialog is not None:
            self.dialog.set_running(True, steps)
        self.loss_dock.raise_()
        self.worker.start(TrainRequest(model, steps, lr, momentum))
        self._say(
            self.tr("Training {n} iterations with η = {lr} in the background…").format(
                n=f"{steps:,}", lr=format_number(lr)
            )
        )
        return True

    def cancel_training(self) -> None:
        """Stop the run after the iteration it is in; the weights reached are then kept or discarded (asked)."""
        self.worker.cancel()

    def _caption(self, steps: int, lr: float, momentum: float) -> str:
        text = self.tr("{n} iterations, η = {lr}").format(n=f"{steps:,}", lr=format_number(lr))
        return text + (self.tr(", momentum μ = {m} (extra)").format(m=format_number(momentum)) if momentum else "")

    def _on_progress(self, iteration: int, loss: float) -> None:
        if not self.worker.running:
            return
        self.loss_plot.add_point(iteration, loss)
        if self.dialog is not None:
            self.dialog.show_progress(iteration, self._settings[0], loss)

    def _on_failed(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.set_running(False)
            self.dialog.show_outcome(one_line(message, 400))
        self._say(self.tr("Training failed: {error}").format(error=message))

    def _on_finished(self, result: TrainResult) -> None:
        self.last_result = result
        _, lr, momentum = self._settings
        self.loss_plot.set_history(result.loss, self._caption(result.updates, lr, momentum))
        weights = [p for p in layer_weights(result.model) if p in result.params]
        columns = [result.params.index(w) for w in weights]
        self.grad_plot.set_history(weight_names(result.model, weights), result.grad_norms[:, columns])
        if self.dialog is not None:
            self.dialog.set_running(False)
        outcome = self._settle(result)
        if self.dialog is not None:
            self.dialog.show_outcome(outcome)
        self._say(outcome)
        self.run_ended.emit(result)

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
        if result.status == "stopped":
            question = self.tr(
                "Training stopped at iteration {n} ({losses}). Keep the weights reached so far, or discard them?"
            )
            answer = self.dialogs.ask_training_outcome(
                self.window, question.format(n=f"{result.updates:,}", losses=losses), self.tr("Keep the weights")
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
        line = one_line(result.divergence.message(), 400)
        if result.updates == 0:
            self.dialogs.warn(self.window, line)
            return line
        question = self.tr("{line}. Go back to the last finite weights (after {n} iterations), or discard the run?")
        answer = self.dialogs.ask_training_outcome(
            self.window,
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
        c = self.controller
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
                self._refusal = one_line(str(error), 400)
                return False
        return c.edit(text, _replace, new)

    # -- plots -------------------------------------------------------------------------

    def plot_items(self) -> dict[str, object]:
        """The exported pictures by file name: each a whole layout of plots."""
        return {
            "loss": self.loss_plot.graphics.ci,
            "gradient_norms": self.grad_plot.graphics.ci,
            "activations": self.activation_plot.graphics.ci,
        }

    def export_to(self, folder: str) -> list[str]:
        """Write loss, gradient_norms and activations as PNG and SVG into ``folder``; [] on failure (said)."""
        try:
            names = export_plots(folder, self.plot_items())
        except (OSError, ValueError) as error:
            self._say(self.tr("Export of the plots to {folder} failed: {error}").format(folder=folder, error=error))
            return []
        self._say(self.tr("Exported {names} to {folder}").format(names=", ".join(names), folder=folder))
        return names

    def export_dialog(self) -> None:
        folder = self.dialogs.get_folder(self.window, self.tr("Export plots into folder"))
        if folder:
            self.export_to(folder)

    def apply_theme(self, *_: object) -> None:
        """Re-read the theme in every dock of the lab (connected to the theme's change)."""
        for view in (self.update_view, self.loss_plot, self.grad_plot, self.activation_plot):
            view.apply_theme()

    # -- closing -------------------------------------------------------------------------

    @guarded("the learning lab's close watch", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self._after_close)
        return False

    def _after_close(self) -> None:
        try:
            closed = not self.window.isVisible()
        except RuntimeError:  # already deleted
            closed = True
        if closed:
            self.shutdown()

    def shutdown(self) -> bool:
        """Stop a run and wait a bounded time for it; its result is dropped."""
        if self.dialog is not None:
            self.dialog.hide()
        return self.worker.shutdown()
