"""The canvas's items: a node box and the arrows between two nodes.

Items only paint what they are told (:meth:`NodeItem.set_state`,
:meth:`EdgeItem.set_state`) and turn presses into request signals; the
:class:`~explorer.ui.canvas.scene.GraphScene` builds them from the model and tells
them the session's progress. Colours come from
:func:`~explorer.ui.kit.theme.current_theme`: forward values blue, gradients
orange, grey while not reached, and the current step in the accent colour.
"""

from __future__ import annotations

import math
import weakref
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
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
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from explorer.model import fmt_shape
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.theme import current_theme
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line
from explorer.ui.text.plain import tooltip as tooltip_text

#: What is known of a node, from "not reached" to "gradient known" (:attr:`NodeItem.reached`).
REACHED = ("idle", "value", "grad")

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
    text = one_line(text, 200)  # a 100,000-character label costs what a 200-character one does
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
        #: the shape written on a node that holds one number
        self.shape_text = fmt_shape(shape) if shape else translate("GraphItems", "scalar")
        self.role = role
        width, height = _LEAF_SIZE if role == "leaf" else _OP_SIZE
        self._box = QRectF(-width / 2, -height / 2, width, height)
        self._radius = {"leaf": 4.0, "loss": height / 2}.get(role, 14.0)
        self._label_font, self._shown_label = _fit(label, width - 14)
        self._reached = "idle"
        self._current = False
        self._selected = False
        self._failed = False
        self._press_pos: QPointF | None = None
        self._edges: list[EdgeItem] = []
        self.setFlags(QGraphicsItem.ItemIsMovable | QGraphicsItem.ItemSendsGeometryChanges)
        self.setCursor(Qt.PointingHandCursor)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)  # a step repaints only the boxes it changed
        self.setZValue(2)
        self.setToolTip(tooltip_text(tooltip or label))

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

    @property
    def failed(self) -> bool:
        """Whether the engine stopped at this node (an overflow): drawn in the theme's error colour."""
        return self._failed

    def set_failed(self, failed: bool) -> None:
        if failed != self._failed:
            self._failed = failed
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

    @guarded("drawing a node")
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
        if self._failed:  # the engine stopped here: the error colour, inside and out
            fill, border, width = _with_alpha(theme.error, 40), theme.error, 4.0
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
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
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
        if abs(ux) > 0.25 and abs(uy) > 0.25:
            # a slanted edge (a weight and a bias side by side under one op): both labels go on
            # the outer side, the gradient's under the value's, so neighbours' labels never meet
            outer = -1 if self._normal.x() * ux > 0 else +1
            self._value_label = self._place([self.value_text], room, outer)
            below = self._value_label.rect.center() + QPointF(0, self._value_label.rect.height())
            self._grad_label = _Label([self.grad_text], below)
        else:
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

    @guarded("drawing an arrow")
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
