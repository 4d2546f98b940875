"""The window on a small screen: the canvas keeps most of the width and the tools stay in reach.

At every size of the main window the inspector dock takes at most about 40 %
of the width (half on a wide screen), and the steps toolbar drops its button
texts (icons only, the texts stay in the tooltips) when both toolbars would
not fit on one row with them, so the speed control never hides behind the
toolbar's » menu. The inspector scrolls inside its dock when the window is
too low for all of it, so its content never sets the window's minimum height.
The canvas refits itself when its size changes
(:meth:`~explorer.ui.canvas.scene.GraphView.fit_to_view`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QMainWindow, QScrollArea, QToolBar

from explorer.ui.kit.guard import guarded

#: The inspector's share of the window's width, at most: on a small screen, and from WIDE_SCREEN on.
DOCK_SHARE = 0.40
WIDE_DOCK_SHARE = 0.50
WIDE_SCREEN = 1600
#: The inspector's width when the window has room, until the person drags the dock's edge.
PREFERRED_DOCK_WIDTH = 560


class ResponsiveLayout(QObject):
    """Watches the main window's size (see the module's description).

    ``restored`` says the window's layout was remembered: the dock then keeps
    the width it was left at, once the window is shown.
    """

    def __init__(self, window: QMainWindow, dock: QDockWidget | None, steps: QToolBar | None, restored: bool) -> None:
        super().__init__(window)
        self._window = window
        self._dock = dock
        self._steps = steps
        self._texts_need = 0  # the width both toolbars take with the step buttons' texts
        self._wanted = PREFERRED_DOCK_WIDTH  # the dock's width when there is room
        self._restored = restored  # a remembered layout: keep its width
        self._window_size = window.size()
        if steps is not None:
            toolbars = [bar for bar in window.findChildren(QToolBar) if window.toolBarArea(bar) == Qt.ToolBarArea.TopToolBarArea]
            self._texts_need = sum(bar.sizeHint().width() for bar in toolbars) + 24
        window.installEventFilter(self)
        if dock is not None:
            dock.installEventFilter(self)
        self.arrange()

    def dock_limit(self) -> int:
        """The inspector dock's largest width for the window's width now."""
        width = self._window.width()
        return int(width * (WIDE_DOCK_SHARE if width >= WIDE_SCREEN else DOCK_SHARE))

    def arrange(self) -> None:
        """Fit the dock and the toolbar to the window's width now."""
        if self._dock is not None:
            limit = max(self.dock_limit(), self._dock.minimumSizeHint().width())
            self._dock.setMaximumWidth(limit)
            if self._restored and self._window.isVisible():
                self._restored = False
                self._wanted = self._dock.width()  # the width the person left last time
            target = min(self._wanted, limit)
            if self._window.isVisible() and self._dock.width() != target:
                self._window.resizeDocks([self._dock], [target], Qt.Orientation.Horizontal)
        if self._steps is not None:
            texts_fit = self._window.width() >= self._texts_need
            style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if texts_fit else Qt.ToolButtonStyle.ToolButtonIconOnly
            if self._steps.toolButtonStyle() != style:
                self._steps.setToolButtonStyle(style)

    def dragging(self) -> bool:
        """Whether the dock is being resized by hand (the window keeps its size, a button is down)."""
        held = QApplication.mouseButtons() & Qt.MouseButton.LeftButton
        return bool(held) and self._window.size() == self._window_size

    @guarded("fitting the window's layout", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() not in (QEvent.Type.Resize, QEvent.Type.Show):
            return False
        if watched is self._window:
            self._window_size = self._window.size()
            self.arrange()
        elif watched is self._dock and self.dragging():
            self._wanted = self._dock.width()  # the person dragged the dock's edge: keep that width
        return False


class LowScroll(QScrollArea):
    """A scroll area whose content takes its full width and height, and scrolls only when the area is lower."""

    def fit_content(self) -> None:
        content = self.widget()
        if content is not None:
            viewport = self.viewport()
            content.resize(viewport.width(), max(viewport.height(), content.minimumSizeHint().height()))

    @guarded("fitting the inspector to its dock")
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_content()

    @guarded("fitting the inspector to its dock", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit_content()  # the content's minimum changed (a taller step header, say)
        return super().eventFilter(watched, event)


def scroll_when_low(dock: QDockWidget) -> None:
    """Put the dock's content in a scroll area that scrolls only when the dock is lower than the content."""
    content = dock.widget()
    if content is None or isinstance(content, QScrollArea):
        return
    scroll = LowScroll(dock)
    scroll.setObjectName(f"{dock.objectName()}_scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    bar = scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(content.minimumSizeHint().width() + bar)  # never narrower than the content
    dock.setWidget(scroll)


def install_responsive_layout(
    window: QMainWindow, dock: QDockWidget, steps: QToolBar, restored: bool = False
) -> ResponsiveLayout:
    """Keep the inspector ``dock`` (scrolling when low) and the ``steps`` toolbar fitted to the window."""
    scroll_when_low(dock)
    return ResponsiveLayout(window, dock, steps, restored)
