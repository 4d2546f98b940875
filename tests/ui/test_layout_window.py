"""The window on real screen sizes: small windows work, deep chains are readable, nothing jumps or lags."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from explorer.ui.canvas.items import NodeItem
from explorer.ui.shell.document_view import READABLE_ZOOM
from tests.ui.settle import settle, still_header_fitted


def _visible_scene_rect(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _all_nodes_in_view(window):
    visible = _visible_scene_rect(window.view)
    return [n for n, item in window.scene.node_items.items() if not visible.contains(item.sceneBoundingRect())]


@pytest.fixture
def deep_window(make_window, qtbot):
    """A window on a bundled example at a given size, fitted as the program fits it once shown."""

    def make(name, size):
        win = make_window(name, size=size)
        win.view.fit_to_view(READABLE_ZOOM)
        settle()
        return win

    return make


def test_at_1024_by_700_the_speed_control_and_the_step_buttons_stay_in_reach(window, qtbot):
    window.resize(1024, 700)
    settle()
    for speed in (window.speed_slider, window.speed_label):
        assert speed.isVisible()
        right = speed.mapTo(window, speed.rect().topRight()).x()
        assert right <= window.width()
    for action in window.step_actions:
        buttons = [w for w in action.associatedObjects() if w.isWidgetType() and w.isVisible()]
        assert buttons, action.text()


def test_at_1024_by_700_the_inspector_takes_at_most_40_percent(window, qtbot):
    window.resize(1024, 700)
    settle()
    dock = window.findChild(QDockWidget, "inspector")
    assert dock.width() <= 0.41 * window.width()
    assert window.view.width() >= 0.55 * window.width()


def test_a_wide_window_gives_the_inspector_its_room_back(window, qtbot):
    window.resize(1024, 700)
    settle()
    window.resize(1920, 1080)
    settle()
    assert window.findChild(QDockWidget, "inspector").width() >= 500


def test_the_canvas_refits_when_the_window_shrinks(window, qtbot):
    window.view.fit_to_view(READABLE_ZOOM)
    assert _all_nodes_in_view(window) == []
    window.resize(1024, 700)
    settle()
    assert _all_nodes_in_view(window) == []


@pytest.mark.parametrize("name", ["deep_relu", "deep_sigmoid"])
def test_an_8_layer_chain_is_whole_and_readable_at_1280_by_800(deep_window, name):
    window = deep_window(name, (1280, 800))
    assert _all_nodes_in_view(window) == []
    zoom = window.view.zoom()
    for node, item in window.scene.node_items.items():
        assert isinstance(item, NodeItem)
        on_screen = item._label_font.pixelSize() * zoom
        assert on_screen >= 9, (node, on_screen)


def _tab_bar_top(window):
    tabs = window.inspector.tabs
    return tabs.mapTo(window.inspector, tabs.rect().topLeft()).y()


def test_the_tab_bar_stays_still_whatever_the_node(window, qtbot):
    window.controller.run_to_end()
    qtbot.waitUntil(lambda: still_header_fitted(window))
    tops = {}
    for node in [None, "X", "W1", "H1", "Yhat", "Y", "L"]:
        window.controller.select(node)
        settle()
        tops[node] = _tab_bar_top(window)
    assert len(set(tops.values())) == 1, tops


def test_edge_labels_follow_a_dragged_node(window, qtbot):
    item = window.scene.node_items["W2"]
    edge = window.scene.edge_items[("W2", "H2")]
    before = edge.mapToScene(edge._value_label.rect.center())
    item.setPos(item.pos() + QPointF(120, 60))  # what a drag does, before the release asks to move
    after = edge.mapToScene(edge._value_label.rect.center())
    assert (after - before).manhattanLength() > 40
    middle = (item.scenePos() + window.scene.node_items["H2"].scenePos()) / 2
    assert (after - middle).manhattanLength() < 120  # beside the arrow's middle, not where it was
    assert edge.boundingRect().contains(edge._value_label.rect)


def test_an_empty_canvas_click_clears_the_node_list_and_a_click_on_it_selects_again(window, qtbot):
    node_list = window.node_list
    row = next(i for i in range(node_list.count()) if node_list.item(i).data(Qt.ItemDataRole.UserRole) == "W1")
    item = node_list.item(row)
    qtbot.mouseClick(node_list.viewport(), Qt.MouseButton.LeftButton, pos=node_list.visualItemRect(item).center())
    assert window.controller.selected == "W1"
    window.scene.node_selected.emit("")  # what a click on empty canvas sends
    assert window.controller.selected is None
    assert node_list.currentItem() is None
    assert node_list.selectedItems() == []
    qtbot.mouseClick(node_list.viewport(), Qt.MouseButton.LeftButton, pos=node_list.visualItemRect(item).center())
    assert window.controller.selected == "W1"


def test_play_defaults_to_about_one_step_a_second_and_shows_its_speed(window):
    assert window.controller._timer.interval() == 1000
    assert window.speed_label.text() == "1 steps/s"
    window.speed_slider.setValue(window.speed_slider.maximum())
    assert window.controller._timer.interval() < 100


def test_a_transient_message_never_hides_the_formula(window, qtbot):
    window.controller.step()
    formula = window.step_label.text()
    assert "H₁ = W₁ᵀ · X" in formula
    window.statusBar().showMessage("Set batch to 2: the pass starts again at step 0", 6000)
    QApplication.processEvents()
    assert window.step_label.isVisible()
    assert window.step_label.text() == formula
    assert not window.statusBar().isAncestorOf(window.step_label)


def _empty_spot(view):
    for x in range(10, view.viewport().width(), 25):
        for y in range(10, view.viewport().height(), 25):
            if not view.items(QPoint(x, y)):
                return QPoint(x, y)
    raise AssertionError("no empty spot on the canvas")


def test_a_click_on_empty_canvas_keeps_the_refit_and_a_pan_stops_it(window, qtbot):
    view = window.view
    view.fit_to_view(READABLE_ZOOM)
    spot = _empty_spot(view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)  # deselects, nothing more
    window.resize(1024, 700)
    settle()
    assert _all_nodes_in_view(window) == []
    window.resize(1400, 900)
    settle()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseMove(view.viewport(), spot + QPoint(200, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=spot + QPoint(200, 0))
    zoom = view.zoom()
    window.resize(1024, 700)
    settle()
    assert view.zoom() == zoom  # the person placed the view: a resize leaves it


def test_the_window_goes_down_to_1024_by_700_whatever_the_inspector_holds(window, qtbot):
    window.controller.run_to_end()
    window.controller.select("W3")
    window.resize(1024, 700)
    settle()
    assert window.height() == 700
    assert window.width() == 1024
    assert window.minimumSizeHint().height() <= 700


@pytest.mark.parametrize("name", ["toy", "deep_relu"])
def test_the_tab_bar_stays_still_while_the_pass_is_stepped(deep_window, qtbot, name):
    window = deep_window(name, (1400, 900))
    window.controller.select("W1")
    qtbot.waitUntil(lambda: still_header_fitted(window))
    tops = set()
    while not window.controller.session.done:
        window.controller.step()
        tops.add(_tab_bar_top(window))
    window.controller.reset()
    tops.add(_tab_bar_top(window))
    assert len(tops) == 1, tops


def test_the_node_list_wraps_again_when_the_window_is_resized(window, qtbot):
    """Narrow, the Nodes dock wraps its row; wide again, it is one row again (it kept its first wrapping)."""
    nodes = window.node_list

    def rows():
        return len({nodes.visualItemRect(nodes.item(i)).top() for i in range(nodes.count())})

    assert rows() == 1
    window.resize(420, 900)
    qtbot.waitUntil(lambda: rows() > 1)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: rows() == 1)
