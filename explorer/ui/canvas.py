"""The canvas: node boxes and arrows that show how far the pass has got.

Items only paint. The :class:`~explorer.model.Model` is the only truth: the
scene is rebuilt from it by :meth:`GraphScene.set_model` and repainted from a
:class:`~explorer.engine.Session` by :meth:`GraphScene.update_state`. What the
user does on the canvas leaves as a request signal (``node_selected``,
``node_move_requested``, ``node_double_clicked``); the controller decides.

Colours come from :func:`~explorer.ui.theme.current_theme` and keep one
meaning each: forward values blue, gradients orange, grey while not reached,
and the current step in the accent colour (its node ringed, the arrow it
used drawn bold with an accent halo).
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsScene, QGraphicsView

from ..engine.notation import partial, pretty
from ..model import Model, fmt_shape
from .layout import chain_layout
from .theme import current_theme

#: What is known of a node, from "not reached" to "gradient known" (:attr:`NodeItem.reached`).
REACHED = ("idle", "value", "grad")

_OP_TEXT = {"half_sse": "½·SSE", "sse": "SSE", "mse": "MSE"}

# Sizes, in scene pixels.
_OP_SIZE = (112.0, 64.0)
_LEAF_SIZE = (100.0, 60.0)
_LABEL_PX = 22
_SMALL_PX = 12
_SHAPE_PX = 13
_EDGE_LABEL_PX = 14
_HALO = 14.0  # room around a box for the current-step glow and the focus ring
_LANE = 7.0  # how far the forward and the gradient arrow sit from the centre line
_ARROW_GAP = 8.0  # between an arrow's tip and the box it points at
_LABEL_GAP = 9.0  # between an arrow and its label, room for the bold arrow's halo


@cache
def _font(pixels: int, bold: bool = False) -> QFont:
    # "sans-serif" is also the generic family an SVG viewer understands
    font = QFont("sans-serif")
    font.setStyleHint(QFont.SansSerif)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _fit(text: str, width: float) -> tuple[QFont, str]:
    """The bold label font, shrunk (not below 12 px) and then elided until ``text`` fits ``width``."""
    for pixels in range(_LABEL_PX, 11, -1):
        font = _font(pixels, bold=True)
        metrics = QFontMetricsF(font)
        if metrics.horizontalAdvance(text) <= width:
            return font, text
    return font, metrics.elidedText(text, Qt.ElideRight, width)


def _with_alpha(color: QColor, alpha: int) -> QColor:
    faded = QColor(color)
    faded.setAlpha(alpha)
    return faded


class NodeItem(QGraphicsObject):
    """One node: a rounded box with its name, its op and its shape.

    The box is centred on the item's position. ``role`` is ``"op"``,
    ``"leaf"`` (input, parameter, target: smaller, square corners) or
    ``"loss"`` (a capsule).
    """

    clicked = Signal(str)
    double_clicked = Signal(str)
    move_requested = Signal(str, float, float)

    def __init__(self, node_id: str, label: str, op: str, shape: tuple[int, ...], role: str, tooltip: str = ""):
        super().__init__()
        self.node_id = node_id
        self.label = label
        self.op = op
        self.shape_text = fmt_shape(shape) if shape else "scalar"
        self.role = role
        width, height = _LEAF_SIZE if role == "leaf" else _OP_SIZE
        self._box = QRectF(-width / 2, -height / 2, width, height)
        self._radius = {"leaf": 4.0, "loss": height / 2}.get(role, 14.0)
        self._label_font, self._shown_label = _fit(label, width - 14)
        self._reached = "idle"
        self._current = False
        self._selected = False
        self._press_pos: QPointF | None = None
        self._edges: list[EdgeItem] = []
        self.setFlags(QGraphicsItem.ItemIsMovable | QGraphicsItem.ItemSendsGeometryChanges)
        self.setCursor(Qt.PointingHandCursor)
        self.setZValue(2)
        self.setToolTip(tooltip or label)

    # -- state --------------------------------------------------------------

    @property
    def state(self) -> str:
        """The state painted: ``"current"`` for the current step's node, else :attr:`reached`."""
        return "current" if self._current else self._reached

    @property
    def reached(self) -> str:
        """What is known: ``"idle"`` (grey), ``"value"`` (blue) or ``"grad"`` (orange, value still known)."""
        return self._reached

    @property
    def is_current(self) -> bool:
        """Whether the current step is this node's."""
        return self._current

    @property
    def is_selected(self) -> bool:
        """Whether the focus ring is shown (the inspector's node)."""
        return self._selected

    def set_state(self, reached: str, current: bool = False) -> None:
        """Set what is known (one of :data:`REACHED`) and whether the current step is this node's."""
        if reached not in REACHED:
            raise ValueError(f"unknown node state {reached!r} (known: {', '.join(REACHED)})")
        if (reached, current) != (self._reached, self._current):
            self._reached, self._current = reached, current
            self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self.update()

    def box(self) -> QRectF:
        """The box, in item coordinates."""
        return QRectF(self._box)

    def add_edge(self, edge: EdgeItem) -> None:
        self._edges.append(edge)

    def exit_distance(self, dx: float, dy: float) -> float:
        """How far from the centre a ray in unit direction ``(dx, dy)`` leaves the box."""
        half_w, half_h = self._box.width() / 2, self._box.height() / 2
        tx = half_w / abs(dx) if abs(dx) > 1e-9 else math.inf
        ty = half_h / abs(dy) if abs(dy) > 1e-9 else math.inf
        return min(tx, ty)

    # -- painting -----------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._box.adjusted(-_HALO, -_HALO, _HALO, _HALO)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._box, self._radius, self._radius)
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        theme = current_theme()
        painter.setRenderHint(QPainter.Antialiasing)
        box, radius = self._box, self._radius
        if self._current:  # a soft glow and a strong ring in the accent colour
            glow = box.adjusted(-6, -6, 6, 6)
            painter.setPen(QPen(_with_alpha(theme.current, 70), 6))
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(glow, radius + 6, radius + 6)
            painter.setPen(QPen(theme.current, 3.5))
            ring = box.adjusted(-4.5, -4.5, 4.5, 4.5)
            painter.drawRoundedRect(ring, radius + 4.5, radius + 4.5)
        if self._selected:
            pen = QPen(theme.text, 1.6, Qt.DashLine)
            pen.setDashPattern([4, 3])
            painter.setPen(pen)
            painter.setBrush(Qt.NoBrush)
            ring = box.adjusted(-11, -11, 11, 11)
            painter.drawRoundedRect(ring, radius + 11, radius + 11)

        fill, border, width = {
            "idle": (theme.panel, theme.idle_border, 1.5),
            "value": (theme.forward_fill, theme.forward, 2.5),
            "grad": (theme.gradient_fill, theme.gradient, 2.5),
        }[self._reached]
        painter.setPen(QPen(border, width))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(box, radius, radius)
        if self._reached == "grad":  # the value is still known: a thin blue line inside
            painter.setPen(QPen(theme.forward, 1.2))
            painter.setBrush(Qt.NoBrush)
            inner = box.adjusted(4, 4, -4, -4)
            painter.drawRoundedRect(inner, max(radius - 4, 1), max(radius - 4, 1))

        # op (small, muted) on top, the name large in the middle, the shape below
        top = QRectF(box.left(), box.top() + 3, box.width(), _SMALL_PX + 6)
        painter.setFont(_font(_SMALL_PX))
        painter.setPen(theme.muted_text)
        painter.drawText(top, Qt.AlignHCenter | Qt.AlignVCenter, self.op)
        middle = QRectF(box.left(), box.center().y() - _LABEL_PX / 2 - 2, box.width(), _LABEL_PX + 4)
        painter.setFont(self._label_font)
        painter.setPen(theme.text)
        painter.drawText(middle, Qt.AlignHCenter | Qt.AlignVCenter, self._shown_label)
        bottom = QRectF(box.left(), box.bottom() - _SHAPE_PX - 9, box.width(), _SHAPE_PX + 6)
        painter.setFont(_font(_SHAPE_PX))
        painter.setPen(theme.muted_text)
        painter.drawText(bottom, Qt.AlignHCenter | Qt.AlignVCenter, self.shape_text)

    # -- interaction: requests only -------------------------------------------

    def itemChange(self, change, value):
        if change == QGraphicsItem.ItemPositionHasChanged:
            for edge in self._edges:
                edge.adjust()
        return super().itemChange(change, value)

    def mousePressEvent(self, event) -> None:
        self._press_pos = self.pos()
        super().mousePressEvent(event)
        if event.button() == Qt.LeftButton:
            self.clicked.emit(self.node_id)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        start, self._press_pos = self._press_pos, None
        if start is not None and self.pos() != start:
            self.move_requested.emit(self.node_id, self.pos().x(), self.pos().y())

    def mouseDoubleClickEvent(self, event) -> None:
        super().mouseDoubleClickEvent(event)
        self.double_clicked.emit(self.node_id)


