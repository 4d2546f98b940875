"""The Nodes dock: every node of the model in one wrapping row, the selected one marked.

:class:`NodeList` redraws from the model and the selection under a signal
blocker, so showing never feeds back; a click emits :attr:`NodeList.node_picked`
(a request the window hands to the controller).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from explorer.lesson.notation import pretty
from explorer.model import Model, fmt_shape
from explorer.ui.document.edits import label
from explorer.ui.text.plain import clip, one_line, tooltip

#: The row's height: one line of node names, wrapping when the dock is narrow.
ROW_HEIGHT = 44


class NodeList(QListWidget):
    """The model's nodes in order, each item carrying its node id."""

    node_picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # wrapped again at every width, not just the first
        self.setFixedHeight(ROW_HEIGHT)
        self.currentItemChanged.connect(self._on_current_changed)

    def show_model(self, model: Model, selected: str | None) -> None:
        """One item per node of ``model``, named as the canvas names it; ``selected`` current."""
        with QSignalBlocker(self):
            self.clear()
            for node in model.order:
                item = QListWidgetItem(clip(one_line(pretty(model.label(node))), 24))
                item.setData(Qt.ItemDataRole.UserRole, node)
                item.setToolTip(tooltip(f"{label(model, node)} · {model.op(node)} · {fmt_shape(model.shape(node))}"))
                self.addItem(item)
                if node == selected:
                    self.setCurrentItem(item)

    def show_selected(self, node: str | None) -> None:
        """Mark ``node`` (none: no item)."""
        with QSignalBlocker(self):
            for row in range(self.count()):
                item = self.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == node:
                    self.setCurrentItem(item)
                    return
            self.setCurrentRow(-1)
            self.clearSelection()

    def _on_current_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is not None:
            self.node_picked.emit(item.data(Qt.ItemDataRole.UserRole))
