"""The canvas's items: a node box here, the arrows between two nodes in :mod:`.edge_item`.

Items only paint what they are told (:meth:`NodeItem.set_state`,
:meth:`~explorer.ui.canvas.edge_item.EdgeItem.set_state`) and turn presses into request signals; the
:class:`~explorer.ui.canvas.scene.GraphScene` builds them from the model and tells
them the session's progress. Colours come from
:func:`~explorer.ui.kit.theme.current_theme`: forward values blue, gradients
orange, grey while not reached, and the current step in the accent colour.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from explorer.model import fmt_shape
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.theme import current_theme, with_families
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import one_line
from explorer.ui.text.plain import tooltip as tooltip_text


class Attached(Protocol):
    """What a node box asks of an arrow attached to it (:class:`~explorer.ui.canvas.edge_item.EdgeItem`)."""

    def adjust(self) -> None: ...

#: What is known of a node, from "not reached" to "gradient known" (:attr:`NodeItem.reached`).
REACHED = ("idle", "value", "grad")

# Sizes, in scene pixels.
_OP_SIZE = (112.0, 64.0)
_LEAF_SIZE = (100.0, 60.0)
_LABEL_PX = 22
_SMALL_PX = 12
_SHAPE_PX = 13
EDGE_LABEL_PX = 14
_HALO = 14.0  # room around a box for the current-step glow and the focus ring
LANE = 7.0  # how far the forward and the gradient arrow sit from the centre line
ARROW_GAP = 8.0  # between an arrow's tip and the box it points at
LABEL_GAP = 9.0  # between an arrow and its label, room for the bold arrow's halo


@cache
def font_of(pixels: int, bold: bool = False) -> QFont:
    # the window's bundled families first (every sign drawn), "sans-serif" last for an SVG viewer
    font = with_families(QFont("sans-serif"))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _fit(text: str, width: float) -> tuple[QFont, str]:
    """The bold label font, shrunk (not below 12 px) and then elided until ``text`` fits ``width``."""
    text = one_line(text, 200)  # a 100,000-character label costs what a 200-character one does
    for pixels in range(_LABEL_PX, 11, -1):
        font = font_of(pixels, bold=True)
        metrics = QFontMetricsF(font)
        if metrics.horizontalAdvance(text) <= width:
            return font, text
    return font, metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def with_alpha(color: QColor, alpha: int) -> QColor:
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
        self._edges: list[Attached] = []
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # a step repaints only the boxes it changed
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

    def add_edge(self, edge: Attached) -> None:
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
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = current_theme()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box, radius = self._box, self._radius
        thick = theme.stroke  # thicker lines in presentation mode
        if self._current:  # a soft glow and a strong ring in the accent colour
            glow = box.adjusted(-6, -6, 6, 6)
            painter.setPen(QPen(with_alpha(theme.current, 70), 6 * thick))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(glow, radius + 6, radius + 6)
            painter.setPen(QPen(theme.current, 3.5 * thick))
            ring = box.adjusted(-4.5, -4.5, 4.5, 4.5)
            painter.drawRoundedRect(ring, radius + 4.5, radius + 4.5)
        if self._selected:
            pen = QPen(theme.text, 1.6 * thick, Qt.PenStyle.DashLine)
            pen.setDashPattern([4, 3])
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = box.adjusted(-11, -11, 11, 11)
            painter.drawRoundedRect(ring, radius + 11, radius + 11)

        fill, border, width = {
            "idle": (theme.panel, theme.idle_border, 1.5),
            "value": (theme.forward_fill, theme.forward, 2.5),
            "grad": (theme.gradient_fill, theme.gradient, 2.5),
        }[self._reached]
        if self._failed:  # the engine stopped here: the error colour, inside and out
            fill, border, width = with_alpha(theme.error, 40), theme.error, 4.0
        painter.setPen(QPen(border, width * thick))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(box, radius, radius)
        if self._reached == "grad":  # the value is still known: a thin blue line inside
            painter.setPen(QPen(theme.forward, 1.2 * thick))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inner = box.adjusted(4, 4, -4, -4)
            painter.drawRoundedRect(inner, max(radius - 4, 1), max(radius - 4, 1))

        # op (small, muted) on top, the name large in the middle, the shape below
        top = QRectF(box.left(), box.top() + 3, box.width(), _SMALL_PX + 6)
        painter.setFont(font_of(_SMALL_PX))
        painter.setPen(theme.muted_text)
        painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, self.op)
        middle = QRectF(box.left(), box.center().y() - _LABEL_PX / 2 - 2, box.width(), _LABEL_PX + 4)
        painter.setFont(self._label_font)
        painter.setPen(theme.text)
        painter.drawText(middle, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, self._shown_label)
        bottom = QRectF(box.left(), box.bottom() - _SHAPE_PX - 9, box.width(), _SHAPE_PX + 6)
        painter.setFont(font_of(_SHAPE_PX))
        painter.setPen(theme.muted_text)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, self.shape_text)

    # -- interaction: requests only -------------------------------------------

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self._edges:
                edge.adjust()
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = self.pos()
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.node_id)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        start, self._press_pos = self._press_pos, None
        if start is not None and self.pos() != start:
            self.move_requested.emit(self.node_id, self.pos().x(), self.pos().y())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)
        self.double_clicked.emit(self.node_id)
