"""What the main window remembers between launches, and its theme: layout, theme, language (switched live), Reset settings.

:class:`WindowSettings` is a part of the main window
(:class:`~explorer.ui.shell.main_window.MainWindow` derives from it): the
View menu's theme and language choices, the dark-theme switch and Reset
settings land here, and what they choose is kept in the window's
:class:`~explorer.ui.kit.settings.Settings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication

from explorer.ui.kit.settings import Settings
from explorer.ui.kit.theme import apply_choice, apply_palette, current_theme, set_theme
from explorer.ui.shell.language import retranslate_window, switch_language
from explorer.ui.shell.parts import ShellWindow
from explorer.ui.shell.responsive import fit_to_screen
from explorer.ui.shell.text_zoom import TextZoom
from explorer.ui.text.i18n import translate

if TYPE_CHECKING:  # declared only: built with the window's parts
    from explorer.ui.shell.toolbars import StepsToolbar

DEFAULT_SIZE = (1400, 900)


class WindowSettings(ShellWindow):
    """Layout, theme and language of the main window, remembered in its settings."""

    settings: Settings
    text_zoom: TextZoom
    steps_toolbar: StepsToolbar
    dark_action: QAction
    theme_group: QActionGroup
    _layout_forgotten: bool  # Reset settings: the layout is not saved on closing

    if TYPE_CHECKING:

        def _on_step_changed(self) -> None: ...

    def restore_layout(self, geometry: bool = True) -> None:
        """Geometry (unless not ``geometry``) and docks as the last window left them (nothing saved: the
        defaults), within the screen."""
        if geometry and self.settings.geometry:
            self.restoreGeometry(self.settings.geometry)
        if self.settings.window_state:
            self.restoreState(self.settings.window_state)
        fit_to_screen(self)  # remembered on a larger screen or at another scale: never larger than this one

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()

    def reset_settings(self) -> None:
        """Forget everything remembered; the window goes back to its default size and theme now."""
        self.settings.reset()
        self._layout_forgotten = True
        self.resize(*DEFAULT_SIZE)
        self.text_zoom.set_factor(1.0, remember=False)
        self.statusBar().showMessage(translate("MainWindow", "Settings reset: the explorer starts with its defaults."), 8000)

    def choose_theme(self, choice: str) -> None:
        """View → Theme: remember ``choice`` (system, light, dark) and show it."""
        self.settings.theme = choice
        apply_choice(choice)
        self._repaint_theme()  # the menus' checks, even when the theme shown stays the same

    def choose_language(self, choice: str) -> None:
        """View → Language: remembered and shown now (:mod:`.language`)."""
        self.settings.language = choice
        switch_language(choice)  # every widget's changeEvent runs now, this window's too

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """A new catalogue was installed: every text in the new language (:func:`.language.retranslate_window`)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_window(self)

    def toggle_theme(self, dark: bool) -> None:
        """View → Dark theme: remembered and shown."""
        self.settings.theme = "dark" if dark else "light"
        set_theme(self.settings.theme)
        self._repaint_theme()

    def _repaint_theme(self, _name: str = "") -> None:
        with QSignalBlocker(self.dark_action):
            self.dark_action.setChecked(current_theme().name == "dark")
        for action in self.theme_group.actions():
            action.setChecked(action.data() == self.settings.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app)
        self.steps_toolbar.paint_icons()
        self._on_step_changed()  # the canvas and the panels follow the theme's changed signal themselves

    @property
    def theme_name(self) -> str:
        return current_theme().name
