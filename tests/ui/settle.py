"""Waiting for the window without sleeping: deliver what is posted, or wait on a condition."""

from PySide6.QtCore import QCoreApplication


def settle() -> None:
    """Deliver every event already posted (resizes, layout requests, queued signals, deferred repaints).

    What one turn of the event loop does, without waiting for any timer: a
    test that needs a timer to fire waits on its effect with ``qtbot.waitUntil``.
    """
    for _ in range(2):  # a delivered event may post another (a resize asks its layout again)
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()


def still_header_fitted(window) -> bool:
    """The inspector's step header has taken its tallest step's height for its width now."""
    still = window.inspector._still_header
    header = window.inspector.step_header
    return still._width == header.width() and not still._timer.isActive()
