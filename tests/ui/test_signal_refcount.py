"""Guard against the PySide6 6.12.0 bug: every Signal.emit() from Python drops
a reference to ``True`` and, after some thousands, aborts the interpreter with
"Fatal Python error: bool_dealloc". The project pins a release without it."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(bool)
    stepped = Signal(str, int)


def test_emit_keeps_the_reference_count_of_true(qapp):
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    emitter.stepped.connect(lambda node, index: None)
    before = sys.getrefcount(True)
    for i in range(20_000):
        emitter.fired.emit(True)
        emitter.stepped.emit("H1", i)
    emitter.fired.disconnect()
    received.clear()
    assert sys.getrefcount(True) >= before - 5  # a handful of transient references at most
    # the count must not have fallen by one per emit (20,000 here)
    assert abs(sys.getrefcount(True) - before) < 100
