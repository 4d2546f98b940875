"""A starting window draws its first frame before the work it can leave for later (kit/first_frame.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from explorer.ui.kit import first_frame


class _AtFirstPaint(QObject):
    """Calls ``look()`` when ``window`` paints for the first time, and keeps what it returned."""

    def __init__(self, window, look):
        super().__init__(window)
        self.look, self.seen = look, []
        window.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen.append(self.look())
        return False


def test_a_remembered_dock_of_a_held_window_is_built_after_its_first_frame(make_window, qtbot):
    win = make_window(show=False)
    first_frame.hold(win)
    dock = win.learning_lab.docks[1]
    dock.show()  # as a restored layout leaves it
    paint = _AtFirstPaint(win, lambda: (dock.is_built, first_frame.waiting(win)))
    win.show()
    qtbot.waitUntil(lambda: dock.is_built)
    assert paint.seen == [(False, True)]
    assert not first_frame.waiting(win)


def test_the_selected_node_of_a_held_window_is_drawn_after_its_first_frame(make_window, qtbot):
    win = make_window(show=False)
    first_frame.hold(win)
    win.controller.select("W3")
    tabs = win.inspector.tabs
    assert not tabs.is_built(0)
    assert tabs._placeholders[0].text() == "Drawing Value…"
    paint = _AtFirstPaint(win, lambda: tabs.is_built(0))
    win.show()
    qtbot.waitUntil(lambda: tabs.is_built(0))
    assert paint.seen == [False]
    assert win.inspector.value_view.title_text() == "W₃  (3×2)"
    # held no more: the next node is drawn at once, as in any window
    win.controller.select("W2")
    assert win.inspector.value_view.title_text() == "W₂  (3×3)"


def test_a_window_not_held_draws_at_once(make_window):
    win = make_window(show=False)
    win.controller.select("W3")
    assert win.inspector.tabs.is_built(0)
    assert not first_frame.waiting(win)
