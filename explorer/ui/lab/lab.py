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
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QToolBar, QWidget

from explorer.engine import EngineError
from explorer.train.layers import layer_weights, weight_names
from explorer.train.update import UpdateResult, apply_update, format_number
from explorer.ui.kit.dialogs import Dialogs
from explorer.ui.kit.guard import guarded
from explorer.ui.lab.activation_plot import ActivationPlot
from explorer.ui.lab.menus import place_actions
from explorer.ui.lab.plot_export import export_plots
from explorer.ui.lab.plots import GradNormPlot, LossPlot
from explorer.ui.lab.rate_spin import RateSpinBox
from explorer.ui.lab.train_dialog import TrainDialog
from explorer.ui.lab.train_worker import TrainWorker
from explorer.ui.lab.training import TrainingRuns, replaced
from explorer.ui.lab.update_view import UpdateView
from explorer.ui.text.engine_text import error_text
from explorer.ui.text.plain import one_line, plain


class LearningLab(QObject):
    """The lab's actions, docks and runs, over one main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("learning_lab")
        self.window = window
        self.controller = window.controller
        self._own_dialogs: Dialogs | None = None
        self._applied: tuple[UpdateResult, float | None] | None = None  # the update just applied, the loss before
        self._preview: tuple[object, int, float, UpdateResult | None] | None = None

        self.update_view = UpdateView()
        self.loss_plot = LossPlot()
        self.grad_plot = GradNormPlot()
        self.activation_plot = ActivationPlot()
        self.runs = TrainingRuns(self)
        self.update_label = plain(QLabel(window))
        window.statusBar().addPermanentWidget(self.update_label)

        self._make_actions()
        self._make_docks()
        self._make_toolbar_and_menus()

        c = self.controller
        c.step_changed.connect(self._on_step_changed)
        c.model_changed.connect(self._on_model_changed)
        c.selection_changed.connect(lambda _: self._show_update())
        self.lr_spin.valueChanged.connect(lambda _: self._show_update())
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.runs.shutdown)
        self._on_model_changed()

    # -- building --------------------------------------------------------------------

    def _make_actions(self) -> None:
        w = self.window
        self.apply_action = QAction(self.tr("Apply update (경사 하강법)"), w)
        self.apply_action.setObjectName("apply_update")
        self.apply_action.triggered.connect(self.apply_update)
        self.train_action = QAction(self.tr("Train (반복)…"), w)
        self.train_action.setObjectName("train")
        self.train_action.setToolTip(self.tr("Run N iterations of gradient descent (경사 하강법) in the background"))
        self.train_action.triggered.connect(self.show_train_dialog)
        self.export_action = QAction(self.tr("Export plots (손실 · 기울기)…"), w)
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
        self.update_dock = self._dock(self.tr("Update (경사 하강법): W ← W − η ∂L/∂W"), "lab_update", self.update_view)
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
        for dock in self.docks:  # closed until the lab is used (or opened from View): the canvas keeps its room
            dock.hide()

    def reveal(self, dock: QDockWidget) -> None:
        """Open ``dock`` (if closed) and bring its tab to the front."""
        dock.show()
        dock.raise_()

    def _make_toolbar_and_menus(self) -> None:
        w = self.window
        toolbar = QToolBar(self.tr("Learning lab"), w)
        toolbar.setObjectName("learning_lab")
        toolbar.addAction(self.apply_action)
        toolbar.addWidget(self.lr_spin)
        toolbar.addAction(self.train_action)
        w.addToolBar(toolbar)
        self.toolbar = toolbar
        self.menus = place_actions(
            w, [self.apply_action, self.train_action], [self.export_action], [d.toggleViewAction() for d in self.docks]
        )

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

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(one_line(text, 400), 10000)

    # -- one update ------------------------------------------------------------------

    def apply_update(self) -> bool:
        """``W ← W − η ∂L/∂W`` for every parameter, as one undoable edit; the pass starts again."""
        c = self.controller
        session = c.session
        if not session.done:
            self.say(self.tr("Apply update needs the backward pass to the end: every ∂L/∂W"))
            return False
        lr = self.lr_spin.value()
        try:
            update = apply_update(c.model, session, lr)
        except EngineError as error:
            self.say(self.tr("Apply update refused: {error}").format(error=error_text(error)))
            return False
        before = session.loss
        text = self.tr("Apply update, η = {lr}").format(lr=format_number(lr))
        self._applied = (update, before)
        if not c.edit(text, replaced, update.model):
            self._applied = None
            return False
        said = self.tr("Applied W ← W − η ∂L/∂W with η = {lr}; loss before: L = {loss}; run the forward pass (순전파)")
        self.say(said.format(lr=format_number(lr), loss=format_number(before) if before is not None else "?"))
        self._show_update()
        self.reveal(self.update_dock)
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

    # -- training (the runs are :class:`TrainingRuns`') ----------------------------------

    @property
    def worker(self) -> TrainWorker:
        return self.runs.worker

    @property
    def run_ended(self) -> SignalInstance:
        """Emitted with the :class:`~explorer.train.loop.TrainResult` once a run has landed or not."""
        return self.runs.ended

    @property
    def training(self) -> bool:
        return self.runs.running

    @property
    def dialog(self) -> TrainDialog | None:
        return self.runs.dialog

    def show_train_dialog(self) -> TrainDialog:
        """Open (or raise) the Train dialog; it does not block the window."""
        return self.runs.show_dialog()

    def start_training(self, steps: int, lr: float, momentum: float = 0.0) -> bool:
        """Train the window's model for ``steps`` iterations in the background; False when refused."""
        return self.runs.start(steps, lr, momentum)

    def cancel_training(self) -> None:
        """Stop the run after the iteration it is in; then keep or discard the weights reached (asked)."""
        self.runs.cancel()

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
            self.say(self.tr("Export of the plots to {folder} failed: {error}").format(folder=folder, error=error))
            return []
        self.say(self.tr("Exported {names} to {folder}").format(names=", ".join(names), folder=folder))
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
        return self.runs.shutdown()
