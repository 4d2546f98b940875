"""Work a starting window leaves until its first frame is on the screen.

The program's own window (:func:`explorer.ui.shell.app.run_window`) shows
itself first and then draws what its first frame does not need: the heatmap
of the node selected at start (it brings pyqtgraph), the lab's docks
remembered open. A zero-timer alone does not wait for the frame: on X11 and
off-screen alike it fires before the window's first expose is handled, so
the work would still come first. :func:`hold` marks a window whose work
waits for its first paint; :func:`after_first_frame` runs a callback once
that paint is done (at once, through the event loop, for any other window,
and for a held window that has painted already).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

_NAME = "first-frame-hold"


class _Hold(QObject):
    """Child of a held window: the callbacks waiting for its first paint."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(_NAME)
        self.waiting: list[tuple[QWidget, Callable[[], object]]] = []
        window.installEventFilter(self)  # the window's own events only

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            self.setObjectName("")  # painted: nothing waits any more
            QTimer.singleShot(0, self, self._release)  # after the frame this paint belongs to is flushed
        return False

    def _release(self) -> None:
        waiting, self.waiting = self.waiting, []
        for widget, callback in waiting:
            if isValid(widget):  # a part deleted meanwhile asks for nothing
                QTimer.singleShot(0, widget, callback)
        self.deleteLater()


def _hold_of(widget: QWidget) -> _Hold | None:
    window = widget.window()
    hold = window.findChild(_Hold, _NAME)
    return hold if hold is not None and hold.parent() is window else None


def hold(window: QWidget) -> None:
    """Work asked for through :func:`after_first_frame` in ``window`` waits for its first paint."""
    if _hold_of(window) is None:
        _Hold(window)


def waiting(widget: QWidget) -> bool:
    """Whether the window of ``widget`` is held and has not painted its first frame yet."""
    return _hold_of(widget) is not None


def after_first_frame(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` from the event loop: after the first frame of ``widget``'s window if it is held.

    The call is dropped if ``widget`` is deleted first.
    """
    hold = _hold_of(widget)
    if hold is None:
        QTimer.singleShot(0, widget, callback)
        return
    hold.waiting.append((widget, callback))
