"""Redraws at most about 30 times a second, however often the data changes.

A training run can report thousands of iterations a second; a plot that
redrew on each would spend the UI thread on painting. :class:`RedrawThrottle`
takes every request, draws at once when the last drawing is old enough, and
otherwise draws once when the interval has passed, with the newest data.
The clock is a parameter so a test can count drawings against a fake one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: The most drawings per second.
MAX_RATE = 30.0


class RedrawThrottle(QObject):
    """Calls ``draw()`` at most ``rate`` times a second; the last request is always drawn.

    Parameters
    ----------
    draw
        What a drawing is.
    rate
        The most drawings per second.
    clock
        Seconds, monotonic; :func:`time.perf_counter` unless a test gives another.
    """

    def __init__(
        self,
        draw: Callable[[], object],
        rate: float = MAX_RATE,
        clock: Callable[[], float] = time.perf_counter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._draw = draw
        self.interval = 1.0 / rate
        self._clock = clock
        self._last = -float("inf")
        self._dirty = False
        self.draws = 0  # how many drawings were made, for tests and curiosity
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def request(self) -> None:
        """The data changed: draw now if the last drawing is old enough, else soon."""
        self._dirty = True
        wait = self._last + self.interval - self._clock()
        if wait <= 0:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start(max(1, int(wait * 1000) + 1))

    def flush(self) -> None:
        """Draw the pending request now, if the interval allows; otherwise wait for it."""
        if not self._dirty:
            return
        wait = self._last + self.interval - self._clock()
        if wait > 0:
            if not self._timer.isActive():
                self._timer.start(max(1, int(wait * 1000) + 1))
            return
        self._timer.stop()
        self._dirty = False
        self._last = self._clock()
        self.draws += 1
        self._draw()

    def draw_now(self) -> None:
        """Draw at once, whatever the interval (a run ended: show its whole history)."""
        self._timer.stop()
        self._dirty = False
        self._last = self._clock()
        self.draws += 1
        self._draw()

    @property
    def pending(self) -> bool:
        return self._dirty
