"""A theme switch in a running window repaints every widget, both ways; "system" follows the platform."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from explorer.ui.kit.theme import DARK, LIGHT, current_theme, set_theme, themes
from tests.ui.settle import settle


@pytest.fixture(autouse=True)
def _light_afterwards():
    yield
    themes().apply_choice("light")


def _near(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _chrome_text(theme) -> QColor:
    """The window text colour the chrome takes: the theme's in dark, the style's standard one in light."""
    if theme is DARK:
        return theme.text
    return QApplication.instance().style().standardPalette().color(QPalette.ColorRole.WindowText)


def _pixel(widget, x: int, y: int) -> QColor:
    return widget.grab().toImage().pixelColor(QPoint(x, y))


def _switch(window, qtbot, first, second):
    """The menu's switch to ``first`` and then to ``second``; the palette change is delivered as an event."""
    window.toggle_theme(first is DARK)
    settle()
    window.toggle_theme(second is DARK)
    settle()


def _stepped_window(window, qtbot):
    window.controller.run_to_end()
    window.controller.select("W3")
    settle()
    return window


@pytest.mark.parametrize(("first", "second"), [(LIGHT, DARK), (DARK, LIGHT)])
def test_the_heatmap_background_follows_a_live_switch(window, qtbot, first, second):
    _stepped_window(window, qtbot)
    view = window.inspector.value_view
    window.toggle_theme(first is DARK)
    assert view.graphics.backgroundBrush().color() == first.background
    window.toggle_theme(second is DARK)
    assert view.graphics.backgroundBrush().color() == second.background
    assert view.title_colour() == second.forward  # the title does not keep the other theme's colour
    corner = _pixel(view.graphics, 3, 3)
    assert _near(corner, second.background)


@pytest.mark.parametrize(("first", "second"), [(LIGHT, DARK), (DARK, LIGHT)])
def test_the_gradient_and_jacobian_panels_follow(window, qtbot, first, second):
    _stepped_window(window, qtbot)
    inspector = window.inspector
    _switch(window, qtbot, first, second)
    assert inspector.grad_view.graphics.backgroundBrush().color() == second.background
    jacobian = inspector.jacobian_view
    assert jacobian.graphics.backgroundBrush().color() == second.background
    inspector.tabs.setCurrentIndex(2)
    settle()
    assert jacobian.title_colours()
    assert all(colour == second.current for colour in jacobian.title_colours())
    window_colour = jacobian.palette().color(QPalette.ColorRole.Window)
    assert window_colour == second.background


@pytest.mark.parametrize(("first", "second"), [(LIGHT, DARK), (DARK, LIGHT)])
def test_the_inspector_title_and_labels_follow(window, qtbot, first, second):
    _stepped_window(window, qtbot)
    inspector = window.inspector
    _switch(window, qtbot, first, second)
    title = inspector.title.text()
    assert second.gradient.name() in title  # W3's gradient is known at the end
    assert first.gradient.name() not in title
    label_colour = inspector.subtitle.palette().color(QPalette.ColorRole.WindowText)
    assert label_colour == _chrome_text(second)


@pytest.mark.parametrize(("first", "second"), [(LIGHT, DARK), (DARK, LIGHT)])
def test_the_canvas_and_the_chrome_follow(window, qtbot, first, second):
    _switch(window, qtbot, first, second)
    viewport = window.view.viewport()
    assert _near(_pixel(viewport, 2, 2), second.background)
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window) != first.chrome or second is LIGHT
    assert window.menuBar().palette().color(QPalette.ColorRole.WindowText) == _chrome_text(second)
    assert window.batch_spin.palette().color(QPalette.ColorRole.Base) == (
        DARK.field if second is DARK else app.style().standardPalette().color(QPalette.ColorRole.Base)
    )
    assert window.dark_action.isChecked() == (second is DARK)


def test_the_menu_action_and_set_theme_agree(window):
    set_theme("dark")
    assert window.dark_action.isChecked()
    assert window.theme_name == "dark"
    window.dark_action.trigger()
    assert current_theme() is LIGHT
    assert themes().choice == "light"


def test_a_system_scheme_change_is_followed_only_when_the_choice_is_system(window, qtbot):
    manager = themes()
    manager.apply_choice("system")
    assert manager.choice == "system"
    with qtbot.waitSignal(manager.changed):
        manager.on_system_scheme_changed(Qt.ColorScheme.Dark)
    assert current_theme() is DARK
    assert _near(_pixel(window.view.viewport(), 2, 2), DARK.background)
    manager.on_system_scheme_changed(Qt.ColorScheme.Light)
    assert current_theme() is LIGHT

    manager.apply_choice("light")  # a manual choice: the system's scheme is ignored
    manager.on_system_scheme_changed(Qt.ColorScheme.Dark)
    assert current_theme() is LIGHT
    manager.apply_choice("dark")
    manager.on_system_scheme_changed(Qt.ColorScheme.Light)
    assert current_theme() is DARK


def test_an_unknown_choice_follows_the_system_and_a_bad_name_is_refused(qapp):
    assert themes().apply_choice("purple") is current_theme()
    assert themes().choice == "system"
    with pytest.raises(ValueError, match="purple"):
        themes().set("purple")


def test_the_app_module_no_longer_needs_the_window_module_for_its_palette():
    import ast
    from pathlib import Path

    import explorer.ui.shell.main_window as main_window

    tree = ast.parse(Path(main_window.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "app" not in imported


@pytest.mark.parametrize(("first", "second"), [(LIGHT, DARK), (DARK, LIGHT)])
def test_the_step_header_follows(window, qtbot, first, second):
    window.controller.step()
    _switch(window, qtbot, first, second)
    header = window.inspector.step_header.formula_label.text()
    assert second.forward.name() in header
    assert first.forward.name() not in header
