"""A dock whose content is built when it is first shown.

The lab's four docks exist from the start (the window restores them, the
View menu toggles them), but their plots cost most of building a window.
A :class:`LazyDock` builds its widget the first time it is shown, just
after the frame that shows it, or at once when asked for it
(:meth:`LazyDock.content`). A dock the settings remember open is built the
same way, once the window has shown itself: after the first frame of a
starting window (:mod:`explorer.ui.kit.first_frame`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from explorer.ui.kit.first_frame import after_first_frame
from explorer.ui.text.i18n import translate
from explorer.ui.text.plain import plain

W = TypeVar("W", bound=QWidget)

# A dock under the canvas takes at least this share of the window's height when shown, and this many pixels.
UNDER_CANVAS_SHARE = 0.45
MIN_UNDER_CANVAS = 300


class LazyDock(QDockWidget):
    """A dock titled ``title``, named ``name``, whose widget ``build()`` makes when first needed."""

    built = Signal(QWidget)  # the content, just made and in the dock

    def __init__(self, title: str, name: str, build: Callable[[], QWidget], parent: QWidget) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self._build: Callable[[], QWidget] | None = build
        # until built, a quiet line in the dock the window restores open
        #: Translators: in a dock of the learning lab until its plot is drawn, just after the window shows itself.
        self._placeholder: QLabel | None = plain(QLabel(translate("LazyDock", "Drawing…"), self))
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setEnabled(False)  # the palette's quiet text
        self.setWidget(self._placeholder)
        self.visibilityChanged.connect(self._on_visibility_changed)

    @property
    def is_built(self) -> bool:
        return self._build is None

    def content(self) -> QWidget:
        """The dock's widget, built now if it was not yet."""
        if self._build is not None:
            build, self._build = self._build, None
            widget = build()
            self.setWidget(widget)
            if self._placeholder is not None:
                self._placeholder.deleteLater()
                self._placeholder = None
            self.built.emit(widget)
        widget = self.widget()
        assert widget is not None
        return widget

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._build is not None:
            after_first_frame(self, self._content_if_shown)  # after the frame that shows the dock (a starting window's first)
        if visible:
            QTimer.singleShot(0, self, self.make_room)

    def _content_if_shown(self) -> None:
        # a dock restored into a window already on the screen is shown for a moment, then tabbed behind another:
        # it is built when its tab is chosen
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self.content()

    def make_room(self) -> None:
        """Shown under the canvas: at least :data:`UNDER_CANVAS_SHARE` of the window's height, so its
        heatmaps have cells large enough for their numbers (a person who made it taller keeps that)."""
        window = self.parentWidget()
        if not isinstance(window, QMainWindow) or self.isFloating() or not self.isVisible():
            return
        if window.dockWidgetArea(self) != Qt.DockWidgetArea.BottomDockWidgetArea:
            return
        wanted = max(MIN_UNDER_CANVAS, round(window.height() * UNDER_CANVAS_SHARE))
        if self.height() < wanted:
            window.resizeDocks([self], [wanted], Qt.Orientation.Vertical)


def content_of(dock: LazyDock, kind: type[W]) -> W:
    """The content of ``dock``, a ``kind`` (built now if it was not yet)."""
    widget = dock.content()
    assert isinstance(widget, kind)
    return widget


def tab_under_canvas(window: QMainWindow, docks: Sequence[QDockWidget]) -> None:
    """``docks`` share one tabbed area under the canvas, the first in front, all closed until used.

    The inspector keeps the window's full height on the right; the canvas keeps its room until a dock is opened.
    The node list, when it is under the canvas too, stays a row of its own above them.
    """
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, docks[0])
    nodes = window.findChild(QDockWidget, "nodes")
    if nodes is not None and window.dockWidgetArea(nodes) == Qt.DockWidgetArea.BottomDockWidgetArea:
        window.splitDockWidget(nodes, docks[0], Qt.Orientation.Vertical)
    for before, dock in zip(docks, docks[1:], strict=False):
        window.tabifyDockWidget(before, dock)
    docks[0].raise_()
    window.resizeDocks([docks[0]], [300], Qt.Orientation.Vertical)
    for dock in docks:
        dock.hide()
