"""Work that may take longer than about 0.1 s shows a wait cursor and a status line; small work does not."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from explorer.engine import Session
from explorer.model import model_from_dict
from explorer.ui.kit.busy import busy


def _big_model(width=1024, batch=256):
    return model_from_dict({
        "format": "jacobian-explorer/model",
        "version": 1,
        "nodes": [
            {"id": "X", "op": "input", "value": np.ones((width, batch)).tolist()},
            {"id": "W1", "op": "param", "shape": [width, width], "init": {"kind": "normal", "seed": 1}},
            {"id": "H1", "op": "linear", "inputs": {"x": "X", "w": "W1"}},
            {"id": "Y", "op": "target", "value": np.zeros((width, batch)).tolist()},
            {"id": "L", "op": "half_sse", "inputs": {"pred": "H1", "target": "Y"}},
        ],
    })


@pytest.fixture
def seen_during_step(monkeypatch, window):
    """What the cursor and the status bar showed while the session took steps.

    Every way of moving (step, seek, run) takes its steps through ``Session._advance``.
    """
    seen = []
    original = Session._advance

    def advance(self, stop):
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor is not None else None, window.statusBar().currentMessage()))
        return original(self, stop)

    monkeypatch.setattr(Session, "_advance", advance)
    return seen


def test_a_big_step_shows_a_wait_cursor_and_says_what_it_computes(window, seen_during_step):
    window.controller.load(Session(_big_model()))
    assert window.controller.step()
    assert seen_during_step == [(Qt.CursorShape.WaitCursor, "Computing step 1: H₁…")]
    assert QApplication.overrideCursor() is None  # restored
    assert window.statusBar().currentMessage() != "Computing step 1: H₁…"


def test_a_small_step_shows_nothing(window, seen_during_step):
    window.controller.step()
    assert seen_during_step == [(None, "")]


def test_running_a_big_model_to_the_end_is_busy_throughout(window, seen_during_step):
    window.controller.load(Session(_big_model()))
    window.controller.run_to_end()
    assert seen_during_step
    assert {shape for shape, _ in seen_during_step} == {Qt.CursorShape.WaitCursor}
    assert QApplication.overrideCursor() is None


def test_the_cursor_is_restored_when_the_work_raises(qapp):
    shapes = []

    def divide():
        with busy("dividing", 10**9):
            shapes.append(QApplication.overrideCursor().shape())
            return 1 / 0

    with pytest.raises(ZeroDivisionError):
        divide()
    assert shapes == [Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None


def test_drawing_a_big_panel_is_busy(window, monkeypatch):
    from explorer.ui.inspector import heatmap
    window.controller.load(Session(_big_model()))
    window.controller.step()
    seen = []
    original = heatmap.MatrixView.set_matrix

    def set_matrix(self, *args, **kwargs):
        cursor = QApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(heatmap.MatrixView, "set_matrix", set_matrix)
    window.controller.select("W1")  # 1024×1024
    assert seen == [Qt.CursorShape.WaitCursor]
