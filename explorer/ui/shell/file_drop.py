"""A model or snapshot dropped anywhere on the window opens, over the canvas and the heatmaps too.

The canvas and the heatmaps are graphics views, which take every drag for
their scene and drop it there unread; so the window does not rely on its own
``dropEvent``. :class:`FileDrops` watches the application's drag events and
takes those aimed at any widget of its window that carry one local file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from explorer.ui.kit.guard import guarded

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_file(event: QDropEvent) -> str | None:
    """The one existing local file a drag carries, or None."""
    mime = event.mimeData()
    urls = mime.urls() if mime is not None and mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if Path(path).is_file() else None


class FileDrops(QObject):
    """Open a file dropped on any widget of ``window`` with ``open_file(path)``.

    The file opens just after the drop, once the platform's drag has ended,
    so that the question about unsaved edits is not asked inside it.
    """

    def __init__(self, window: QWidget, open_file: Callable[[str], object]) -> None:
        super().__init__(window)
        self._window = window
        self._open_file = open_file
        window.setAcceptDrops(True)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # removed by Qt when this object goes with its window

    @guarded("a file dropped on the window", fallback=False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() not in _DRAG_EVENTS or not isinstance(event, QDropEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        path = dropped_file(event)
        if path is None:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            QTimer.singleShot(0, self, lambda: self._open_file(path))
        return True
