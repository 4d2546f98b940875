"""What the window remembers: geometry and docks, theme, language, play speed; and forgetting it."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from explorer.ui.kit import theme
from explorer.ui.text.i18n import remove_translators

HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture
def new_window(make_window):
    """A window that sizes itself from the settings, as at a start (closed and deleted at the end)."""
    return lambda dialogs=None: make_window(dialogs=dialogs, size=None)


def test_every_dock_and_toolbar_has_an_object_name(window):
    parts = window.findChildren(QDockWidget) + window.findChildren(QToolBar)
    assert len(parts) >= 4
    assert all(part.objectName() for part in parts)


def test_geometry_and_docks_come_back(qtbot, settings, new_window):
    first = new_window()
    size = (760, max(700, first.minimumSizeHint().height() + 20))  # narrower than the off-screen 800×600 screen
    first.resize(*size)
    dock = first.findChild(QDockWidget, "nodes")
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    assert first.close()
    second = new_window()
    assert (second.width(), second.height()) == size
    assert second.dockWidgetArea(second.findChild(QDockWidget, "nodes")) == Qt.DockWidgetArea.LeftDockWidgetArea
    second.close()


def test_the_theme_choice_is_remembered(qtbot, settings, new_window):
    first = new_window()
    try:
        first.dark_action.trigger()
        assert first.theme_name == "dark"
        assert settings.theme == "dark"
        first.close()
        from explorer.ui.shell.app import apply_theme_choice

        theme.set_theme("light")
        apply_theme_choice(settings.theme, QApplication.instance())  # what the next start does before its window
        second = new_window()
        assert second.theme_name == "dark"
        assert second.dark_action.isChecked()
        checked = [a.data() for a in second.theme_group.actions() if a.isChecked()]
        assert checked == ["dark"]
        second.close()
    finally:
        theme.set_theme("light")


def test_the_language_choice_is_remembered_and_applies_at_once(window, settings):
    korean = next(a for a in window.language_group.actions() if a.data() == "ko")
    korean.trigger()
    assert settings.language == "ko"
    assert window.menuBar().actions()[0].text() == "파일(&F)"  # no restart (tests/ui/test_language_live.py)
    english = next(a for a in window.language_group.actions() if a.data() == "en")
    english.trigger()
    assert settings.language == "en"
    assert window.menuBar().actions()[0].text() == "&File"


def test_the_play_speed_is_remembered_and_shown(qtbot, settings, new_window):
    first = new_window()
    assert first.speed_label.text() == "1 steps/s"  # about one step a second by default
    assert first.controller._timer.interval() == 1000
    first.speed_slider.setValue(first.speed_slider.maximum())
    assert first.speed_label.text() == "16 steps/s"
    first.close()
    second = new_window()
    assert second.speed_label.text() == "16 steps/s"
    assert second.controller._timer.interval() == round(1000 / 16)
    second.close()


def test_reset_settings_forgets_everything(qtbot, settings, tmp_path, new_window):
    first = new_window()
    first.resize(1000, 700)
    first.dark_action.trigger()
    theme.set_theme("light")
    settings.add_recent_file(tmp_path)
    first.reset_settings_action.trigger()
    assert first.close()
    assert settings.theme == "system"
    assert settings.geometry == b""
    assert settings.recent_files() == []


def test_reset_settings_flag_is_accepted_by_the_window_command(monkeypatch):
    from explorer import cli
    seen = {}
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    import explorer.ui.shell.app as app

    monkeypatch.setattr(app, "run_window", lambda path=None, reset_settings=False: seen.update(path=path, reset=reset_settings) or 0)
    assert cli.main(["--reset-settings", "model.json"]) == 0
    assert seen == {"path": "model.json", "reset": True}
    assert cli.main(["model.json"]) == 0
    assert seen == {"path": "model.json", "reset": False}


@pytest.fixture
def korean(qapp):
    from explorer.ui.text.i18n import install_translator

    assert install_translator("ko", qapp) == "ko"
    yield
    remove_translators(qapp)


def test_korean_menus_show_hangul(korean, qtbot, settings, new_window):
    window = new_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[0] == "파일(&F)"
    assert all(HANGUL.search(title) for title in titles), titles
    file_menu = window.menuBar().actions()[0].menu()
    entries = [a.text() for a in file_menu.actions() if a.text()]
    assert entries
    assert all(HANGUL.search(text) for text in entries), entries
    assert HANGUL.search(window.step_action.text())
    assert HANGUL.search(window.speed_label.text())
    window.close()
