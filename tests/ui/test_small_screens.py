"""The window on small screens, measured by widget geometry: no tool behind a toolbar's », every tab in sight,
the node list clear of the inspector, and the window no larger than the screen it opens on."""

import contextlib

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QToolBar

from explorer.ui.inspector.lazy_tabs import short_name
from tests.ui.settle import settle

SIZES = [(1024, 700), (1280, 720), (1400, 900), (1920, 1080)]


def _in_window(window, widget) -> QRect:
    """``widget``'s rectangle in the window's coordinates."""
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _shown_whole(window, widget, bar: QToolBar) -> bool:
    """Visible, inside its toolbar and inside the window: not moved into the toolbar's » menu."""
    inside_bar = _in_window(window, bar).contains(_in_window(window, widget))
    return widget.isVisible() and inside_bar and window.rect().contains(_in_window(window, widget))


def _toolbar_widgets(window):
    lab = window.learning_lab
    bar = lab.toolbar
    yield "η", lab.lr_spin, bar
    yield "Train", bar.widgetForAction(lab.train_action), bar
    yield "Apply", bar.widgetForAction(lab.apply_action), bar
    steps = window.steps_toolbar
    for action in window.step_actions:
        yield action.text(), steps.widgetForAction(action), steps
    yield "speed", window.speed_slider, steps
    yield "speed label", window.speed_label, steps
    yield "Batch", window.batch_spin, window.build_toolbar
    yield "Remove", window.build_toolbar.widgetForAction(window.remove_action), window.build_toolbar


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_tool_is_in_sight_not_behind_the_extension_menu(make_window, size, language, qtbot):
    from explorer.ui.text.i18n import install_translator

    install_translator(language)
    try:
        window = make_window(size=size)
        settle()
        hidden = [name for name, widget, bar in _toolbar_widgets(window) if not _shown_whole(window, widget, bar)]
        assert not hidden, f"at {size} in {language}: {hidden} behind a toolbar's » or off the window"
    finally:
        install_translator("en")


def test_the_later_toolbars_share_the_first_row_when_there_is_room(make_window, qtbot):
    window = make_window(size=(1920, 1080))
    settle()
    assert not window.toolBarBreak(window.learning_lab.toolbar)
    assert window.learning_lab.toolbar.y() == window.steps_toolbar.y()
    window.resize(1024, 700)
    settle()
    assert window.toolBarBreak(window.learning_lab.toolbar)  # a second row, rather than a » menu
    window.resize(1920, 1080)
    settle()
    assert not window.toolBarBreak(window.learning_lab.toolbar)


@pytest.mark.parametrize("size", SIZES)
def test_the_tab_bar_shows_every_tab(make_window, size, qtbot):
    window = make_window(size=size)
    window.controller.select("W2")
    settle()
    tabs = window.inspector.tabs
    bar = tabs.tabBar()
    for index in range(tabs.count()):
        rect = bar.tabRect(index)
        assert rect.left() >= 0
        assert rect.right() <= min(bar.width(), tabs.width()), (size, tabs.tabText(index))
    assert tabs.tabText(4).startswith("Derivation")
    for index in range(tabs.count()):  # a short name keeps the whole one in its tooltip
        assert tabs.tabText(index) == tabs.full_text(index) or tabs.tabToolTip(index) == tabs.full_text(index)


def test_a_wide_inspector_shows_both_names_of_each_tab(make_window, qtbot):
    window = make_window(size=(1920, 1080))
    window.inspector_dock.setMaximumWidth(1000)
    window.resizeDocks([window.inspector_dock], [950], Qt.Orientation.Horizontal)
    settle()
    tabs = window.inspector.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [tabs.full_text(i) for i in range(tabs.count())]
    assert " · " in tabs.tabText(1)  # Gradient · 기울기
    window.resizeDocks([window.inspector_dock], [420], Qt.Orientation.Horizontal)
    settle()
    assert tabs.tabText(1) == short_name(tabs.full_text(1)) == "Gradient"
    assert tabs.tabToolTip(1) == tabs.full_text(1)


