"""Pictures of the canvas: PNG and SVG bytes, drawn off-screen.

:func:`render_graph` draws a session's current step without a window (the
``export`` command); :func:`scene_png` and :func:`scene_svg` draw a scene the
window already shows (File → Export, Copy image). They return bytes and never
open a dialog.
"""

from __future__ import annotations

import math
import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from explorer.engine import Session
from explorer.lesson.notation import pretty
from explorer.ui.canvas.scene import GraphScene
from explorer.ui.kit.theme import current_theme
from explorer.ui.text.plain import one_line

#: Room around the drawing, in scene pixels.
MARGIN = 24.0

_app: QApplication | None = None  # kept alive when this module made it


def ensure_app() -> QApplication:
    """The running ``QApplication``, or a new one, off-screen when there is no display.

    Raises
    ------
    RuntimeError
        When a ``QCoreApplication`` or ``QGuiApplication`` runs already: a
        scene needs a ``QApplication``.
    """
    global _app
    app = QApplication.instance()
    if app is None:
        no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if sys.platform.startswith("linux") and no_display:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _app = QApplication([sys.argv[0] if sys.argv else "jacobian-explorer"])
    if not isinstance(app, QApplication):
        raise RuntimeError("drawing the graph needs a QApplication, but another kind of Qt application runs")
    return app


def _source_rect(scene: GraphScene) -> QRectF:
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 1, 1)
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def _render(scene: GraphScene, painter: QPainter, source: QRectF, size: QSize) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    # shapes and text at the picture's own scale, never the screen's pixmaps; the selection is the window's, not the graph's
    with scene.drawn_uncached(), scene.selection_hidden():
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), source, Qt.AspectRatioMode.IgnoreAspectRatio)


#: Largest side and area of a PNG: a canvas spread over ±100,000 is drawn smaller rather than not at all.
MAX_PNG_SIDE = 8192
MAX_PNG_PIXELS = 32_000_000


def png_scale(width: float, height: float, scale: float = 2.0) -> float:
    """``scale``, or less when a ``width`` × ``height`` drawing would make a PNG past the largest size."""
    area = MAX_PNG_PIXELS - 2 * MAX_PNG_SIDE - 1  # room for rounding each side up to a whole pixel
    fits = min((MAX_PNG_SIDE - 1) / width, (MAX_PNG_SIDE - 1) / height, math.sqrt(area / (width * height)))
    return min(scale, fits)


def scene_png(scene: GraphScene, scale: float = 2.0) -> bytes:
    """The scene's items (plus a margin) as PNG bytes, ``scale`` image pixels per scene pixel (fewer when
    the picture would pass :data:`MAX_PNG_SIDE` or :data:`MAX_PNG_PIXELS`)."""
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale}")
    source = _source_rect(scene)
    scale = png_scale(source.width(), source.height(), scale)
    size = QSize(max(1, math.ceil(source.width() * scale)), max(1, math.ceil(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(current_theme().background)
    painter = QPainter(image)
    try:
        _render(scene, painter, source, size)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub says bytes; PySide6 takes only str here
        raise RuntimeError("could not encode the graph as PNG")
    buffer.close()
    return bytes(data.data())


def scene_svg(scene: GraphScene, title: str = "Jacobian Explorer", description: str = "") -> bytes:
    """The scene's items (plus a margin) as SVG bytes; text stays text."""
    source = _source_rect(scene)
    size = QSize(math.ceil(source.width()), math.ceil(source.height()))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(description or "A computation graph drawn by Jacobian Explorer")
    painter = QPainter(generator)
    try:
        _render(scene, painter, source, size)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def describe_step(session: Session) -> str:
    """Where the pass is, in words: ``Backward 5/13 · ∂L/∂W₃`` style."""
    step = session.current
    if step is None:
        return f"Start 0/{session.total} · forward pass (순전파) not begun"
    phase = "Forward pass (순전파)" if step.phase == "forward" else "Backward pass (역전파)"
    return f"{phase} {step.index}/{session.total} · {one_line(pretty(session.model.label(step.node)), 200)}"


def render_graph(session: Session, scale: float = 2.0) -> tuple[bytes, bytes]:
    """``(PNG bytes, SVG bytes)`` of the canvas at the session's current step, drawn off-screen.

    Forward values are blue, gradients orange, nodes not reached grey; the
    current step's node and the arrow it used carry the accent colour.
    """
    ensure_app()
    scene = GraphScene()
    try:
        scene.set_model(session.model)
        scene.update_state(session)
        title = one_line(session.model.name, 200) or "Jacobian Explorer"  # no control character in the SVG
        description = f"{describe_step(session)}. Forward values blue, gradients (변화도) orange, not reached grey."
        return scene_png(scene, scale), scene_svg(scene, title, description)
    finally:
        scene.clear()
