"""The arrows between two nodes on the canvas: the forward value's and, once known, the gradient's.

An :class:`EdgeItem` paints only what it is told (:meth:`EdgeItem.set_state`)
and follows its nodes (:class:`~explorer.ui.canvas.items.NodeItem`) when they
move. Colours come from :func:`~explorer.ui.kit.theme.current_theme`.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from explorer.ui.canvas.items import ARROW_GAP, EDGE_LABEL_PX, LABEL_GAP, LANE, NodeItem, font_of, with_alpha
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.theme import current_theme


class _Label:
    """A small text beside an arrow, on a background plate; one or two lines."""

    def __init__(self, lines: list[str], centre: QPointF | None = None):
        centre = QPointF() if centre is None else centre
        metrics = QFontMetricsF(font_of(EDGE_LABEL_PX))
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
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
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
        head_room = source.exit_distance(ux, uy) + dest.exit_distance(ux, uy) + 2 * ARROW_GAP
        if length < head_room + 4:  # the boxes touch or overlap: no room for an arrow
            self._start = self._end = a
            self._value_label = self._grad_label = None
            self._bounds = QRectF()
            return
        self._normal = QPointF(-uy, ux)  # the gradient side; the forward side is its opposite
        self._start = a + QPointF(ux, uy) * (source.exit_distance(ux, uy) + ARROW_GAP)
        self._end = b - QPointF(ux, uy) * (dest.exit_distance(ux, uy) + ARROW_GAP)
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
        return _Label(lines, middle + n * (LANE + LABEL_GAP + extent))

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._start)
        path.lineTo(self._end)
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * LANE + 8)
        return stroker.createStroke(path)

    # -- painting -----------------------------------------------------------

    @guarded("drawing an arrow")
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._value_label is None or self._grad_label is None:  # set together (see adjust)
            return
        theme = current_theme()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        forward_shift = self._normal * -LANE
        grad_shift = self._normal * LANE

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
        width = (4.5 if bold else 2.0) * theme.stroke  # thicker in presentation mode
        head = 15.0 if bold else 11.0
        ux, uy = line.dx() / line.length(), line.dy() / line.length()
        base = tip - QPointF(ux, uy) * head
        shaft_end = tip - QPointF(ux, uy) * (head * 0.6)
        if bold:  # the accent halo says "this step used this arrow"
            halo = QPen(with_alpha(theme.current, 90), width + 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(halo)
            painter.drawLine(QLineF(tail, tip))
        pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        if dashed:
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([3.0, 1.6])
        painter.setPen(pen)
        painter.drawLine(QLineF(tail, shaft_end))
        spread = QPointF(-uy, ux) * (head * 0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([tip, base + spread, base - spread]))

    def _label(self, painter: QPainter, label: _Label, color: QColor) -> None:
        theme = current_theme()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(with_alpha(theme.background, 215))
        painter.drawRoundedRect(label.rect, 4, 4)
        painter.setFont(font_of(EDGE_LABEL_PX))
        painter.setPen(color)
        painter.drawText(label.rect, Qt.AlignmentFlag.AlignCenter, "\n".join(label.lines))
