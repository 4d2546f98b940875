"""The main window: canvas in the centre, inspector and node list docked on the
right, building and stepping tools on top, where the pass stands at the bottom."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSpinBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from ..engine.notation import pretty
from ..export.snapshot import snapshot_text
from ..model import ACTIVATIONS, LOSSES, ModelError, fmt_shape
from ..model import edit as edits
from ..model.io import write_atomic
from ..resources import resources_dir
from .canvas import GraphScene, GraphView
from .canvas_pane import CanvasPane
from .controller import Controller
from .icons import make_icon
from .inspector import Inspector
from .keys import install_step_keys
from .matrix_editor import MatrixEditor
from .responsive import install_responsive_layout
from .speed import SpeedControl
from .text import clip, one_line, plain, tooltip
from .theme import current_theme, set_theme, themes

#: The automatic fit stops at this zoom so that labels stay readable; F shows everything.
READABLE_ZOOM = 0.55
LOSS_TITLES = {"half_sse": "½·SSE", "sse": "SSE", "mse": "MSE"}


class MainWindow(QMainWindow):
    """The explorer's window over one :class:`Controller`."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.scene = GraphScene(self)
        self.view = GraphView(self.scene, self)
        self.canvas_pane = CanvasPane(self.view, self)  # the step's formula in a header of its own
        self.setCentralWidget(self.canvas_pane)

        self.inspector = Inspector(controller, self)
        inspector_dock = QDockWidget("Inspector", self)
        inspector_dock.setObjectName("inspector")
        inspector_dock.setWidget(self.inspector)
        inspector_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, inspector_dock)

        self.node_list = QListWidget(self)
        self.node_list.setFlow(QListWidget.Flow.LeftToRight)
        self.node_list.setWrapping(True)
        self.node_list.setFixedHeight(44)
        self.node_list.currentItemChanged.connect(self._on_list_pick)
        nodes_dock = QDockWidget("Nodes", self)
        nodes_dock.setObjectName("nodes")
        nodes_dock.setWidget(self.node_list)
        nodes_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, nodes_dock)
        self.resizeDocks([inspector_dock], [560], Qt.Orientation.Horizontal)

        self.step_label = plain(QLabel(self))
        self.loss_label = plain(QLabel(self))
        self.canvas_pane.set_header(self.step_label)  # transient messages never cover it
        self.statusBar().addPermanentWidget(self.loss_label)

        self._make_actions()
        self._make_menus()
        self._make_toolbars()

        controller.model_changed.connect(self._on_model_changed)
        controller.step_changed.connect(self._on_step_changed)
        controller.selection_changed.connect(self._on_selection_changed)
        controller.message_posted.connect(self._on_message)
        controller.error_raised.connect(self._on_error)
        controller.playing_changed.connect(self._on_playing_changed)
        controller.path_changed.connect(self._update_title)
        controller.undo_stack.cleanChanged.connect(self._update_title)
        self.scene.node_selected.connect(self._on_canvas_pick)
        self.scene.node_move_requested.connect(self._on_move_requested)
        self.scene.node_double_clicked.connect(self._on_node_double_clicked)
        self.inspector.edit_values_requested.connect(self.edit_values)
        self._shown_nodes: tuple[str, ...] = ()

        self._on_model_changed()
        self._on_step_changed()
        themes().changed.connect(self._on_theme_changed)
        self._on_theme_changed()
        install_step_keys(self)
        install_responsive_layout(self)
        self.resize(1400, 900)

    # -- actions --------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: str | QKeySequence | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')} ({keys})")
        elif tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        c = self.controller
        self.open_action = self._action("&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.save_action = self._action("&Save", self.save, QKeySequence.StandardKey.Save)
        self.save_as_action = self._action("Save &As…", self.save_as, QKeySequence.StandardKey.SaveAs)
        self.export_action = self._action(
            "&Export snapshot…",
            self.export_dialog,
            "Ctrl+E",
            "Write snapshot.json, graph.png and graph.svg into a folder",
        )
        self.copy_image_action = self._action("&Copy graph image", self.copy_graph_image, "Ctrl+Shift+C")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = c.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = c.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)

        self.reset_action = self._action("Reset", c.reset, "Home", "Back to step 0")
        self.back_action = self._action("Back", c.back, "Left", "Undo one step")
        self.step_action = self._action("Step", c.step, "Right", "One step: next node forward (순전파), then backward (역전파)")
        self.forward_action = self._action("Run forward", c.run_forward, "Shift+Right", "Run the forward pass to the loss")
        self.end_action = self._action("Run to end", c.run_to_end, "End", "Run forward and backward to the end")
        self.play_action = self._action("Play", c.toggle_play, "Space", "Play or pause the steps")
        self.play_action.setCheckable(True)
        self._icon_kinds = {
            self.reset_action: "reset",
            self.back_action: "back",
            self.step_action: "step",
            self.forward_action: "forward",
            self.end_action: "end",
            self.play_action: "play",
        }
        self._paint_icons()
        icons = self._icon_kinds
        self.step_actions = tuple(icons)

        self.add_end_action = self._action("Add layer at the end", lambda: self.add_layer(None), "Ctrl+L")
        self.insert_action = self._action(
            "Insert layer before the selected one", self.insert_before_selected, "Ctrl+Shift+L"
        )
        self.remove_action = self._action(
            "− Remove layer", self.remove_selected_layer, "Ctrl+Backspace", "Remove the selected node's layer"
        )
        self.fit_action = self._action("&Fit to view", self.view.fit_to_view, "F")
        self.zoom_in_action = self._action(
            "Zoom &in", lambda: self.view.scale(1.25, 1.25), QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_out_action = self._action(
            "Zoom &out", lambda: self.view.scale(0.8, 0.8), QKeySequence.StandardKey.ZoomOut
        )
        self.dark_action = self._action("&Dark theme", self.toggle_theme, "Ctrl+Shift+D")
        self.dark_action.setCheckable(True)
        self.about_action = self._action("&About", self.about)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.open_action, self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.copy_image_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.add_end_action, self.insert_action, self.remove_action):
            edit_menu.addAction(action)
        view_menu = bar.addMenu("&View")
        for action in (self.fit_action, self.zoom_in_action, self.zoom_out_action, self.dark_action):
            view_menu.addAction(action)
        step_menu = bar.addMenu("&Step")
        for action in self.step_actions:
            step_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _make_toolbars(self) -> None:
        build = QToolBar("Build", self)
        build.setObjectName("build")
        build.setMovable(False)
        add_button = QToolButton(self)
        add_button.setText("+ Layer")
        add_button.setToolTip("Add a linear layer at the end (Ctrl+L) or before the selected layer")
        add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        add_menu = QMenu(add_button)
        add_menu.addAction(self.add_end_action)
        for name in ACTIVATIONS:
            if name != "identity":
                add_menu.addAction(f"Add layer at the end, then {name}", lambda n=name: self.add_layer(None, n))
        add_menu.addSeparator()
        add_menu.addAction(self.insert_action)
        add_button.setMenu(add_menu)
        add_button.clicked.connect(lambda: self.add_layer(None))
        build.addWidget(add_button)
        build.addAction(self.remove_action)
        build.addSeparator()
        build.addWidget(QLabel(" Loss ", self))
        self.loss_combo = QComboBox(self)
        for name in LOSSES:
            self.loss_combo.addItem(LOSS_TITLES.get(name, name), name)
        self.loss_combo.setToolTip("The loss: ½·SSE is the lecture's ½ Σ (Ŷ − Y)²")
        self.loss_combo.activated.connect(self._on_loss_chosen)
        build.addWidget(self.loss_combo)
        build.addWidget(QLabel(" Batch ", self))
        self.batch_spin = QSpinBox(self)
        self.batch_spin.setRange(1, 4096)
        self.batch_spin.setKeyboardTracking(False)
        self.batch_spin.setToolTip("Samples per pass: the columns of X and Y")
        self.batch_spin.valueChanged.connect(self._on_batch_chosen)
        build.addWidget(self.batch_spin)
        self.addToolBar(build)

        steps = QToolBar("Steps", self)
        steps.setObjectName("steps")
        steps.setMovable(False)
        steps.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in self.step_actions:
            steps.addAction(action)
        self.speed_control = SpeedControl(self)  # about 1 step/s, shown beside the slider
        self.speed_slider = self.speed_control.slider
        self.speed_control.interval_changed.connect(self.controller.set_interval)
        self.controller.set_interval(self.speed_control.interval_ms())
        steps.addWidget(self.speed_control)
        self.addToolBar(steps)

    # -- reacting to the controller -------------------------------------------------

    def _paint_icons(self) -> None:
        colour = current_theme().text
        for action, kind in self._icon_kinds.items():
            action.setIcon(make_icon(kind, colour))

    def _on_message(self, text: str) -> None:
        self.statusBar().showMessage(one_line(text), 6000)

    def _update_title(self, *_: object) -> None:
        c = self.controller
        name = Path(c.path).name if c.path else (c.model.name or "untitled")
        self.setWindowTitle(f"Jacobian Explorer — {one_line(name, 80)}[*]")
        self.setWindowModified(not c.undo_stack.isClean())

    def _on_model_changed(self) -> None:
        c = self.controller
        self.scene.set_model(c.model)  # states follow on step_changed, which every model change emits
        self.scene.set_selected(c.selected)
        with QSignalBlocker(self.node_list):
            self.node_list.clear()
            for node in c.model.order:
                item = QListWidgetItem(clip(one_line(pretty(c.model.label(node))), 24))
                item.setData(Qt.ItemDataRole.UserRole, node)
                item.setToolTip(tooltip(f"{node} · {c.model.op(node)} · {fmt_shape(c.model.shape(node))}"))
                self.node_list.addItem(item)
                if node == c.selected:
                    self.node_list.setCurrentItem(item)
        with QSignalBlocker(self.loss_combo):
            self.loss_combo.setCurrentIndex(self.loss_combo.findData(c.model.op(c.model.loss_id)))
        with QSignalBlocker(self.batch_spin):
            try:
                batch = c.model.shape(edits.chain_input(c.model))[1]
                self.batch_spin.setValue(batch)
                self.batch_spin.setEnabled(True)
            except ModelError:
                self.batch_spin.setEnabled(False)
        self._show_in_inspector()
        self._update_title()
        if c.model.order != self._shown_nodes:  # a new graph, not a moved node: show it
            self._shown_nodes = c.model.order
            self.view.fit_to_view(READABLE_ZOOM)

    def _show_in_inspector(self) -> None:
        """The selected node; with nothing selected, the current step's node (the inspector follows)."""
        c = self.controller
        current = c.session.current
        node = c.selected or (current.node if current is not None else None)
        if node != self.inspector.node:
            self.inspector.set_node(node)

    def _on_step_changed(self) -> None:
        c = self.controller
        s = c.session
        self.scene.update_state(s)
        self.scene.mark_failed(c.failed_node)
        if s.current is not None:
            self.view.follow(self.scene.node_items[s.current.node])
        self._show_in_inspector()
        phase = {"forward": "순전파", "backward": "역전파", "done": "done"}[s.phase]
        self.step_label.setText(f"{one_line(c.status_text, 200)}    [{phase}]" + (f"    ⚠ {c.failure_text}" if c.failure_text else ""))
        self.step_label.setStyleSheet(f"color: {current_theme().error.name()}" if c.failure_text else "")
        self.loss_label.setText(f"loss L = {s.loss:.6g}  " if s.loss is not None else "loss: not computed yet  ")
        self.back_action.setEnabled(s.position > 0)
        self.reset_action.setEnabled(s.position > 0)
        self.step_action.setEnabled(not s.done)
        self.forward_action.setEnabled(s.position < s.forward_steps)
        self.end_action.setEnabled(not s.done)

    def _on_selection_changed(self, node: str) -> None:
        node_or_none = node or None
        self.scene.set_selected(node_or_none)
        with QSignalBlocker(self.node_list):
            for row in range(self.node_list.count()):
                item = self.node_list.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == node:
                    self.node_list.setCurrentItem(item)
                    break
            else:
                self.node_list.setCurrentRow(-1)  # no old highlight; a click on any item selects again
        self._show_in_inspector()

    def _on_playing_changed(self, playing: bool) -> None:
        with QSignalBlocker(self.play_action):
            self.play_action.setChecked(playing)
        self.play_action.setText("Pause" if playing else "Play")
        self._icon_kinds[self.play_action] = "pause" if playing else "play"
        self._paint_icons()

    def _on_error(self, text: str) -> None:
        self.statusBar().showMessage(one_line(text), 10000)
        if not QApplication.instance().property("explorer_no_dialogs"):
            box = QMessageBox(QMessageBox.Icon.Warning, "Jacobian Explorer", one_line(text, 2000), parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # a label or file name is never markup
            box.exec()

    # -- requests from the views ---------------------------------------------------

    def _on_canvas_pick(self, node: str) -> None:
        self.controller.select(node or None)

    def _on_list_pick(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is not None:
            self.controller.select(item.data(Qt.ItemDataRole.UserRole))

    def _on_move_requested(self, node: str, x: float, y: float) -> None:
        self.controller.edit(f"Move {node}", edits.set_position, node, (x, y), restarts=False)

    def _on_node_double_clicked(self, node: str) -> None:
        self.controller.select(node)
        if self.controller.model.spec(node).info.is_leaf:
            self.edit_values(node)

    def _on_loss_chosen(self, row: int) -> None:
        op = self.loss_combo.itemData(row)
        self.controller.edit(f"Set loss to {LOSS_TITLES.get(op, op)}", edits.set_loss, op)

    def _on_batch_chosen(self, batch: int) -> None:
        if self.controller.edit(f"Set batch to {batch}", edits.set_batch, batch):
            return
        with QSignalBlocker(self.batch_spin):  # refused: show what the model has
            self.batch_spin.setValue(self.controller.model.shape(edits.chain_input(self.controller.model))[1])

    # -- building -----------------------------------------------------------------

    def _selected_layer(self) -> int | None:
        node = self.controller.selected
        return None if node is None else edits.layer_of(self.controller.model, node)

    def add_layer(self, index: int | None, activation: str | None = None) -> None:
        """Add a linear layer (then ``activation``) at ``index``, or at the end."""
        try:
            count = len(edits.chain_layers(self.controller.model))
        except ModelError as error:
            self._on_error(str(error))
            return
        at = count if index is None else index
        then = f" with {activation}" if activation else ""
        self.controller.edit(f"Add layer {at + 1}{then}", edits.add_layer, at, None, activation)

    def insert_before_selected(self) -> None:
        index = self._selected_layer()
        if index is None:
            self._on_error("Select a layer's node (its H, W or activation) to insert a layer before it.")
            return
        self.add_layer(index)

    def remove_selected_layer(self) -> None:
        index = self._selected_layer()
        if index is None:
            self._on_error("Select a layer's node (its H, W or activation) to remove that layer.")
            return
        self.controller.edit(f"Remove layer {index + 1}", edits.remove_layer, index)

    def edit_values(self, node: str) -> None:
        model = self.controller.model
        dialog = MatrixEditor(node, model.op(node), model.value(node), self)
        if dialog.exec():
            self.controller.edit(f"Edit {node}", edits.set_value, node, dialog.result_array())

    # -- files ----------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask before losing edits; True when it is fine to go on."""
        if self.controller.undo_stack.isClean() or QApplication.instance().property("explorer_no_dialogs"):
            return True
        answer = QMessageBox.question(
            self,
            "Jacobian Explorer",
            "The model has unsaved edits. Save them?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open model or snapshot", "", "Models (*.json);;All files (*)")
        if path:
            self.controller.open_file(path)

    def save(self) -> bool:
        path = self.controller.path
        if path is None or Path(path).resolve().is_relative_to(resources_dir()):  # never overwrite an example
            return self.save_as()
        return self.controller.save()

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save model", "model.json", "Models (*.json)")
        return bool(path) and self.controller.save(path)

    def export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export snapshot into folder")
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str | Path) -> bool:
        """Write snapshot.json, graph.png (2×) and graph.svg of the current step."""
        from ..export.images import scene_png, scene_svg

        folder = Path(folder)
        try:
            files = {
                "snapshot.json": snapshot_text(self.controller.session),
                "graph.png": scene_png(self.scene, 2.0),
                "graph.svg": scene_svg(self.scene),
            }
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in files.items():
                write_atomic(folder / name, data)
        except (OSError, ValueError) as error:
            self._on_error(f"Export to {folder} failed: {error}")
            return False
        self.statusBar().showMessage(f"Exported snapshot.json, graph.png, graph.svg to {folder}", 8000)
        return True

    def copy_graph_image(self) -> None:
        from PySide6.QtGui import QImage

        from ..export.images import scene_png

        image = QImage.fromData(scene_png(self.scene, 2.0), "PNG")
        QApplication.clipboard().setImage(image)
        self.statusBar().showMessage("Graph image copied to the clipboard", 5000)

    def toggle_theme(self, dark: bool) -> None:
        set_theme("dark" if dark else "light")  # the views follow the theme's changed signal

    def _on_theme_changed(self, _name: str = "") -> None:
        with QSignalBlocker(self.dark_action):
            self.dark_action.setChecked(current_theme().name == "dark")
        self._paint_icons()
        self._on_step_changed()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Jacobian Explorer",
            "<p><b>Jacobian Explorer</b> makes matrix differentiation (행렬미분) visible: step the forward pass "
            "(순전파) and the backward pass (역전파) one node at a time and see every value, gradient (기울기), "
            "Jacobian (야코비안 행렬) and the tensor-product (텐서곱) breakdown of the chain rule (연쇄법칙).</p>"
            "<p>A layer is H<sub>out</sub> = Wᵀ H<sub>in</sub>; a Jacobian ∂A/∂T has shape A.shape + T.shape.</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.maybe_save():
            self.controller.pause()
            self.inspector.runner.shutdown()  # a running build stops and ends before the window goes
            event.accept()
        else:
            event.ignore()

    @property
    def theme_name(self) -> str:
        return current_theme().name
