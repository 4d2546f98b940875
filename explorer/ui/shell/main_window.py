"""The main window: canvas in the centre, inspector and node list docked on the
right, building and stepping tools on top, where the pass stands at the bottom.

The window assembles its parts: the actions and menus (:mod:`.actions`), the
toolbars (:mod:`.toolbars`), the files (:mod:`.documents`), and the named
edits (:mod:`.commands`) that its widgets' requests become. Every modal
question goes through its :class:`~explorer.ui.kit.dialogs.Dialogs` (tests hand
in a scripted one), and what it remembers between launches through its
:class:`~explorer.ui.kit.settings.Settings`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QListWidget, QListWidgetItem, QMainWindow, QWidget

from explorer import __version__
from explorer.lesson.notation import pretty
from explorer.model import ModelError, fmt_shape
from explorer.model import edit as edits
from explorer.ui.canvas.pane import CanvasPane
from explorer.ui.document import edits as commands
from explorer.ui.document.controller import Controller
from explorer.ui.inspector.matrix_editor import MatrixEditor
from explorer.ui.inspector.panel import Inspector
from explorer.ui.kit.dialogs import Dialogs
from explorer.ui.kit.icons import make_icon
from explorer.ui.kit.settings import Settings
from explorer.ui.kit.theme import apply_palette, current_theme, set_theme, themes
from explorer.ui.kit.workers import BackgroundRunner
from explorer.ui.lab import install_learning_lab
from explorer.ui.shell.actions import make_actions, make_menus, shortcut_rows
from explorer.ui.shell.file_drop import FileDrops
from explorer.ui.shell.files import DocumentFiles
from explorer.ui.shell.keys import install_step_keys
from explorer.ui.shell.responsive import install_responsive_layout
from explorer.ui.shell.toolbars import make_toolbars, speed_of_tick, speed_text, tick_of_speed
from explorer.ui.text.plain import clip, one_line, plain, tooltip
from explorer.ui.text.vocabulary import phase_name

#: The automatic fit stops at this zoom so that labels stay readable; F shows everything.
READABLE_ZOOM = 0.55
DEFAULT_SIZE = (1400, 900)


class MainWindow(QMainWindow):
    """The explorer's window over one :class:`Controller`.

    Parameters
    ----------
    controller : Controller
        The model, session and undo stack shown.
    dialogs : Dialogs, optional
        Asks every modal question; tests pass a scripted stand-in.
    settings : Settings, optional
        What is remembered between launches; by default a throw-away INI
        file, so a window made by a command never touches the user's settings.
    autosave_folder : Path, optional
        Where the document is autosaved; None for no autosave.
    """

    def __init__(
        self,
        controller: Controller,
        dialogs: Dialogs | None = None,
        settings: Settings | None = None,
        autosave_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if settings is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="jacobian-explorer-")
            settings = Settings(Path(self._scratch.name) / "settings.ini")
        self.settings = settings
        self.dialogs = dialogs if dialogs is not None else Dialogs(settings, self)
        if self.dialogs.settings is None:
            self.dialogs.settings = settings
        self.controller = controller
        self.dialogs.modal_started.connect(controller.pause)  # Play waits while a question is open

        from explorer.ui.canvas.scene import GraphScene, GraphView

        self.scene = GraphScene(self)
        self.view = GraphView(self.scene, self)
        self.canvas_pane = CanvasPane(self.view, self)  # the step's formula in a header of its own
        self.setCentralWidget(self.canvas_pane)
        self.inspector = Inspector(controller, self)
        self.node_list = QListWidget(self)
        self.node_list.setFlow(QListWidget.Flow.LeftToRight)
        self.node_list.setWrapping(True)
        self.node_list.setFixedHeight(44)
        self.node_list.currentItemChanged.connect(self._on_list_pick)
        self._make_docks()

        self.step_label = plain(QLabel(self))
        self.loss_label = plain(QLabel(self))
        self.canvas_pane.set_header(self.step_label)  # transient messages never cover it
        self.statusBar().addPermanentWidget(self.loss_label)

        self.files = DocumentFiles(self, autosave_folder)
        self.file_drops = FileDrops(self, self.files.open_dropped)
        make_actions(self)
        make_menus(self)
        make_toolbars(self)
        self._icon_kinds = dict(
            zip(self.step_actions, ("reset", "back", "step", "forward", "end", "play"), strict=True)
        )
        self._paint_icons()

        controller.model_changed.connect(self._on_model_changed)
        controller.step_changed.connect(self._on_step_changed)
        controller.selection_changed.connect(self._on_selection_changed)
        controller.node_moved.connect(self._on_node_moved)
        controller.message_posted.connect(self._on_message)
        controller.error_raised.connect(self.show_error)
        controller.playing_changed.connect(self._on_playing_changed)
        controller.path_changed.connect(self.update_title)
        controller.undo_group.cleanChanged.connect(self.update_title)  # the open document's stack
        self.scene.node_selected.connect(self._on_canvas_pick)
        self.scene.node_move_requested.connect(self._on_move_requested)
        self.scene.node_double_clicked.connect(self._on_node_double_clicked)
        self.inspector.edit_values_requested.connect(self.edit_values)
        self.inspector.width_requested.connect(lambda index, width: commands.set_width(controller, index, width))
        self.inspector.activation_requested.connect(
            lambda index, name: commands.set_activation(controller, index, name or None)
        )
        self.inspector.bias_requested.connect(lambda index, on: commands.set_bias(controller, index, on))
        self._shown_nodes: tuple[str, ...] = ()

        self._on_model_changed()
        self._on_step_changed()
        self.inspector.set_node(controller.inspected)  # a session opened past step 0 shows its node
        self.speed_slider.setValue(tick_of_speed(settings.play_speed))
        self._on_speed_changed(self.speed_slider.value())
        self.dark_action.setChecked(current_theme().name == "dark")
        self.resize(*DEFAULT_SIZE)
        install_learning_lab(self)
        self.restore_layout()
        themes().changed.connect(self._repaint_theme)  # a switch from the menu or the system repaints
        install_step_keys(self)
        install_responsive_layout(self)

    def _make_docks(self) -> None:
        for title, name, widget in (
            (self.tr("Inspector"), "inspector", self.inspector),
            (self.tr("Nodes"), "nodes", self.node_list),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if name == "inspector":
                self.resizeDocks([dock], [560], Qt.Orientation.Horizontal)

    # -- settings -------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Geometry and docks as the last window left them (nothing saved: the defaults)."""
        if self.settings.geometry:
            self.restoreGeometry(self.settings.geometry)
        if self.settings.window_state:
            self.restoreState(self.settings.window_state)

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()

    def reset_settings(self) -> None:
        """Forget everything remembered; the window goes back to its default size and theme now."""
        self.settings.reset()
        self._layout_forgotten = True
        self.resize(*DEFAULT_SIZE)
        self.statusBar().showMessage(self.tr("Settings reset: the explorer starts with its defaults."), 8000)

    def choose_theme(self, choice: str) -> None:
        """View → Theme: remember ``choice`` (system, light, dark) and show it."""
        self.settings.theme = choice
        from explorer.ui.kit import theme
        apply_choice = getattr(theme, "apply_choice", None)
        if apply_choice is not None:
            apply_choice(choice)
            self._repaint_theme()
        else:
            self.toggle_theme(choice == "dark", remember=False)

    def choose_language(self, choice: str) -> None:
        """View → Language: remembered, shown at the next start."""
        self.settings.language = choice
        self.statusBar().showMessage(self.tr("The language changes when the explorer starts again."), 10000)

    def toggle_theme(self, dark: bool, remember: bool = True) -> None:
        set_theme("dark" if dark else "light")
        if remember:
            self.settings.theme = "dark" if dark else "light"
        self._repaint_theme()

    def _repaint_theme(self, _name: str = "") -> None:
        with QSignalBlocker(self.dark_action):
            self.dark_action.setChecked(current_theme().name == "dark")
        for action in self.theme_group.actions():
            action.setChecked(action.data() == self.settings.theme)
        apply_palette(QApplication.instance())
        self._paint_icons()
        self._on_step_changed()  # the canvas and the panels follow the theme's changed signal themselves

    @property
    def theme_name(self) -> str:
        return current_theme().name

    # -- reacting to the controller -------------------------------------------------

    def _paint_icons(self) -> None:
        colour = current_theme().text
        for action, kind in self._icon_kinds.items():
            action.setIcon(make_icon(kind, colour))

    def _on_message(self, text: str) -> None:
        self.statusBar().showMessage(one_line(text, 600), 8000)

    def show_error(self, text: str) -> None:
        """A refused edit, a bad file, an engine failure: the status bar, then a warning through the dialogs."""
        self.statusBar().showMessage(one_line(text), 10000)
        self.dialogs.warn(self, one_line(text, 2000))

    def update_title(self, *_: object) -> None:
        c = self.controller
        name = Path(c.path).name if c.path else (c.model.name or self.tr("untitled"))
        self.setWindowTitle(f"Jacobian Explorer — {one_line(name, 80)}[*]")
        self.setWindowFilePath(c.path or "")
        self.setWindowModified(self.files.modified)

    def _on_model_changed(self) -> None:
        c = self.controller
        self.scene.set_model(c.model)  # states follow on step_changed, which every model change emits
        self.scene.set_selected(c.selected)
        with QSignalBlocker(self.node_list):
            self.node_list.clear()
            for node in c.model.order:
                item = QListWidgetItem(clip(one_line(pretty(c.model.label(node))), 24))
                item.setData(Qt.ItemDataRole.UserRole, node)
                item.setToolTip(
                    tooltip(f"{commands.label(c.model, node)} · {c.model.op(node)} · {fmt_shape(c.model.shape(node))}")
                )
                self.node_list.addItem(item)
                if node == c.selected:
                    self.node_list.setCurrentItem(item)
        with QSignalBlocker(self.loss_combo):
            self.loss_combo.setCurrentIndex(self.loss_combo.findData(c.model.op(c.model.loss_id)))
        with QSignalBlocker(self.batch_spin):
            try:
                self.batch_spin.setValue(c.model.shape(edits.chain_input(c.model))[1])
                self.batch_spin.setEnabled(True)
            except ModelError:
                self.batch_spin.setEnabled(False)
        self._update_layer_actions()
        self.update_title()
        if c.model.order != self._shown_nodes:  # a new graph, not a moved node: show it
            self._shown_nodes = c.model.order
            self.view.fit_to_view(READABLE_ZOOM)

    def _on_node_moved(self, node: str) -> None:
        self.scene.update_position(self.controller.model, node)

    def _on_step_changed(self) -> None:
        c = self.controller
        s = c.session
        self.scene.update_state(s)
        self.scene.mark_failed(c.failed_node)
        if s.current is not None:
            self.view.follow(self.scene.node_items[s.current.node])
        failure = f"    ⚠ {c.failure_text}" if c.failure_text else ""
        self.step_label.setText(f"{one_line(c.status_text, 200)}    [{phase_name(s.phase)}]{failure}")
        self.step_label.setStyleSheet(f"color: {current_theme().error.name()}" if c.failure_text else "")
        if s.loss is not None:
            self.loss_label.setText(self.tr("loss L = {value}").format(value=f"{s.loss:.6g}") + "  ")
        else:
            self.loss_label.setText(self.tr("loss: not computed yet") + "  ")
        self.back_action.setEnabled(s.position > 0)
        self.reset_action.setEnabled(s.position > 0)
        self.step_action.setEnabled(not s.done)
        self.forward_action.setEnabled(s.position < s.forward_steps)
        self.end_action.setEnabled(not s.done)

    def _on_selection_changed(self, node: str) -> None:
        self.scene.set_selected(node or None)
        with QSignalBlocker(self.node_list):
            for row in range(self.node_list.count()):
                item = self.node_list.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == node:
                    self.node_list.setCurrentItem(item)
                    break
            else:
                self.node_list.setCurrentItem(None)
                self.node_list.clearSelection()
        self._update_layer_actions()

    def _update_layer_actions(self) -> None:
        """Insert and Remove act on the selected node's layer: off when no layer is selected."""
        index = self._selected_layer()
        try:
            several = len(edits.chain_layers(self.controller.model)) > 1
        except ModelError:
            several = False
        self.insert_action.setEnabled(index is not None)
        self.remove_action.setEnabled(index is not None and several)

    def _on_playing_changed(self, playing: bool) -> None:
        with QSignalBlocker(self.play_action):
            self.play_action.setChecked(playing)
        self.play_action.setText(self.tr("Pause") if playing else self.tr("Play"))
        self._icon_kinds[self.play_action] = "pause" if playing else "play"
        self._paint_icons()

    # -- requests from the views ---------------------------------------------------

    def _on_canvas_pick(self, node: str) -> None:
        self.controller.select(node or None)

    def _on_list_pick(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is not None:
            self.controller.select(item.data(Qt.ItemDataRole.UserRole))

    def _on_move_requested(self, node: str, x: float, y: float) -> None:
        commands.move_node(self.controller, node, x, y)

    def _on_node_double_clicked(self, node: str) -> None:
        self.controller.select(node)
        if self.controller.model.spec(node).info.is_leaf:
            self.edit_values(node)

    def _on_loss_chosen(self, row: int) -> None:
        commands.set_loss(self.controller, self.loss_combo.itemData(row))

    def _on_batch_chosen(self, batch: int) -> None:
        if commands.set_batch(self.controller, batch):
            return
        with QSignalBlocker(self.batch_spin):  # refused: show what the model has
            self.batch_spin.setValue(self.controller.model.shape(edits.chain_input(self.controller.model))[1])

    def _on_speed_changed(self, tick: int) -> None:
        speed = speed_of_tick(tick)
        self.controller.set_interval(round(1000 / speed))
        self.speed_label.setText(speed_text(speed))
        self.settings.play_speed = speed

    # -- building -----------------------------------------------------------------

    def _selected_layer(self) -> int | None:
        node = self.controller.selected
        return None if node is None else edits.layer_of(self.controller.model, node)

    def add_layer(self, index: int | None, activation: str | None = None) -> bool:
        """Add a linear layer (then ``activation``) at ``index``, or before the output layer."""
        return commands.add_layer(self.controller, index, activation)

    def insert_before_selected(self) -> bool:
        index = self._selected_layer()
        if index is None:
            self.statusBar().showMessage(self.tr("Select a layer's node (its H, W or activation) first."), 6000)
            return False
        return self.add_layer(index)

    def remove_selected_layer(self) -> bool:
        index = self._selected_layer()
        if index is None:
            return False
        return commands.remove_layer(self.controller, index)

    def edit_values(self, node: str) -> None:
        model = self.controller.model
        dialog = MatrixEditor(node, model.op(node), model.value(node), self)
        with self.dialogs.modal():
            accepted = dialog.exec()
        if accepted:
            commands.set_values(self.controller, node, dialog.result_array())

    # -- files (see DocumentFiles) -----------------------------------------------------

    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def export_to(self, folder: str | Path) -> bool:
        return self.files.export_to(folder)

    def copy_graph_image(self) -> None:
        self.files.copy_graph_image()

    # -- help -----------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts (F1): every action with keys."""
        self.dialogs.shortcuts(self, shortcut_rows(self))

    def about(self) -> None:
        self.dialogs.about(self, __version__)

    # -- a file dropped anywhere on the window (see FileDrops) --------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        self.file_drops.drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt override)
        self.file_drops.drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        self.file_drops.drop(event)

    # -- closing --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Close after asking about unsaved edits; everything that runs for the window ends here.

        Play stops; every background job (a Jacobian, a finite-difference
        check) is cancelled and waited for; the lab's run stops and the Train
        dialog goes; the document closes (its autosave is removed). Nothing
        is left running once the window is closed, and deleting it afterwards
        waits on no thread.
        """
        if not self.files.maybe_save():
            event.ignore()
            return
        self.controller.pause()
        for runner in self.findChildren(BackgroundRunner):
            runner.shutdown()  # a running build stops and ends before the window goes
        self.learning_lab.shutdown()
        self.files.close()
        if not getattr(self, "_layout_forgotten", False):
            self.save_layout()
        event.accept()

