"""A model or snapshot dropped anywhere on the window opens, over the canvas and the heatmaps too.

The window takes the drop itself, in its own ``dragEnterEvent``,
``dragMoveEvent`` and ``dropEvent``, which hand it to :class:`FileDrops`.
Qt gives a drag to the widget under the cursor that accepts drops, else to
its nearest parent that does: the window. A graphics view takes every drag
for its scene and drops it there unread, so the window's graphics views
(the canvas) accept none; pyqtgraph's views (the heatmaps, the plots)
already pass drags on. No filter on the application: nothing runs for
other events.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from explorer.model.door import is_regular_file


def dropped_file(event: QDropEvent) -> str | None:
    """The one existing local file a drag carries, or None."""
    mime = event.mimeData()
    urls = mime.urls() if mime is not None and mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if is_regular_file(path) else None  # never raises (a name past the system's limit)


class FileDrops(QObject):
    """Open a file dropped on any widget of ``window`` with ``open_file(path)``.

    The window calls :meth:`drag` from its ``dragEnterEvent`` and
    ``dragMoveEvent`` and :meth:`drop` from its ``dropEvent``. The file opens
    just after the drop, once the platform's drag has ended, so that the
    question about unsaved edits is not asked inside it.
    """

    def __init__(self, window: QWidget, open_file: Callable[[str], object]) -> None:
        super().__init__(window)
        self._window = window
        self._open_file = open_file
        window.setAcceptDrops(True)
        for view in window.findChildren(QGraphicsView):
            view.setAcceptDrops(False)  # the drag goes on to the window

    def drag(self, event: QDragMoveEvent) -> bool:
        """Accept a drag that carries one local file; True when accepted."""
        if dropped_file(event) is None:
            event.ignore()
            return False
        event.acceptProposedAction()
        return True

    def drop(self, event: QDropEvent) -> bool:
        """Open the dropped file once the drop is over; True when it carries one."""
        path = dropped_file(event)
        if path is None:
            event.ignore()
            return False
        event.acceptProposedAction()
        QTimer.singleShot(0, self, lambda: self._open_file(path))
        return True
