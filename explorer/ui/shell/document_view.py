"""What the main window shows of its document, and what its views ask of it.

:class:`DocumentView` is a part of the main window
(:class:`~explorer.ui.shell.main_window.MainWindow` derives from it): the
controller's signals land here (the canvas, the node list, the step and loss
lines, the title), and the views' requests (a node moved, values edited, a
layer added) become the named edits of :mod:`explorer.ui.document.edits`.
The window connects them where it builds its parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from explorer.model.numbers import shown
from explorer.ui.kit.theme import current_theme
from explorer.ui.shell.window_settings import WindowSettings
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line

if TYPE_CHECKING:  # declared only: the window builds them
    from explorer.ui.practice.mode import Practice
    from explorer.ui.shell.node_list import NodeList
    from explorer.ui.shell.toolbars import BuildToolbar

#: The automatic fit stops at this zoom so that labels stay readable; F shows everything.
READABLE_ZOOM = 0.55


class DocumentView(WindowSettings):
    """The main window's reactions to its controller and its views' requests (see the module's text)."""

    node_list: NodeList
    step_label: QLabel
    loss_label: QLabel
    build_toolbar: BuildToolbar
    practice: Practice
    _shown_nodes: tuple[str, ...]

    # -- reacting to the controller -------------------------------------------------

    def _on_message(self, text: str) -> None:
        self.statusBar().showMessage(one_line(text, 600), 8000)

    def show_error(self, text: str) -> None:
        """A refused edit, a bad file, an engine failure: the status bar, then a warning through the dialogs."""
        self.statusBar().showMessage(one_line(text), 10000)
        self.dialogs.warn(self, one_line(text, 2000))

    def update_title(self, *_: object) -> None:
        self.setWindowTitle(f"Jacobian Explorer — {one_line(self.files.document_name, 80)}[*]")
        self.setWindowFilePath(self.controller.path or "")
        self.setWindowModified(self.files.modified)

    def _on_model_changed(self) -> None:
        c = self.controller
        self.scene.set_model(c.model)  # states follow on step_changed, which every model change emits
        self.scene.set_selected(c.selected)
        self.node_list.show_model(c.model, c.selected)
        self.update_title()
        if c.model.order != self._shown_nodes:  # a new graph, not a moved node: show it
            self._shown_nodes = c.model.order
            self.view.fit_to_view(READABLE_ZOOM)

    def _refit_canvas(self, _factor: float = 1.0) -> None:
        """The text zoom changed: a canvas that fits itself fits again, its labels as much larger as there is room."""
        if self.view.auto_fit is not None:
            self.view.fit_to_view(*self.view.auto_fit)

    def _on_node_moved(self, node: str) -> None:
        self.scene.update_position(self.controller.model, node)

    def _on_step_changed(self) -> None:
        from explorer.ui.text.vocabulary import phase_name

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
            self.loss_label.setText(translate("MainWindow", "loss L = {value}").format(value=shown(s.loss, 6)) + "  ")
        else:
            self.loss_label.setText(translate("MainWindow", "loss: not computed yet") + "  ")

    def _on_selection_changed(self, node: str) -> None:
        self.scene.set_selected(node or None)
        self.node_list.show_selected(node or None)

    # -- requests from the views (a layer's: see BuildToolbar) -----------------------

    def _on_canvas_pick(self, node: str) -> None:
        self.controller.select(node or None)

    def _on_move_requested(self, node: str, x: float, y: float) -> None:
        from explorer.ui.document import edits as commands

        commands.move_node(self.controller, node, x, y)

    def _on_node_double_clicked(self, node: str) -> None:
        self.controller.select(node)
        if self.controller.model.spec(node).info.is_leaf:
            self.edit_values(node)

    def add_layer(self, index: int | None, activation: str | None = None) -> bool:
        """Add a linear layer (then ``activation``) at ``index``, or before the output layer."""
        return self.build_toolbar.add_layer(index, activation)

    def insert_before_selected(self) -> bool:
        return self.build_toolbar.insert_before_selected()

    def remove_selected_layer(self) -> bool:
        return self.build_toolbar.remove_selected_layer()

    def start_practice(
        self, node: str, ask: str = "value", wrt: str | None = None, of: str | None = None, index: tuple[int, ...] | None = None
    ) -> bool:
        """Practise one thing now (a stop of a tour): see :meth:`Practice.start_practice <explorer.ui.practice.mode.Practice.start_practice>`."""
        return self.practice.start_practice(node, ask, wrt, of, index)

    def edit_values(self, node: str) -> None:
        from explorer.ui.document import edits as commands
        from explorer.ui.inspector.matrix_editor import MatrixEditor

        model = self.controller.model
        dialog = MatrixEditor(node, model.op(node), model.value(node), self)
        with self.dialogs.modal():
            accepted = dialog.exec()
        if accepted:
            commands.set_values(self.controller, node, dialog.result_array())
