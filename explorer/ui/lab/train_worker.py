"""A training run off the UI thread.

:class:`TrainWorker` runs :func:`explorer.train.loop.train` on its own
one-thread pool (so a long run never holds a thread the inspector's
Jacobians need). The run gets the window's model, an immutable value, never
the window's session, and it never touches a widget: it reports through
signals, which Qt delivers on the UI thread. :meth:`TrainWorker.cancel`
sets a flag that ``train`` reads between iterations, so the run stops after
the pass it is in and gives back the weights reached so far. Every few
milliseconds the run sleeps for one, so the window keeps stepping and
painting while it trains.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from explorer.engine import EngineError
from explorer.model import Model
from explorer.train.loop import TrainResult, train
from explorer.ui.text.engine_text import error_text

#: How long closing the window waits for a running training (it is cancelled first).
SHUTDOWN_WAIT_MS = 3000
#: The run works this long, then sleeps this long, so the UI thread gets the GIL without waiting (about 10 % slower).
WORK_SECONDS = 0.008
YIELD_SECONDS = 0.001


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


class _Job(QRunnable):
    """The run itself; holds its own reference to the signals so it outlives a closed window."""

    def __init__(self, request: TrainRequest, signals: _Signals, stop: threading.Event, worker: TrainWorker) -> None:
        super().__init__()
        self.request, self.signals, self.stop, self.worker = request, signals, stop, worker
        self._next_yield = time.perf_counter() + WORK_SECONDS

    def should_stop(self) -> bool:
        self.worker.checks += 1
        now = time.perf_counter()
        if now >= self._next_yield:
            # a pure-Python loop holds the GIL; the window's Python slots and event filters each need it back,
            # and would each wait a switch interval (5 ms): sleeping a moment lets the UI thread run freely
            time.sleep(YIELD_SECONDS)
            self._next_yield = time.perf_counter() + WORK_SECONDS
        if self.stop.is_set():
            self.worker.checks_after_cancel += 1
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
        self._signals.progressed.connect(self.progressed)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._stop = threading.Event()
        self.running = False
        self._closed = False  # shut down: results are dropped
        self.request: TrainRequest | None = None
        self.checks = 0  # how often the run asked whether to stop
        self.checks_after_cancel = 0  # how often it asked after Cancel: one means it stopped at the first chance

    def start(self, request: TrainRequest) -> bool:
        """Start a run; refused (False) while another runs."""
        if self.running:
            return False
        self.running = True
        self.request = request
        self._stop = threading.Event()
        self.checks = self.checks_after_cancel = 0
        self._pool.start(_Job(request, self._signals, self._stop, self))
        return True

    def cancel(self) -> None:
        """Stop the run between iterations; it still reports the weights reached."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def shutdown(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """Stop the run and wait up to ``msecs`` for it; its result is dropped. True when none is left."""
        self._stop.set()
        self.running = False
        self._closed = True
        return self._pool.waitForDone(msecs)

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