class _Label:
    """A small text beside an arrow, on a background plate; one or two lines."""

    def __init__(self, lines: list[str], centre: QPointF | None = None):
        centre = QPointF() if centre is None else centre
        metrics = QFontMetricsF(_font(_EDGE_LABEL_PX))
        self.lines = lines
        width = max(metrics.horizontalAdvance(line) for line in lines) + 8
        height = metrics.height() * len(lines) + 2
        self.rect = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)


class EdgeItem(QGraphicsItem):
    """An arrow from an input to the op that consumes it.

    Above (or left of) the centre line, the forward arrow, labelled with what
    flows and its shape (``H₁ (3, 1)``); grey until the consumer is
    computed, then blue. Once the backward pass has computed the source's
    gradient, a second, orange, dashed arrow points back, labelled
    ``∂L/∂H₁``. The arrow the current step used is drawn bold with a halo.
    The edge keeps weak references to its nodes.
    """

    def __init__(self, source: NodeItem, dest: NodeItem, port: str, value_text: str, grad_text: str):
        super().__init__()
        self._source = weakref.ref(source)
        self._dest = weakref.ref(dest)
        self.port = port
        self.value_text = value_text
        self.grad_text = grad_text
        self._value_flowed = False
        self._grad_flowed = False
        self._current_phase: str | None = None
        self._start = self._end = QPointF()
        self._normal = QPointF()
        self._value_label: _Label | None = None
        self._grad_label: _Label | None = None
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.NoButton)
        self.setZValue(1)
        source.add_edge(self)
        dest.add_edge(self)
        self.adjust()

    @property
    def source(self) -> NodeItem | None:
        return self._source()

    @property
    def dest(self) -> NodeItem | None:
        return self._dest()

    # -- state --------------------------------------------------------------

    @property
    def value_flowed(self) -> bool:
        """The consumer has been computed from this input."""
        return self._value_flowed

    @property
    def grad_flowed(self) -> bool:
        """The gradient has flowed back along this edge to the source."""
        return self._grad_flowed

    @property
    def current_phase(self) -> str | None:
        """``"forward"`` or ``"backward"`` when the current step used this edge, else ``None``."""
        return self._current_phase

    @property
    def is_current(self) -> bool:
        return self._current_phase is not None

    def set_state(self, value_flowed: bool, grad_flowed: bool, current_phase: str | None = None) -> None:
        new = (value_flowed, grad_flowed, current_phase)
        if new != (self._value_flowed, self._grad_flowed, self._current_phase):
            self._value_flowed, self._grad_flowed, self._current_phase = new
            self.update()

    # -- geometry -----------------------------------------------------------

    def adjust(self) -> None:
        """Follow the nodes: recompute the arrows and where the labels go."""
        source, dest = self.source, self.dest
        if source is None or dest is None:
            return
        self.prepareGeometryChange()
        a = self.mapFromItem(source, 0, 0)
        b = self.mapFromItem(dest, 0, 0)
        line = QLineF(a, b)
        length = line.length()
        ux, uy = (line.dx() / length, line.dy() / length) if length > 0 else (1.0, 0.0)
        head_room = source.exit_distance(ux, uy) + dest.exit_distance(ux, uy) + 2 * _ARROW_GAP
        if length < head_room + 4:  # the boxes touch or overlap: no room for an arrow
            self._start = self._end = a
            self._value_label = self._grad_label = None
            self._bounds = QRectF()
            return
        self._normal = QPointF(-uy, ux)  # the gradient side; the forward side is its opposite
        self._start = a + QPointF(ux, uy) * (source.exit_distance(ux, uy) + _ARROW_GAP)
        self._end = b - QPointF(ux, uy) * (dest.exit_distance(ux, uy) + _ARROW_GAP)
        room = length - head_room
        self._value_label = self._place([self.value_text], room, -1)
        self._grad_label = self._place([self.grad_text], room, +1)
        rect = QRectF(self._start, self._end).normalized().adjusted(-20, -20, 20, 20)
        for label in (self._value_label, self._grad_label):
            rect = rect.united(label.rect.adjusted(-2, -2, 2, 2))
        self._bounds = rect

    def _place(self, lines: list[str], room: float, side: int) -> _Label:
        """A label beside the middle of the arrow, on the forward (-1) or gradient (+1) side."""
        along = abs(self._normal.y()) > 0.7  # a mostly horizontal edge: the label must fit its length
        if along and _Label(lines).rect.width() > room and " " in lines[0]:
            lines = lines[0].split(" ", 1)  # the name above its shape
        probe = _Label(lines)
        w, h = probe.rect.width(), probe.rect.height()
        n = self._normal * side
        extent = abs(n.x()) * w / 2 + abs(n.y()) * h / 2
        middle = (self._start + self._end) / 2
        return _Label(lines, middle + n * (_LANE + _LABEL_GAP + extent))

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._start)
        path.lineTo(self._end)
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * _LANE + 8)
        return stroker.createStroke(path)

    # -- painting -----------------------------------------------------------

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._value_label is None:
            return
        theme = current_theme()
        painter.setRenderHint(QPainter.Antialiasing)
        forward_shift = self._normal * -_LANE
        grad_shift = self._normal * _LANE

        if self._value_flowed:
            color, text_color = theme.forward, theme.forward
        else:
            color, text_color = theme.edge, theme.muted_text
        bold = self._current_phase == "forward"
        self._arrow(painter, self._start + forward_shift, self._end + forward_shift, color, bold, dashed=False)
        self._label(painter, self._value_label, text_color)

        if self._grad_flowed:
            bold = self._current_phase == "backward"
            self._arrow(painter, self._end + grad_shift, self._start + grad_shift, theme.gradient, bold, dashed=True)
            self._label(painter, self._grad_label, theme.gradient)

    def _arrow(self, painter: QPainter, tail: QPointF, tip: QPointF, color: QColor, bold: bool, dashed: bool) -> None:
        theme = current_theme()
        line = QLineF(tail, tip)
        if line.length() < 1:
            return
        width = 4.5 if bold else 2.0
        head = 15.0 if bold else 11.0
        ux, uy = line.dx() / line.length(), line.dy() / line.length()
        base = tip - QPointF(ux, uy) * head
        shaft_end = tip - QPointF(ux, uy) * (head * 0.6)
        if bold:  # the accent halo says "this step used this arrow"
            halo = QPen(_with_alpha(theme.current, 90), width + 7, Qt.SolidLine, Qt.RoundCap)
            painter.setPen(halo)
            painter.drawLine(QLineF(tail, tip))
        pen = QPen(color, width, Qt.SolidLine, Qt.FlatCap)
        if dashed:
            pen.setStyle(Qt.CustomDashLine)
            pen.setDashPattern([3.0, 1.6])
        painter.setPen(pen)
        painter.drawLine(QLineF(tail, shaft_end))
        spread = QPointF(-uy, ux) * (head * 0.45)
        painter.setPen(Qt.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([tip, base + spread, base - spread]))

    def _label(self, painter: QPainter, label: _Label, color: QColor) -> None:
        theme = current_theme()
        painter.setPen(Qt.NoPen)
        painter.setBrush(_with_alpha(theme.background, 215))
        painter.drawRoundedRect(label.rect, 4, 4)
        painter.setFont(_font(_EDGE_LABEL_PX))
        painter.setPen(color)
        painter.drawText(label.rect, Qt.AlignCenter, "\n".join(label.lines))


