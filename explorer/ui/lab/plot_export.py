"""The lab's plots as PNG and SVG, written whole into a folder.

PNG comes from pyqtgraph's ``ImageExporter``. SVG is drawn with Qt's
``QSvgGenerator``, as the graph's export does: pyqtgraph's ``SVGExporter``
cannot read the path data this Qt writes (pyqtgraph issue #3485: "not enough
values to unpack" in ``correctCoordinates``). Like the graph's export, these
take a path or return bytes and never open a dialog; the window asks for the
folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as exporters
from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator

from explorer.export.file_set import write_file_set

#: Scale of the PNG relative to the plot's size on screen.
PNG_SCALE = 2.0


def plot_png(item: pg.GraphicsObject, scale: float = PNG_SCALE) -> bytes:
    """``item`` (a plot or a layout of plots) as PNG bytes, ``scale`` times its size on screen."""
    exporter = exporters.ImageExporter(item)
    width = max(int(item.boundingRect().width() * scale), 16)
    exporter.parameters()["width"] = width  # the height follows the aspect ratio
    image = exporter.export(toBytes=True)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def plot_svg(item: pg.GraphicsObject, title: str = "Jacobian Explorer") -> bytes:
    """``item`` (a plot or a layout of plots) as SVG bytes, on its view's background."""
    scene = item.scene()
    source = item.sceneBoundingRect()
    width, height = max(int(source.width()), 1), max(int(source.height()), 1)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(title)
    painter = QPainter(generator)
    try:
        views = scene.views()
        if views:
            painter.fillRect(QRectF(0, 0, width, height), views[0].backgroundBrush())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        scene.render(painter, QRectF(0, 0, width, height), source)
    finally:
        painter.end()
    return bytes(buffer.data().data())


def export_plots(folder: str | Path, items: Mapping[str, pg.GraphicsObject]) -> list[str]:
    """Write ``NAME.png`` and ``NAME.svg`` of every ``items[NAME]`` into ``folder`` (made if missing).

    The files are written all or none (:func:`~explorer.export.file_set.write_file_set`); returns the names written.

    Raises
    ------
    OSError
        When the folder or a file cannot be written.
    """
    folder = Path(folder)
    files: dict[str, bytes] = {}
    for name, item in items.items():
        files[f"{name}.png"] = plot_png(item)
        files[f"{name}.svg"] = plot_svg(item)
    write_file_set(folder, files)  # every file or none, through the writing door
    return list(files)
