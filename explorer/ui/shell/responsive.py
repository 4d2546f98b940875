"""The window on a small screen: the canvas keeps most of the width and the tools stay in reach.

At every size of the main window the inspector dock takes at most about 40 %
of the width (half on a wide screen), and no tool hides behind a toolbar's »
menu: the steps toolbar drops its button texts (icons only, the texts stay in
the tooltips) when the toolbars would not fit on one row with them, and the
toolbars after the steps' (the learning lab's η and Train) move to a second
row when even that is too wide. The inspector scrolls inside its dock when the window is
too low for all of it, so its content never sets the window's minimum height.
The canvas refits itself when its size changes
(:meth:`~explorer.ui.canvas.scene.GraphView.fit_to_view`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QMainWindow, QScrollArea, QToolBar, QWidget
from shiboken6 import isValid

from explorer.ui.kit.guard import guarded

#: The inspector's share of the window's width, at most: on a small screen, and from WIDE_SCREEN on.
DOCK_SHARE = 0.40
WIDE_DOCK_SHARE = 0.50
WIDE_SCREEN = 1600
#: The inspector's width when the window has room, until the person drags the dock's edge.
PREFERRED_DOCK_WIDTH = 560
#: The title bar and edges a window manager adds, before the window is shown and they can be measured.
FRAME_ALLOWANCE = (8, 38)
#: Pixels of a toolbar row kept free (the handles and the margins between toolbars).
TOOLBAR_SLACK = 24


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
        self._needs: tuple[int, int] | None = None  # the steps toolbar's width with its texts and without
        self._wanted = PREFERRED_DOCK_WIDTH  # the dock's width when there is room
        self._restored = restored  # a remembered layout: keep its width
        self._window_size = window.size()
        self._pending = False  # a toolbar shown or hidden: arranged once the loop turns
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
            self.arrange_toolbars()

    def remeasure(self, *_: object) -> None:
        """The texts changed size (a text zoom, another language): measure the toolbars again."""
        self._needs = None
        self.arrange()

    def _steps_widths(self) -> tuple[int, int]:
        """The steps toolbar's width with its buttons' texts and with icons only."""
        steps = self._steps
        assert steps is not None
        if self._needs is None:
            style = steps.toolButtonStyle()
            widths = []
            for texts in (True, False):
                self._show_texts(texts)
                layout = steps.layout()
                if layout is not None:
                    layout.invalidate()  # its size hint is kept until then
                widths.append(steps.sizeHint().width())
            self._show_texts(style == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self._needs = (widths[0], widths[1])
        return self._needs

    def _show_texts(self, texts: bool) -> None:
        """The step buttons' texts and the speed's caption (icons only and the bare slider when compact)."""
        steps = self._steps
        assert steps is not None
        style = Qt.ToolButtonStyle.ToolButtonTextBesideIcon if texts else Qt.ToolButtonStyle.ToolButtonIconOnly
        if steps.toolButtonStyle() != style:
            steps.setToolButtonStyle(style)
        caption = getattr(steps, "speed_caption", None)  # the slider says "Play speed" in its tooltip
        if caption is not None and caption.isVisible() != texts:
            caption.setVisible(texts)

    def top_toolbars(self) -> tuple[list[QToolBar], list[QToolBar]]:
        """The shown toolbars at the top: building and stepping (the window's own), then the others (the lab's)."""
        w = self._window
        bars = [
            bar for bar in w.findChildren(QToolBar)
            if bar.parentWidget() is w and w.toolBarArea(bar) == Qt.ToolBarArea.TopToolBarArea and not bar.isHidden()
        ]  # fmt: skip
        first = [bar for bar in (getattr(w, "build_toolbar", None), self._steps) if bar in bars]
        return first, [bar for bar in bars if bar not in first]

    def arrange_toolbars(self) -> None:
        """Texts beside the step icons when everything fits on one row; else icons; else the later toolbars below."""
        steps = self._steps
        assert steps is not None
        first_row, later = self.top_toolbars()
        for bar in self._window.findChildren(QToolBar):
            bar.installEventFilter(self)  # shown or hidden (presentation mode, View): arranged again
        if steps not in first_row:
            return
        room = self._window.width() - TOOLBAR_SLACK
        with_texts, icons_only = self._steps_widths()
        others = sum(bar.sizeHint().width() for bar in first_row if bar is not steps)
        rest = sum(bar.sizeHint().width() for bar in later)
        if others + with_texts + rest <= room:
            texts, wrap = True, False
        elif others + icons_only + rest <= room:
            texts, wrap = False, False
        else:
            texts, wrap = others + with_texts <= room, True
        self._show_texts(texts)
        self._break_before(later[0] if later else None, wrap)
        if len(first_row) > 1:  # even the building and stepping tools alone too wide (a large text zoom): two rows
            self._break_before(steps, first_row.index(steps) > 0 and others + icons_only > room)

    def _break_before(self, bar: QToolBar | None, wanted: bool) -> None:
        if bar is not None and self._window.toolBarBreak(bar) != wanted:
            if wanted:
                self._window.insertToolBarBreak(bar)
            else:
                self._window.removeToolBarBreak(bar)

    def _arrange_later(self) -> None:
        self._pending = False
        if self._steps is not None and self._window.isVisible():
            self.arrange_toolbars()

    def dragging(self) -> bool:
        """Whether the dock is being resized by hand (the window keeps its size, a button is down)."""
        held = QApplication.mouseButtons() & Qt.MouseButton.LeftButton
        return bool(held) and self._window.size() == self._window_size

    @guarded("fitting the window's layout", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not isValid(self._window):  # its toolbars hide while the window is destroyed (a window never closed)
            return False
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.remeasure()
            return False
        if isinstance(watched, QToolBar) and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            if not self._pending and self._window.isVisible():  # not while the window closes
                self._pending = True
                QTimer.singleShot(0, self, self._arrange_later)
            return False
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


def fit_to_screen(window: QWidget) -> bool:
    """Shrink and move ``window`` into the available area of the screen it opens on; whether it had to.

    A size remembered on another screen, or at another scale factor (1.5 turns a
    1920×1080 screen into 1280×720 of the window's pixels), never makes the
    window larger than the screen: its title bar and its edges stay in reach.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return False
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width() if window.isVisible() else FRAME_ALLOWANCE[0]
    extra_h = frame.height() - window.height() if window.isVisible() else FRAME_ALLOWANCE[1]
    width = min(window.width(), room.width() - extra_w)
    height = min(window.height(), room.height() - extra_h)
    changed = (width, height) != (window.width(), window.height())
    if changed:
        window.resize(max(width, 1), max(height, 1))
    x = min(max(frame.x(), room.left()), max(room.left(), room.right() + 1 - window.width() - extra_w))
    y = min(max(frame.y(), room.top()), max(room.top(), room.bottom() + 1 - window.height() - extra_h))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
        changed = True
    return changed


def install_responsive_layout(
    window: QMainWindow, dock: QDockWidget, steps: QToolBar, restored: bool = False
) -> ResponsiveLayout:
    """Keep the inspector ``dock`` (scrolling when low) and the ``steps`` toolbar fitted to the window."""
    scroll_when_low(dock)
    return ResponsiveLayout(window, dock, steps, restored)
