"""The learning lab in the window: Apply update, Train…, and the plots' docks.

:class:`LearningLab` adds to a main window, through
:func:`~explorer.ui.lab.install_learning_lab`, everything of the lab: a
toolbar (Apply update, the learning rate η, Train…), a Learn menu, and four
docks (the update seen, the loss, the gradient norms, the activations). It
reads the window's controller and changes the model only through
``controller.edit``, so one update and one training run are each one
undoable edit. Training runs on a :class:`~explorer.ui.lab.train_worker.TrainWorker`
with the model as it was; the window's session is never touched by it.

The runs and their results belong to the open document
(:class:`~explorer.ui.lab.training.TrainingRuns` is the document's child):
when another document replaces it, its run ends, the plots and the Train
dialog's result clear, and nothing of it lands on the new one. The window's
close path calls :meth:`LearningLab.shutdown`.

The docks' plots are built when a dock is first shown
(:class:`~explorer.ui.lab.docks.LazyDock`), not with the window; the
attributes ``update_view``, ``loss_plot``, ``grad_plot`` and
``activation_plot`` build theirs when read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QToolBar, QWidget

from explorer.train.layers import layer_weights, weight_names
from explorer.train.update import UpdateResult
from explorer.ui.document.document import Document
from explorer.ui.kit.dialogs import Dialogs
from explorer.ui.lab.docks import LazyDock, content_of, tab_under_canvas
from explorer.ui.lab.menus import place_actions
from explorer.ui.lab.one_update import OneUpdate
from explorer.ui.lab.rate_spin import RateSpinBox
from explorer.ui.lab.train_dialog import TrainDialog
from explorer.ui.lab.train_worker import TrainWorker
from explorer.ui.lab.training import TrainingRuns
from explorer.ui.lab.window import LabWindow

if TYPE_CHECKING:  # the docks' contents bring pyqtgraph: imported when a dock is first shown, not with the window
    from explorer.ui.lab.activation_plot import ActivationPlot
    from explorer.ui.lab.plots import GradNormPlot, LossPlot
    from explorer.ui.lab.update_view import UpdateView
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line, plain


class LearningLab(OneUpdate, QObject):
    """The lab's actions, docks and runs, over one main window."""

    run_ended = Signal(object)  # a TrainResult of the open document, once it has landed or not

    def __init__(self, window: LabWindow) -> None:
        super().__init__(window)
        self.setObjectName("learning_lab")
        self.window = window
        self.controller = window.controller
        self._applied: tuple[UpdateResult, float | None] | None = None  # the update just applied, the loss before
        self._preview: tuple[object, int, float, UpdateResult | None] | None = None
        self.dialog: TrainDialog | None = None
        self.runs = self._runs_of(self.controller.document)
        self.update_label = plain(QLabel(window))
        window.statusBar().addPermanentWidget(self.update_label)

        self._make_actions()
        self._make_docks()
        self._make_toolbar_and_menus()

        c = self.controller
        c.step_changed.connect(self._on_step_changed)
        c.model_changed.connect(self._on_model_changed)
        c.document_replaced.connect(self._on_document_replaced)
        c.selection_changed.connect(self._on_selection_changed)
        self.lr_spin.valueChanged.connect(self._on_selection_changed)
        app = QApplication.instance()
        if app is not None:  # quitting without closing the window ends the run too
            app.aboutToQuit.connect(self.shutdown)
        self._on_model_changed()

    # -- building --------------------------------------------------------------------

    def _make_actions(self) -> None:
        w = self.window
        self.apply_action = QAction(self.tr("Apply update (경사 하강법)"), w)
        self.apply_action.setObjectName("apply_update")
        self.apply_action.triggered.connect(self.apply_update)
        self.train_action = QAction(self.tr("Train (학습)…"), w)
        self.train_action.setObjectName("train")
        self.train_action.setToolTip(self.tr("Run N iterations of gradient descent (경사 하강법) in the background"))
        self.train_action.triggered.connect(self.show_train_dialog)
        self.export_action = QAction(self.tr("Export plots (손실 · 변화도)…"), w)
        self.export_action.setObjectName("export_plots")
        self.export_action.setToolTip(
            self.tr("Write loss, gradient_norms and activations as PNG and SVG into a folder")
        )
        self.export_action.triggered.connect(self.export_dialog)
        self.lr_spin = RateSpinBox(parent=w)
        self.lr_spin.setObjectName("learning_rate")

    def _make_docks(self) -> None:
        w = self.window
        self.update_dock = LazyDock(self.tr("Update (경사 하강법): W ← W − η ∂L/∂W"), "lab_update", _update_view, w)
        self.loss_dock = LazyDock(self.tr("Loss (손실)"), "lab_loss", _loss_plot, w)
        self.grad_dock = LazyDock(self.tr("‖∂L/∂W‖ (기울기 소실)"), "lab_gradient_norms", _grad_plot, w)
        self.activation_dock = LazyDock(self.tr("Activations (활성함수)"), "lab_activations", _activation_plot, w)
        self.docks = (self.update_dock, self.loss_dock, self.grad_dock, self.activation_dock)
        for dock in self.docks:
            dock.built.connect(self._adopt_keys)
        # a dock's content, just built, shows what there is to show at that moment
        self.update_dock.built.connect(self._show_update)
        self.loss_dock.built.connect(self._draw_runs)
        self.grad_dock.built.connect(self._show_pass_norms)
        self.grad_dock.built.connect(self._draw_runs)
        tab_under_canvas(w, self.docks)

    def reveal(self, dock: QDockWidget) -> None:
        """Open ``dock`` (if closed), build what it shows, and bring its tab to the front."""
        dock.show()
        dock.raise_()
        if isinstance(dock, LazyDock):
            dock.content()

    @property
    def update_view(self) -> UpdateView:
        from explorer.ui.lab.update_view import UpdateView

        return content_of(self.update_dock, UpdateView)

    @property
    def loss_plot(self) -> LossPlot:
        from explorer.ui.lab.plots import LossPlot

        return content_of(self.loss_dock, LossPlot)

    @property
    def grad_plot(self) -> GradNormPlot:
        from explorer.ui.lab.plots import GradNormPlot

        return content_of(self.grad_dock, GradNormPlot)

    @property
    def activation_plot(self) -> ActivationPlot:
        from explorer.ui.lab.activation_plot import ActivationPlot

        return content_of(self.activation_dock, ActivationPlot)

    def _adopt_keys(self, widget: QWidget) -> None:
        """A dock's content is new: the window's step keys reach past its fields too."""
        keys = getattr(self.window, "step_keys", None)
        if keys is not None:
            keys.adopt(widget)

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
        """The window's dialogs (tests give scripted ones): every question of the lab goes through them."""
        return self.window.dialogs

    def say(self, text: str) -> None:
        self.window.statusBar().showMessage(one_line(text, 400), 10000)

    # -- reacting to the controller ----------------------------------------------------

    def _on_selection_changed(self, *_: object) -> None:
        self._show_update()

    def _on_document_replaced(self, document: Document) -> None:
        """Another document is open: its own runs; nothing of the old one stays drawn or said."""
        self._applied = None
        self._preview = None
        self.runs = self._runs_of(document)
        if self.dialog is not None:
            self.dialog.clear()
        self._draw_runs()

    def _runs_of(self, document: Document) -> TrainingRuns:
        runs = TrainingRuns(self, document)
        runs.ended.connect(self.run_ended)
        runs.drawn_changed.connect(self._draw_runs)
        return runs

    def _draw_runs(self, *_: object) -> None:
        """The open document's last run in the loss and gradient-norm plots (that are built), or nothing."""
        result = self.runs.drawn
        if self.loss_dock.is_built and not self.runs.running:
            if result is None:
                self.loss_plot.clear()
            else:
                self.loss_plot.set_history(result.loss, self.runs.caption(result), result.iterations)
        if self.grad_dock.is_built:
            if result is None:
                self.grad_plot.set_history([], None)
            else:
                self.grad_plot.set_history(*TrainingRuns.grad_history(result), result.iterations)

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

    def _show_pass_norms(self, *_: object) -> None:
        if not self.grad_dock.is_built:
            return
        c = self.controller
        weights = layer_weights(c.model)
        names = weight_names(c.model, weights)
        grads = [c.session.grad(w) for w in weights]
        known = [g for g in grads if g is not None]
        if not weights or len(known) < len(grads):
            self.grad_plot.set_pass(names, None)
            return
        self.grad_plot.set_pass(names, [float(np.linalg.norm(g)) for g in known])

    # -- training (the runs are :class:`TrainingRuns`') ----------------------------------

    @property
    def worker(self) -> TrainWorker:
        return self.runs.worker

    @property
    def training(self) -> bool:
        return self.runs.running

    def show_train_dialog(self) -> TrainDialog:
        """Open (or raise) the Train dialog; it does not block the window."""
        if self.dialog is None:
            self.dialog = TrainDialog(self.window, self.lr_spin.value())
            self.dialog.start_requested.connect(self.start_training)
            self.dialog.cancel_requested.connect(self.cancel_training)
        elif not self.training:
            self.dialog.lr_spin.setValue(self.lr_spin.value())
        if self.dialog.isVisible() and QGuiApplication.platformName() != "offscreen":
            self.dialog.raise_()  # already open behind the window (offscreen has no stacking: it warns)
        self.dialog.show()
        return self.dialog

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
            from explorer.ui.lab.plot_export import export_plots  # pyqtgraph's exporter, when asked for

            names = export_plots(folder, self.plot_items())
        except (OSError, ValueError) as error:
            self.say(translate("LearningLab", "Export of the plots to {folder} failed: {error}").format(folder=folder, error=error))
            return []
        self.say(translate("LearningLab", "Exported {names} to {folder}").format(names=", ".join(names), folder=folder))
        return names

    def export_dialog(self) -> None:
        folder = self.dialogs.get_folder(self.window, self.tr("Export plots into folder"))
        if folder:
            self.export_to(folder)

    def apply_theme(self, *_: object) -> None:
        """Re-read the theme in every built dock of the lab (connected to the theme's change)."""
        for dock in self.docks:
            if dock.is_built:
                dock.content().apply_theme()  # type: ignore[attr-defined]

    # -- closing -------------------------------------------------------------------------

    def shutdown(self) -> bool:
        """The window closes: the Train dialog goes, the run stops (bounded wait), its result is dropped.

        Called from the window's close path (and when the application quits); True when no run is left.
        """
        if self.dialog is not None:
            self.dialog.hide()
        return self.runs.shutdown()


# -- the docks' contents, made when a dock is first shown ----------------------------


def _update_view() -> QWidget:
    from explorer.ui.lab.update_view import UpdateView

    return UpdateView()


def _loss_plot() -> QWidget:
    from explorer.ui.lab.plots import LossPlot

    return LossPlot()


def _grad_plot() -> QWidget:
    from explorer.ui.lab.plots import GradNormPlot

    return GradNormPlot()


def _activation_plot() -> QWidget:
    from explorer.ui.lab.activation_plot import ActivationPlot

    return ActivationPlot()
