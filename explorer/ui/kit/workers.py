"""Long work off the UI thread: a large Jacobian or breakdown on a forked session.

The worker computes on :meth:`Session.fork`, never on the window's session,
and never touches a widget: it reports through signals, which Qt delivers
on the UI thread.

Requests coalesce: one job runs at a time, and of the requests made while it
runs only the newest is kept, so twenty quick clicks build at most two
Jacobians, not twenty. A work function is called with a ``cancelled()``
callable (a :class:`CancelToken`) and should check it between chunks; it may
raise :class:`Cancelled` to stop early. numpy cannot be interrupted mid-call,
so a dense Jacobian stops only between pieces; its result is dropped if it
arrives after a cancel. :meth:`BackgroundRunner.shutdown`, called when the
window closes, cancels everything and waits a bounded time for the running
job, so quitting mid-build prints nothing.

Each runner has a thread pool of its own, a child of the runner: its thread
ends with it. A runner deleted without a shutdown (its window deleted, say)
cancels its job and waits for its thread as it goes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from explorer.engine import EngineError
from explorer.ui.text.engine_text import error_text
from explorer.ui.text.i18n import translate

#: How long closing the window waits for a running job (it is cancelled first).
SHUTDOWN_WAIT_MS = 3000

Work = Callable[["CancelToken"], Any]


class Cancelled(Exception):  # noqa: N818 (a request, not an error)
    """Raised by a work function that saw its token cancelled."""


class CancelToken:
    """A job's cancel flag: call it (``cancelled()``) or read :attr:`is_cancelled` between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def is_cancelled(self) -> bool:
        return self._event.is_set()

    def __call__(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the job was cancelled."""
        if self._event.is_set():
            raise Cancelled


class _Tokens:
    """The token of a runner's latest job; not a QObject, so it outlives the runner to cancel the job as it goes."""

    def __init__(self) -> None:
        self._latest: CancelToken | None = None

    def new(self) -> CancelToken:
        self._latest = CancelToken()  # one job at a time: an earlier one has ended
        return self._latest

    def cancel_all(self) -> None:
        if self._latest is not None:
            self._latest.cancel()


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)
    ended = Signal(int)  # always last, whatever happened


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Work, token: CancelToken, signals: _Signals) -> None:
        super().__init__()
        # the job holds its own reference to the signals object, so it outlives a closed window
        self.ticket, self.work, self.token, self.signals = ticket, work, token, signals

    def run(self) -> None:
        outcome: tuple[str, object] | None = None
        try:
            if not self.token.is_cancelled:
                outcome = ("finished", self.work(self.token))
        except Cancelled:
            outcome = None
        except (EngineError, MemoryError) as error:
            outcome = ("failed", error_text(error))
        except Exception as error:  # noqa: BLE001 (a worker thread is a border too)
            reason = str(error) or type(error).__name__
            outcome = ("failed", translate("Workers", "internal error in a background job: {reason}").format(reason=reason))
        if self.token.is_cancelled:
            outcome = None
        try:
            if outcome is not None and outcome[0] == "finished":
                self.signals.finished.emit(self.ticket, outcome[1])
            elif outcome is not None:
                self.signals.failed.emit(self.ticket, outcome[1])
            self.signals.ended.emit(self.ticket)
        except RuntimeError:  # the window and its receivers are gone: nobody to tell
            pass


class BackgroundRunner(QObject):
    """Runs one job at a time in a thread pool of its own; a newer request supersedes older ones."""

    started = Signal(str)  # what is being computed
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.ended.connect(self._on_ended)
        self._ticket = 0
        self._running: tuple[int, CancelToken] | None = None
        self._pending: tuple[int, str, Work] | None = None
        self.busy = False
        self.jobs_started = 0  # how many jobs have run, for tests and curiosity
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one job at a time: a cancelled one ends before the next starts
        tokens, pool = self._tokens, self._pool = _Tokens(), self._pool
        # deleted without a shutdown: cancel the job and wait for its thread (the pool, a child, is still there)

        def end_job(*_: object) -> None:
            tokens.cancel_all()
            pool.waitForDone(SHUTDOWN_WAIT_MS)

        self.destroyed.connect(end_job)
        app = QCoreApplication.instance()
        if app is not None:  # quitting without closing the window stops the job too
            app.aboutToQuit.connect(self.shutdown)

    def submit(self, description: str, work: Work) -> None:
        """Compute ``work(cancelled)`` in the background; supersedes any earlier request."""
        self._ticket += 1
        self.busy = True
        self.started.emit(description)
        if self._running is not None:
            self._running[1].cancel()  # stop at its next check; only the newest waits
            self._pending = (self._ticket, description, work)
            return
        self._start(self._ticket, work)

    def _start(self, ticket: int, work: Work) -> None:
        token = self._tokens.new()
        self._running = (ticket, token)
        self.jobs_started += 1
        self._pool.start(_Job(ticket, work, token, self._signals))

    def cancel(self) -> None:
        """Drop every request: the running job stops at its next check, the pending one never starts."""
        self._pending = None
        if self._running is not None:
            self._running[1].cancel()
        if self.busy:
            self._ticket += 1
            self.busy = False
            self.cancelled.emit()

    def shutdown(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """Cancel everything and wait up to ``msecs`` for the running job; True when none is left."""
        self._pending = None
        if self._running is not None:
            self._running[1].cancel()
        self.busy = False
        self._ticket += 1
        return self._pool.waitForDone(msecs)

    def _on_finished(self, ticket: int, result: object) -> None:
        if ticket == self._ticket and self.busy:
            self.busy = False
            self.finished.emit(result)

    def _on_failed(self, ticket: int, message: str) -> None:
        if ticket == self._ticket and self.busy:
            self.busy = False
            self.failed.emit(message)

    def _on_ended(self, ticket: int) -> None:
        if self._running is not None and self._running[0] == ticket:
            self._running = None
        if self._running is None and self._pending is not None:
            pending_ticket, _, work = self._pending
            self._pending = None
            self._start(pending_ticket, work)

    def wait_all(self, msecs: int = 30_000) -> bool:
        """Wait up to ``msecs`` for this runner's job to end (nothing is cancelled); True when none is left."""
        return self._pool.waitForDone(msecs)

    @property
    def active_threads(self) -> int:
        """How many of this runner's threads are computing now (0 or 1)."""
        return self._pool.activeThreadCount()
