"""The canvas widget: the graph scene in a view that zooms under the mouse, pans, fits and follows the step."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPen, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from explorer.ui.canvas.items import NodeItem
from explorer.ui.kit.guard import guarded
from explorer.ui.kit.text_zoom import zoom_factor
from explorer.ui.kit.theme import current_theme, themes


class GraphView(QGraphicsView):
    """The canvas widget: wheel zoom under the mouse, drag the background to pan.

    Double-clicking empty space fits the whole graph in view.
    """

    MIN_ZOOM = 0.2
    MAX_ZOOM = 5.0
    FIT_MAX_ZOOM = 1.6
    FIT_MARGIN = 30.0
    _PAN_ROOM = 3000.0  # scene pixels beyond the items that panning may reach

    def __init__(self, scene: QGraphicsScene | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)  # only where no item takes the press
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)  # the dotted grid, drawn once per zoom
        self._auto_fit: tuple[float | None] | None = None  # (min_zoom,) while the view refits on resize
        if scene is not None:
            self.setScene(scene)
        themes().changed.connect(self._on_theme_changed)

    def _on_theme_changed(self, _name: str = "") -> None:
        """Another theme: the background, every box and every arrow repainted in its colours."""
        scene = self.scene()
        if scene is not None:
            for item in scene.items():  # the items' screen pixmaps are in the old colours
                item.update()
            scene.update()
        self.resetCachedContent()
        self.viewport().update()

    def setScene(self, scene: QGraphicsScene | None) -> None:
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

    @property
    def auto_fit(self) -> tuple[float | None] | None:
        """``(min_zoom,)`` while the view refits itself on a resize (see :meth:`fit_to_view`), else None."""
        return self._auto_fit

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

    def wheelEvent(self, event: QWheelEvent) -> None:
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
        Both limits grow with the window's text zoom (View → Larger text).
        """
        self._auto_fit = (min_zoom,)
        text = zoom_factor()
        min_zoom = None if min_zoom is None else min_zoom * text
        most = self.FIT_MAX_ZOOM * text
        scene = self.scene()
        if scene is None:
            return
        rect = scene.itemsBoundingRect()
        if rect.isEmpty():
            return
        margin = self.FIT_MARGIN
        rect = rect.adjusted(-margin, -margin, margin, margin)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > most:
            self.resetTransform()
            self.scale(most, most)
            self.centerOn(rect.center())
        elif min_zoom is not None and self.zoom() < min_zoom:
            self.resetTransform()
            self.scale(min_zoom, min_zoom)
            visible = self.viewport().rect()
            self.centerOn(rect.left() + visible.width() / (2 * min_zoom), rect.center().y())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit is not None:
            self.fit_to_view(*self._auto_fit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._background_press = None
        if self._node_at(event.position().toPoint()) is None:
            self._background_press = event.position()  # a click or the start of a pan
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
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

    def _node_at(self, pos: QPoint) -> NodeItem | None:
        return next((item for item in self.items(pos) if isinstance(item, NodeItem)), None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()  # the end of a pan over empty space is ours, even if no item took it
            press = getattr(self, "_background_press", None)
            picks = getattr(self.scene(), "node_selected", None)  # the graph scene's request signal
            if press is not None and (event.position() - press).manhattanLength() < 4 and picks is not None:
                picks.emit("")  # a click on empty space asks to select nothing
            self._background_press = None

    #: Keys a scroll area would take to scroll: here they step the pass (the window's
    #: shortcuts) or do nothing, so → at the last step never pans the canvas away.
    _SCROLL_KEYS = (
        Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
        Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Space,
    )  # fmt: skip

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in self._SCROLL_KEYS:
            event.ignore()  # the window's, not the scroll area's
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._node_at(event.position().toPoint()) is None:
            self.fit_to_view()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    @guarded("drawing the canvas background")
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
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

