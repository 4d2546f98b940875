"""The canvas: node boxes and arrows that show how far the pass has got.

The items (:mod:`explorer.ui.canvas.items`, :mod:`explorer.ui.canvas.edge_item`) only paint. The
:class:`~explorer.model.Model` is the only truth: the scene is rebuilt from
it by :meth:`GraphScene.set_model` and repainted from a
:class:`~explorer.engine.Session` by :meth:`GraphScene.update_state`. What the
user does on the canvas leaves as a request signal (``node_selected``,
``node_move_requested``, ``node_double_clicked``); the controller decides.

Colours come from :func:`~explorer.ui.kit.theme.current_theme` and keep one
meaning each: forward values blue, gradients orange, grey while not reached,
and the current step in the accent colour (its node ringed, the arrow it
used drawn bold with an accent halo).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType

from PySide6.QtCore import QObject, QRect, QRectF, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from explorer.engine import Session
from explorer.lesson.notation import partial, pretty
from explorer.model import Model, fmt_shape
from explorer.model.layout import chain_layout
from explorer.ui.canvas.edge_item import EdgeItem
from explorer.ui.canvas.items import NodeItem
from explorer.ui.canvas.view import GraphView
from explorer.ui.kit.theme import current_theme
from explorer.ui.text.op_names import op_description, op_title
from explorer.ui.text.plain import one_line

__all__ = ["GraphScene", "GraphView"]  # the view lives in .view; imported from here as before


def _role(model: Model, node: str) -> str:
    info = model.spec(node).info
    return "leaf" if info.is_leaf else "loss" if info.is_loss else "op"


class GraphScene(QGraphicsScene):
    """The model drawn as boxes and arrows, coloured by a session's progress.

    Signals
    -------
    node_selected(str)
        A node was clicked (its focus ring is shown at once); an empty id
        means a click on empty space, a request to select nothing.
    node_move_requested(str, float, float)
        A node was dragged and released at a new centre ``(x, y)``; the
        controller decides whether the model takes it.
    node_double_clicked(str)
        A node was double-clicked.
    """

    node_selected = Signal(str)
    node_move_requested = Signal(str, float, float)
    node_double_clicked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # nodes move; no index to keep up
        self._model: Model | None = None
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[tuple[str, str], EdgeItem] = {}
        self._selected: str | None = None
        self._retired: list[QGraphicsItem] = []

    @property
    def model(self) -> Model | None:
        return self._model

    @property
    def selected(self) -> str | None:
        return self._selected

    @property
    def node_items(self) -> Mapping[str, NodeItem]:
        """``{node id: item}``, in step order (read-only)."""
        return MappingProxyType(self._nodes)

    @property
    def edge_items(self) -> Mapping[tuple[str, str], EdgeItem]:
        """``{(source id, consumer id): item}`` (read-only)."""
        return MappingProxyType(self._edges)

    @contextmanager
    def drawn_uncached(self) -> Iterator[None]:
        """Within: every item paints itself anew (a PNG or SVG of the scene), not from its screen pixmap.

        On screen each item keeps a pixmap of itself (``DeviceCoordinateCache``),
        so a step repaints the one or two items it changed, not every box in view.
        """
        items = [*self._nodes.values(), *self._edges.values()]
        modes = [item.cacheMode() for item in items]
        for item in items:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            yield
        finally:
            for item, mode in zip(items, modes, strict=True):
                item.setCacheMode(mode)

    @contextmanager
    def selection_hidden(self) -> Iterator[None]:
        """Within: the selected node's dashed box is not drawn (an exported picture shows the graph, not the pick)."""
        selected = self._nodes.get(self._selected) if self._selected is not None else None
        if selected is not None:
            selected.set_selected(False)
        try:
            yield
        finally:
            if selected is not None and self._selected is not None and self._nodes.get(self._selected) is selected:
                selected.set_selected(True)

    def node_item(self, node_id: str) -> NodeItem:
        return self._nodes[node_id]

    def edge_item(self, source: str, dest: str) -> EdgeItem:
        return self._edges[(source, dest)]

    # -- from the model -----------------------------------------------------

    def set_model(self, model: Model) -> None:
        """Rebuild every item from ``model``; all nodes start ``idle``.

        The selection survives when the model still has that node.
        """
        self._retire_items()
        self._model = model
        positions = chain_layout(model)
        loss_label = model.label(model.loss_id)
        for node in model.order:
            spec = model.spec(node)
            label = one_line(pretty(model.label(node)))
            op = op_title(spec.op)
            tooltip = f"{label} · {spec.op}: {op_description(spec.op)} · {fmt_shape(model.shape(node))}"
            item = NodeItem(node, label, op, model.shape(node), _role(model, node), tooltip)
            item.setPos(*positions[node])
            item.clicked.connect(self._on_node_clicked)
            item.double_clicked.connect(self.node_double_clicked)
            item.move_requested.connect(self.node_move_requested)
            self.addItem(item)
            self._nodes[node] = item
        for source, dest, port in model.graph.edges(data="port"):
            label = one_line(model.label(source), 12)  # an arrow has room for a short name
            value_text = f"{pretty(label)} {fmt_shape(model.shape(source))}"
            grad_text = one_line(partial(one_line(loss_label, 12), label), 30)
            edge = EdgeItem(self._nodes[source], self._nodes[dest], port, value_text, grad_text)
            self.addItem(edge)
            self._edges[(source, dest)] = edge
        selected, self._selected = self._selected, None
        if selected in self._nodes:
            self.set_selected(selected)

    def update_position(self, model: Model, node_id: str) -> None:
        """Take ``model``, where only ``node_id`` moved, and move that one item in place."""
        self._model = model
        item = self._nodes.get(node_id)
        if item is not None:
            item.setPos(*chain_layout(model)[node_id])  # its edges follow (NodeItem.itemChange)

    def _retire_items(self) -> None:
        # An item may be rebuilt away from inside its own mouse handler (a
        # drag's release asks to move; the controller rebuilds): take the
        # old items off the scene now, and free them once control is back
        # in the event loop.
        old = list(self._nodes.values()) + list(self._edges.values())
        for item in old:
            self.removeItem(item)
        if old and not self._retired:
            QTimer.singleShot(0, self, self._free_retired)  # dropped if the scene goes first
        self._retired.extend(old)
        self._nodes, self._edges = {}, {}

    def _free_retired(self) -> None:
        self._retired.clear()

    # -- from the session ---------------------------------------------------

    def update_state(self, session: Session) -> None:
        """Repaint every node and edge for the session's current step, without rebuilding.

        A node is ``grad`` once its gradient is known, ``value`` once its
        value is, else ``idle``; the current step's node is ``current``. The
        forward arrow turns blue once its consumer is computed; the gradient
        arrow appears once the source's gradient is. The current step used
        the edges into its node (forward) or from its node's consumers back
        to it (backward).
        """
        if session.model is not self._model:
            self.set_model(session.model)
        step = session.current
        for node, item in self._nodes.items():
            if session.grad(node) is not None:
                state = "grad"
            elif session.value(node) is not None:
                state = "value"
            else:
                state = "idle"
            item.set_state(state, current=step is not None and step.node == node)
        for (source, dest), edge in self._edges.items():
            phase = None
            if step is not None and step.phase == "forward" and step.node == dest:
                phase = "forward"
            elif step is not None and step.phase == "backward" and step.node == source:
                phase = "backward"
            edge.set_state(session.value(dest) is not None, session.grad(source) is not None, phase)

    def mark_failed(self, node_id: str | None) -> None:
        """Draw ``node_id`` (and only it) in the error colour: the engine stopped there."""
        for node, item in self._nodes.items():
            item.set_failed(node == node_id)

    def set_selected(self, node_id: str | None) -> None:
        """Show the focus ring on ``node_id`` (``None``, or a node not in the model, clears it)."""
        if node_id not in self._nodes:
            node_id = None
        if self._selected in self._nodes:
            self._nodes[self._selected].set_selected(False)
        self._selected = node_id
        if node_id is not None:
            self._nodes[node_id].set_selected(True)

    def _on_node_clicked(self, node_id: str) -> None:
        self.set_selected(node_id)
        self.node_selected.emit(node_id)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        painter.fillRect(rect, current_theme().background)
