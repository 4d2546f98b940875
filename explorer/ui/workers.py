"""Long work off the UI thread: a large Jacobian or breakdown on a forked session.

The worker computes on :meth:`Session.fork`, never on the window's session,
and never touches a widget: it reports through signals, which Qt delivers
on the UI thread. numpy cannot be interrupted mid-call, so "cancel" drops
the job: its result is ignored when it arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..engine import EngineError


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.ticket, self.work, self.signals = ticket, work, signals

    def run(self) -> None:
        try:
            result = self.work()
        except (EngineError, MemoryError) as error:
            self.signals.failed.emit(self.ticket, str(error) or type(error).__name__)
            return
        self.signals.finished.emit(self.ticket, result)


class BackgroundRunner(QObject):
    """Runs one job at a time in the global thread pool; a newer job supersedes older ones."""

    started = Signal(str)  # what is being computed
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._ticket = 0
        self.busy = False

    def submit(self, description: str, work: Callable[[], Any]) -> None:
        self._ticket += 1
        self.busy = True
        self.started.emit(description)
        QThreadPool.globalInstance().start(_Job(self._ticket, work, self._signals))

    def cancel(self) -> None:
        if self.busy:
            self._ticket += 1
            self.busy = False
            self.cancelled.emit()

    def _on_finished(self, ticket: int, result: object) -> None:
        if ticket == self._ticket and self.busy:
            self.busy = False
            self.finished.emit(result)

    def _on_failed(self, ticket: int, message: str) -> None:
        if ticket == self._ticket and self.busy:
            self.busy = False
            self.failed.emit(message)

    @staticmethod
    def wait_all(msecs: int = 30_000) -> bool:
        return QThreadPool.globalInstance().waitForDone(msecs)
