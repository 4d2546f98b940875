"""A busy cursor and a status line around work that may take longer than about 0.1 s.

Whether work "may be long" is decided from how many numbers it touches, not
by timing it: past :data:`LONG_WORK_ELEMENTS` the cursor turns to a wait
cursor and every main window's status bar says what is being done, painted
at once (no event loop runs during the work, so nothing can re-enter).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMainWindow

from explorer.ui.text.plain import one_line

#: Numbers touched beyond which a step or a panel may take about 0.1 s (a matrix
#: product or a heatmap of this many elements does on a slow laptop).
LONG_WORK_ELEMENTS = 200_000


def may_be_long(elements: int) -> bool:
    """Whether work over ``elements`` numbers deserves a busy cursor."""
    return elements >= LONG_WORK_ELEMENTS


@contextmanager
def busy(description: str, elements: int) -> Iterator[bool]:
    """Show a wait cursor and ``description`` while the block runs, if ``elements`` says it may be long.

    Yields whether the busy signs are shown.
    """
    app = QApplication.instance()
    if not may_be_long(elements) or not isinstance(app, QApplication):
        yield False
        return
    line = one_line(description, 200)
    bars = [w.statusBar() for w in app.topLevelWidgets() if isinstance(w, QMainWindow)]
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    for bar in bars:
        bar.showMessage(line)
        bar.repaint()  # painted now: the work below holds the event loop
    try:
        yield True
    finally:
        QApplication.restoreOverrideCursor()
        for bar in bars:
            if bar.currentMessage() == line:
                bar.clearMessage()
