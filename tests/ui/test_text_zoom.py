"""Text zoom for the whole window (Ctrl+= / Ctrl+− / Ctrl+0): the inspector, the toolbars, the docks and the
rich text all grow, and the size is remembered."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from explorer.ui.kit.text_zoom import zoom_factor


@pytest.fixture(autouse=True)
def _everyday_size_after():
    yield
    from explorer.ui.kit.text_zoom import set_zoom_factor

    if zoom_factor() != 1.0:  # the application's font is shared by every window: put it back
        from explorer.ui.shell.large_type import scaled

        app = QApplication.instance()
        app.setFont(scaled(app.font(), 1 / zoom_factor()))
        set_zoom_factor(1.0)


def _key(window, key):
    window.activateWindow()
    QTest.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)


def _pixels(widget):
    return QFontInfo(widget.font()).pixelSize()


def _sizes(window):
    """The pixel sizes of what a person reads: the inspector's tabs, title and subtitle, a toolbar button,
    a dock's title, the status bar, the step header, the inspector's rich text (a lesson page's height)."""
    inspector = window.inspector
    step_button = window.steps_toolbar.widgetForAction(window.step_action)
    build_button = window.build_toolbar.widgetForAction(window.remove_action)
    return {
        "tabs": _pixels(inspector.tabs.tabBar()),
        "title": inspector.title.sizeHint().height(),
        "subtitle": _pixels(inspector.subtitle),
        "step button": _pixels(step_button),
        "build button": _pixels(build_button),
        "batch": _pixels(window.batch_spin),
        "dock title": _pixels(window.inspector_dock),
        "nodes": _pixels(window.node_list),
        "status": _pixels(window.loss_label),
        "step line": _pixels(window.step_label),
        "step header": inspector.step_header.sizeHint().height(),
    }


def test_ctrl_equals_grows_every_text_and_ctrl_0_brings_it_back(window, qtbot):
    window.controller.select("W1")
    window.controller.seek(3)
    before = _sizes(window)
    _key(window, Qt.Key.Key_Equal)
    _key(window, Qt.Key.Key_Equal)
    assert zoom_factor() == pytest.approx(1.25)
    after = _sizes(window)
    grown = {name for name in before if after[name] > before[name]}
    assert grown == set(before), f"not grown: {sorted(set(before) - grown)}"
    for name in ("tabs", "step button", "dock title", "status", "step line"):
        assert after[name] >= before[name] * 1.15, name
    _key(window, Qt.Key.Key_0)
    assert zoom_factor() == 1.0
    assert _sizes(window) == before


def test_ctrl_minus_makes_it_smaller_and_stops_at_the_smallest(window, qtbot):
    before = _pixels(window.inspector.tabs.tabBar())
    for _ in range(6):
        _key(window, Qt.Key.Key_Minus)
    assert zoom_factor() == 0.8
    assert _pixels(window.inspector.tabs.tabBar()) < before
    assert not window.text_zoom.smaller_action.isEnabled()


def test_the_rich_text_of_the_inspector_grows(window, qtbot):
    """A tab's HTML names relative sizes (large, x-large), so it grows with the font it is drawn in."""
    window.controller.seek(window.controller.session.forward_steps + 2)
    window.controller.select("W3")
    inspector = window.inspector
    inspector.tabs.setCurrentIndex(inspector.tabs.count() - 1)  # the derivation
    browser = inspector.derivation_view.browser
    qtbot.waitUntil(lambda: browser.document().characterCount() > 20, timeout=5000)
    width = browser.document().textWidth()

    def height():
        browser.document().setTextWidth(width)
        return browser.document().size().height()

    before = height()
    window.text_zoom.set_factor(1.5)
    assert height() > before * 1.3


def test_a_heatmap_built_at_a_zoom_draws_its_labels_larger(window, qtbot):
    from explorer.ui.inspector.colour_bar import _label_font

    small = _label_font().pixelSize()
    window.text_zoom.set_factor(2.0)
    assert _label_font().pixelSize() == 2 * small


def test_the_text_size_is_remembered(make_window, settings, qtbot):
    first = make_window()
    first.text_zoom.set_factor(1.5)
    assert settings.text_zoom == 1.5
    first.close()
    second = make_window()
    assert zoom_factor() == 1.5
    assert second.text_zoom.larger_action.isEnabled()
    assert second.text_zoom.actual_action.isEnabled()


def test_presentation_grows_with_the_text_zoom(make_window, qtbot):
    window = make_window(size=(1280, 720))
    window.classroom.presentation.enter(full_screen=False)
    body = window.classroom.presentation.sizes[0]
    window.text_zoom.set_factor(1.5)
    assert window.classroom.presentation.active
    assert window.classroom.presentation.sizes[0] == round(body * 1.5)
    window.classroom.presentation.leave()
    assert isinstance(window.inspector_dock, QDockWidget)


def test_the_canvas_keeps_its_labels_readable_at_a_larger_text(make_window, qtbot):
    from explorer.ui.shell.document_view import READABLE_ZOOM

    window = make_window("deep_sigmoid", size=(1024, 700))  # a long chain: the fit stops at the readable zoom
    window.view.fit_to_view(READABLE_ZOOM)
    before = window.view.zoom()
    assert before == pytest.approx(READABLE_ZOOM)
    window.text_zoom.set_factor(2.0)
    assert window.view.zoom() == pytest.approx(2 * READABLE_ZOOM)


def test_reset_settings_brings_the_everyday_text_size_back(window, settings, qtbot):
    tabs = window.inspector.tabs.tabBar()
    before = _pixels(tabs)
    window.text_zoom.set_factor(1.5)
    assert _pixels(tabs) > before
    window.reset_settings()
    assert zoom_factor() == 1.0
    assert _pixels(tabs) == before
    assert settings.text_zoom == 1.0
