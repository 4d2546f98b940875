"""Presentation mode's large type and large pointer, for what the application's font does not reach.

A widget that fixed its own font size (:func:`fixes_size`) is scaled with
:func:`scaled`; the pyqtgraph plots' tick labels and curves, and the numbers
in the heatmaps' cells, grow with :func:`enlarge_plots` and
:func:`enlarge_cell_numbers`, each returning what it changed so that the
matching ``restore_`` function puts it back. :func:`large_pointer` is the
pointer a room sees.
"""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsView, QMainWindow

_SIZE_RESOLVED = 0x0002  # QFont::SizeResolved, a bit PySide6 does not name


def large_pointer(size: int) -> QCursor:
    """An arrow ``size`` pixels high, black with a white rim, that reads on a light and a dark screen."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    s = size / 32.0
    path = QPainterPath(QPointF(2 * s, 2 * s))
    for x, y in ((2, 26), (8.5, 20), (13, 30), (17.5, 28), (13, 18.5), (22, 18.5)):
        path.lineTo(x * s, y * s)
    path.closeSubpath()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), max(2.0, 2.2 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(QColor("black"))
    painter.drawPath(path)
    painter.end()
    return QCursor(pixmap, round(2 * s), round(2 * s))


def fixes_size(font: QFont) -> bool:
    """Whether ``font`` (a widget's own) fixes its size, so that the application's font does not reach it."""
    return bool(font.resolveMask() & _SIZE_RESOLVED)


def scaled(font: QFont, factor: float) -> QFont:
    bigger = QFont(font)
    if font.pixelSize() > 0:
        bigger.setPixelSize(max(1, round(font.pixelSize() * factor)))
    else:
        bigger.setPointSizeF(font.pointSizeF() * factor)
    return bigger


def _plot_views(window: QMainWindow) -> list[QGraphicsView]:
    """The window's pyqtgraph views (none when no plot was ever built: pyqtgraph is not even loaded)."""
    if "pyqtgraph" not in sys.modules:
        return []
    import pyqtgraph as pg

    return [view for view in window.findChildren(QGraphicsView) if isinstance(view, pg.GraphicsView)]


def enlarge_plots(window: QMainWindow, body: int) -> tuple[list[tuple[object, object]], list[tuple[object, object]]]:
    """The plots' tick labels at ``body`` pixels and their curves twice as thick; what they were, to put back."""
    axes: list[tuple[object, object]] = []
    pens: list[tuple[object, object]] = []
    views = _plot_views(window)
    if not views:
        return axes, pens
    import pyqtgraph as pg

    tick_font = QFont()
    tick_font.setPixelSize(round(body * 0.8))
    for view in views:
        view.scene().update()
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                axes.append((item, item.style.get("tickFont")))
                item.setStyle(tickFont=tick_font)
            elif isinstance(item, pg.PlotDataItem):
                old = item.opts.get("pen")
                if old is None:
                    continue
                pen = pg.mkPen(old)
                pen.setWidthF(max(pen.widthF(), 1.0) * 2.5)
                pens.append((item, old))
                item.setPen(pen)
    return axes, pens


def enlarge_cell_numbers(factor: float) -> tuple[int, int] | None:
    """The numbers printed in the heatmaps' cells may grow by ``factor`` (when the cells have room); the sizes before."""
    module = sys.modules.get("explorer.ui.inspector.cell_numbers")
    if module is None:
        return None
    numbers = module.CellNumbers
    before = (numbers.COMFORTABLE_PIXELS, numbers.MAX_PIXELS)
    numbers.COMFORTABLE_PIXELS, numbers.MAX_PIXELS = round(before[0] * factor), round(before[1] * factor)
    return before


def restore_cell_numbers(before: tuple[int, int] | None) -> None:
    module = sys.modules.get("explorer.ui.inspector.cell_numbers")
    if module is not None and before is not None:
        module.CellNumbers.COMFORTABLE_PIXELS, module.CellNumbers.MAX_PIXELS = before


def restore_plots(axes: list[tuple[object, object]], pens: list[tuple[object, object]]) -> None:
    for axis, font in axes:
        if shiboken6.isValid(axis):
            axis.setStyle(tickFont=font)  # type: ignore[attr-defined]
    for curve, pen in pens:
        if shiboken6.isValid(curve):
            curve.setPen(pen)  # type: ignore[attr-defined]
