"""The lab's plots as PNG and SVG: bytes from pyqtgraph's exporters, written whole into a folder.

Like the graph's export, these take a path or return bytes and never open a
dialog; the window asks for the folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as exporters
from PySide6.QtCore import QBuffer, QIODevice

from ...model.atomic import write_atomic

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


def plot_svg(item: pg.GraphicsObject) -> bytes:
    """``item`` as SVG bytes."""
    data = exporters.SVGExporter(item).export(toBytes=True)
    return data if isinstance(data, bytes) else bytes(data)


def export_plots(folder: str | Path, items: Mapping[str, pg.GraphicsObject]) -> list[str]:
    """Write ``NAME.png`` and ``NAME.svg`` of every ``items[NAME]`` into ``folder`` (made if missing).

    Each file is written whole or not at all; returns the names written.

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
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        write_atomic(folder / name, data)
    return list(files)
