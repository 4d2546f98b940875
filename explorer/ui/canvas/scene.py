"""The canvas: node boxes and arrows that show how far the pass has got.

The items (:mod:`explorer.ui.canvas.items`) only paint. The
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

import math
from collections.abc import Mapping
from types import MappingProxyType

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from explorer.lesson.notation import partial, pretty
from explorer.model import Model, fmt_shape
from explorer.model.layout import chain_layout
from explorer.ui.canvas.items import EdgeItem, NodeItem
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.theme import current_theme, themes
from explorer.ui.text.op_names import op_description, op_title
from explorer.ui.text.plain import one_line


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

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.NoIndex)  # nodes move; no index to keep up
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

    def update_state(self, session) -> None:
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

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, current_theme().background)


class GraphView(QGraphicsView):
    """The canvas widget: wheel zoom under the mouse, drag the background to pan.

    Double-clicking empty space fits the whole graph in view.
    """

    MIN_ZOOM = 0.2
    MAX_ZOOM = 5.0
    FIT_MAX_ZOOM = 1.6
    FIT_MARGIN = 30.0
    _PAN_ROOM = 3000.0  # scene pixels beyond the items that panning may reach

    def __init__(self, scene: GraphScene | None = None, parent=None):
        super().__init__(parent)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setDragMode(QGraphicsView.ScrollHandDrag)  # only where no item takes the press
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.NoFrame)
        self._auto_fit: tuple[float | None] | None = None  # (min_zoom,) while the view refits on resize
        if scene is not None:
            self.setScene(scene)
        themes().changed.connect(self._on_theme_changed)

    def _on_theme_changed(self, _name: str = "") -> None:
        """Another theme: the background, every box and every arrow repainted in its colours."""
        scene = self.scene()
        if scene is not None:
            scene.update()
        self.viewport().update()

    def setScene(self, scene) -> None:
        old = self.scene()
        if old is not None:
            old.sceneRectChanged.disconnect(self._on_scene_rect_changed)
        super().setScene(scene)
        if scene is not None:
            scene.sceneRectChanged.connect(self._on_scene_rect_changed)
            self._on_scene_rect_changed(scene.sceneRect())

    def _on_scene_rect_changed(self, rect: QRectF) -> None:
        room = self._PAN_ROOM
        self.setSceneRect(rect.adjusted(-room, -room, room, room))

    # -- zoom ---------------------------------------------------------------

    def zoom(self) -> float:
        """The current scale factor (1 = one scene pixel per screen pixel)."""
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Scale by ``factor`` within 0.2–5×, keeping the scene point under ``anchor`` (viewport pixels) still."""
        self._auto_fit = None  # the person has taken the zoom: stop refitting on resize
        current = self.zoom()
        target = min(max(current * factor, min(self.MIN_ZOOM, current)), max(self.MAX_ZOOM, current))
        if target == current:
            return
        anchor = QPointF(self.viewport().rect().center()) if anchor is None else anchor
        fixed = self.mapToScene(anchor.toPoint())
        ratio = target / current
        self.scale(ratio, ratio)
        drift = self.mapFromScene(fixed) - anchor.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if not delta:
            event.ignore()
            return
        self.zoom_by(2.0 ** (delta / 480.0), event.position())
        event.accept()

    def fit_to_view(self, min_zoom: float | None = None) -> None:
        """Show every item, with a margin, never zooming in past 1.6×.

        With ``min_zoom`` the fit stops there, so a long chain stays
        readable: the view then shows its start and scrolls to follow.
        Until the person zooms or pans, a resize of the view fits again.
        """
        self._auto_fit = (min_zoom,)
        scene = self.scene()
        if scene is None:
            return
        rect = scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        margin = self.FIT_MARGIN
        rect = rect.adjusted(-margin, -margin, margin, margin)
        self.fitInView(rect, Qt.KeepAspectRatio)
        if self.zoom() > self.FIT_MAX_ZOOM:
            self.resetTransform()
            self.scale(self.FIT_MAX_ZOOM, self.FIT_MAX_ZOOM)
            self.centerOn(rect.center())
        elif min_zoom is not None and self.zoom() < min_zoom:
            self.resetTransform()
            self.scale(min_zoom, min_zoom)
            visible = self.viewport().rect()
            self.centerOn(rect.left() + visible.width() / (2 * min_zoom), rect.center().y())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit is not None:
            self.fit_to_view(*self._auto_fit)

    def mousePressEvent(self, event) -> None:
        self._background_press = None
        if self._node_at(event.position().toPoint()) is None:
            self._background_press = event.position()  # a click or the start of a pan
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        press = getattr(self, "_background_press", None)
        if press is not None and (event.position() - press).manhattanLength() >= 4:
            self._auto_fit = None  # a pan of the background: the person places the view now
        super().mouseMoveEvent(event)

    def follow(self, item: QGraphicsItem) -> None:
        """Scroll to bring ``item`` (the current step's node) into sight, only if it is not already."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if not visible.contains(item.sceneBoundingRect()):
            self.ensureVisible(item.sceneBoundingRect(), 80, 60)

    # -- mouse --------------------------------------------------------------

    def _node_at(self, pos) -> NodeItem | None:
        return next((item for item in self.items(pos) if isinstance(item, NodeItem)), None)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.LeftButton:
            event.accept()  # the end of a pan over empty space is ours, even if no item took it
            press = getattr(self, "_background_press", None)
            scene = self.scene()
            if press is not None and (event.position() - press).manhattanLength() < 4 and scene is not None:
                scene.node_selected.emit("")  # a click on empty space asks to select nothing
            self._background_press = None

    #: Keys a scroll area would take to scroll: here they step the pass (the window's
    #: shortcuts) or do nothing, so → at the last step never pans the canvas away.
    _SCROLL_KEYS = (
        Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down,
        Qt.Key_Home, Qt.Key_End, Qt.Key_PageUp, Qt.Key_PageDown, Qt.Key_Space,
    )  # fmt: skip

    def keyPressEvent(self, event) -> None:
        if event.key() in self._SCROLL_KEYS:
            event.ignore()  # the window's, not the scroll area's
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if self._node_at(event.position().toPoint()) is None:
            self.fit_to_view()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    @guarded("drawing the canvas background")
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        theme = current_theme()
        painter.fillRect(rect, theme.background)
        step = 40.0
        if self.zoom() * step < 14:  # too dense to help
            return
        painter.setPen(QPen(theme.grid, 2.0 / max(self.zoom(), 1e-6)))
        x0 = math.floor(rect.left() / step) * step
        y0 = math.floor(rect.top() / step) * step
        points = []
        y = y0
        while y <= rect.bottom():
            x = x0
            while x <= rect.right():
                points.append(QPointF(x, y))
                x += step
            y += step
        painter.drawPoints(points)