@pytest.mark.parametrize("size", [(1024, 700), (1280, 720)])
def test_the_node_list_is_clear_of_the_inspector_and_the_colour_bar_in_reach(make_window, size, qtbot):
    window = make_window(size=size)
    window.controller.select("W2")
    settle()
    inspector, nodes = window.inspector_dock, window.nodes_dock
    assert nodes.isVisible()
    assert not inspector.geometry().intersects(nodes.geometry())
    assert inspector.geometry().bottom() >= window.statusBar().geometry().top() - 2  # the inspector's full height
    view = window.inspector.value_view
    bar_item = view.colour_bar
    scroll = window.inspector_dock.widget()
    graphics = view.graphics
    bar_rect = graphics.mapFromScene(bar_item.sceneBoundingRect()).boundingRect()
    top_left = graphics.mapTo(scroll.viewport(), bar_rect.topLeft())
    bottom = top_left.y() + bar_rect.height()
    assert bottom <= scroll.viewport().height(), f"at {size} the colour bar is cut at the dock's bottom"


def test_a_window_remembered_larger_than_the_screen_fits_it(make_window, settings, qtbot):
    first = make_window(size=(1920, 1200))
    first.move(300, 200)
    first.save_layout()
    assert first.close()
    second = make_window(size=None)
    room = second.screen().availableGeometry()
    assert second.width() <= room.width()
    assert second.height() <= room.height()
    assert room.contains(second.frameGeometry().topLeft())


def test_fit_to_screen_leaves_a_window_that_fits_alone(make_window, qtbot):
    from explorer.ui.shell.responsive import fit_to_screen

    window = make_window(size=(600, 500))
    window.move(10, 10)
    settle()
    assert not fit_to_screen(window)
    assert window.size().toTuple() == (600, 500)


def test_the_update_dock_has_room_for_its_heatmaps_numbers(make_window, qtbot):
    window = make_window(size=(1920, 1080))
    window.controller.run_to_end()
    lab = window.learning_lab
    lab.reveal(lab.update_dock)
    view = lab.update_view
    qtbot.waitUntil(lambda: view.update_shown is not None, timeout=3000)
    heatmaps = [matrix.heatmap for matrix in (view.before_view, view.step_view, view.after_view)]

    def cells(heatmap):
        pixel_w, pixel_h = heatmap.plot.vb.viewPixelSize()
        return 1 / pixel_w, 1 / pixel_h

    def roomy():
        settle()
        return all(min(cells(heatmap)) >= 30 for heatmap in heatmaps)

    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(roomy, timeout=3000)  # the dock takes its room once shown, as the loop turns: else measured below
    for heatmap in heatmaps:
        cell_w, cell_h = cells(heatmap)
        assert min(cell_w, cell_h) >= 30, f"cells of {cell_w:.0f}×{cell_h:.0f} px"
        assert heatmap.numbers._choose(cell_w, cell_h) is not None  # the numbers are drawn in them


def test_at_1280_by_720_every_toolbar_shares_one_row(make_window, qtbot):
    window = make_window(size=(1280, 720))
    settle()
    rows = {bar.y() for bar in (window.build_toolbar, window.steps_toolbar, window.learning_lab.toolbar)}
    assert len(rows) == 1  # the height goes to the canvas and the inspector


def test_at_twice_the_text_size_every_tool_is_still_in_sight(make_window, qtbot):
    from explorer.ui.kit.text_zoom import set_zoom_factor, zoom_factor
    from explorer.ui.shell.large_type import scaled

    window = make_window(size=(1400, 900))
    try:
        window.text_zoom.set_factor(2.0)
        settle()
        hidden = [name for name, widget, bar in _toolbar_widgets(window) if not _shown_whole(window, widget, bar)]
        assert not hidden, f"at 200 %: {hidden} behind a toolbar's » or off the window"
    finally:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        app.setFont(scaled(app.font(), 1 / zoom_factor()))
        set_zoom_factor(1.0)
