"""A training run off the UI thread.

:class:`TrainWorker` runs :func:`explorer.train.loop.train` on its own
one-thread pool (so a long run never holds a thread the inspector's
Jacobians need). The run gets the window's model, an immutable value, never
the window's session, and it never touches a widget: it reports through
signals, which Qt delivers on the UI thread, at most about 30 times a second
(``train`` throttles its progress). :meth:`TrainWorker.cancel` sets a flag
that ``train`` reads between iterations, so the run stops after the pass it
is in and gives back the weights reached so far.

The run never sleeps to let the window in: numpy releases the GIL in every
matrix product, and no Python code runs for each event of the window (no
application-wide event filter), so the UI thread keeps up by itself.

A worker ends with its owner: :meth:`TrainWorker.shutdown` stops the run
and waits for it; a worker deleted without one stops its run as it goes,
and its pool (a child) waits for the thread to end.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from explorer.engine import EngineError
from explorer.model import Model
from explorer.train.loop import TrainResult, train
from explorer.ui.text.engine_text import error_text

#: How long closing the window waits for a running training (it is cancelled first).
SHUTDOWN_WAIT_MS = 3000


@dataclass(frozen=True)
class TrainRequest:
    """What to train: the model as it was when the run started, and the settings."""

    model: Model
    steps: int
    lr: float
    momentum: float = 0.0


class _Signals(QObject):
    progressed = Signal(int, float)  # iteration, loss
    finished = Signal(object)  # a TrainResult
    failed = Signal(str)  # one line


class _Stops:
    """The stop flag of a worker's latest run; not a QObject, so it outlives the worker to stop the run as it goes."""

    def __init__(self) -> None:
        self.latest = threading.Event()

    def new(self) -> threading.Event:
        self.latest = threading.Event()
        return self.latest

    def stop(self) -> None:
        self.latest.set()


class _Counts:
    """How often a run asked whether to stop, and how often after Cancel (read by tests)."""

    def __init__(self) -> None:
        self.checks = 0
        self.after_cancel = 0


class _Job(QRunnable):
    """The run itself; holds its own reference to the signals so it outlives a closed window."""

    def __init__(self, request: TrainRequest, signals: _Signals, stop: threading.Event, counts: _Counts) -> None:
        super().__init__()
        self.request, self.signals, self.stop, self.counts = request, signals, stop, counts

    def should_stop(self) -> bool:
        self.counts.checks += 1
        if self.stop.is_set():
            self.counts.after_cancel += 1
            return True
        return False

    def run(self) -> None:
        r = self.request
        try:
            try:
                result = train(
                    r.model,
                    r.steps,
                    r.lr,
                    momentum=r.momentum,
                    progress=lambda i, loss: self.signals.progressed.emit(i, loss),
                    should_stop=self.should_stop,
                )
            except (EngineError, MemoryError) as error:
                self.signals.failed.emit(error_text(error))
                return
            except Exception as error:  # noqa: BLE001 (a worker thread is a border too)
                self.signals.failed.emit(f"internal error in the training run: {error or type(error).__name__}")
                return
            self.signals.finished.emit(result)
        except RuntimeError:  # the window and its receivers are gone: nobody to tell
            pass


class TrainWorker(QObject):
    """Runs one training at a time; reports progress, the result or a failure through signals."""

    progressed = Signal(int, float)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_progressed)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        stops, pool = self._stops, self._pool = _Stops(), self._pool
        # deleted without a shutdown: stop the run and wait for its thread (the pool, a child, is still there)

        def end_run(*_: object) -> None:
            stops.stop()
            pool.waitForDone(SHUTDOWN_WAIT_MS)

        self.destroyed.connect(end_run)
        self._counts = _Counts()
        self.running = False
        self._closed = False  # shut down: results are dropped
        self.request: TrainRequest | None = None

    @property
    def checks(self) -> int:
        """How often the run asked whether to stop."""
        return self._counts.checks

    @property
    def checks_after_cancel(self) -> int:
        """How often it asked after Cancel: one means it stopped at the first chance."""
        return self._counts.after_cancel

    def start(self, request: TrainRequest) -> bool:
        """Start a run; refused (False) while another runs or once shut down."""
        if self.running or self._closed:
            return False
        self.running = True
        self.request = request
        self._counts = _Counts()
        self._pool.start(_Job(request, self._signals, self._stops.new(), self._counts))
        return True

    def cancel(self) -> None:
        """Stop the run between iterations; it still reports the weights reached."""
        self._stops.stop()

    @property
    def cancelled(self) -> bool:
        return self._stops.latest.is_set()

    @property
    def active_threads(self) -> int:
        """How many threads of this worker are running a training now (0 or 1)."""
        return self._pool.activeThreadCount()

    def wait(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """Wait up to ``msecs`` for the run to end (it is not stopped); True when none is left."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """Stop the run and wait up to ``msecs`` for it; its result is dropped. True when none is left."""
        self._stops.stop()
        self.running = False
        self._closed = True
        return self._pool.waitForDone(msecs)

    def _on_progressed(self, iteration: int, loss: float) -> None:
        if not self._closed:
            self.progressed.emit(iteration, loss)

    def _on_finished(self, result: TrainResult) -> None:
        if self._closed:
            return
        self.running = False
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        if self._closed:
            return
        self.running = False
        self.failed.emit(message)
