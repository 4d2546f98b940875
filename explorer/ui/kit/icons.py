"""Step-control icons drawn from simple shapes in the theme's text colour.

Drawn rather than taken from the style, so they read on the dark theme too
and need no image files.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

SIZE = 32  # drawn at 2× for sharp icons on high-density screens

#: Each icon as shapes on a 16×16 grid: ("tri", x, direction) is a triangle 7 wide
#: starting at x pointing right (+1) or left (−1); ("bar", x) a bar 2 wide.
SHAPES: dict[str, list[tuple[str, int] | tuple[str, int, int]]] = {
    "reset": [("bar", 2), ("tri", 4, -1), ("tri", 9, -1)],
    "back": [("tri", 1, -1), ("tri", 8, -1)],
    "step": [("tri", 4, +1), ("bar", 11)],
    "forward": [("tri", 1, +1), ("tri", 8, +1)],
    "end": [("tri", 0, +1), ("tri", 6, +1), ("bar", 13)],
    "play": [("tri", 4, +1)],
    "pause": [("bar", 4), ("bar", 10)],
}


def make_icon(kind: str, colour: QColor) -> QIcon:
    """The icon ``kind`` (a key of :data:`SHAPES`) in ``colour``.

    >>> from PySide6.QtWidgets import QApplication
    >>> app = QApplication.instance() or QApplication([])
    >>> make_icon("play", QColor("black")).isNull()
    False
    """
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.scale(SIZE / 16, SIZE / 16)
    for shape in SHAPES[kind]:
        if len(shape) == 2:  # ("bar", x)
            painter.drawRoundedRect(QRectF(shape[1], 3, 2.2, 10), 0.6, 0.6)
        else:  # ("tri", x, direction)
            x, direction = shape[1], shape[2]
            tip, base = (x + 7, x) if direction > 0 else (x, x + 7)
            painter.drawPolygon(QPolygonF([QPointF(base, 3), QPointF(base, 13), QPointF(tip, 8)]))
    painter.end()
    return QIcon(pixmap)
