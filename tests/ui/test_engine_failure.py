"""A step the engine refuses (an overflow) stops the pass, says so once, and marks the node."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from explorer.engine import EngineError, Session
from explorer.model import edit as edits
from explorer.ui.kit.theme import current_theme


class Overflow(EngineError):
    def __init__(self, node: str, step: int) -> None:
        super().__init__(f"{node} is not finite at step {step} (forward): a value overflowed")
        self.node, self.step, self.phase = node, step, "forward"


@pytest.fixture
def overflow_at_h2(monkeypatch):
    """The session refuses the forward step of H2, as the engine does when a value overflows.

    Every way of moving (step, seek, run) takes its steps through ``Session._advance``.
    """
    original = Session._advance

    def advance(self, stop):
        h2 = next(s.index - 1 for s in self.plan if s.node == "H2" and s.phase == "forward")
        if self.position <= h2 < stop:
            original(self, h2)  # the steps before H2
            raise Overflow("H2", h2 + 1)
        original(self, stop)

    monkeypatch.setattr(Session, "_advance", advance)
    return original


def _centre_colour(window, node) -> QColor:
    item = window.scene.node_items[node]
    image = QImage(200, 120, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(100, 60)
    item.paint(painter, None)
    painter.end()
    return image.pixelColor(QPointF(100, 60 - item.box().height() / 2 + 1).toPoint())  # on the border


@pytest.mark.parametrize("how", ["step", "run_forward", "run_to_end", "seek"])
def test_each_way_of_moving_stops_at_the_failing_node(window, overflow_at_h2, how):
    c = window.controller
    errors, failures = [], []
    c.error_raised.connect(errors.append)
    c.engine_failed.connect(lambda node, line: failures.append((node, line)))
    {"step": lambda: (c.step(), c.step()), "run_forward": c.run_forward, "run_to_end": c.run_to_end,
     "seek": lambda: c.seek(8)}[how]()
    assert c.session.position == 1  # H1 done, H2 refused
    assert failures == [("H2", "The pass stopped: H2 is not finite at step 2 (forward): a value overflowed")]
    assert errors == [failures[0][1]]
    assert window.scene.node_items["H2"].failed
    assert not window.scene.node_items["H1"].failed
    assert "The pass stopped" in window.step_label.text()
    assert "The pass stopped" in window.statusBar().currentMessage()


def test_play_stops_at_the_failing_node(window, qtbot, overflow_at_h2):
    c = window.controller
    c.set_interval(10)
    c.play()
    qtbot.waitUntil(lambda: not c.playing)
    assert c.failed_node == "H2"
    assert window.scene.node_items["H2"].failed


def test_the_failed_node_is_drawn_in_the_error_colour_until_the_next_step(window, monkeypatch, overflow_at_h2):
    c = window.controller
    c.step()
    c.step()
    border = _centre_colour(window, "H2")
    error = current_theme().error
    assert abs(border.red() - error.red()) < 40
    assert abs(border.green() - error.green()) < 40
    monkeypatch.setattr(Session, "_advance", overflow_at_h2)  # the cause went away (say, a value was edited)
    assert c.step()
    assert not window.scene.node_items["H2"].failed
    assert "The pass stopped" not in window.step_label.text()
    assert abs(_centre_colour(window, "H2").red() - error.red()) > 40 or abs(
        _centre_colour(window, "H2").green() - error.green()
    ) > 40


def test_a_model_change_clears_the_mark(window, overflow_at_h2):
    c = window.controller
    c.run_to_end()
    assert c.failed_node == "H2"
    c.edit("Set loss", edits.set_loss, "sse")
    assert c.failed_node is None
    assert not window.scene.node_items["H2"].failed


def test_an_engine_error_without_a_node_still_stops_and_reports(window, monkeypatch):
    def refuse(self):
        raise EngineError("something overflowed")

    monkeypatch.setattr(Session, "step", refuse)
    errors = []
    window.controller.error_raised.connect(errors.append)
    assert not window.controller.step()
    assert errors == ["The pass stopped: something overflowed"]
    assert not any(item.failed for item in window.scene.node_items.values())
