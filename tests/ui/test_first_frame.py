"""A starting window draws its first frame before the work it can leave for later (kit/first_frame.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

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


def test_a_dock_hidden_again_before_the_first_frame_waits_until_it_is_shown(make_window, qtbot):
    """A restored layout shows a dock for a moment and then tabs it behind another: it is not built for that."""
    win = make_window(show=False)
    first_frame.hold(win)
    dock = win.learning_lab.docks[1]
    dock.show()
    win.show()  # the dock says it is visible: its content is asked for after the first frame
    dock.hide()  # … and it is hidden before that frame
    qtbot.waitUntil(lambda: not first_frame.waiting(win))
    for _ in range(3):  # the loop's turns that would have built it: the release, then the callbacks
        QCoreApplication.processEvents()
    assert not dock.is_built
    dock.show()
    qtbot.waitUntil(lambda: dock.is_built)


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


# -- the program's start: the window before its document (MainWindow.opening, app._open_toy) ----------------


def _opening(settings, qtbot):
    from explorer.ui.shell.app import make_app
    from explorer.ui.shell.main_window import MainWindow

    make_app()
    window = MainWindow.opening(settings)
    first_frame.hold(window)
    return window


def _gone(window):
    from tests.conftest import flush_deletes

    window.close()
    window.deleteLater()
    flush_deletes()


def test_the_opening_window_is_built_in_place_and_draws_its_heatmap_after_that_frame(settings, qtbot):
    from PySide6.QtCore import QByteArray

    from explorer.ui.shell import app

    settings.geometry = QByteArray()  # nothing remembered: the default size, within the screen
    window = _opening(settings, qtbot)
    try:
        assert window.centralWidget().text() == "Opening…"
        assert window.menuBar().actions() == []
        assert not window.is_built
        window.show()
        qtbot.waitExposed(window)
        size = window.size()
        app._open_toy(window, None, [], [])  # what the start does after the first frame
        assert window.is_built
        assert window.size() == size
        assert window.centralWidget() is window.canvas_pane
        assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Step", "&Help"]
        assert window.controller.path.endswith("toy.json")
        assert window.controller.selected == "W3"
        tabs = window.inspector.tabs
        assert not tabs.is_built(0)  # held again: the heatmap waits for the built window's first paint
        paint = _AtFirstPaint(window, lambda: tabs.is_built(0))
        qtbot.waitUntil(lambda: tabs.is_built(0))
        assert paint.seen == [False]
        assert window.inspector.value_view.title_text() == "W₃  (3×2)"
    finally:
        _gone(window)


def test_a_window_closed_while_opening_opens_nothing_and_leaves_nothing(settings, qtbot):
    from explorer.ui.shell import app

    window = _opening(settings, qtbot)
    window.show()
    qtbot.waitExposed(window)
    assert window.close()  # the close button before the document came: nothing to ask, nothing to save
    app._open_toy(window, None, [], [])  # the deferred opening then finds the window gone
    assert not window.is_built
    assert not window.isVisible()
    _gone(window)  # the leak check: no widget, timer or thread of it left


def test_the_opening_window_has_the_remembered_size(settings, qtbot):
    from explorer.ui.shell.app import make_app
    from explorer.ui.shell.main_window import MainWindow

    make_app()
    before = MainWindow.opening(settings)
    before.resize(700, 500)  # within the off-screen platform's screen
    settings.geometry = before.saveGeometry()
    before.deleteLater()
    window = _opening(settings, qtbot)
    try:
        assert (window.width(), window.height()) == (700, 500)
    finally:
        _gone(window)
