"""The main window: canvas in the centre, inspector and node list docked on the
right, building and stepping tools on top, where the pass stands at the bottom.

The window declares every part where it builds it: its actions and menu bar
(made with :mod:`.actions`), its toolbars (:mod:`.toolbars`), files
(:mod:`.files`) and node list (:mod:`.node_list`); its widgets' requests
become the named edits of :mod:`explorer.ui.document.edits`. Every modal
question goes through its :class:`~explorer.ui.kit.dialogs.Dialogs` (tests hand
in a scripted one), and what it remembers through its :class:`~explorer.ui.kit.settings.Settings`.

The program's own start (:func:`explorer.ui.shell.app.run_window`) shows the
window before its document: :meth:`MainWindow.opening` is the window with its
remembered size and an "Opening…" line, built from Qt and the window's own
light modules only; :meth:`MainWindow.build` then imports the parts (numpy,
networkx, the engine come with them) and builds them in place. So every part
is imported where it is built, not at the top of this module.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QWidget

from explorer import __version__
from explorer.ui.kit import first_frame
from explorer.ui.kit.dialogs import Dialogs
from explorer.ui.kit.settings import Settings
from explorer.ui.kit.theme import current_theme, themes
from explorer.ui.lab import install_learning_lab
from explorer.ui.practice import install_practice
from explorer.ui.shell.actions import (
    KEYS_NAME,
    Shortcut,
    choice_menu,
    examples_menu,
    fill_menu,
    first_binding,
    language_titles,
    make_action,
    shortcut_rows,
    theme_titles,
)
from explorer.ui.shell.document_view import DocumentView
from explorer.ui.shell.file_drop import FileDrops
from explorer.ui.shell.keys import install_step_keys
from explorer.ui.shell.responsive import fit_to_screen, install_responsive_layout
from explorer.ui.shell.text_zoom import TextZoom
from explorer.ui.shell.window_settings import DEFAULT_SIZE
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import plain

if TYPE_CHECKING:  # the parts themselves are imported where they are built (see the module's text)
    from explorer.ui.document.controller import Controller

class MainWindow(DocumentView):
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
        controller: Controller | None,
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
        self._layout_forgotten = False  # Reset settings: the layout is not saved on closing
        self.is_built = False
        if controller is None:  # the start's first frame: the parts come with build()
            self.setWindowTitle("Jacobian Explorer")
            self.setCentralWidget(_opening_line(self))
            self.resize(*DEFAULT_SIZE)
            if settings.geometry:
                self.restoreGeometry(settings.geometry)
            fit_to_screen(self)
            return
        self.build(controller, autosave_folder)

    @classmethod
    def opening(cls, settings: Settings) -> MainWindow:
        """The window before its document: its remembered size, its title and "Opening…" (see the module's text)."""
        return cls(None, settings=settings)

    def build(self, controller: Controller, autosave_folder: Path | None = None) -> None:
        """Build every part over ``controller``: canvas, inspector, node list, actions, menus, toolbars, the
        lab, practice, the classroom; then the remembered layout. Once only."""
        from explorer.ui.canvas.pane import CanvasPane
        from explorer.ui.canvas.scene import GraphScene, GraphView
        from explorer.ui.document import edits as commands
        from explorer.ui.inspector.panel import Inspector
        from explorer.ui.shell.classroom import install_classroom
        from explorer.ui.shell.files import DocumentFiles
        from explorer.ui.shell.node_list import NodeList

        assert not self.is_built, "a window is built once"
        settings = self.settings
        if self.isVisible():  # an opening window: the heatmap and the docks wait for the built window's first frame
            first_frame.hold(self)
        self.controller = controller
        self.dialogs.modal_started.connect(controller.pause)  # Play waits while a question is open

        self.scene = GraphScene(self)
        self.view = GraphView(self.scene, self)
        self.canvas_pane = CanvasPane(self.view, self)  # the step's formula in a header of its own
        self.setCentralWidget(self.canvas_pane)
        self.inspector = Inspector(controller, self)
        self.node_list = NodeList(self)
        self.node_list.node_picked.connect(controller.select)
        self.inspector_dock = self._dock(self.tr("Inspector"), "inspector", self.inspector)
        self.resizeDocks([self.inspector_dock], [560], Qt.Orientation.Horizontal)
        self.nodes_dock = self._dock(self.tr("Nodes"), "nodes", self.node_list, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)  # the inspector: full height

        self.step_label = plain(QLabel(self))
        self.loss_label = plain(QLabel(self))
        self.canvas_pane.set_header(self.step_label)  # transient messages never cover it
        self.statusBar().addPermanentWidget(self.loss_label)

        self.files = DocumentFiles(self, controller, self.dialogs, settings, self.scene, autosave_folder)
        self.files.changed.connect(self.update_title)
        self.file_drops = FileDrops(self, self.files.open_dropped)
        self._make_actions()
        self._make_menus()

        controller.model_changed.connect(self._on_model_changed)
        controller.step_changed.connect(self._on_step_changed)
        controller.selection_changed.connect(self._on_selection_changed)
        controller.node_moved.connect(self._on_node_moved)
        controller.message_posted.connect(self._on_message)
        controller.error_raised.connect(self.show_error)
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
        self.inspector.requires_grad_requested.connect(lambda node, on: commands.set_requires_grad(controller, node, on))
        self._shown_nodes: tuple[str, ...] = ()

        self._on_model_changed()
        self._on_step_changed()
        self.inspector.set_node(controller.inspected)  # a session opened past step 0 shows its node
        self.dark_action.setChecked(current_theme().name == "dark")
        if not self.isVisible():  # an opening window has its size already
            self.resize(*DEFAULT_SIZE)
        self.learning_lab = install_learning_lab(self)
        self.practice = install_practice(self)  # Step → Practice; File → Open of an exercise file
        self.restore_layout(geometry=not self.isVisible())  # an opening window has its place already
        themes().changed.connect(self._repaint_theme)  # a switch from the menu or the system repaints
        self.step_keys = install_step_keys(self)
        self.classroom = install_classroom(self, self.view_menu, self.help_menu)  # View → Present (F5), Help → Lecture tour
        self.classroom.tour.practice_requested.connect(self.practice.practise_stop)  # a stop's "Practice this"
        self.responsive = install_responsive_layout(self, self.inspector_dock, self.steps_toolbar, bool(settings.window_state))
        self.text_zoom.changed.connect(self.canvas_pane.fit_header)
        self.text_zoom.changed.connect(self._refit_canvas)
        self.text_zoom.changed.connect(self.responsive.remeasure)
        self.text_zoom.restore()  # the remembered text size, once every part is built
        self.is_built = True
        self.update()  # the hold is released by the window's own next paint

    # -- the parts ------------------------------------------------------------------

    def _dock(
        self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> QDockWidget:
        """``widget`` in a movable dock (on the right), named ``name`` so the saved state restores it."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    def _make_actions(self) -> None:
        """Every action of the window, named as its attribute; its keys are in its tooltip."""
        from explorer.ui.shell.export_actions import export_code_dialog, export_derivation_dialog
        from explorer.ui.shell.toolbars import BuildToolbar, StepsToolbar

        c, files, key = self.controller, self.files, QKeySequence.StandardKey

        def act(
            text: str, slot: Callable[..., object], shortcut: Shortcut | list[Shortcut] | None = None, tip: str = ""
        ) -> QAction:
            return make_action(self, text, slot, shortcut, tip)

        self.new_action = act(translate("MainWindow", "&New"), files.new, key.New)
        self.open_action = act(translate("MainWindow", "&Open…"), files.open_dialog, key.Open)
        self.save_action = act(translate("MainWindow", "&Save"), files.save, key.Save)
        self.save_as_action = act(translate("MainWindow", "Save &As…"), files.save_as, key.SaveAs)
        self.export_action = act(
            translate("MainWindow", "&Export snapshot…"), files.export_dialog, "Ctrl+E",
            translate("MainWindow", "Write snapshot.json, graph.png and graph.svg into a folder"),
        )
        self.export_derivation_action = act(
            translate("MainWindow", "Export &derivation…"), lambda: export_derivation_dialog(self),
            tip=translate("MainWindow", "Write derivation.md and derivation.tex (the chain rule at this step) into a folder"),
        )
        self.export_code_action = act(
            translate("MainWindow", "Export &code…"), lambda: export_code_dialog(self),
            tip=translate("MainWindow", "Write model_numpy.py and model_torch.py into a folder"),
        )
        self.copy_image_action = act(translate("MainWindow", "&Copy graph image"), files.copy_graph_image, "Ctrl+Shift+C")
        self.quit_action = act(translate("MainWindow", "&Quit"), self.close, key.Quit)

        self.undo_action = c.undo_group.createUndoAction(self, translate("MainWindow", "&Undo"))
        self.undo_action.setShortcuts(first_binding(key.Undo))
        self.redo_action = c.undo_group.createRedoAction(self, translate("MainWindow", "&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_action.setProperty(KEYS_NAME, translate("MainWindow", "&Undo"))  # F1 lists it so, not by its last edit
        self.redo_action.setProperty(KEYS_NAME, translate("MainWindow", "&Redo"))
        self.addActions([self.undo_action, self.redo_action])

        # the pieces that step the pass and build the network make their own actions, in menu order
        self.steps_toolbar = StepsToolbar(self, c, self.settings)
        self.reset_action, self.back_action, self.step_action = self.steps_toolbar.step_actions[:3]
        self.forward_action, self.end_action, self.play_action = self.steps_toolbar.step_actions[3:]
        self.step_actions = self.steps_toolbar.step_actions
        self.speed_slider, self.speed_label = self.steps_toolbar.speed_slider, self.steps_toolbar.speed_label
        self.build_toolbar = BuildToolbar(self, c)
        self.add_end_action = self.build_toolbar.add_end_action
        self.insert_action = self.build_toolbar.insert_action
        self.remove_action = self.build_toolbar.remove_action
        self.loss_combo, self.batch_spin = self.build_toolbar.loss_combo, self.build_toolbar.batch_spin

        self.fit_action = act(translate("MainWindow", "&Fit to view"), self.view.fit_to_view, "F")
        self.zoom_in_action = act(translate("MainWindow", "Zoom &in"), lambda: self.view.scale(1.25, 1.25), ["+", "="])
        self.zoom_out_action = act(translate("MainWindow", "Zoom &out"), lambda: self.view.scale(0.8, 0.8), "-")
        self.text_zoom = TextZoom(self, self.settings)  # Ctrl+= and Ctrl+−: the text of the whole window
        self.dark_action = act(translate("MainWindow", "&Dark theme"), self.toggle_theme, "Ctrl+Shift+D")
        self.dark_action.setCheckable(True)
        self.reset_settings_action = act(translate("MainWindow", "Reset settings"), self.reset_settings)
        self.shortcuts_action = act(translate("MainWindow", "&Keyboard shortcuts"), self.show_shortcuts, key.HelpContents)
        self.about_action = act(translate("MainWindow", "&About"), self.about)

    def _make_menus(self) -> None:
        """The menu bar: File, Edit, View, Step, Help."""
        bar = self.menuBar()
        self.examples_menu = examples_menu(self, self.files.open_example)
        self.recent_menu = self.files.recent_menu
        fill_menu(bar.addMenu(translate("MainWindow", "&File")), [
            self.new_action, self.examples_menu, self.open_action, self.recent_menu, self.save_action,
            self.save_as_action, None, self.export_action, self.export_derivation_action, self.export_code_action,
            self.copy_image_action, None, self.quit_action,
        ])  # fmt: skip
        fill_menu(bar.addMenu(translate("MainWindow", "&Edit")), [
            self.undo_action, self.redo_action, None, self.add_end_action, self.insert_action, self.remove_action,
        ])  # fmt: skip
        theme_menu = QMenu(translate("MainWindow", "&Theme"), self)
        self.theme_group = choice_menu(theme_menu, theme_titles(), self.settings.theme, self.choose_theme)
        language_menu = QMenu(translate("MainWindow", "&Language"), self)
        self.language_group = choice_menu(language_menu, language_titles(), self.settings.language, self.choose_language)
        self.view_menu = fill_menu(bar.addMenu(translate("MainWindow", "&View")), [
            self.fit_action, self.zoom_in_action, self.zoom_out_action, None, *self.text_zoom.actions, None,
            self.dark_action, theme_menu,
            language_menu, None, self.reset_settings_action,
        ])  # fmt: skip
        self.step_menu = fill_menu(bar.addMenu(translate("MainWindow", "&Step")), self.step_actions)
        self.help_menu = fill_menu(bar.addMenu(translate("MainWindow", "&Help")), [self.shortcuts_action, self.about_action])
        self.addToolBar(self.build_toolbar)
        self.addToolBar(self.steps_toolbar)

    # -- files (see DocumentFiles) -----------------------------------------------------

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def export_to(self, folder: str | Path) -> bool:
        return self.files.export_to(folder)

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
        if not self.is_built:  # closed while opening: nothing to save, nothing running
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        from explorer.ui.kit.workers import BackgroundRunner

        self.controller.pause()
        for runner in self.findChildren(BackgroundRunner):
            runner.shutdown()  # a running build stops and ends before the window goes
        self.learning_lab.shutdown()
        self.files.close()
        if not self._layout_forgotten:
            self.save_layout()
        event.accept()


def _opening_line(window: QWidget) -> QLabel:
    """The opening window's one line, in the middle, in the palette's quiet text."""
    #: Translators: in the middle of the window for the moment it shows before the network is drawn in it.
    line = plain(QLabel(translate("MainWindow", "Opening…"), window))
    line.setAlignment(Qt.AlignmentFlag.AlignCenter)
    line.setEnabled(False)
    return line