def _role(model: Model, node: str) -> str:
    info = model.spec(node).info
    return "leaf" if info.is_leaf else "loss" if info.is_loss else "op"


class GraphScene(QGraphicsScene):
    """The model drawn as boxes and arrows, coloured by a session's progress.

    Signals
    -------
    node_selected(str)
        A node was clicked (its focus ring is shown at once).
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
            label = pretty(model.label(node))
            op = _OP_TEXT.get(spec.op, spec.op)
            tooltip = f"{label} · {spec.op}: {spec.info.title} · {fmt_shape(model.shape(node))}"
            item = NodeItem(node, label, op, model.shape(node), _role(model, node), tooltip)
            item.setPos(*positions[node])
            item.clicked.connect(self._on_node_clicked)
            item.double_clicked.connect(self.node_double_clicked)
            item.move_requested.connect(self.node_move_requested)
            self.addItem(item)
            self._nodes[node] = item
        for source, dest, port in model.graph.edges(data="port"):
            label = model.label(source)
            value_text = f"{pretty(label)} {fmt_shape(model.shape(source))}"
            edge = EdgeItem(self._nodes[source], self._nodes[dest], port, value_text, partial(loss_label, label))
            self.addItem(edge)
            self._edges[(source, dest)] = edge
        selected, self._selected = self._selected, None
        if selected in self._nodes:
            self.set_selected(selected)

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
        if scene is not None:
            self.setScene(scene)

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
        """
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

    def follow(self, item: QGraphicsItem) -> None:
        """Scroll just enough to keep ``item`` in sight (the current step's node)."""
        self.ensureVisible(item.sceneBoundingRect(), 80, 60)

    # -- mouse --------------------------------------------------------------

    def _node_at(self, pos) -> NodeItem | None:
        return next((item for item in self.items(pos) if isinstance(item, NodeItem)), None)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.LeftButton:
            event.accept()  # the end of a pan over empty space is ours, even if no item took it

    def mouseDoubleClickEvent(self, event) -> None:
        if self._node_at(event.position().toPoint()) is None:
            self.fit_to_view()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

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
